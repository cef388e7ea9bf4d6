import { homeRegion } from '../../pricing/home-region.js';
import type { Refresher } from '../types.js';
import type { Catalog } from '../../pricing/catalog-schema.js';
import { itemKey, type RefreshedPrice } from '../../pricing/refresh/apply.js';
import { getJson, rebase, under, type FetchOptions } from '../../pricing/refresh/http.js';
import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import type { Progress } from '../../pricing/refresh/progress.js';
import { onlyCandidate } from '../../pricing/refresh/ambiguity.js';
import { tieredPrice, type Band } from '../../pricing/refresh/tiers.js';
import { queries, type Query, type RetailItem } from './retail-queries.js';

const API_PATH = '/api/retail/prices';

interface RetailPage {
  Items: RetailItem[];
  NextPageLink: string | null;
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
  const tier = r.tierMinimumUnits;
  if (tier !== undefined && tier !== null && !(typeof tier === 'number' && Number.isFinite(tier) && tier >= 0))
    return false;
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
    const priced = priceRows(query, rows, opts.region);
    if (!priced) continue;
    const { row, price, tiers } = priced;
    found.set(itemKey(query.item), {
      price: Number(price.toFixed(6)),
      ...(tiers ? { tiers: tiers.map((t) => ({ upTo: t.upTo, price: Number(t.price.toFixed(6)) })) } : {}),
      source: `Azure Retail Prices API (${row.productName}, ${row.meterName}, ${opts.region})`,
    });
    if (query.item.kind === 'compute' && query.item.shape === 'general-2' && row.savingsPlan)
      Object.assign(buying, savingsPlanOptions(base, row));
  }
  task.done(`${found.size} prices found`);
  return { found, buying };
}

const rowLabel = (r: RetailItem) => ({
  id: `${r.productName} / ${r.skuName} / ${r.meterName}${typeof r.meterId === 'string' ? ` (meter ${r.meterId})` : ''}`,
  attributes: { ...r, savingsPlan: undefined },
});

/**
 * A query's price from its rows: one row per volume tier (`tierMinimumUnits`), each tier's rate refreshed;
 * two rows for one tier are an error naming both, never the first.
 */
function priceRows(query: Query, rows: RetailItem[], region: string) {
  const byTier = new Map<number, RetailItem[]>();
  for (const r of rows) byTier.set(r.tierMinimumUnits ?? 0, [...(byTier.get(r.tierMinimumUnits ?? 0) ?? []), r]);
  const label = `${query.item.kind} ${query.item.id}${query.item.variant ? ` (${query.item.variant})` : ''}`;
  const starts = [...byTier.keys()].sort((a, b) => a - b);
  const chosen = starts.map((start) =>
    onlyCandidate(label, byTier.get(start)!.map(rowLabel), `Retail Prices ${region}`),
  );
  if (chosen.length === 0) return null;
  const rowAt = (i: number) => byTier.get(starts[i]!)!.find((r) => rowLabel(r).id === chosen[i]!.id)!;
  const bands: Band[] = starts.map((start, i) => ({
    begin: start,
    end: starts[i + 1] ?? null,
    price: query.price(rowAt(i), rowAt(i).retailPrice),
  }));
  const { price, tiers } = tieredPrice(query.item, bands, `the Retail Prices API (${rowAt(0).productName})`);
  return { row: rowAt(0), price, tiers };
}

/** The savings-plan discounts a general-purpose VM's row carries, as the catalog's commitment options. */
function savingsPlanOptions(base: Catalog, row: RetailItem): Partial<Catalog['buyingOptions']> {
  const out: Partial<Catalog['buyingOptions']> = {};
  for (const [term, key] of [
    ['1 Year', 'commitment1y'],
    ['3 Years', 'commitment3y'],
  ] as const) {
    const plan = row.savingsPlan?.find((s) => s.term === term);
    if (plan && row.retailPrice > 0)
      out[key] = {
        ...base.buyingOptions[key],
        discount: Number((1 - plan.retailPrice / row.retailPrice).toFixed(4)),
        source: `Azure Retail Prices API savingsPlan (${row.armSkuName})`,
        confidence: 'V',
      };
  }
  return out;
}

/** The provider pack's refresher: the Retail Prices API also gives the savings-plan rates. */
export const refresh: Refresher = (base, opts) => refreshAzure(base, opts);
