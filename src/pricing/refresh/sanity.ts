import type { Catalog, CatalogItem } from '../catalog-schema.js';

/**
 * The range a list price of each kind can be in, in the catalog's unit (US dollars). Wide enough for
 * every region and size the catalogs hold (the largest instance is under $100/hour), narrow enough that
 * $0 for a server, $1e9 for a NAT gateway or a price read in the wrong unit is refused. `zero` allows 0
 * where a provider really charges nothing (some transfer, a free metric tier).
 */
export const PRICE_RANGES: Record<CatalogItem['kind'], { min: number; max: number; zero?: boolean }> = {
  compute: { min: 0.001, max: 500 },
  database: { min: 0.001, max: 500 },
  'database-storage': { min: 0.001, max: 10 },
  'database-io': { min: 0.001, max: 100 },
  cache: { min: 0.001, max: 500 },
  'load-balancer': { min: 0.001, max: 50 },
  'load-balancer-capacity': { min: 0.0001, max: 10 },
  'nat-gateway': { min: 0.001, max: 50 },
  'nat-data': { min: 0.001, max: 10, zero: true },
  egress: { min: 0.001, max: 10, zero: true },
  'cross-zone': { min: 0.001, max: 10, zero: true },
  'cross-region': { min: 0.001, max: 10, zero: true },
  'object-storage-replication': { min: 0.001, max: 10, zero: true },
  'dns-health-check': { min: 0.01, max: 100, zero: true },
  'cdn-transfer': { min: 0.001, max: 10, zero: true },
  'cdn-requests': { min: 0.0001, max: 100 },
  'cdn-base': { min: 0.01, max: 100_000, zero: true },
  'cdn-fill': { min: 0.001, max: 10, zero: true },
  'dns-zone': { min: 0.01, max: 1000 },
  // Alias queries to a balancer or CDN are free on Route 53.
  'dns-queries': { min: 0.01, max: 1000, zero: true },
  'public-ip': { min: 0.0001, max: 10, zero: true },
  'object-storage': { min: 0.0001, max: 10 },
  'monitoring-metric': { min: 0.0001, max: 100, zero: true },
  'monitoring-logs': { min: 0.001, max: 100, zero: true },
  'queue-requests': { min: 0.001, max: 100, zero: true },
  'queue-base': { min: 0.01, max: 10_000 },
};

/** The price a change of more than this factor (either way) needs --accept-changes. */
export const MAX_CHANGE_FACTOR = 10;

/** Why a price is not one a catalog can hold for its kind, or null when it is plausible. */
export function implausiblePrice(item: Pick<CatalogItem, 'kind' | 'unit'>, price: unknown): string | null {
  if (typeof price !== 'number' || !Number.isFinite(price)) return `${String(price).slice(0, 30)} is not a price`;
  const range = PRICE_RANGES[item.kind] ?? { min: 0.0001, max: 100_000 };
  if (price === 0 && range.zero) return null;
  if (price < range.min || price > range.max)
    return `$${price} per ${item.unit} is outside $${range.min}–$${range.max}, the plausible range for ${item.kind}`;
  return null;
}

/** Every implausible price of a catalog, as "id (kind): why", for `pricing verify` and before a write. */
export function implausiblePrices(catalog: Catalog): string[] {
  const out: string[] = [];
  for (const [region, entry] of Object.entries(catalog.regions))
    for (const item of entry.items) {
      // A tiered item's every tier is a price of its kind too (a refresh writes each one).
      for (const [price, where] of [[item.price, ''], ...(item.tiers ?? []).map((t, i) => [t.price, ` tier ${i + 1}`] as const)] as const) {
        const why = implausiblePrice(item, price);
        if (why) out.push(`${region} ${item.id}${item.variant ? ` (${item.variant})` : ''}${where}: ${why}`);
      }
    }
  return out;
}

/** Prices that moved by more than MAX_CHANGE_FACTOR from the previous catalog's, as lines naming them. */
export function bigChanges(previous: Catalog, next: Catalog, region: string): string[] {
  const before = new Map((previous.regions[region]?.items ?? []).map((i) => [`${i.kind}|${i.id}|${i.variant ?? ''}`, i.price]));
  const out: string[] = [];
  for (const item of next.regions[region]?.items ?? []) {
    const old = before.get(`${item.kind}|${item.id}|${item.variant ?? ''}`);
    if (old === undefined || old === item.price) continue;
    const factor =
      old === 0 || item.price === 0 ? Number.POSITIVE_INFINITY : Math.max(item.price / old, old / item.price);
    if (factor > MAX_CHANGE_FACTOR) out.push(`${item.id}${item.variant ? ` (${item.variant})` : ''} $${old} → $${item.price}`);
  }
  return out;
}

/** A decimal price as the APIs write it ("0.0416", "12"), strictly: no hex, no exponent, no sign, no blanks. */
export function decimalPrice(text: unknown): number | null {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : null;
  if (typeof text !== 'string' || !/^\d{1,12}(?:\.\d{1,15})?$/.test(text)) return null;
  return Number(text);
}
