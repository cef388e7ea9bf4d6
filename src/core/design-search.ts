import { availabilityPercent, availabilityText } from './percent-text.js';
import { availabilityBound, tryBuildDesign, buildDesign, type Design, type DesignContext } from './design.js';
import { alternativesBeaten, withoutCache, type Alternative } from './design-alternatives.js';
import { cheapestMeeting, mostAvailable } from './design-rank.js';
import { candidateDesigns, describeChanges, resilienceKey, tierResilience } from './resilience.js';
import { round } from './round.js';
import { beyondReach } from './beyond-reach.js';
import { nearestOption, offeredDatabaseOptions, type DatabaseOption } from './database-options.js';
import { PlanInputError } from './input-error.js';
import { pairedRegion } from '../providers/paired-region.js';
import type { TierId } from './tiers.js';
import { groupDigits } from './group-digits.js';

export interface AvailabilityChoice {
  design: Design;
  met: boolean | null;
  changes: string[];
  reasons: string[];
  /** The best design of each other kind the search priced, and what the choice beat it by. */
  alternatives: Alternative[];
}

const pct = (a: number) => `${availabilityText(a * 100)} %`;
const dollars = (n: number) => `$${groupDigits(Math.round(n))}`;

/** The tier's own (seed) design: its availability is the floor every choice must reach. */
export function ownDesign(ctx: DesignContext, tier: TierId): Design {
  const seed = tierResilience(tier);
  const databaseHa = nearestOption(ctx.book, seed.databaseHa);
  return buildDesign(ctx, tier, { ...seed, databaseHa, regions: ctx.input.regions?.length ?? 1 });
}

/** Every candidate design, built once per plan (the context remembers them). */
/**
 * Every candidate design, built once per plan (the context remembers them). `floorOnly`: the search for the
 * floor alone keeps the tier's region count — a second region duplicates the fleet, the balancer, the cache
 * and the database, so it is dearer than the one-region designs that already reach the floor (the tier's
 * own among them); the cost-of-nines table, which prices every target, still sees them all.
 */
export function candidates(ctx: DesignContext, tier: TierId, own: Design, floorOnly = false, below = 0): Design[] {
  // A second region only where the provider pairs the home region with one (or the user named the regions).
  const canPair = ctx.input.regions !== undefined || pairedRegion(ctx.book.catalog, ctx.book.region) !== null;
  const pin = pinnedOption(ctx);
  const out: Design[] = pin === null || own.resilience.databaseHa === pin ? [own] : [];
  const seen = new Set<string>([resilienceKey(own.resilience)]);
  for (const r of candidateDesigns(tierResilience(tier), ctx.book)) {
    if (pin !== null && r.databaseHa !== pin) continue;
    const o = own.resilience;
    if (floorOnly && r.regions !== o.regions) continue;
    if (ctx.input.regions) r.regions = own.resilience.regions;
    else if (!canPair && r.regions > own.resilience.regions) continue;
    if (seen.has(resilienceKey(r))) continue;
    seen.add(resilienceKey(r));
    // `below`: a design that cannot reach it is left out unpriced (a search that needs nothing below its goal).
    if (below > 0 && (availabilityBound(ctx, tier, r) ?? 0) < below) continue;
    const design = tryBuildDesign(ctx, tier, r);
    if (design) out.push(design);
  }
  return [...out, ...backstops(ctx, tier, own, out, below)];
}

/** Whether a design's cache counts as downtime: the database could not carry the reads without it. */
const cacheCounted = (d: Design) => d.estimate.components.some((c) => c.component === 'cache' && c.inCriticalPath);

/**
 * Where the tier's own cache counts as downtime, each design again with readers for every read: the cache
 * then fails no request, a cheaper nine than a second region where the database can take the reads.
 */
function backstops(ctx: DesignContext, tier: TierId, own: Design, designs: readonly Design[], below: number): Design[] {
  if (!own.cache || !cacheCounted(own) || ctx.cacheDesign) return [];
  const backed: DesignContext = { ...ctx, cacheDesign: 'backstop' };
  const out: Design[] = [];
  for (const d of designs) {
    if (below > 0 && (availabilityBound(backed, tier, d.resilience) ?? 0) < below) continue;
    const design = tryBuildDesign(backed, tier, d.resilience);
    if (design?.cacheBackstop) out.push(design);
  }
  return out;
}

/** "$30 less than the tier's own", or "$2,586 more …" where a target costs more than the floor. */
const versusOwn = (saved: number) =>
  saved >= 0 ? `${dollars(saved)} less than the tier's own` : `${dollars(-saved)} more than the tier's own`;

/** What a design changes from the tier's own, in words. */
function changesFrom(ctx: DesignContext, own: Design, d: Design): string[] {
  const changes = describeChanges(own.resilience, d.resilience, ctx.book);
  if (d.cacheBackstop && !own.cacheBackstop)
    changes.push('database readers for every read, so a cache outage fails no request');
  return changes;
}

/** The option --database pins, checked against what this provider sells; null for any. */
function pinnedOption(ctx: DesignContext): DatabaseOption | null {
  const pin = ctx.input.database;
  if (pin === 'any') return null;
  const offered = offeredDatabaseOptions(ctx.book);
  if (!offered.includes(pin))
    throw new PlanInputError(
      'database',
      `${ctx.book.catalog.name} does not sell ${pin} in ${ctx.book.region} (it sells ${offered.join(', ')})`,
    );
  return pin;
}

/**
 * The search alone, without the words: the tier's own design, the goal, every candidate and the pick.
 * `pickOnly` (the growth projection, which takes only the pick): the candidates that cannot reach the goal
 * are left unpriced, unless none reaches it and the most available is wanted.
 */
export function searchDesign(ctx: DesignContext, tier: TierId, target: number | undefined, pickOnly = false) {
  const own = ownDesign(ctx, tier);
  const pinned = ctx.input.database !== 'any';
  // A pinned option is the user's call: the floor steps aside, a target still holds.
  const floor = pinned ? 0 : own.estimate.conservative;
  const goal = Math.max(floor, target === undefined ? 0 : target / 100);
  const floorOnly = goal <= own.estimate.conservative;
  const reaching = pickOnly ? cheapestMeeting(candidates(ctx, tier, own, floorOnly, goal), goal) : null;
  const all = reaching ? [] : candidates(ctx, tier, own, floorOnly);
  const meeting = reaching ?? cheapestMeeting(all, goal);
  return { own, pinned, floor, goal, all, meeting, design: meeting ?? mostAvailable(all) };
}

/**
 * The cheapest design at least as available as the tier's own (its floor) and any --availability target,
 * from every database option, cache failover, zone count and region count the provider sells.
 */
export function chooseDesign(ctx: DesignContext, tier: TierId, target: number | undefined): AvailabilityChoice {
  const { own, pinned, floor, goal, all, meeting, design } = searchDesign(ctx, tier, target);
  const changes = changesFrom(ctx, own, design);
  const noCache = withoutCache(ctx, design, goal);
  const alternatives = [...alternativesBeaten(ctx, all, design, goal), ...(noCache ? [noCache] : [])];
  const tried = `${all.length} designs priced`;
  const ownText = pinned
    ? `--database ${ctx.input.database}: the plan prices only that option, and the tier's floor (${pct(own.estimate.conservative)}, its own design${own.cache ? ' with the cache counted' : ''}) does not apply`
    : `The tier's own design (the scaling guide's) composes to ${pct(floor)}${own.cache ? ' with the cache counted as a dependency' : ''} (${dollars(own.cost.monthly.expected)}/month): that is the tier's floor`;
  if (!meeting) {
    return {
      design,
      met: false,
      changes,
      alternatives,
      reasons: [
        `${target === undefined ? "The tier's floor" : `The ${target} % target`} cannot be met on ${ctx.book.catalog.name}: the most available of ${tried} (${changes.join('; ') || "the tier's own"}) composes to ${pct(design.estimate.estimated)}`,
        beyondReach(ctx, design, target),
      ],
    };
  }
  const goalText = target === undefined ? 'at least as available' : `meeting ${pct(goal)}`;
  // The search keeps the tier's cache; going without it is weighed on its own (withoutCache), so say so here.
  const withCache = design.cache ? " with the tier's cache" : '';
  const cacheless =
    noCache && noCache.deltaMonthly < 0 && noCache.estimated >= availabilityPercent(goal)
      ? `; without the cache it would be ${dollars(-noCache.deltaMonthly)} a month cheaper, weighed below among the designs not chosen`
      : '';
  const pick =
    design === own
      ? `No design${withCache} ${goalText} is cheaper (${tried})${cacheless}`
      : `The cheapest of ${tried} ${goalText} ${changes.length > 0 ? `changes it: ${changes.join('; ')}` : 'sizes it differently'} — ${pct(design.estimate.estimated)} for ${dollars(design.cost.monthly.expected)}/month (${versusOwn(own.cost.monthly.expected - design.cost.monthly.expected)}${design.estimate.estimated > floor ? ', and more available' : ''})${cacheless}`;
  const targetText =
    target === undefined
      ? 'No --availability target: the plan takes the cheapest design that does not fall below it'
      : `The ${target} % target${target / 100 < floor ? ' is below the floor, so the floor holds' : ''}`;
  return {
    design,
    met: target === undefined ? null : true,
    changes,
    alternatives,
    reasons: [ownText, targetText, pick],
  };
}

export const NINES = [99.9, 99.95, 99.99, 99.999] as const;

export interface NineRow {
  target: number;
  met: boolean;
  estimated: number;
  change: string;
  monthly: number;
  deltaMonthly: number;
}

/** A priced way to run a design: its own, or (two regions) with the other way of failing over. */
interface NinePoint {
  design: Design;
  estimated: number;
  monthly: number;
  /** Set when the point fails over the other way than the design as built. */
  failover?: string;
}

/** Each design as built, and each two-region design failing over the other way (provisioned or by auto-scaling). */
function ninePoints(all: readonly Design[]): NinePoint[] {
  return all.flatMap((design): NinePoint[] => {
    const own = { design, estimated: design.estimate.estimated, monthly: design.cost.monthly.expected };
    const alt = design.failover?.alternative;
    if (!alt) return [own];
    const mode =
      alt.mode === 'provisioned' ? 'each region provisioned for the other’s load' : 'failover by auto-scaling';
    return [own, { design, estimated: alt.estimated, monthly: alt.monthly, failover: mode }];
  });
}

const cheaperPoint = (a: NinePoint, b: NinePoint) =>
  a.monthly < b.monthly || (a.monthly === b.monthly && a.estimated > b.estimated);

/**
 * What each extra nine costs: the cheapest design meeting 99.9, 99.95, 99.99 and 99.999 %, against the
 * plan's design. A two-region design counts both ways of failing over, whichever the plan's own target chose.
 */
export function costOfNines(ctx: DesignContext, tier: TierId, current: Design): NineRow[] {
  const own = ownDesign(ctx, tier);
  const points = ninePoints(candidates(ctx, tier, own));
  return NINES.map((target) => {
    let meeting: NinePoint | null = null;
    for (const p of points) if (p.estimated >= target / 100 && (!meeting || cheaperPoint(p, meeting))) meeting = p;
    const best =
      meeting ??
      points.reduce((a, p) =>
        p.estimated > a.estimated || (p.estimated === a.estimated && p.monthly < a.monthly) ? p : a,
      );
    const changes = [...changesFrom(ctx, own, best.design), ...(best.failover ? [best.failover] : [])];
    return {
      target,
      met: meeting !== null,
      estimated: availabilityPercent(best.estimated),
      change:
        meeting === null
          ? `not reachable (best: ${changes.join('; ') || "the tier's own design"})`
          : changes.length > 0
            ? changes.join('; ')
            : "the tier's own design",
      monthly: best.monthly,
      deltaMonthly: round(best.monthly - current.cost.monthly.expected),
    };
  });
}
