import type { Catalog, CatalogItem } from '../../src/pricing/catalog-schema.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';

const src = 'test fixture: research/prices/<provider>/regions.yaml (issue 12)';
const date = '2026-10-02';

function withItems(provider: string, change: (items: CatalogItem[]) => CatalogItem[]): Catalog {
  const catalog = structuredClone(bundledCatalogs()[provider]!);
  const region = Object.keys(catalog.regions)[0]!;
  catalog.regions[region]!.items = change(catalog.regions[region]!.items);
  return catalog;
}

const graviton = (id: string, shape: string, vcpus: number, price: number): CatalogItem => ({
  id,
  shape,
  kind: 'compute',
  unit: 'hour',
  price,
  vcpus,
  memoryGb: vcpus * 4,
  description: 'general purpose',
  source: src,
  date,
  confidence: 'V',
});

/**
 * The AWS catalog as h-catalog's research has it: Graviton m7g sizes beside m7i in each shape (m7g.xlarge names
 * its architecture in an `arch` field, the others by family), and every ElastiCache node as Redis OSS and as
 * Valkey (20 % cheaper).
 */
export function gravitonValkeyAws(): Catalog {
  return withItems('aws', (items) => {
    const kept = items.filter((i) => i.id !== 'm7g.large');
    const arm = [
      graviton('m7g.large', 'general-2', 2, 0.0816),
      { ...graviton('m7g.xlarge', 'general-4', 4, 0.1632), arch: 'arm64' } as CatalogItem,
      graviton('m7g.2xlarge', 'general-8', 8, 0.3264),
      graviton('m7g.4xlarge', 'general-16', 16, 0.6528),
    ];
    const caches = kept
      .filter((i) => i.kind === 'cache')
      .flatMap((i) => [
        { ...i, variant: 'redis' },
        { ...i, variant: 'valkey', price: Math.round(i.price * 0.8 * 1e4) / 1e4 },
      ]);
    return [...kept.filter((i) => i.kind !== 'cache'), ...arm, ...caches];
  });
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
