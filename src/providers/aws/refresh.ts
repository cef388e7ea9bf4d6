import { homeRegion } from '../../pricing/home-region.js';
import type { Refresher } from '../types.js';
import type { Catalog, CatalogItem } from '../../pricing/catalog-schema.js';
import { itemKey, type RefreshedPrice } from '../../pricing/refresh/apply.js';
import { scanAwsOffer, type OfferScan } from './offer-stream.js';
import { getJson, under } from '../../pricing/refresh/http.js';
import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import { openStream } from '../../pricing/refresh/stream.js';
import type { Progress } from '../../pricing/refresh/progress.js';
import { groupDigits } from '../../core/group-digits.js';
import { onlyCandidate } from '../../pricing/refresh/ambiguity.js';
import { tieredPrice } from '../../pricing/refresh/tiers.js';
import { awsOffers, type AwsOffer } from './match-rules.js';
import { awsBands } from './dimensions.js';
import { candidatesByKey } from './offer-candidates.js';

interface OfferIndex {
  offers: Record<string, { currentRegionIndexUrl?: string; currentVersionUrl?: string }>;
}
interface RegionIndex {
  regions: Record<string, { currentVersionUrl: string }>;
}

const itemLabel = (i: CatalogItem) => `${i.kind} ${i.id}${i.variant ? ` (${i.variant})` : ''}`;

/**
 * The prices one scanned offer file gives the catalog's items: one product per item (two that fit one
 * item are an error naming both, never the first in file order), its on-demand rates in the item's unit,
 * a tiered item's every tier.
 */
export function pricesFromScan(
  scan: OfferScan<string>,
  items: readonly CatalogItem[],
  where: { offer: string; region: string },
): Map<string, RefreshedPrice> {
  const byKey = new Map(items.map((i) => [itemKey(i), i]));
  const found = new Map<string, RefreshedPrice>();
  const published = scan.publicationDate?.slice(0, 10) ?? 'undated';
  for (const [key, candidates] of candidatesByKey(scan)) {
    const item = byKey.get(key);
    if (!item) continue;
    const priced = candidates.filter((c) => awsBands(c.onDemand ?? [], item).length > 0);
    const source = `AWS Price List Bulk API (${where.offer}, ${where.region}, published ${published}`;
    const chosen = onlyCandidate(
      itemLabel(item),
      priced.map((c) => ({
        id: `SKU ${c.sku}`,
        attributes: { productFamily: c.product.productFamily, ...c.product.attributes },
        c,
      })),
      `${where.offer} ${where.region}`,
    )?.c;
    if (!chosen) continue;
    const product = chosen.product;
    const { price, tiers } = tieredPrice(item, awsBands(chosen.onDemand!, item), `${where.offer} SKU ${product.sku}`);
    found.set(key, { price, ...(tiers ? { tiers } : {}), source: `${source}, SKU ${product.sku})` });
  }
  return found;
}

/** The URL of an offer's file for the region (or, for a global offer, its one file). */
async function offerFileUrl(
  index: OfferIndex,
  offer: AwsOffer,
  region: string,
  url: (p: string) => string,
  idleMs: number,
) {
  const entry = index.offers[offer.code];
  if (offer.scope === 'global') {
    if (typeof entry?.currentVersionUrl !== 'string')
      throw new RefreshError(`index.json lists no current version for ${offer.code}`);
    return entry.currentVersionUrl;
  }
  if (typeof entry?.currentRegionIndexUrl !== 'string')
    throw new RefreshError(`index.json lists no region index for ${offer.code}`);
  const regions = await getJson<RegionIndex>(url(entry.currentRegionIndexUrl), { timeoutMs: idleMs });
  const target = regions?.regions?.[region];
  if (typeof target?.currentVersionUrl !== 'string')
    throw new RefreshError(`${offer.code} has no prices for region ${region}`);
  return target.currentVersionUrl;
}

/** Walks index.json → each offer's region_index.json → the region's offer file (or a global offer's file), streaming each. */
export async function refreshAws(
  base: Catalog,
  opts: { endpoint: string; region: string; idleMs: number; progress: Progress },
): Promise<Map<string, RefreshedPrice>> {
  const url = (path: string) => under(opts.endpoint, path);
  const index = await getJson<OfferIndex>(url('/offers/v1.0/aws/index.json'), { timeoutMs: opts.idleMs });
  if (!index?.offers || typeof index.offers !== 'object')
    throw new RefreshError('index.json has no "offers": not the AWS Price List Bulk API');
  const items = base.regions[opts.region]?.items ?? base.regions[homeRegion(base)]!.items;
  const found = new Map<string, RefreshedPrice>();
  for (const offer of awsOffers(items)) {
    const file = await offerFileUrl(index, offer, opts.region, url, opts.idleMs);
    const task = opts.progress.start(`${offer.code} ${offer.scope === 'global' ? 'global' : opts.region}`);
    const stream = await openStream(url(file), { idleMs: opts.idleMs, onLength: task.total });
    const scan = await scanAwsOffer(stream, (p) => offer.match(p, opts.region), task.advance);
    const prices = pricesFromScan(scan, items, {
      offer: offer.code,
      region: offer.scope === 'global' ? 'global' : opts.region,
    });
    task.done(`${groupDigits(scan.productsSeen)} products, ${prices.size} priced`);
    for (const [key, price] of prices) found.set(key, price);
  }
  return found;
}

/** The provider pack's refresher: AWS's Price List needs no credential and sets no buying options. */
export const refresh: Refresher = async (base, opts) => ({ found: await refreshAws(base, opts), buying: {} });
