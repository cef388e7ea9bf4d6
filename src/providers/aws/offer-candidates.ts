import type { AwsPriceDimension, AwsProduct, OfferScan } from './offer-stream.js';

/** A product the scan matched to a catalog item, with its on-demand price dimensions (null when none). */
export interface OfferCandidate {
  sku: string;
  product: AwsProduct;
  onDemand: AwsPriceDimension[] | null;
}

/** Every product the scan matched, grouped by the catalog item it matched, in file order (the scanner keeps them all). */
export function candidatesByKey(scan: OfferScan<string>): Map<string, OfferCandidate[]> {
  return scan.byKey;
}
