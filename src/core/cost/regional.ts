import type { CatalogItem } from '../../pricing/catalog-schema.js';
import { priceBook, type PriceBook } from '../price-book.js';
import { scaleDemand } from '../regions.js';
import type { Demand } from '../demand.js';
import type { CostContext, CostFacts, DatabaseFacts, RegionFleet } from './types.js';

/**
 * The same item as another region sells it, at that region's price. A design across regions only chooses
 * hardware every region sells (splitBook), so the fallback to the primary's item is for items a refreshed
 * catalog dropped from one region.
 */
export function localItem(book: PriceBook, item: CatalogItem): CatalogItem {
  return book.has(item.kind, item.id, item.variant) ? book.item(item.kind, item.id, item.variant) : item;
}

/** A region's share of the users (every region of a design has a fleet). */
export const regionShareOf = (facts: CostFacts, code: string) => facts.fleets.find((f) => f.code === code)?.share ?? 1;

/** The book a region's lines are priced from: the design's own for its primary region. */
export function regionBook(ctx: CostContext, code: string): PriceBook {
  return code === ctx.book.region ? ctx.book : priceBook(ctx.book.catalog, code);
}

/** A region's database at that region's price for its instance type. */
export function localDatabase(db: DatabaseFacts, book: PriceBook): DatabaseFacts {
  return { ...db, sizing: { ...db.sizing, instance: localItem(book, db.sizing.instance) } };
}

/**
 * What a line billed in one region of a split reads: that region's fleet, its share of the demand (or the
 * whole of it, for a copy of the primary's data), and its own prices for the instance and cache node types
 * the design chose.
 */
function makeRegionContext(ctx: CostContext, fleet: RegionFleet, share: number): CostContext {
  const book = regionBook(ctx, fleet.code);
  const { facts } = ctx;
  const local = (item: CatalogItem) => localItem(book, item);
  // Object literals of a fixed shape rather than spreads: every bill of a split makes these.
  const regional: CostFacts = {
    instance: local(facts.instance),
    fleets: [fleet],
    appZones: facts.appZones,
    balancer: facts.balancer,
    databases: facts.databases,
    cache: regionCache(facts, fleet.code, local),
    dataResidency: facts.dataResidency,
    cdn: facts.cdn,
    privateNetworking: facts.privateNetworking,
    queue: facts.queue,
    deploymentExtra: facts.deploymentExtra,
    deploymentLabel: facts.deploymentLabel,
  };
  if (facts.largeInstance) regional.largeInstance = local(facts.largeInstance);
  return {
    facts: regional,
    demand: share === 1 ? ctx.demand : scaledDemand(ctx.demand, share),
    params: ctx.params,
    input: ctx.input,
    book,
    regionShare: share,
  };
}

/** The cache a region runs (its own, where each region sizes one for its own users), at that region's node price. */
function regionCache(facts: CostFacts, code: string, local: (item: CatalogItem) => CatalogItem): CostFacts['cache'] {
  const cache = facts.cache?.perRegion?.[code] ?? facts.cache;
  return cache ? { ...cache, node: local(cache.node) } : null;
}

const scaled = new WeakMap<Demand, Map<number, Demand>>();

/** A region's share of the demand, made once per demand and share (every candidate of a plan has the same demand). */
function scaledDemand(demand: Demand, share: number): Demand {
  let known = scaled.get(demand);
  if (!known) scaled.set(demand, (known = new Map()));
  let found = known.get(share);
  if (!found) known.set(share, (found = scaleDemand(demand, share)));
  return found;
}

const made = new WeakMap<CostContext, Map<RegionFleet, CostContext[]>>();

/** The context for a region's lines, made once per bill and region: every rule of every fleet size reads the same one. */
export function regionContext(ctx: CostContext, fleet: RegionFleet, share: number): CostContext {
  let known = made.get(ctx);
  if (!known) made.set(ctx, (known = new Map()));
  let byShare = known.get(fleet);
  if (!byShare) known.set(fleet, (byShare = []));
  // At most two shares per region: its own, and the whole (a copy of the primary's data).
  let found = byShare.find((c) => c.regionShare === share);
  if (!found) byShare.push((found = makeRegionContext(ctx, fleet, share)));
  return found;
}
