import { homeRegion } from '../home-region.js';
import type { Catalog, CatalogItem } from '../catalog-schema.js';

export interface RefreshedPrice {
  price: number;
  source: string;
  /** A volume-tiered item's tiers, each rate refreshed (the catalog's boundaries kept). */
  tiers?: { upTo: number | null; price: number }[];
}

/** A catalog item's identity across refreshes. */
export const itemKey = (i: Pick<CatalogItem, 'kind' | 'id' | 'variant'>) => `${i.kind}|${i.id}|${i.variant ?? ''}`;

/**
 * The bundled catalog with the prices a refresh found replaced (dated today, confidence V). Items the
 * refresh did not find keep their old price, source, date and confidence, and the catalog's date stays
 * the oldest of its prices, so a partial refresh never looks fresher than it is. A region the bundled
 * catalog lacks starts from the home region's items, marked as such (U) until refreshed.
 */
export function applyRefresh(base: Catalog, region: string, found: Map<string, RefreshedPrice>, meta: { today: string; endpoint: string; buying?: Partial<Catalog['buyingOptions']> }): Catalog {
  const home = homeRegion(base);
  const start = base.regions[region] ?? {
    name: region,
    items: base.regions[home]!.items.map((i) => ({ ...i, source: `${home} price, not refreshed for ${region}: ${i.source}`, confidence: 'U' as const })),
  };
  let updated = 0;
  const items = start.items.map((item) => {
    const hit = found.get(itemKey(item));
    if (!hit) return item;
    updated++;
    return {
      ...item,
      price: hit.price,
      ...(hit.tiers ? { tiers: hit.tiers } : {}),
      source: hit.source,
      date: meta.today,
      confidence: 'V' as const,
    };
  });
  const regions = { ...base.regions, [region]: { name: start.name, items } };
  const dates = Object.values(regions).flatMap((r) => r.items.map((i) => i.date));
  return {
    ...base,
    date: dates.reduce((a, b) => (a < b ? a : b)),
    buyingOptions: { ...base.buyingOptions, ...(meta.buying ?? {}) },
    regions,
    refreshed: { at: meta.today, endpoint: meta.endpoint, region, updated, kept: items.length - updated },
  };
}
