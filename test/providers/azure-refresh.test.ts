import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { itemKey } from '../../src/pricing/refresh/apply.js';
import { progressReporter } from '../../src/pricing/refresh/progress.js';
import { refreshAzure } from '../../src/providers/azure/refresh.js';
import { json, serve } from '../pricing/fixtures.js';
import { azureResearch } from './research-catalogs.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';

const servers: { server: { close(): void } }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.server.close()));
const quiet = progressReporter({ write: () => true }, true);

type Row = Record<string, unknown>;
/** A Retail Prices API row of the real shape (region, product, SKU and meter names as Azure writes them). */
const row = (
  region: string,
  productName: string,
  skuName: string,
  meterName: string,
  retailPrice: number,
  over: Row = {},
): Row => ({
  currencyCode: 'USD',
  tierMinimumUnits: 0,
  retailPrice,
  unitPrice: retailPrice,
  armRegionName: region,
  location: region === 'eastus' ? 'US East' : 'DE West Central',
  effectiveStartDate: '2026-10-01T00:00:00Z',
  meterId: `${productName}/${meterName}/${over.tierMinimumUnits ?? 0}`,
  meterName,
  productId: 'DZH318Z0BQ4F',
  skuId: 'DZH318Z0BQ4F/0001',
  productName,
  skuName,
  serviceName: 'Redis Cache',
  serviceId: 'DZH3180BMC9D',
  serviceFamily: 'Databases',
  unitOfMeasure: '1 Hour',
  type: 'Consumption',
  isPrimaryMeterRegion: true,
  armSkuName: '',
  ...over,
});

/** Rows for a region, every price × `k` (Frankfurt-like regions are dearer). */
function rows(region: string, k: number): Row[] {
  const r = (p: string, s: string, m: string, price: number, over: Row = {}) => row(region, p, s, m, price * k, over);
  const gb = { unitOfMeasure: '1 GB' };
  return [
    r('Virtual Machines Dpsv5 Series', 'D2ps v5', 'D2ps v5', 0.077, {
      armSkuName: 'Standard_D2ps_v5',
      serviceName: 'Virtual Machines',
    }),
    r('Virtual Machines Dpsv5 Series Windows', 'D2ps v5', 'D2ps v5', 0.169, {
      armSkuName: 'Standard_D2ps_v5',
      serviceName: 'Virtual Machines',
    }),
    r('Azure Database for PostgreSQL Flexible Server General Purpose Ddsv5 Series Compute', 'vCore', 'vCore', 0.089, {
      serviceName: 'Azure Database for PostgreSQL',
    }),
    r('Azure Redis Cache Basic', 'C1', 'C1 Cache Instance', 0.055),
    r('Azure Redis Cache Standard', 'C1', 'C1 Cache Instance', 0.069),
    r('Azure Redis Cache Premium', 'P1', 'P1 Cache Instance', 0.277),
    r('Application Gateway Standard v2', 'Standard', 'Standard Fixed Cost', 0.246, {
      serviceName: 'Application Gateway',
    }),
    r('Application Gateway Standard v2', 'Standard', 'Standard Capacity Units', 0.008, {
      serviceName: 'Application Gateway',
    }),
    r('Application Gateway WAF v2', 'Standard', 'Standard Fixed Cost', 0.443, { serviceName: 'Application Gateway' }),
    r('NAT Gateway', 'Standard', 'Standard Gateway', 0.045, { serviceName: 'Virtual Network' }),
    r('NAT Gateway', 'Standard', 'Standard Data Processed', 0.045, { serviceName: 'Virtual Network', ...gb }),
    // Routing preference Internet: the first 100 GB free, then four bands.
    ...[
      [0, 0],
      [100, 0.08],
      [10100, 0.065],
      [50100, 0.06],
      [150100, 0.04],
    ].map(([min, price]) =>
      r('Rtn Preference: Internet', 'Standard', 'Standard Data Transfer Out', price!, {
        serviceName: 'Bandwidth',
        tierMinimumUnits: min,
        ...gb,
      }),
    ),
    ...[
      [0, 0.4],
      [1000, 0.2],
    ].map(([min, price]) =>
      r('Azure DNS', 'Public', 'Public Queries', price!, {
        serviceName: 'Azure DNS',
        tierMinimumUnits: min,
        unitOfMeasure: '1M',
      }),
    ),
  ];
}

/** The Retail Prices API answering an OData filter: armRegionName, productName, skuName, meterName, armSkuName. */
function retail(all: Row[]) {
  return (_req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname !== '/api/retail/prices') return false;
    const filter = url.searchParams.get('$filter') ?? '';
    const wanted = [...filter.matchAll(/(\w+) eq '((?:[^']|'')*)'/g)].map(([, field, value]) => [
      field!,
      value!.replace(/''/g, "'"),
    ]);
    const items = all.filter((r) => wanted.every(([f, v]) => f === 'priceType' || r[f!] === v));
    return void json(res, { BillingCurrency: 'USD', Items: items, NextPageLink: null, Count: items.length });
  };
}

/** Front Door rows: a global service, billed by the zone of the serving edge; seven transfer bands (test figures). */
const frontDoorRows = (): Row[] => {
  const fd = (zone: string, meter: string, min: number, price: number, unit: string) =>
    row(zone, 'Azure Front Door', 'Standard', meter, price, {
      serviceName: 'Azure Front Door Service',
      tierMinimumUnits: min,
      unitOfMeasure: unit,
    });
  const bands: [number, number][] = [
    [0, 0.083],
    [10000, 0.065],
    [50000, 0.056],
    [150000, 0.05],
    [500000, 0.045],
    [1000000, 0.04],
    [5000000, 0.035],
  ];
  return [
    ...bands.map(([min, price]) => fd('Zone 1', 'Standard Data Transfer Out', min, price, '1 GB')),
    ...bands.map(([min, price]) => fd('Zone 2', 'Standard Data Transfer Out', min, price * 1.5, '1 GB')),
    fd('Zone 1', 'Standard Requests', 0, 0.009, '10K'),
  ];
};

async function refreshed(region: string, extra: Row[] = []) {
  const s = await serve(
    retail([...rows('eastus', 1), ...rows('germanywestcentral', 1.2), ...frontDoorRows(), ...extra]),
  );
  servers.push(s);
  const { found } = await refreshAzure(azureResearch(), { endpoint: s.url, region, idleMs: 5000, progress: quiet });
  return (kind: string, id: string, variant?: string) => found.get(itemKey({ kind: kind as never, id, variant }));
}

describe('pricing update azure against catalogs in the research format', () => {
  it('refreshes Front Door transfer by the serving zone, every band, and its requests', async () => {
    const s = await serve(retail(frontDoorRows()));
    servers.push(s);
    const opts = { endpoint: s.url, idleMs: 5000, progress: quiet };
    const { found } = await refreshAzure(bundledCatalogs().azure!, { ...opts, region: 'eastus' });
    const price = (kind: string, id: string) => found.get(itemKey({ kind: kind as never, id }));
    const transfer = price('cdn-transfer', 'front-door-transfer');
    expect(transfer?.price).toBe(0.083);
    expect(transfer?.tiers).toEqual([
      { upTo: 10000, price: 0.083 },
      { upTo: 50000, price: 0.065 },
      { upTo: 150000, price: 0.056 },
      { upTo: 500000, price: 0.05 },
      { upTo: 1000000, price: 0.045 },
      { upTo: 5000000, price: 0.04 },
      { upTo: null, price: 0.035 },
    ]);
    expect(price('cdn-requests', 'front-door-requests')?.price).toBe(0.009);
    // Tokyo's clients are served from zone-2 edges, at zone 2's rates.
    const asia = await refreshAzure(bundledCatalogs().azure!, { ...opts, region: 'japaneast' });
    expect(asia.found.get(itemKey({ kind: 'cdn-transfer', id: 'front-door-transfer' }))?.price).toBeCloseTo(0.1245, 6);
  });

  it('refreshes Cache Basic/Standard/Premium, Flexible Server HA, App Gateway (+WAF, capacity units), NAT, tiered egress and DNS', async () => {
    const price = await refreshed('eastus');
    expect(price('compute', 'Standard_D2ps_v5')?.price).toBe(0.077);
    expect(price('database', 'Standard_D2ds_v5', 'multi-az')?.price).toBeCloseTo(0.089 * 2 * 2, 6);
    expect(price('cache', 'C1-basic', 'single-az')?.price).toBe(0.055);
    expect(price('cache', 'C1-standard', 'multi-az')?.price).toBe(0.069);
    expect(price('cache', 'P1-premium', 'premium')?.price).toBe(0.277);
    expect(price('load-balancer', 'application-gateway-v2')?.price).toBe(0.246);
    expect(price('load-balancer', 'application-gateway-waf-v2', 'waf')?.price).toBe(0.443);
    expect(price('load-balancer-capacity', 'application-gateway-capacity-unit')?.price).toBe(0.008);
    expect(price('nat-data', 'nat-gateway-data')?.price).toBe(0.045);
    expect(price('egress', 'internet-egress', 'routing-internet')?.tiers).toEqual([
      { upTo: 10100, price: 0.08 },
      { upTo: 50100, price: 0.065 },
      { upTo: 150100, price: 0.06 },
      { upTo: null, price: 0.04 },
    ]);
    expect(price('dns-queries', 'dns-queries')?.tiers).toEqual([
      { upTo: 1000, price: 0.4 },
      { upTo: null, price: 0.2 },
    ]);
  });

  it('any region the API has: Germany West Central from its own rows', async () => {
    const price = await refreshed('germanywestcentral');
    expect(price('cache', 'P1-premium', 'premium')?.price).toBeCloseTo(0.277 * 1.2, 6);
    expect(price('cache', 'P1-premium', 'premium')?.source).toMatch(/germanywestcentral/);
    expect(price('egress', 'internet-egress', 'routing-internet')?.tiers?.[0]?.price).toBeCloseTo(0.096, 6);
  });

  it('two rows for one cache size (another SKU under the same names) fail the refresh, naming both', async () => {
    const twin = row('eastus', 'Azure Redis Cache Premium', 'P1', 'P1 Cache Instance', 0.3, {
      meterId: 'other-meter',
      armSkuName: 'Azure_Redis_Cache_Premium_P1_Cache',
    });
    await expect(refreshed('eastus', [twin])).rejects.toThrow(
      /cache P1-premium \(premium\): 2 products in Retail Prices eastus fit it, Azure Redis Cache Premium \/ P1 \/ P1 Cache Instance \(meter Azure Redis Cache Premium\/P1 Cache Instance\/0\) and Azure Redis Cache Premium \/ P1 \/ P1 Cache Instance \(meter other-meter\) \(.*armSkuName "" \/ "Azure_Redis_Cache_Premium_P1_Cache".*retailPrice "0\.277" \/ "0\.3"/,
    );
  });
});
