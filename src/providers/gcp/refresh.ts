import { homeRegion } from '../../pricing/home-region.js';
import type { Refresher } from '../types.js';
import type { Catalog } from '../../pricing/catalog-schema.js';
import { itemKey, type RefreshedPrice } from '../../pricing/refresh/apply.js';
import { getJson, under } from '../../pricing/refresh/http.js';
import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import type { Progress } from '../../pricing/refresh/progress.js';

export const GCP_ENDPOINT = 'https://cloudbilling.googleapis.com';
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

/** units + nanos / 1e9 of the first tier. */
function skuPrice(sku: Sku): number | null {
  const rate = sku.pricingInfo?.[0]?.pricingExpression?.tieredRates?.[0];
  if (!rate || rate.unitPrice.currencyCode !== 'USD') return null;
  return Number(rate.unitPrice.units ?? 0) + (rate.unitPrice.nanos ?? 0) / 1e9;
}

async function allSkus(endpoint: string, service: string, key: string, idleMs: number): Promise<Sku[]> {
  const out: Sku[] = [];
  let token = '';
  for (let page = 0; ; page++) {
    if (page > 1000) throw new RefreshError('the Cloud Billing Catalog API kept returning pages (over 1,000)');
    const url = `${under(endpoint, `/v1/services/${service}/skus`)}?key=${encodeURIComponent(key)}&pageSize=5000${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
    const body = await getJson<SkuPage>(url, { timeoutMs: idleMs });
    if (!Array.isArray(body?.skus))
      throw new RefreshError(`service ${service}: no "skus" list: not the Cloud Billing Catalog API`);
    out.push(...body.skus);
    if (!body.nextPageToken) return out;
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
