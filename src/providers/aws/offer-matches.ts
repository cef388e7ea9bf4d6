import type { AwsProduct, OfferScan } from './offer-stream.js';

/**
 * Every product the scan matched, grouped by the catalog item it matched (in file order). The one
 * place that reads the scan's shape: the refresh decides what two products for one item mean.
 */
export function matchesByKey(scan: OfferScan<string>): Map<string, AwsProduct[]> {
  const out = new Map<string, AwsProduct[]>();
  for (const { key, product } of scan.matched.values()) {
    const list = out.get(key);
    if (list) list.push(product);
    else out.set(key, [product]);
  }
  return out;
}
