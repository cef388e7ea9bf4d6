import { homeRegion } from '../../pricing/home-region.js';
import type { Refresher } from '../types.js';
import type { Catalog, CatalogItem } from '../../pricing/catalog-schema.js';
import { itemKey, type RefreshedPrice } from '../../pricing/refresh/apply.js';
import { getJson, rebase, under, type FetchOptions } from '../../pricing/refresh/http.js';
import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import type { Progress } from '../../pricing/refresh/progress.js';

const API_PATH = '/api/retail/prices';

interface RetailItem {
  currencyCode: string;
  retailPrice: number;
  unitPrice: number;
  armRegionName: string;
  armSkuName: string;
  skuName: string;
  productName: string;
  meterName: string;
  serviceName: string;
  unitOfMeasure: string;
  type: string;
  savingsPlan?: { term: string; retailPrice: number }[];
}
interface RetailPage {
  Items: RetailItem[];
  NextPageLink: string | null;
}

const q = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** One pinned query per catalog item: a loose filter would match hundreds of unrelated meters. */
interface Query {
  item: CatalogItem;
  filter: string;
  accept: (row: RetailItem) => boolean;
  price: (row: RetailItem) => number;
}

const POSTGRES_SERIES: Record<string, { product: string; perVcore: boolean; meter: (id: string) => string }> = {
  D: {
    product: 'Azure Database for PostgreSQL Flexible Server General Purpose Ddsv5 Series Compute',
    perVcore: true,
    meter: () => 'vCore',
  },
  E: {
    product: 'Azure Database for PostgreSQL Flexible Server Memory Optimized Edsv5 Series Compute',
    perVcore: true,
    meter: () => 'vCore',
  },
  B: {
    product: 'Azure Database for PostgreSQL Flexible Server Burstable BS Series Compute',
    perVcore: false,
    meter: (id) => id.replace('Standard_', ''),
  },
};

function queries(items: readonly CatalogItem[], region: string): Query[] {
  const out: Query[] = [];
  const base = `armRegionName eq ${q(region)} and priceType eq 'Consumption'`;
  for (const item of items) {
    if (item.kind === 'compute') {
      out.push({
        item,
        filter: `serviceName eq 'Virtual Machines' and ${base} and armSkuName eq ${q(item.id)}`,
        // Linux only: skip Windows rows and the Spot and Low Priority meters.
        accept: (r) =>
          !r.productName.includes(' Windows') &&
          !r.skuName.includes(' Spot') &&
          !r.skuName.includes(' Low Priority') &&
          r.unitOfMeasure === '1 Hour',
        price: (r) => r.retailPrice,
      });
    } else if (item.kind === 'database' && item.variant !== 'aurora') {
      const series = POSTGRES_SERIES[item.id.replace('Standard_', '')[0] ?? ''];
      if (!series) continue;
      const ha = item.variant === 'multi-az' ? 2 : 1;
      out.push({
        item,
        filter: `serviceName eq 'Azure Database for PostgreSQL' and ${base} and productName eq ${q(series.product)} and meterName eq ${q(series.meter(item.id))}`,
        accept: (r) => r.unitOfMeasure === '1 Hour',
        // Zone-redundant HA runs a standby of the same size: twice the compute.
        price: (r) => r.retailPrice * (series.perVcore ? (item.vcpus ?? 1) : 1) * ha,
      });
    } else if (item.kind === 'database-storage') {
      out.push({
        item,
        filter: `serviceName eq 'Azure Database for PostgreSQL' and ${base} and productName eq 'Azure Database for PostgreSQL Flexible Server Storage' and meterName eq 'Storage Data Stored'`,
        accept: (r) => r.unitOfMeasure === '1 GB/Month',
        price: (r) => r.retailPrice,
      });
    } else if (item.kind === 'cache' && /^C\d-standard$/.test(item.id)) {
      const size = item.id.split('-')[0]!;
      out.push({
        item,
        filter: `serviceName eq 'Redis Cache' and ${base} and productName eq 'Azure Redis Cache Standard' and skuName eq ${q(size)} and meterName eq ${q(`${size} Cache Instance`)}`,
        accept: (r) => r.unitOfMeasure === '1 Hour',
        // The row is one node; the Standard tier bills two (the catalog item says billedNodes: 2).
        price: (r) => r.retailPrice,
      });
    }
  }
  return out;
}

const TEXT_FIELDS = [
  'currencyCode',
  'armRegionName',
  'armSkuName',
  'skuName',
  'productName',
  'meterName',
  'unitOfMeasure',
  'type',
] as const;

/** A row with the fields the refresh reads, of the types it reads them as: prices finite numbers, names text. */
function wellFormed(row: unknown): row is RetailItem {
  if (typeof row !== 'object' || row === null) return false;
  const r = row as Record<string, unknown>;
  if (!TEXT_FIELDS.every((f) => typeof r[f] === 'string')) return false;
  if (typeof r.retailPrice !== 'number' || !Number.isFinite(r.retailPrice)) return false;
  const plans = r.savingsPlan;
  return (
    plans === undefined ||
    plans === null ||
    (Array.isArray(plans) &&
      plans.every(
        (p) => typeof p?.term === 'string' && typeof p.retailPrice === 'number' && Number.isFinite(p.retailPrice),
      ))
  );
}

/** Follows NextPageLink to the end, backing off on HTTP 429. */
async function allRows(first: string, endpoint: string, fetchOpts: FetchOptions): Promise<RetailItem[]> {
  const rows: RetailItem[] = [];
  let next: string | null = first;
  for (let page = 0; next; page++) {
    if (page > 1000) throw new RefreshError('the Retail Prices API kept returning pages (over 1,000)');
    const body: RetailPage = await getJson<RetailPage>(next, fetchOpts);
    if (!Array.isArray(body?.Items))
      throw new RefreshError(`${next}: no "Items" list: not the Azure Retail Prices API`);
    const bad = body.Items.findIndex((row) => !wellFormed(row));
    if (bad >= 0)
      throw new RefreshError(
        `row ${bad + 1} of page ${page + 1} is malformed (a price that is not a number, or a missing name): not the Azure Retail Prices API`,
      );
    for (const row of body.Items) rows.push(row);
    if (rows.length > 1_000_000) throw new RefreshError('the Retail Prices API returned over 1,000,000 rows');
    if (body.NextPageLink != null && typeof body.NextPageLink !== 'string')
      throw new RefreshError('a NextPageLink that is not a URL: not the Azure Retail Prices API');
    next = body.NextPageLink ? rebase(body.NextPageLink, endpoint, API_PATH) : null;
  }
  return rows;
}

export async function refreshAzure(
  base: Catalog,
  opts: { endpoint: string; region: string; idleMs: number; progress: Progress; sleep?: (ms: number) => Promise<void> },
): Promise<{ found: Map<string, RefreshedPrice>; buying: Partial<Catalog['buyingOptions']> }> {
  const home = homeRegion(base);
  const items = base.regions[opts.region]?.items ?? base.regions[home]!.items;
  const found = new Map<string, RefreshedPrice>();
  const buying: Partial<Catalog['buyingOptions']> = {};
  const api = under(opts.endpoint, API_PATH);
  const task = opts.progress.start(`Azure Retail Prices ${opts.region}`);
  task.total(null);
  for (const query of queries(items, opts.region)) {
    const url = `${api}?api-version=2023-01-01-preview&$filter=${encodeURIComponent(query.filter)}`;
    const rows = (await allRows(url, opts.endpoint, { timeoutMs: opts.idleMs, sleep: opts.sleep })).filter(
      (r) => r.currencyCode === 'USD' && r.type === 'Consumption' && query.accept(r),
    );
    task.advance(rows.length);
    const row = rows[0];
    if (!row) continue;
    found.set(itemKey(query.item), {
      price: Number(query.price(row).toFixed(6)),
      source: `Azure Retail Prices API (${row.productName}, ${row.meterName}, ${opts.region})`,
    });
    if (query.item.kind === 'compute' && query.item.shape === 'general-2' && row.savingsPlan) {
      for (const [term, key] of [
        ['1 Year', 'commitment1y'],
        ['3 Years', 'commitment3y'],
      ] as const) {
        const plan = row.savingsPlan.find((s) => s.term === term);
        if (plan && row.retailPrice > 0)
          buying[key] = {
            ...base.buyingOptions[key],
            discount: Number((1 - plan.retailPrice / row.retailPrice).toFixed(4)),
            source: `Azure Retail Prices API savingsPlan (${row.armSkuName})`,
            confidence: 'V',
          };
      }
    }
  }
  task.done(`${found.size} prices found`);
  return { found, buying };
}

/** The provider pack's refresher: the Retail Prices API also gives the savings-plan rates. */
export const refresh: Refresher = (base, opts) => refreshAzure(base, opts);
