import { availabilityPercent, availabilityText } from './percent-text.js';
import { buildDesign, type Design, type DesignContext } from './design.js';
import { describeChanges, strongerDesigns, tierResilience, type Resilience } from './resilience.js';
import { round } from './round.js';
import { pairedRegion } from '../providers/paired-region.js';
import type { TierId } from './tiers.js';
import { groupDigits } from './group-digits.js';

export interface AvailabilityChoice {
  design: Design;
  met: boolean | null;
  changes: string[];
  reasons: string[];
}

const pct = (a: number) => `${availabilityText(a * 100)} %`;

/**
 * The tier's own design, or — with a target — the cheapest design at least as redundant that meets it
 * (the tier's own included),
 * found by pricing every stronger combination of zones, cache failover, database HA and regions.
 */
export function chooseDesign(ctx: DesignContext, tier: TierId, target: number | undefined): AvailabilityChoice {
  const base = { ...tierResilience(tier), regions: ctx.input.regions?.length ?? 1 };
  const own = buildDesign(ctx, tier, base);
  if (target === undefined) {
    return {
      design: own,
      met: null,
      changes: [],
      reasons: [
        `No --availability target: the tier's own design composes to ${pct(own.estimate.estimated)} from the provider's published SLAs`,
      ],
    };
  }
  const goal = target / 100;
  const search = cheapestMeeting(ctx, tier, own, goal);
  const dbHaPlus = ctx.book.catalog.services.databaseHaPlus;
  if (search.meeting === own) {
    return {
      design: own,
      met: true,
      changes: [],
      reasons: [
        `The tier's own design composes to ${pct(own.estimate.estimated)}, which meets the ${target} % target, and no stronger design is cheaper`,
      ],
    };
  }
  if (search.meeting) {
    const changes = describeChanges(own.resilience, search.meeting.resilience, dbHaPlus);
    const ownMet = own.estimate.estimated >= goal;
    return {
      design: search.meeting,
      met: true,
      changes,
      reasons: [
        `The tier's own design composes to ${pct(own.estimate.estimated)}${ownMet ? `, which meets the ${target} % target — but a stronger design is cheaper` : `, short of the ${target} % target`}`,
        `The cheapest of ${search.tried} stronger designs that meets it adds ${changes.join('; ')} — ${pct(search.meeting.estimate.estimated)} for $${groupDigits(Math.round(search.meeting.cost.monthly.expected))}/month`,
      ],
    };
  }
  const best = search.best;
  const changes = describeChanges(own.resilience, best.resilience, dbHaPlus);
  return {
    design: best,
    met: false,
    changes,
    reasons: [
      `The ${target} % target cannot be met on ${ctx.book.catalog.name}: the most available of ${search.tried} designs (${changes.join('; ') || "the tier's own"}) composes to ${pct(best.estimate.estimated)}`,
      `The published SLAs are the ceiling${ctx.input.dataResidency ? '; with --data-residency regions cannot back each other up' : ''}: going further needs more regions or components with higher SLAs than the provider publishes`,
    ],
  };
}

export function cheapestMeeting(
  ctx: DesignContext,
  tier: TierId,
  own: Design,
  goal: number,
): { meeting: Design | null; best: Design; tried: number } {
  // A stronger database engine only where the catalog has one (Azure's zone-redundant HA is already its top SLA).
  const haPlus = ctx.book.has('database', undefined, 'aurora');
  // A second region only where the provider pairs the home region with one.
  const canPair = ctx.input.regions !== undefined || pairedRegion(ctx.book.catalog, ctx.book.region) !== null;
  const candidates = strongerDesigns(own.resilience).filter(
    (r) => (haPlus || r.databaseHa !== 'aurora') && (canPair || r.regions <= own.resilience.regions),
  );
  if (ctx.input.regions) for (const c of candidates) c.regions = own.resilience.regions;
  let meeting: Design | null = null;
  let best: Design | null = null;
  const seen = new Set<string>();
  for (const resilience of candidates) {
    const key = resilienceKey(resilience);
    if (seen.has(key)) continue;
    seen.add(key);
    const design = key === resilienceKey(own.resilience) ? own : buildDesign(ctx, tier, resilience);
    if (design.estimate.estimated >= goal && (!meeting || design.cost.monthly.expected < meeting.cost.monthly.expected))
      meeting = design;
    if (
      !best ||
      design.estimate.estimated > best.estimate.estimated ||
      (design.estimate.estimated === best.estimate.estimated &&
        design.cost.monthly.expected < best.cost.monthly.expected)
    )
      best = design;
  }
  return { meeting, best: best!, tried: seen.size };
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

/** What each extra nine costs: the cheapest design meeting 99.9, 99.95, 99.99 and 99.999 %, against the plan's own design. */
export function costOfNines(ctx: DesignContext, tier: TierId, current: Design): NineRow[] {
  const dbHaPlus = ctx.book.catalog.services.databaseHaPlus;
  const own = buildDesign(ctx, tier, { ...tierResilience(tier), regions: ctx.input.regions?.length ?? 1 });
  return NINES.map((target) => {
    const goal = target / 100;
    const search = cheapestMeeting(ctx, tier, own, goal);
    const design = search.meeting ?? search.best;
    const changes = describeChanges(own.resilience, design.resilience, dbHaPlus);
    return {
      target,
      met: search.meeting !== null,
      estimated: availabilityPercent(design.estimate.estimated),
      change:
        search.meeting === null
          ? `not reachable (best: ${changes.join('; ') || "the tier's own design"})`
          : changes.length > 0
            ? changes.join('; ')
            : "the tier's own design",
      monthly: design.cost.monthly.expected,
      deltaMonthly: round(design.cost.monthly.expected - current.cost.monthly.expected),
    };
  });
}

const resilienceKey = (r: Resilience) => `${r.appZones}|${r.databaseHa}|${r.cacheHa}|${r.regions}`;
