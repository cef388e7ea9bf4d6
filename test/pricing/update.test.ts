import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { awsOffer, awsRoutes, EC2_PRODUCTS, json, serve } from './fixtures.js';

const servers: { server: { close(): void } }[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.server.close()));
const env = () => ({ NO_COLOR: '1', XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'capacity-plan-data-')) });
const catalogFile = (e: { XDG_DATA_HOME: string }, p: string) => join(e.XDG_DATA_HOME, 'capacity-plan', 'pricing', `${p}.json`);
async function start(routes: Parameters<typeof serve>[0]) {
  const s = await serve(routes);
  servers.push(s);
  return s;
}
const itemOf = (catalog: any, id: string, variant?: string) => catalog.regions['us-east-1'].items.find((i: any) => i.id === id && (variant === undefined || i.variant === variant));

describe('pricing update aws (Price List Bulk API, streamed)', () => {
  it('walks index.json → region_index.json → offer files, picks Linux shared on-demand products and ignores look-alikes', async () => {
    const s = await start(awsRoutes());
    const e = env();
    const r = await cli(['pricing', 'update', 'aws', '--endpoint', s.url], { env: e });
    expect(r.err).toMatch(/updated \d+ aws prices for us-east-1/);
    expect(r.code).toBe(0);
    const catalog = JSON.parse(readFileSync(catalogFile(e, 'aws'), 'utf8'));
    expect(itemOf(catalog, 'm7i.large')).toMatchObject({ price: 0.101, confidence: 'V', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(itemOf(catalog, 'm7i.large').source).toMatch(/AWS Price List Bulk API \(AmazonEC2, us-east-1, published 2026-11-01, SKU M7IL\)/);
    expect(itemOf(catalog, 'db.t4g.medium', 'multi-az').price).toBe(0.132);
    expect(itemOf(catalog, 'cache.r7g.large').price).toBe(0.219);
    expect(itemOf(catalog, 'nat-gateway-data').price).toBe(0.046);
    expect(itemOf(catalog, 'alb-lcu').price).toBe(0.008);
    // Not in the feed: kept as it was, with its own source, date and confidence.
    expect(itemOf(catalog, 'db.r7g.large', 'single-az')).toMatchObject({ price: 0.239, confidence: 'V', date: '2026-08-31' });
    expect(catalog.refreshed).toMatchObject({ endpoint: s.url, region: 'us-east-1' });
    // The refreshed catalog is used from then on, and says so.
    const plan = JSON.parse((await cli(['plan', '--users', '50k', '--json'], { env: e })).out);
    expect(plan.cost.pricing.catalog).toBe('refreshed');
    expect((await cli(['pricing', 'list'], { env: e })).out).toMatch(/aws .* refreshed/);
    expect(JSON.parse((await cli(['pricing', 'show', 'aws', '--format', 'json'], { env: e })).out).items.find((i: any) => i.id === 'm7i.large').price).toBe(0.101);
  });

  it('another region: its own prices where the feed has them, the bundled region\'s own prices elsewhere', async () => {
    const s = await start(awsRoutes());
    const e = env();
    expect((await cli(['pricing', 'update', 'aws', '--endpoint', s.url, '--region', 'eu-west-1'], { env: e })).code).toBe(0);
    const catalog = JSON.parse(readFileSync(catalogFile(e, 'aws'), 'utf8'));
    const eu = catalog.regions['eu-west-1'].items;
    expect(eu.find((i: any) => i.id === 'm7i.large')).toMatchObject({ price: 0.112, confidence: 'V' });
    const bundled = (await import('../../src/pricing/bundled.js')).bundledCatalogs().aws!.regions['eu-west-1']!.items;
    expect(eu.find((i: any) => i.id === 'm7i.xlarge')).toEqual(bundled.find((i) => i.id === 'm7i.xlarge'));
    const plan = JSON.parse((await cli(['plan', '--users', '50k', '--region', 'eu-west-1', '--json'], { env: e })).out);
    expect(plan.cost.pricing.region).toBe('eu-west-1');
  });

  const failures: [string, Parameters<typeof awsRoutes>[0], RegExp][] = [
    ['an HTTP error', (offer, res) => offer === 'AmazonRDS' && (res.writeHead(500).end('boom'), true), /HTTP 500/],
    ['a truncated body', (offer, res) => {
      if (offer !== 'AmazonEC2') return false;
      const text = JSON.stringify(awsOffer(offer, EC2_PRODUCTS), null, 2);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(text.slice(0, Math.floor(text.length * 0.6)));
      return true;
    }, /cut short/],
    ['a malformed body', (offer, res) => offer === 'AWSELB' && (res.writeHead(200).end('{"products": {"X": {"sku": "X", "attributes": {,}}}}'), true), /not valid JSON/],
    ['a stalled download', (offer, res) => {
      if (offer !== 'AmazonElastiCache') return false;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"formatVersion": "v1.0", "products": {');
      return true; // and never another byte
    }, /stalled/],
  ];
  it.each(failures)('%s leaves the previous catalog exactly as it was and exits 1 with the reason', async (_, override, reason) => {
    const s = await start(awsRoutes(override));
    const e = env();
    mkdirSync(join(e.XDG_DATA_HOME, 'capacity-plan', 'pricing'), { recursive: true });
    // A good refreshed catalog from before.
    const good = await start(awsRoutes());
    expect((await cli(['pricing', 'update', 'aws', '--endpoint', good.url], { env: e })).code).toBe(0);
    const before = readFileSync(catalogFile(e, 'aws'), 'utf8');
    const r = await cli(['pricing', 'update', 'aws', '--endpoint', s.url, '--timeout', '1'], { env: e });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/pricing update aws failed, the previous catalog is unchanged: /);
    expect(r.err, r.err).toMatch(reason);
    expect(readFileSync(catalogFile(e, 'aws'), 'utf8')).toBe(before);
  });

  it('a server that is not the price list (no offers) fails without writing anything', async () => {
    const s = await start((_req, res, url) => (url.pathname.endsWith('index.json') ? json(res, { hello: 'world' }) : false));
    const e = env();
    const r = await cli(['pricing', 'update', 'aws', '--endpoint', s.url], { env: e });
    expect(r.code).toBe(1);
    expect(existsSync(catalogFile(e, 'aws'))).toBe(false);
  });
});

describe('pricing update azure (Retail Prices API)', () => {
  function azureRoutes(opts: { throttleFirst?: boolean } = {}) {
    let throttled = !opts.throttleFirst;
    return (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => {
      if (url.pathname !== '/api/retail/prices') return false;
      const origin = `http://${req.headers.host}`;
      if (!throttled) {
        throttled = true;
        res.writeHead(429, { 'retry-after': '0' });
        return void res.end('slow down');
      }
      const filter = url.searchParams.get('$filter') ?? '';
      const row = (over: Record<string, unknown>) => ({ currencyCode: 'USD', tierMinimumUnits: 0, armRegionName: 'eastus', type: 'Consumption', unitOfMeasure: '1 Hour', ...over });
      let items: unknown[] = [];
      const sku = /armSkuName eq '([^']+)'/.exec(filter)?.[1];
      if (filter.includes("serviceName eq 'Virtual Machines'") && sku === 'Standard_D2s_v5') {
        items = [
          row({ retailPrice: 0.192, unitPrice: 0.192, armSkuName: sku, skuName: 'D2s v5', meterName: 'D2s v5', productName: 'Virtual Machines Dsv5 Series Windows', serviceName: 'Virtual Machines' }),
          row({ retailPrice: 0.0192, unitPrice: 0.0192, armSkuName: sku, skuName: 'D2s v5 Spot', meterName: 'D2s v5 Spot', productName: 'Virtual Machines Dsv5 Series', serviceName: 'Virtual Machines' }),
        ];
        if (url.searchParams.get('$skip') === '100') {
          items = [row({ retailPrice: 0.097, unitPrice: 0.097, armSkuName: sku, skuName: 'D2s v5', meterName: 'D2s v5', productName: 'Virtual Machines Dsv5 Series', serviceName: 'Virtual Machines', savingsPlan: [{ term: '1 Year', retailPrice: 0.066 }, { term: '3 Years', retailPrice: 0.0444 }] })];
          return void json(res, { BillingCurrency: 'USD', Items: items, NextPageLink: null, Count: 1 });
        }
        return void json(res, { BillingCurrency: 'USD', Items: items, NextPageLink: `${origin}/api/retail/prices?${url.searchParams.toString()}&$skip=100`, Count: items.length });
      }
      if (filter.includes('Ddsv5 Series Compute')) items = [row({ retailPrice: 0.09, unitPrice: 0.09, armSkuName: '', skuName: 'vCore', meterName: 'vCore', productName: 'Azure Database for PostgreSQL Flexible Server General Purpose Ddsv5 Series Compute', serviceName: 'Azure Database for PostgreSQL' })];
      if (filter.includes("skuName eq 'C1'")) items = [row({ retailPrice: 0.07, unitPrice: 0.07, armSkuName: 'Azure_Redis_Cache_C1', skuName: 'C1', meterName: 'C1 Cache Instance', productName: 'Azure Redis Cache Standard', serviceName: 'Redis Cache' })];
      return void json(res, { BillingCurrency: 'USD', Items: items, NextPageLink: null, Count: items.length });
    };
  }
  it('pinned filters, NextPageLink to the end, a 429 backed off, Windows and Spot rows ignored, two nodes for Standard Redis', async () => {
    const s = await start(azureRoutes({ throttleFirst: true }));
    const e = env();
    const r = await cli(['pricing', 'update', 'azure', '--endpoint', s.url], { env: e });
    expect(r.err, r.err).toMatch(/updated \d+ azure prices/);
    expect(r.code).toBe(0);
    const catalog = JSON.parse(readFileSync(catalogFile(e, 'azure'), 'utf8'));
    const items = catalog.regions.eastus.items;
    expect(items.find((i: any) => i.id === 'Standard_D2s_v5')).toMatchObject({ price: 0.097, confidence: 'V' });
    expect(items.find((i: any) => i.id === 'Standard_D2ds_v5' && i.variant === 'single-az').price).toBeCloseTo(0.18, 6);
    expect(items.find((i: any) => i.id === 'Standard_D2ds_v5' && i.variant === 'multi-az').price).toBeCloseTo(0.36, 6);
    expect(items.find((i: any) => i.id === 'C1-standard')).toMatchObject({ price: 0.07, billedNodes: 2 });
    expect(catalog.buyingOptions.commitment1y.discount).toBeCloseTo(1 - 0.066 / 0.097, 4);
    expect(s.hits.some((h) => h.includes('%24skip=100') || h.includes('$skip=100'))).toBe(true);
    // The first request met a 429 and was sent again; D2s v5 took two pages.
    expect(s.hits[1]).toBe(s.hits[0]);
    // (two distinct requests: the catalog now asks for D2s v5 first, so the retried request is one of them)
    expect(new Set(s.hits.filter((h) => h.includes('Standard_D2s_v5'))).size).toBe(2);
  });
});

describe('pricing update gcp (Cloud Billing Catalog API)', () => {
  const sku = (description: string, price: number, regions = ['us-central1'], usageType = 'OnDemand') => ({
    description,
    category: { resourceFamily: 'Compute', resourceGroup: 'CPU', usageType },
    serviceRegions: regions,
    pricingInfo: [{ pricingExpression: { usageUnit: 'h', tieredRates: [{ startUsageAmount: 0, unitPrice: { currencyCode: 'USD', units: String(Math.floor(price)), nanos: Math.round((price % 1) * 1e9) } }] } }],
  });
  const routes = (_req: unknown, res: import('node:http').ServerResponse, url: URL) => {
    if (url.searchParams.get('key') !== 'test-key') return void json(res, { error: { code: 403, message: 'API key not valid' } }, 403);
    if (url.pathname === '/v1/services/6F81-5844-456A/skus') {
      if (!url.searchParams.get('pageToken')) return void json(res, { skus: [sku('E2 Instance Core running in Americas', 0.022, ['us-central1', 'us-east1']), sku('E2 Instance Core running in EMEA', 0.024, ['europe-west1']), sku('Spot Preemptible E2 Instance Core running in Americas', 0.0066, ['us-central1'], 'Preemptible')], nextPageToken: 'page2' });
      return void json(res, { skus: [sku('E2 Instance Ram running in Americas', 0.003)] });
    }
    if (url.pathname === '/v1/services/9662-B51E-5089/skus') {
      return void json(res, { skus: [sku('Cloud SQL for PostgreSQL: Zonal - vCPU in Americas', 0.0413), sku('Cloud SQL for PostgreSQL: Zonal - RAM in Americas', 0.007), sku('Cloud SQL for PostgreSQL: Regional - vCPU in Americas', 0.0826), sku('Cloud SQL for PostgreSQL: Regional - RAM in Americas', 0.014), sku('Cloud SQL for MySQL: Zonal - vCPU in Americas', 0.5)] });
    }
    // Networking, Memorystore and Cloud DNS: nothing for this catalog (their items keep their prices).
    if (/^\/v1\/services\/(E505-1604-58F8|5AF5-2C11-D467|FA26-5236-B8B5)\/skus$/.test(url.pathname)) return void json(res, { skus: [] });
    return false;
  };
  it('machine types as vCPUs × core + GiB × RAM from units + nanos, following nextPageToken, ignoring other regions and spot', async () => {
    const s = await start(routes);
    const e = env();
    const r = await cli(['pricing', 'update', 'gcp', '--endpoint', s.url, '--api-key', 'test-key'], { env: e });
    expect(r.err).toMatch(/updated \d+ gcp prices/);
    expect(r.code).toBe(0);
    const items = JSON.parse(readFileSync(catalogFile(e, 'gcp'), 'utf8')).regions['us-central1'].items;
    expect(items.find((i: any) => i.id === 'e2-standard-2').price).toBeCloseTo(2 * 0.022 + 8 * 0.003, 9);
    expect(items.find((i: any) => i.id === 'e2-standard-8').price).toBeCloseTo(8 * 0.022 + 32 * 0.003, 9);
    expect(items.find((i: any) => i.id === 'db-custom-2-8192' && i.variant === 'multi-az').price).toBeCloseTo(2 * 0.0826 + 8 * 0.014, 6);
    expect(s.hits.some((h) => h.includes('pageToken=page2'))).toBe(true);
    expect(r.err).not.toContain('test-key');
  });
  it('GOOGLE_API_KEY works as well as --api-key; without a key it exits 2 saying so', async () => {
    const s = await start(routes);
    const e = env();
    expect((await cli(['pricing', 'update', 'gcp', '--endpoint', s.url], { env: { ...e, GOOGLE_API_KEY: 'test-key' } })).code).toBe(0);
    const none = await cli(['pricing', 'update', 'gcp', '--endpoint', s.url], { env: env() });
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/needs an API key: set GOOGLE_API_KEY or pass --api-key/);
  });
  it('a rejected key is exit 1 naming the status, and the key never appears in the message', async () => {
    const s = await start(routes);
    const r = await cli(['pricing', 'update', 'gcp', '--endpoint', s.url, '--api-key', 'wrong-secret'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/HTTP 403/);
    expect(r.err).not.toContain('wrong-secret');
  });
});

describe('pricing list, show and verify', () => {
  it('list names the three providers with their dates; show gives {provider, region, date, items[]}', async () => {
    const list = await cli(['pricing', 'list', '--format', 'json'], { env: env() });
    expect(JSON.parse(list.out).providers.map((p: any) => p.provider)).toEqual(['aws', 'gcp', 'azure']);
    for (const p of ['aws', 'gcp', 'azure']) {
      const show = JSON.parse((await cli(['pricing', 'show', p, '--format', 'json'], { env: env() })).out);
      expect(Object.keys(show)).toEqual(expect.arrayContaining(['provider', 'region', 'date', 'items']));
      for (const i of show.items) expect(Object.keys(i)).toEqual(expect.arrayContaining(['id', 'kind', 'unit', 'price', 'source', 'confidence']));
    }
    expect(JSON.parse((await cli(['pricing', 'show', 'azure', '--format', 'json'], { env: env() })).out).items.map((i: any) => i.id)).toContain('Standard_D2s_v5');
  });
  it('verify passes the bundled catalogs and fails a broken refreshed one, naming the field', async () => {
    const e = env();
    // Valid, but partly recalled: the CI gate's exit 3, with no catalog marked broken. AWS and GCP pass (GCP's
    // Enterprise Plus rows are sourced, M); Azure's Flexible Server Edsv5 rows are derived from sourced rows (M,
    // $0.125 per vCore) and Cache Standard C2 from North Europe's row, but Standard C4 and C5 are still recalled
    // (U): no dated public copy of those rows was found for any region (research/prices/VERIFY.md).
    // Exactly these two: any other recalled price a default plan picks up, on any provider, fails here.
    const bundled = await cli(['pricing', 'verify'], { env: e });
    expect(bundled.code).toBe(3);
    expect(bundled.out).toBe('');
    expect(bundled.err).toMatch(/^capacity-plan: pricing verify: 1 provider not fit to ship: azure: default plans use 2 recalled \(U\) prices, /);
    expect([...bundled.err.matchAll(/ eastus (\S+) \d+\.\d %/g)].map((m) => m[1]).sort()).toEqual([
      'C4-standard',
      'C5-standard',
    ]);
    mkdirSync(join(e.XDG_DATA_HOME, 'capacity-plan', 'pricing'), { recursive: true });
    const broken = JSON.parse(JSON.stringify((await import('../../src/pricing/bundled.js')).bundledCatalogs().aws));
    broken.regions['us-east-1'].items[0].price = -1;
    writeFileSync(catalogFile(e, 'aws'), JSON.stringify(broken));
    const v = await cli(['pricing', 'verify'], { env: e });
    expect(v.code).toBe(1);
    expect(v.out).toMatch(/regions\.us-east-1\.items\.0\.price/);
    // A plan still works: one warning naming the problem, and the bundled prices for that provider.
    const plan = await cli(['plan', '--users', '5000', '--json'], { env: e });
    expect(plan.code).toBe(0);
    expect(plan.err).toMatch(/^capacity-plan: warning: .*is not a valid price catalog .*regions\.us-east-1\.items\.0\.price.*using the bundled aws prices\n$/);
    expect(JSON.parse(plan.out).cost.pricing.catalog).toBe('bundled');
  });
  it('a catalog over 90 days old is a warning in every plan', async () => {
    const r = await cli(['plan', '--users', '50k', '--provider', 'gcp', '--json'], { env: { ...env(), SOURCE_DATE_EPOCH: String(Date.parse('2027-03-31') / 1000) } });
    expect(JSON.parse(r.out).warnings[0]).toMatch(/Google Cloud prices are from 2026-11-29, 122 days old \(over 90\): refresh them with `capacity-plan pricing update gcp`/);
  });
  it.each([
    [['pricing', 'show', 'moon'], /unknown provider "moon"/],
    [['pricing', 'show', 'aws', '--region', 'mars-1'], /--region: no aws prices for mars-1/],
    [['pricing', 'update', 'aws', '--endpoint', 'ftp://x'], /--endpoint: expected an http\(s\) URL/],
    [['pricing', 'update', 'aws', '--timeout', '0'], /--timeout/],
  ])('%j is exit 2', async (args, message) => {
    const r = await cli(args, { env: env() });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('an --endpoint with a path prefix (a mirror)', () => {
  it('AWS paths are joined below the prefix', async () => {
    const aws = awsRoutes();
    const s = await start((req, res, url) => {
      if (!url.pathname.startsWith('/mirror/aws/')) return false;
      return aws(req, res, new URL(url.pathname.replace('/mirror/aws', '') + url.search, url.origin));
    });
    const e = env();
    const r = await cli(['pricing', 'update', 'aws', '--endpoint', `${s.url}/mirror/aws`], { env: e });
    expect(r.code, r.err).toBe(0);
    expect(s.hits.every((h) => h.startsWith('/mirror/aws/'))).toBe(true);
  });
  it('Azure\'s NextPageLink, pointing at the real API, is moved onto the mirror', async () => {
    const s = await start((_req, res, url) => {
      if (url.pathname !== '/mirror/azure/api/retail/prices') return false;
      const filter = url.searchParams.get('$filter') ?? '';
      if (filter.includes("armSkuName eq 'Standard_D2s_v5'") && url.searchParams.get('$skip') !== '100') {
        return void json(res, { Items: [], NextPageLink: `https://prices.azure.com:443/api/retail/prices?${url.searchParams.toString()}&$skip=100` });
      }
      const items = filter.includes("armSkuName eq 'Standard_D2s_v5'")
        ? [{ currencyCode: 'USD', retailPrice: 0.099, unitPrice: 0.099, armRegionName: 'eastus', armSkuName: 'Standard_D2s_v5', skuName: 'D2s v5', meterName: 'D2s v5', productName: 'Virtual Machines Dsv5 Series', serviceName: 'Virtual Machines', unitOfMeasure: '1 Hour', type: 'Consumption' }]
        : [];
      return void json(res, { Items: items, NextPageLink: null });
    });
    const e = env();
    const r = await cli(['pricing', 'update', 'azure', '--endpoint', `${s.url}/mirror/azure`], { env: e });
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(catalogFile(e, 'azure'), 'utf8')).regions.eastus.items.find((i: any) => i.id === 'Standard_D2s_v5').price).toBe(0.099);
    expect(s.hits.some((h) => h.includes('skip=100'))).toBe(true);
  });
});
