import type { AwsPriceDimension, AwsProduct, OfferScan } from './offer-stream.js';

/** A product the scan matched to a catalog item, with its on-demand price dimensions (null when none). */
export interface OfferCandidate {
  sku: string;
  product: AwsProduct;
  onDemand: AwsPriceDimension[] | null;
}

/**
 * Every product the scan matched, grouped by the catalog item it matched, in file order: the one place
 * that reads the scan's shape (the refresh then decides what two products for one item mean). When the
 * scanner reports every match per key itself (h-offer's `scan.byKey` of {sku, key, product, onDemand}),
 * this becomes `return scan.byKey`.
 */
export function candidatesByKey(scan: OfferScan<string>): Map<string, OfferCandidate[]> {
  const out = new Map<string, OfferCandidate[]>();
  for (const [sku, { key, product }] of scan.matched) {
    const entry = { sku, product, onDemand: scan.onDemand.get(sku) ?? null };
    const list = out.get(key);
    if (list) list.push(entry);
    else out.set(key, [entry]);
  }
  return out;
}
