import type { Catalog, CatalogItem } from '../../src/pricing/catalog-schema.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';

const src = 'test fixture: research/prices/<provider>/regions.yaml (issue 12)';

function withItems(provider: string, change: (items: CatalogItem[]) => CatalogItem[]): Catalog {
  const catalog = structuredClone(bundledCatalogs()[provider]!);
  const region = Object.keys(catalog.regions)[0]!;
  catalog.regions[region]!.items = change(catalog.regions[region]!.items);
  return catalog;
}

/** The Azure catalog with Premium P-series cache nodes (research eastus prices) in place of Standard C-series. */
export function premiumCacheAzure(): Catalog {
  const premium = (id: string, shape: string, memoryGb: number, price: number): CatalogItem => ({
    id,
    shape,
    kind: 'cache',
    unit: 'hour',
    price,
    vcpus: 2,
    memoryGb,
    billedNodes: 2,
    description: `Premium ${id} per node`,
    source: src,
    date: '2026-07-26',
    confidence: 'V',
  });
  return withItems('azure', (items) => [
    ...items.filter((i) => i.kind !== 'cache'),
    premium('P1-premium', 'cache-3', 6, 0.277),
    premium('P2-premium', 'cache-13', 13, 0.555),
    premium('P3-premium', 'cache-26', 26, 1.109),
  ]);
}
