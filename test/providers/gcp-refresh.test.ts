import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { itemKey } from '../../src/pricing/refresh/apply.js';
import { progressReporter } from '../../src/pricing/refresh/progress.js';
import { refreshGcp } from '../../src/providers/gcp/refresh.js';
import { json, serve } from '../pricing/fixtures.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { gcpResearch } from './research-catalogs.js';
import catalogRows from '../fixtures/providers/gcp-cloudsql-catalog-rows.json' with { type: 'json' };

const servers: { server: { close(): void } }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.server.close()));
const quiet = progressReporter({ write: () => true }, true);

let n = 0;
/** A SKU in the Cloud Billing Catalog API's shape: tiers as [startUsageAmount, USD] in the SKU's usage unit. */
function sku(description: string, regions: string[], usageUnit: string, tiers: [number, number][], group = 'N/A') {
  const id = `F1X7-${String(++n).padStart(4, '0')}-TEST`;
  return {
    name: `services/TEST/skus/${id}`,
    skuId: id,
    description,
    category: { serviceDisplayName: 'test', resourceFamily: 'Network', resourceGroup: group, usageType: 'OnDemand' },
    serviceRegions: regions,
    pricingInfo: [
      {
        summary: '',
        pricingExpression: {
          usageUnit,
          displayQuantity: 1,
          tieredRates: tiers.map(([start, usd]) => ({
            startUsageAmount: start,
            unitPrice: { currencyCode: 'USD', units: String(Math.floor(usd)), nanos: Math.round((usd % 1) * 1e9) },
          })),
          usageUnitDescription: usageUnit,
          baseUnit: usageUnit,
          baseUnitDescription: usageUnit,
          baseUnitConversionFactor: 1,
        },
        currencyConversionRate: 1,
        effectiveTime: '2026-11-01T00:00:00Z',
      },
    ],
    serviceProviderName: 'Google',
  };
}
const flat = (p: number): [number, number][] => [[0, p]];
const us = ['us-central1', 'us-east1'];
const de = ['europe-west3'];
const SERVICES: Record<string, ReturnType<typeof sku>[]> = {
  '6F81-5844-456A': [
    sku('E2 Instance Core running in Americas', us, 'h', flat(0.021811)),
    sku('E2 Instance Ram running in Americas', us, 'GiBy.h', flat(0.002923)),
    sku('E2 Instance Core running in Frankfurt', de, 'h', flat(0.026)),
    sku('E2 Instance Ram running in Frankfurt', de, 'GiBy.h', flat(0.0035)),
    sku('C4A Arm Instance Core running in Americas', us, 'h', flat(0.03086)),
    sku('C4A Arm Instance Ram running in Americas', us, 'GiBy.h', flat(0.003517)),
    sku('Spot Preemptible C4A Arm Instance Core running in Americas', us, 'h', flat(0.01)),
  ],
  '9662-B51E-5089': [
    sku('Cloud SQL for PostgreSQL: Zonal - vCPU in Americas', us, 'h', flat(0.0413)),
    sku('Cloud SQL for PostgreSQL: Zonal - RAM in Americas', us, 'GiBy.h', flat(0.007)),
    sku('Cloud SQL for PostgreSQL: Regional - vCPU in Americas', us, 'h', flat(0.0826)),
    sku('Cloud SQL for PostgreSQL: Regional - RAM in Americas', us, 'GiBy.h', flat(0.014)),
    // The Enterprise Plus shape of the real Catalog (series named, per-region location: "... N RAM in Iowa" is a
    // billed row in a 2026 billing-export fixture; the Carolina rows are in gcp-cloudsql-catalog-rows.json).
    sku('Cloud SQL for PostgreSQL: Zonal - Enterprise Plus N vCPU in Iowa', ['us-central1'], 'h', flat(0.0557)),
    sku('Cloud SQL for PostgreSQL: Zonal - Enterprise Plus N RAM in Iowa', ['us-central1'], 'GiBy.h', flat(0.0094)),
    sku('Cloud SQL for PostgreSQL: Zonal - Enterprise Plus C4 vCPU in Iowa', ['us-central1'], 'h', flat(0.056)),
    sku('Cloud SQL for PostgreSQL: Zonal - Standard storage in Americas', us, 'GiBy.mo', flat(0.17)),
    sku('Cloud SQL for PostgreSQL: Regional - Standard storage in Americas', us, 'GiBy.mo', flat(0.34)),
    sku('Cloud SQL for MySQL: Zonal - vCPU in Americas', us, 'h', flat(0.5)),
  ],
  '5AF5-2C11-D467': [
    sku('Redis Capacity Basic M1 Iowa', ['us-central1'], 'GiBy.h', flat(0.049)),
    sku('Redis Capacity Standard M3 Iowa', ['us-central1'], 'GiBy.h', flat(0.046)),
    sku('Redis Capacity Basic M1 Frankfurt', de, 'GiBy.h', flat(0.0592)),
    sku('Redis Capacity Standard M3 Frankfurt', de, 'GiBy.h', flat(0.0552)),
    sku('Redis Standard Node Capacity M3 Iowa', ['us-central1'], 'GiBy.h', flat(0.023)),
  ],
  'E505-1604-58F8': [
    sku(
      'Networking Cloud CDN Traffic Cache Data Transfer to North America',
      ['global'],
      'GiBy',
      [
        [0, 0.08],
        [10240, 0.055],
        [153600, 0.03],
      ],
      'CDNCacheEgress',
    ),
    sku(
      'Networking Cloud CDN Traffic Cache Data Transfer to Oceania',
      ['global'],
      'GiBy',
      [
        [0, 0.11],
        [10240, 0.09],
        [153600, 0.08],
      ],
      'CDNCacheEgress',
    ),
    sku('Networking Edge Cache Data Transfer from North America', ['global'], 'GiBy', flat(0.02), 'EdgeCacheEgress'),
    sku('Networking Cloud Cdn Cache Lookups', ['global'], 'count', flat(0.00000075), 'Cdn'),
    sku('Network Internet Data Transfer Out from Iowa to Americas', ['us-central1'], 'GiBy', [
      [0, 0.12],
      [1024, 0.11],
      [10240, 0.08],
    ]),
    sku('Network Internet Data Transfer Out from Frankfurt to Americas', de, 'GiBy', [
      [0, 0.12],
      [1024, 0.11],
      [10240, 0.08],
    ]),
    sku('Network Internet Data Transfer Out from Iowa to Australia', ['us-central1'], 'GiBy', [
      [0, 0.19],
      [1024, 0.18],
      [10240, 0.15],
    ]),
  ],
  'FA26-5236-B8B5': [
    sku(
      'DNS Query (port 53)',
      ['global'],
      'count',
      [
        [0, 0.0000004],
        [1_000_000_000, 0.0000002],
      ],
      'DNS',
    ),
    sku(
      'ManagedZone',
      ['global'],
      'mo',
      [
        [0, 0.2],
        [25, 0.1],
        [10000, 0.03],
      ],
      'DNS',
    ),
  ],
};

type Skus = Record<string, ReturnType<typeof sku>[]>;
/** The API serving SERVICES plus `extra`; a service in `only` serves just those SKUs instead. */
function api(extra: Skus = {}, only: Skus = {}) {
  return (_req: IncomingMessage, res: ServerResponse, url: URL) => {
    const m = /^\/v1\/services\/([\w-]+)\/skus$/.exec(url.pathname);
    if (!m || url.searchParams.get('key') !== 'test-key') return false;
    return void json(res, { skus: only[m[1]!] ?? [...(SERVICES[m[1]!] ?? []), ...(extra[m[1]!] ?? [])] });
  };
}
async function refreshed(region: string, extra?: Skus, only?: Skus, catalog = gcpResearch()) {
  const s = await serve(api(extra, only));
  servers.push(s);
  const found = await refreshGcp(catalog, {
    endpoint: s.url,
    region,
    idleMs: 5000,
    apiKey: 'test-key',
    progress: quiet,
  });
  return (kind: string, id: string, variant?: string) => found.get(itemKey({ kind: kind as never, id, variant }));
}

describe('pricing update gcp against catalogs in the research format', () => {
  it('refreshes Arm and x86 machines, Cloud SQL Enterprise and Enterprise Plus, Memorystore capacity tiers, CDN, egress and DNS', async () => {
    const price = await refreshed('us-central1');
    expect(price('compute', 'c4a-standard-2')?.price).toBeCloseTo(2 * 0.03086 + 8 * 0.003517, 9);
    expect(price('database', 'cloudsql-enterprise-vcpu', 'single-az')?.price).toBe(0.0413);
    expect(price('database', 'cloudsql-enterprise-memory', 'multi-az')?.price).toBe(0.014);
    expect(price('database', 'cloudsql-enterprise-plus-vcpu', 'aurora')?.price).toBe(0.0557);
    expect(price('database', 'db-custom-2-8192', 'multi-az')?.price).toBeCloseTo(2 * 0.0826 + 8 * 0.014, 6);
    expect(price('database-storage', 'cloud-sql-ssd', 'multi-az')?.price).toBe(0.34);
    expect(price('cache', 'memorystore-redis-basic-m1', 'basic')?.price).toBe(0.049);
    // Standard (HA) is one instance at the Standard tier's rate, not two Basic ones.
    expect(price('cache', 'memorystore-standard-13gb', 'multi-az')?.price).toBeCloseTo(13 * 0.046, 6);
    expect(price('cache', 'memorystore-basic-4gb', 'single-az')?.price).toBeCloseTo(4 * 0.049, 6);
    expect(price('cdn-transfer', 'cloud-cdn-transfer', 'oceania')?.tiers).toEqual([
      { upTo: 10240, price: 0.11 },
      { upTo: 153600, price: 0.09 },
      { upTo: null, price: 0.08 },
    ]);
    expect(price('cdn-requests', 'cloud-cdn-lookups')?.price).toBeCloseTo(0.0075, 10);
    expect(price('egress', 'internet-egress-premium')?.tiers?.map((t) => t.price)).toEqual([0.12, 0.11, 0.08]);
    expect(price('dns-queries', 'cloud-dns-queries', 'tiered')?.tiers).toEqual([
      { upTo: 1000, price: 0.4 },
      { upTo: null, price: 0.2 },
    ]);
    // The catalog's zone tiers (25 / 100,000) do not line up with the API's (25 / 10,000): the API's replace them.
    expect(price('dns-zone', 'cloud-dns-zone', 'tiered')?.tiers).toEqual([
      { upTo: 25, price: 0.2 },
      { upTo: 10000, price: 0.1 },
      { upTo: null, price: 0.03 },
    ]);
  });

  it('any region the API has: Frankfurt from its own SKUs, global ones shared', async () => {
    const price = await refreshed('europe-west3');
    expect(price('compute', 'e2-standard-2')?.price).toBeCloseTo(2 * 0.026 + 8 * 0.0035, 9);
    expect(price('cache', 'memorystore-standard-13gb', 'multi-az')?.price).toBeCloseTo(13 * 0.0552, 6);
    expect(price('cache', 'memorystore-standard-13gb', 'multi-az')?.source).toMatch(
      /Redis Capacity Standard M3 Frankfurt/,
    );
    expect(price('cdn-transfer', 'cloud-cdn-transfer', 'north-america')?.price).toBe(0.08);
    // No Arm or Cloud SQL SKU serves Frankfurt in this fixture: those items are not refreshed, never borrowed.
    expect(price('compute', 'c4a-standard-2')).toBeUndefined();
    expect(price('database', 'cloudsql-enterprise-vcpu', 'single-az')).toBeUndefined();
  });

  it('Cloud SQL from the real Catalog rows of us-east1: Enterprise Plus is the N series, never C4 or C4A', async () => {
    const rows = catalogRows.rows.map((r) => sku(r.description, [catalogRows.region], r.usageUnit, flat(r.usd)));
    // The bundled catalog: its us-east1 rows include the Enterprise Plus memory item and the HA shapes.
    const price = await refreshed('us-east1', {}, { '9662-B51E-5089': rows }, bundledCatalogs().gcp!);
    const vcpu = price('database', 'cloudsql-enterprise-plus-vcpu', 'aurora');
    expect(vcpu?.price).toBe(0.0537);
    expect(vcpu?.source).toMatch(/Enterprise Plus N vCPU in Carolina/);
    expect(price('database', 'cloudsql-enterprise-plus-memory', 'aurora')?.price).toBe(0.0091);
    // The HA shapes are composed from the zonal N rows: 2 × (vCPUs × $0.0537 + GiB × $0.0091).
    expect(price('database', 'db-perf-optimized-N-2', 'aurora')?.price).toBeCloseTo(2 * (2 * 0.0537 + 16 * 0.0091), 6);
    // Enterprise (the legacy per-vCPU SKU) is not taken for the N4 or Enterprise Plus ones.
    expect(price('database', 'cloudsql-enterprise-vcpu', 'single-az')?.price).toBe(0.0413);
  });

  it('two SKUs that both fit one item (a per-region and a multi-region one) are an error naming both', async () => {
    const twin = sku('Redis Capacity Basic M1 Americas', ['us-central1', 'us-east1'], 'GiBy.h', flat(0.05));
    await expect(refreshed('us-central1', { '5AF5-2C11-D467': [twin] })).rejects.toThrow(
      /cache memorystore-basic-4gb \(single-az\) at Basic M1: 2 products in the Cloud Billing Catalog \(us-central1\) fit it, SKU F1X7-\d+-TEST "Redis Capacity Basic M1 Iowa" and SKU F1X7-\d+-TEST "Redis Capacity Basic M1 Americas" \(description .*serviceRegions "us-central1" \/ "us-central1,us-east1"\)/,
    );
  });
});
