import { homeRegion } from '../../pricing/home-region.js';
import type { Refresher } from '../types.js';
import type { Catalog, CatalogItem } from '../../pricing/catalog-schema.js';
import { itemKey, type RefreshedPrice } from '../../pricing/refresh/apply.js';
import { getJson, under } from '../../pricing/refresh/http.js';
import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import type { Progress } from '../../pricing/refresh/progress.js';
import { onlyCandidate } from '../../pricing/refresh/ambiguity.js';
import { tieredPrice, type Band } from '../../pricing/refresh/tiers.js';
import {
  capacityTier,
  GCP_SERVICES,
  MACHINE_FAMILIES,
  machinePattern,
  skuRule,
  SQL_SHAPES,
  sqlShapeRate,
  type GcpService,
} from './sku-rules.js';

export { GCP_SERVICES } from './sku-rules.js';

interface Rate {
  startUsageAmount: number;
  unitPrice: { currencyCode: string; units: string; nanos: number };
}
interface Sku {
  skuId?: string;
  description: string;
  category: { resourceFamily: string; resourceGroup: string; usageType: string };
  serviceRegions: string[];
  pricingInfo: { pricingExpression: { usageUnit: string; tieredRates: Rate[] } }[];
}
interface SkuPage {
  skus: Sku[];
  nextPageToken?: string;
}

/** units + nanos / 1e9; a rate written any other way (a string of nanos, "0x10" units) fails. */
function ratePrice(sku: Sku, rate: Rate): number | null {
  if (!rate || typeof rate !== 'object' || rate.unitPrice?.currencyCode !== 'USD') return null;
  const units = rate.unitPrice.units ?? '0';
  const nanos = rate.unitPrice.nanos ?? 0;
  if (typeof units !== 'string' || !/^\d{1,12}$/.test(units) || !Number.isInteger(nanos) || nanos < 0 || nanos >= 1e9)
    throw new RefreshError(
      `the SKU "${String(sku.description).slice(0, 60)}" has a malformed price (units ${JSON.stringify(units).slice(0, 20)}, nanos ${JSON.stringify(nanos).slice(0, 20)})`,
    );
  return Number(units) + nanos / 1e9;
}

/** A SKU's volume tiers as bands in the catalog's unit (`per` catalog units to one SKU unit's price). */
function skuBands(sku: Sku, per: number): Band[] {
  const rates = [...(sku.pricingInfo?.[0]?.pricingExpression?.tieredRates ?? [])].sort(
    (a, b) => a.startUsageAmount - b.startUsageAmount,
  );
  const bands: Band[] = [];
  rates.forEach((rate, i) => {
    const price = ratePrice(sku, rate);
    if (price === null) return;
    const next = rates[i + 1]?.startUsageAmount;
    bands.push({
      begin: (rate.startUsageAmount ?? 0) / per,
      end: next === undefined ? null : next / per,
      price: Number((price * per).toPrecision(12)),
    });
  });
  return bands;
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

const label = (i: CatalogItem) => `${i.kind} ${i.id}${i.variant ? ` (${i.variant})` : ''}`;
const candidate = (s: Sku) => ({
  id: `SKU ${s.skuId ?? '(no id)'} "${s.description}"`,
  attributes: { description: s.description, ...s.category, serviceRegions: s.serviceRegions.join(',') },
  sku: s,
});

/** The one on-demand SKU in the region (or global) whose description fits, or null; two are an error naming both. */
function oneSku(skus: Sku[], pattern: RegExp, where: string, what: string, global = false): Sku | null {
  const fits = skus.filter(
    (s) =>
      s.category?.usageType === 'OnDemand' &&
      pattern.test(s.description) &&
      (s.serviceRegions.includes(where) || (global && s.serviceRegions.includes('global'))),
  );
  return onlyCandidate(what, fits.map(candidate), `the Cloud Billing Catalog (${where})`)?.sku ?? null;
}

type Skus = Partial<Record<GcpService, Sku[]>>;

/** Items priced straight from one SKU each: Cloud SQL rates, Memorystore capacity tiers, CDN, egress, DNS. */
function directPrices(items: readonly CatalogItem[], skus: Skus, region: string, found: Map<string, RefreshedPrice>) {
  for (const item of items) {
    const rule = skuRule(item);
    const list = rule ? skus[rule.service] : undefined;
    if (!rule || !list) continue;
    const sku = oneSku(list, rule.description, region, label(item), rule.global);
    if (!sku) continue;
    const { price, tiers } = tieredPrice(item, skuBands(sku, rule.per ?? 1), `SKU "${sku.description}"`);
    found.set(itemKey(item), {
      price,
      ...(tiers ? { tiers } : {}),
      source: `Cloud Billing Catalog API (${sku.description}${sku.skuId ? `, SKU ${sku.skuId}` : ''}, ${region})`,
    });
  }
}

/** The first (paid) rate of the one SKU that fits, with its description. */
function firstRate(skus: Sku[] | undefined, pattern: RegExp, region: string, what: string) {
  const sku = skus ? oneSku(skus, pattern, region, what) : null;
  const band = sku ? skuBands(sku, 1).find((b) => b.price > 0 || b.end === null) : undefined;
  return sku && band ? { price: band.price, description: sku.description } : null;
}

/** Machine types as vCPUs × the core SKU + GiB × the RAM SKU; Cloud SQL shapes the same way, zonal or regional (HA). */
function composedPrices(items: readonly CatalogItem[], skus: Skus, region: string, found: Map<string, RefreshedPrice>) {
  const put = (
    item: CatalogItem,
    a: { price: number; description: string },
    b: { price: number; description: string },
    servers = 1,
  ) =>
    found.set(itemKey(item), {
      price: Number((servers * ((item.vcpus ?? 0) * a.price + (item.memoryGb ?? 0) * b.price)).toFixed(8)),
      source: `Cloud Billing Catalog API (${a.description}; ${b.description}; ${servers > 1 ? `${servers} servers × ` : ''}${item.vcpus} × vCPU + ${item.memoryGb} GiB × RAM)`,
    });
  for (const family of MACHINE_FAMILIES) {
    const members = items.filter((i) => i.kind === 'compute' && i.id.startsWith(`${family.toLowerCase()}-`));
    if (members.length === 0) continue;
    const core = firstRate(skus.compute, machinePattern(family, 'Core'), region, `${family} cores`);
    const ram = firstRate(skus.compute, machinePattern(family, 'Ram'), region, `${family} RAM`);
    if (core && ram) for (const item of members) put(item, core, ram);
  }
  for (const shape of SQL_SHAPES) {
    const members = items.filter(
      (i) => i.kind === 'database' && i.variant === shape.variant && i.id.startsWith(shape.prefix),
    );
    if (members.length === 0) continue;
    const cpu = firstRate(skus.cloudSql, sqlShapeRate(shape, 'vCPU'), region, `Cloud SQL ${shape.label} vCPU`);
    const ram = firstRate(skus.cloudSql, sqlShapeRate(shape, 'RAM'), region, `Cloud SQL ${shape.label} RAM`);
    if (cpu && ram) for (const item of members) put(item, cpu, ram, shape.servers);
  }
}

/** A Basic or Standard Memorystore instance: its GB × its capacity tier's rate (Standard's replica included). */
function memorystorePrices(
  items: readonly CatalogItem[],
  skus: Skus,
  region: string,
  found: Map<string, RefreshedPrice>,
) {
  for (const item of items) {
    const m = /^memorystore-(basic|standard)-(\d+)gb$/.exec(item.id);
    if (item.kind !== 'cache' || !m) continue;
    const gb = item.memoryGb ?? Number(m[2]);
    const tier = capacityTier(gb);
    const tierName = `${m[1] === 'basic' ? 'Basic' : 'Standard'} ${tier.toUpperCase()}`;
    const rate = firstRate(
      skus.memorystore,
      new RegExp(`^Redis Capacity ${tierName} `),
      region,
      `${label(item)} at ${tierName}`,
    );
    if (!rate) continue;
    found.set(itemKey(item), {
      price: Number((gb * rate.price).toFixed(6)),
      source: `Cloud Billing Catalog API (${rate.description}; ${gb} GB × the ${tier.toUpperCase()} capacity-tier rate)`,
    });
  }
}

/** The services a catalog's items need (a service none of whose items the catalog holds is not fetched). */
function servicesFor(items: readonly CatalogItem[]): GcpService[] {
  const wanted = new Set<GcpService>();
  for (const item of items) {
    const rule = skuRule(item);
    if (rule) wanted.add(rule.service);
    if (item.kind === 'compute') wanted.add('compute');
    if (item.kind === 'database' && SQL_SHAPES.some((shape) => item.id.startsWith(shape.prefix)))
      wanted.add('cloudSql');
    if (item.kind === 'cache' && item.id.startsWith('memorystore-')) wanted.add('memorystore');
  }
  return (Object.keys(GCP_SERVICES) as GcpService[]).filter((s) => wanted.has(s));
}

/** Compute, Cloud SQL, Memorystore, Cloud CDN, egress and Cloud DNS prices from the Cloud Billing Catalog API. */
export async function refreshGcp(
  base: Catalog,
  opts: { endpoint: string; region: string; idleMs: number; apiKey: string | undefined; progress: Progress },
): Promise<Map<string, RefreshedPrice>> {
  if (!opts.apiKey)
    throw new RefreshError(
      'the Cloud Billing Catalog API needs an API key: set GOOGLE_API_KEY or pass --api-key (the bundled catalog stays in use)',
      2,
    );
  const items = base.regions[opts.region]?.items ?? base.regions[homeRegion(base)]!.items;
  const found = new Map<string, RefreshedPrice>();
  const task = opts.progress.start(`Cloud Billing Catalog ${opts.region}`);
  task.total(null);
  const skus: Skus = {};
  for (const service of servicesFor(items)) {
    skus[service] = await allSkus(opts.endpoint, GCP_SERVICES[service], opts.apiKey, opts.idleMs);
    task.advance(skus[service].length);
  }
  composedPrices(items, skus, opts.region, found);
  memorystorePrices(items, skus, opts.region, found);
  directPrices(items, skus, opts.region, found);
  task.done(`${found.size} prices found`);
  return found;
}

/** The provider pack's refresher: the Cloud Billing Catalog API needs an API key. */
export const refresh: Refresher = async (base, opts) => ({ found: await refreshGcp(base, opts), buying: {} });
