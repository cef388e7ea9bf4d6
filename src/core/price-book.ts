import { homeRegion } from '../pricing/home-region.js';
import type { Catalog, CatalogItem, ItemKind, Sla } from '../pricing/catalog-schema.js';
import type { Limit } from '../pricing/limit-schema.js';
import { isProvider, providerPack } from '../providers/registry.js';
import type { CacheBill, CacheBilling, NetworkShape } from '../providers/types.js';
import { tieredPrice } from './cost/tiers.js';
import { PlanInputError } from './input-error.js';

/** One provider's prices in one region, with lookups the planner needs. Read-only over the catalog. */
export interface PriceBook {
  catalog: Catalog;
  region: string;
  items: readonly CatalogItem[];
  item(kind: ItemKind, id?: string, variant?: string): CatalogItem;
  has(kind: ItemKind, id?: string, variant?: string): boolean;
  /** The items filling each shape, in the order of the shapes (shapes the catalog lacks are skipped). */
  computeTypes(shapes: readonly string[]): CatalogItem[];
  databaseTypes(shapes: readonly string[], variant: string): CatalogItem[];
  cacheTypes(shapes: readonly string[]): CatalogItem[];
  /** The sizes a cache may be, smallest first, as the provider sells them (its pack's cacheBilling, else node types). */
  cacheSizes(shapes: readonly string[], ha: boolean): CatalogItem[];
  /** What `shards` caches of one size with `replicasPerShard` replicas each are billed for an hour. */
  cacheBill(node: CatalogItem, shards: number, replicasPerShard: number): CacheBill;
  sla(id: Sla['id']): Sla;
  /** Where the balancer and NAT hold public addresses, and how NAT is billed (the provider pack's). */
  network: NetworkShape;
  /**
   * An engineering limit with a value: the row for this instance type (shape) or variant, else the
   * provider-wide row (neither shape nor variant).
   */
  limit(id: string, shapeOrVariant?: string): (Limit & { value: number }) | undefined;
}

/** Node-based caches (ElastiCache): each primary and replica is a node billed by the hour. */
export const nodeCacheBilling: CacheBilling = {
  sizes: (book, shapes) => book.cacheTypes(shapes),
  bill(_, node, shards, replicasPerShard) {
    const perShard = Math.max(node.billedNodes ?? 1, 1 + replicasPerShard);
    const replicas = replicasPerShard === 1 ? '1 replica' : `${replicasPerShard} replicas`;
    const text = `${node.id}: ${shards === 1 ? '1 shard' : `${shards} shards`} × (1 primary + ${replicas})`;
    return { item: node, perHour: shards * perShard, text };
  },
};

const billingOf = (catalog: Catalog): CacheBilling =>
  (isProvider(catalog.provider) ? providerPack(catalog.provider).cacheBilling : undefined) ?? nodeCacheBilling;

/** AWS's: an ALB node, and a NAT gateway with its Elastic IP, in each zone. */
const PER_ZONE: NetworkShape = { balancerIps: 'per-zone', nat: { gateways: 'per-zone' } };
const networkOf = (catalog: Catalog): NetworkShape =>
  (isProvider(catalog.provider) ? providerPack(catalog.provider).network : undefined) ?? PER_ZONE;

const books = new WeakMap<Catalog, Map<string, PriceBook>>();

/** The price book for a catalog's region; made once per catalog and region, its lookups remembered. */
export function priceBook(catalog: Catalog, region: string | undefined): PriceBook {
  const code = region ?? homeRegion(catalog);
  const known = books.get(catalog) ?? new Map<string, PriceBook>();
  books.set(catalog, known);
  const book = known.get(code) ?? makeBook(catalog, code);
  known.set(code, book);
  return book;
}

/**
 * The first item of a kind (with this id and variant), remembered by kind, id and variant in nested maps:
 * no key string to build and hash on every lookup.
 */
function itemFinder(items: readonly CatalogItem[], defaults: Partial<Record<ItemKind, string>>) {
  const lookups = new Map<ItemKind, Map<string | undefined, Map<string | undefined, CatalogItem | null>>>();
  return (kind: ItemKind, id?: string, asked?: string): CatalogItem | undefined => {
    // Without a variant asked for, the region's own (its users' CDN geography), else the first of the kind.
    const variant = asked ?? (id === undefined ? defaults[kind] : undefined);
    let byKind = lookups.get(kind);
    if (!byKind) lookups.set(kind, (byKind = new Map()));
    let byId = byKind.get(id);
    if (!byId) byKind.set(id, (byId = new Map()));
    const known = byId.get(variant);
    if (known !== undefined) return known ?? undefined;
    const found = items.find(
      (i) => i.kind === kind && (id === undefined || i.id === id) && (variant === undefined || i.variant === variant),
    );
    byId.set(variant, found ?? null);
    return found;
  };
}

function makeBook(catalog: Catalog, code: string): PriceBook {
  const entry = catalog.regions[code];
  if (!entry) {
    const known = Object.keys(catalog.regions).join(', ');
    throw new PlanInputError('region', `no ${catalog.provider} prices for region ${code} (the catalog has ${known})`);
  }
  const items = entry.items;
  const defaults: Partial<Record<ItemKind, string>> = entry.defaults ?? {};
  const find = itemFinder(items, defaults);
  const limits = new Map<string, (Limit & { value: number }) | undefined>();
  const slas = new Map<Sla['id'], Sla>();
  const shapes = new Map<string, CatalogItem[]>();
  const sizes = new Map<string, CatalogItem[]>();
  const byShape = (kind: ItemKind, wanted: readonly string[], variant?: string) => {
    const key = `${kind}|${wanted.join(',')}|${variant ?? ''}`;
    const known = shapes.get(key);
    if (known) return known;
    const found = wanted
      .map((shape) =>
        items.find((i) => i.kind === kind && i.shape === shape && (variant === undefined || i.variant === variant)),
      )
      .filter((i): i is CatalogItem => i !== undefined);
    shapes.set(key, found);
    return found;
  };
  const book: PriceBook = {
    catalog,
    region: code,
    items,
    network: networkOf(catalog),
    item(kind, id, variant) {
      const found = find(kind, id, variant);
      if (!found)
        throw new Error(
          `the ${catalog.provider} catalog for ${code} has no ${kind} ${id ?? ''}${variant ? ` (${variant})` : ''}`,
        );
      return found;
    },
    has: (kind, id, variant) => find(kind, id, variant) !== undefined,
    computeTypes: (wanted) => byShape('compute', wanted),
    databaseTypes: (wanted, variant) => byShape('database', wanted, variant),
    cacheTypes: (wanted) => byShape('cache', wanted),
    cacheSizes(wanted, ha) {
      const key = `${wanted.join(',')}|${ha}`;
      const known = sizes.get(key) ?? billingOf(catalog).sizes(book, wanted, ha);
      sizes.set(key, known);
      return known;
    },
    cacheBill(node, shards, replicasPerShard) {
      return billingOf(catalog).bill(book, node, shards, replicasPerShard);
    },
    limit(id, which) {
      const key = which === undefined ? id : `${id}|${which}`;
      if (limits.has(key)) return limits.get(key);
      const found = limitRow(catalog, id, which);
      limits.set(key, found);
      return found;
    },
    sla(id) {
      const found = slas.get(id) ?? catalog.slas.find((s) => s.id === id);
      if (!found) throw new Error(`the ${catalog.provider} catalog has no SLA ${id}`);
      slas.set(id, found);
      return found;
    },
  };
  return book;
}

/** The limit row for a shape or variant, else the provider-wide one (neither shape nor variant). */
function limitRow(catalog: Catalog, id: string, which: string | undefined): (Limit & { value: number }) | undefined {
  const rows = (catalog.limits ?? []).filter(
    (l): l is Limit & { value: number } => l.id === id && l.value !== undefined,
  );
  return (
    rows.find((l) => which !== undefined && (l.shape === which || l.variant === which)) ??
    rows.find((l) => l.shape === undefined && l.variant === undefined)
  );
}

/** Cost of a monthly quantity under an item's free allowance and tiers (the bands: tieredPrice in cost/tiers.ts). */
export function tieredCost(item: CatalogItem, quantity: number): number {
  return tieredPrice(item, quantity).monthly;
}
