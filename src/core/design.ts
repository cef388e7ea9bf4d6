import { sizeCompute } from './compute.js';
import { sizeDatabase, type DatabaseSizing } from './database.js';
import { finish, prepare } from './design-finish.js';
import type { Design, DesignContext, RegionStack } from './design-types.js';
import { regionSplit, scaleDemand } from './regions.js';
import { resilienceKey, strongest, tierResilience, type Resilience } from './resilience.js';
import { round } from './round.js';
import { nearestOption } from './database-options.js';
import type { PriceBook } from './price-book.js';
import { splitBook } from './hardware-book.js';
import { nextTier, tierRule, type TierId } from './tiers.js';

export type { Design, DesignContext, RegionStack } from './design-types.js';

/**
 * Builds the design for a starting tier and redundancy. When demand outgrows the tier (more servers than
 * it allows, more writes than its largest primary), the design moves up a tier and says why.
 */
export function buildDesign(ctx: DesignContext, startTier: TierId, wanted: Resilience): Design {
  const design = tryBuildDesign(ctx, startTier, wanted);
  if (!design) throw new Error('no tier can carry this demand');
  return design;
}

const designKey = (ctx: DesignContext, startTier: TierId, wanted: Resilience) =>
  `${startTier}|${resilienceKey(wanted)}|${ctx.cacheDesign ?? 'cache'}`;

/** The design, or null when no tier can carry the demand with this redundancy (an option's limits). */
export function tryBuildDesign(ctx: DesignContext, startTier: TierId, wanted: Resilience): Design | null {
  const key = designKey(ctx, startTier, wanted);
  if (ctx.designs.has(key)) return ctx.designs.get(key)!;
  const design = build(ctx, startTier, wanted);
  ctx.designs.set(key, design);
  return design;
}

/**
 * The redundancy a tier needs under a wanted design. The tier's own (seed) design takes the next tier's own
 * on a move up; any other candidate keeps its database option — the search holds it to the tier's floor.
 */
function lift(book: PriceBook, tier: TierId, r: Resilience, seed: boolean): Resilience {
  const own = tierResilience(tier);
  if (seed) {
    const strong = strongest(own, r);
    return { ...strong, databaseHa: nearestOption(book, strong.databaseHa) };
  }
  return { ...r, appZones: Math.max(own.appZones, r.appZones), cacheHa: own.cacheHa || r.cacheHa };
}

/** Across regions, hardware every region sells: one instance type, bought at each region's price. */
function acrossRegions(home: DesignContext, split: readonly { code: string }[]): DesignContext {
  const codes = split.map((r) => r.code);
  return codes.length > 1 ? { ...home, book: splitBook(home.book, codes) } : home;
}

/**
 * A region's database for a tier and option, sized once per plan (only the option of the redundancy counts):
 * the primary's takes every write unless each region keeps its own data (`share`, else null). Keyed by the
 * regions too (a split chooses among types every region sells) and by whether the design has a cache.
 */
function databaseFor(ctx: DesignContext, tier: TierId, resilience: Resilience, share: number | null, regions: string) {
  const key = `${tier}|${resilience.databaseHa}|${share ?? 'all'}|${regions}|${ctx.cacheDesign ?? 'cache'}`;
  const known = ctx.databases.get(key);
  if (known !== undefined) return known;
  const demand = share === null ? ctx.demand : scaleDemand(ctx.demand, share);
  const hasCache = tier !== 'single-server' && ctx.cacheDesign === undefined;
  const asSized = sizeDatabase(tier, demand, ctx.params, resilience, ctx.book, hasCache);
  const sized = asSized && ctx.cacheDesign === 'backstop' && tier !== 'single-server' ? backstopped(asSized) : asSized;
  ctx.databases.set(key, sized);
  return sized;
}

function backstopped(d: DatabaseSizing): DatabaseSizing {
  const why =
    'Readers sized for every read, as if there were no cache: a cache outage slows reads but fails none, so the cache does not count as downtime';
  return { ...d, reasons: [...d.reasons, why] };
}

function build(ctx: DesignContext, startTier: TierId, wanted: Resilience): Design | null {
  const s = size(ctx, startTier, wanted);
  return s && finish(s.ctx, s.tier, s.tierReasons, s.resilience, s.stacks);
}

/**
 * The availability the design for a starting tier and redundancy composes to before it is priced (null when
 * no tier carries it): its estimate, or above it for active-active regions, whose failover the bill picks.
 * What a search that needs nothing below its goal reads to leave a design unpriced.
 */
export function availabilityBound(ctx: DesignContext, startTier: TierId, wanted: Resilience): number | null {
  const built = ctx.designs.get(designKey(ctx, startTier, wanted));
  if (built !== undefined) return built?.estimate.estimated ?? null;
  const s = size(ctx, startTier, wanted);
  return s && prepare(s.ctx, s.tier, s.resilience, s.stacks).base.estimated;
}

interface Sized {
  /** The context the design is finished in: across regions, a book of the types every region sells. */
  ctx: DesignContext;
  tier: TierId;
  tierReasons: string[];
  resilience: Resilience;
  stacks: RegionStack[];
}

/** The tier and each region's fleet and database: moved up a tier while the demand outgrows one. */
function size(home: DesignContext, startTier: TierId, wanted: Resilience): Sized | null {
  const { input, params, demand, curve } = home;
  let book = home.book;
  let tier = startTier;
  const own = tierResilience(startTier);
  const seed =
    resilienceKey(wanted) ===
    resilienceKey({ ...own, databaseHa: nearestOption(book, own.databaseHa), regions: wanted.regions });
  let resilience = lift(book, tier, wanted, seed);
  const tierReasons: string[] = [];
  if (tier === 'single-server' && resilience.appZones >= 2) {
    tier = 'cached-replicas';
    resilience = lift(book, tier, resilience, seed);
    tierReasons.push(
      `--availability ${input.availability}: one server (${book.sla('compute-single').sla} % SLA) cannot reach it, so the design moves up to a balanced pair of servers`,
    );
  }
  const split = regionSplit(home, resilience.regions);
  const ctx = acrossRegions(home, split);
  const regions = split.map((r) => r.code).join(',');
  book = ctx.book;
  for (;;) {
    const rule = tierRule(tier);
    const minServers = rule.servers.min === 1 ? 1 : Math.max(rule.servers.min, resilience.appZones);
    const stacks: RegionStack[] = [];
    let failed: 'compute' | 'database' | null = null;
    for (const [i, r] of split.entries()) {
      const regional = scaleDemand(demand, r.share);
      const key = `${tier}|${resilience.appZones}|${minServers}|${r.share}`;
      if (!ctx.sizings.has(key)) {
        ctx.sizings.set(
          key,
          sizeCompute(
            rule,
            {
              demand: regional,
              serviceTimeMs: params.serviceTimeMs,
              latencyTargetMs: params.latencyTargetMs,
              curve,
              zones: resilience.appZones,
              minServers,
            },
            book,
          ),
        );
      }
      const compute = ctx.sizings.get(key)!;
      if (!compute) {
        failed = 'compute';
        break;
      }
      // The primary region's database takes every write unless each region keeps its own data.
      const database = databaseFor(ctx, tier, resilience, input.dataResidency ? r.share : null, regions);
      if (!database) {
        failed = 'database';
        break;
      }
      stacks.push({ code: r.code, share: r.share, compute, database, role: i === 0 ? 'primary' : 'secondary' });
    }
    if (failed === null) return { ctx, tier, tierReasons, resilience, stacks };
    const up = nextTier(tier);
    if (!up) return null;
    tierReasons.push(
      failed === 'database'
        ? `Demand moves the design up: ${round(demand.peakRps * (1 - params.readRatio), 0)} writes/s at peak are more than the ${rule.title.toLowerCase()} tier's largest database primary carries`
        : `Demand moves the design up: ${round(demand.peakCpuDemand, 1)} vCPUs of work at peak needs more than the ${rule.title.toLowerCase()} tier's ${rule.servers.max === 1 ? 'largest single server' : `${rule.servers.max} servers`}`,
    );
    tier = up;
    resilience = lift(book, tier, resilience, seed);
  }
}
