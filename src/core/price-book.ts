import { homeRegion } from '../pricing/home-region.js';
import type { Catalog, CatalogItem, EngineeringLimit, ItemKind, LimitId, Sla } from '../pricing/catalog-schema.js';
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
  sla(id: Sla['id']): Sla;
  /** An engineering limit: the row for the shape, else for the variant, else the provider-wide one. */
  limit(id: LimitId, at?: { variant?: string; shape?: string }): EngineeringLimit | undefined;
}

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

function makeBook(catalog: Catalog, code: string): PriceBook {
  const entry = catalog.regions[code];
  if (!entry) {
    const known = Object.keys(catalog.regions).join(', ');
    throw new PlanInputError('region', `no ${catalog.provider} prices for region ${code} (the catalog has ${known})`);
  }
  const items = entry.items;
  const lookups = new Map<string, CatalogItem | undefined>();
  const find = (kind: ItemKind, id?: string, variant?: string) => {
    const key = `${kind}|${id ?? ''}|${variant ?? ''}`;
    if (lookups.has(key)) return lookups.get(key);
    const found = items.find(
      (i) => i.kind === kind && (id === undefined || i.id === id) && (variant === undefined || i.variant === variant),
    );
    lookups.set(key, found);
    return found;
  };
  const shapes = new Map<string, CatalogItem[]>();
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
  return {
    catalog,
    region: code,
    items,
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
    limit(id, at) {
      const rows = (catalog.limits ?? []).filter((l) => l.id === id);
      return (
        rows.find((l) => at?.shape !== undefined && l.shape === at.shape) ??
        rows.find((l) => at?.variant !== undefined && l.variant === at.variant && l.shape === undefined) ??
        rows.find((l) => l.variant === undefined && l.shape === undefined)
      );
    },
    sla(id) {
      const found = catalog.slas.find((s) => s.id === id);
      if (!found) throw new Error(`the ${catalog.provider} catalog has no SLA ${id}`);
      return found;
    },
  };
}

/** Cost of a monthly quantity under an item's free allowance and tiers. */
export function tieredCost(item: CatalogItem, quantity: number): number {
  let remaining = Math.max(0, quantity - (item.freePerMonth ?? 0));
  if (!item.tiers) return remaining * item.price;
  let cost = 0;
  let floor = item.freePerMonth ?? 0;
  for (const tier of item.tiers) {
    if (remaining <= 0) break;
    const width = tier.upTo === null ? remaining : Math.max(0, tier.upTo - floor);
    const used = Math.min(remaining, width);
    cost += used * tier.price;
    remaining -= used;
    if (tier.upTo !== null) floor = Math.max(floor, tier.upTo);
  }
  return cost;
}
