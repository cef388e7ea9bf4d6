import { homeRegion } from '../../pricing/home-region.js';
import type { Refresher } from '../types.js';
import type { Catalog } from '../../pricing/catalog-schema.js';
import { itemKey, type RefreshedPrice } from '../../pricing/refresh/apply.js';
import { getJson, under } from '../../pricing/refresh/http.js';
import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import type { Progress } from '../../pricing/refresh/progress.js';

export const GCP_SERVICES = { compute: '6F81-5844-456A', cloudSql: '9662-B51E-5089' } as const;

interface Sku {
  description: string;
  category: { resourceFamily: string; resourceGroup: string; usageType: string };
  serviceRegions: string[];
  pricingInfo: {
    pricingExpression: {
      usageUnit: string;
      tieredRates: { startUsageAmount: number; unitPrice: { currencyCode: string; units: string; nanos: number } }[];
    };
  }[];
}
interface SkuPage {
  skus: Sku[];
  nextPageToken?: string;
}

/** units + nanos / 1e9 of the first tier; a rate written any other way (a string of nanos, "0x10" units) fails. */
function skuPrice(sku: Sku): number | null {
  const rate = sku.pricingInfo?.[0]?.pricingExpression?.tieredRates?.[0];
  if (!rate || typeof rate !== 'object' || rate.unitPrice?.currencyCode !== 'USD') return null;
  const units = rate.unitPrice.units ?? '0';
  const nanos = rate.unitPrice.nanos ?? 0;
  if (typeof units !== 'string' || !/^\d{1,12}$/.test(units) || !Number.isInteger(nanos) || nanos < 0 || nanos >= 1e9)
    throw new RefreshError(
      `the SKU "${String(sku.description).slice(0, 60)}" has a malformed price (units ${JSON.stringify(units).slice(0, 20)}, nanos ${JSON.stringify(nanos).slice(0, 20)})`,
    );
  return Number(units) + nanos / 1e9;
}

/** A SKU with the fields the refresh reads, of the types it reads them as (a mirror may send anything). */
const wellFormed = (s: unknown): s is Sku =>
  typeof s === 'object' &&
  s !== null &&
  typeof (s as Sku).description === 'string' &&
  typeof (s as Sku).category === 'object' &&
  (s as Sku).category !== null &&
  Array.isArray((s as Sku).serviceRegions) &&
  Array.isArray((s as Sku).pricingInfo);

async function allSkus(endpoint: string, service: string, key: string, idleMs: number): Promise<Sku[]> {
  const out: Sku[] = [];
  let token = '';
  for (let page = 0; ; page++) {
    if (page > 1000) throw new RefreshError('the Cloud Billing Catalog API kept returning pages (over 1,000)');
    const url = `${under(endpoint, `/v1/services/${service}/skus`)}?key=${encodeURIComponent(key)}&pageSize=5000${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
    const body = await getJson<SkuPage>(url, { timeoutMs: idleMs });
    if (!Array.isArray(body?.skus))
      throw new RefreshError(`service ${service}: no "skus" list: not the Cloud Billing Catalog API`);
    const bad = body.skus.findIndex((sku) => !wellFormed(sku));
    if (bad >= 0)
      throw new RefreshError(
        `service ${service}: SKU ${bad + 1} of page ${page + 1} is malformed: not the Cloud Billing Catalog API`,
      );
    for (const sku of body.skus) out.push(sku);
    if (out.length > 1_000_000) throw new RefreshError(`service ${service}: over 1,000,000 SKUs`);
    if (!body.nextPageToken) return out;
    if (typeof body.nextPageToken !== 'string')
      throw new RefreshError(`service ${service}: a nextPageToken that is not text`);
    token = body.nextPageToken;
  }
}

/** Machine types as vCPUs × the core SKU + GiB × the RAM SKU; Cloud SQL the same way, zonal or regional (HA). */
export async function refreshGcp(
  base: Catalog,
  opts: { endpoint: string; region: string; idleMs: number; apiKey: string | undefined; progress: Progress },
): Promise<Map<string, RefreshedPrice>> {
  if (!opts.apiKey)
    throw new RefreshError(
      'the Cloud Billing Catalog API needs an API key: set GOOGLE_API_KEY or pass --api-key (the bundled catalog stays in use)',
      2,
    );
  const home = homeRegion(base);
  const items = base.regions[opts.region]?.items ?? base.regions[home]!.items;
  const found = new Map<string, RefreshedPrice>();
  const task = opts.progress.start(`Cloud Billing Catalog ${opts.region}`);
  task.total(null);
  const inRegion = (s: Sku) => s.serviceRegions?.includes(opts.region) && s.category?.usageType === 'OnDemand';
  const rate = (skus: Sku[], description: RegExp) => {
    const sku = skus.find((s) => inRegion(s) && description.test(s.description));
    return sku ? { price: skuPrice(sku), description: sku.description } : null;
  };

  const compute = await allSkus(opts.endpoint, GCP_SERVICES.compute, opts.apiKey, opts.idleMs);
  task.advance(compute.length);
  for (const family of ['E2', 'N2']) {
    const core = rate(compute, new RegExp(`^${family} Instance Core running in `));
    const ram = rate(compute, new RegExp(`^${family} Instance Ram running in `));
    if (core?.price == null || ram?.price == null) continue;
    for (const item of items.filter(
      (i) => i.kind === 'compute' && i.id.startsWith(`${family.toLowerCase()}-standard-`),
    )) {
      const price = (item.vcpus ?? 0) * core.price + (item.memoryGb ?? 0) * ram.price;
      found.set(itemKey(item), {
        price: Number(price.toFixed(8)),
        source: `Cloud Billing Catalog API (${core.description}; ${ram.description}; ${item.vcpus} × core + ${item.memoryGb} GiB × RAM)`,
      });
    }
  }

  const sql = await allSkus(opts.endpoint, GCP_SERVICES.cloudSql, opts.apiKey, opts.idleMs);
  task.advance(sql.length);
  for (const [variant, kind] of [
    ['single-az', 'Zonal'],
    ['multi-az', 'Regional'],
  ] as const) {
    const cpu = rate(sql, new RegExp(`^Cloud SQL for PostgreSQL: ${kind} - vCPU in `));
    const ram = rate(sql, new RegExp(`^Cloud SQL for PostgreSQL: ${kind} - RAM in `));
    if (cpu?.price == null || ram?.price == null) continue;
    for (const item of items.filter(
      (i) => i.kind === 'database' && i.variant === variant && i.id.startsWith('db-custom-'),
    )) {
      const price = (item.vcpus ?? 0) * cpu.price + (item.memoryGb ?? 0) * ram.price;
      found.set(itemKey(item), {
        price: Number(price.toFixed(6)),
        source: `Cloud Billing Catalog API (${cpu.description}; ${ram.description})`,
      });
    }
  }
  task.done(`${found.size} prices found`);
  return found;
}

/** The provider pack's refresher: the Cloud Billing Catalog API needs an API key. */
export const refresh: Refresher = async (base, opts) => ({ found: await refreshGcp(base, opts), buying: {} });
