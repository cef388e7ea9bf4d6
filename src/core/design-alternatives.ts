import { databaseOptionLabel, DATABASE_OPTIONS } from './database-options.js';
import type { Design, DesignContext } from './design-types.js';
import { groupDigits } from './group-digits.js';
import { availabilityPercent, availabilityText } from './percent-text.js';
import { round } from './round.js';
import { cheapestMeeting, mostAvailable } from './design-rank.js';
import { tryBuildDesign } from './design.js';
import { tierRule } from './tiers.js';

export interface Alternative {
  /** The database option and redundancy, in words. */
  design: string;
  monthly: number;
  /** What it costs a month more than the chosen design (negative: cheaper, but short of the goal). */
  deltaMonthly: number;
  estimated: number;
  verdict: string;
}

const describe = (ctx: DesignContext, d: Design) => {
  const r = d.resilience;
  const parts = [
    databaseOptionLabel(ctx.book, r.databaseHa),
    r.appZones >= 2 ? `app servers in ${r.appZones} zones` : 'one app server',
  ];
  if (d.cache) parts.push(r.cacheHa ? 'cache with a replica' : 'one cache node');
  if (d.cacheBackstop) parts.push('database readers for every read (the cache fails no request)');
  if (r.regions > 1) parts.push(`${r.regions} regions`);
  return parts.join(', ');
};

/** Two availabilities in words, with enough decimals that different numbers never read the same. */
function apart(a: number, b: number): [string, string] {
  let x = availabilityText(a * 100);
  let y = availabilityText(b * 100);
  for (let digits = 4; x === y && a !== b && digits <= 8; digits++) {
    x = (a * 100).toFixed(digits);
    y = (b * 100).toFixed(digits);
  }
  return [x, y];
}

/** The best design for each database option the provider sells (cheapest meeting the goal, else the most available). */
function bestPerOption(all: readonly Design[], goal: number): Design[] {
  return DATABASE_OPTIONS.map((option) => all.filter((d) => d.resilience.databaseHa === option))
    .filter((mine) => mine.length > 0)
    .map((mine) => cheapestMeeting(mine, goal) ?? mostAvailable(mine));
}

/** Which alternatives the chosen design beat, and by how much: the answer to "why not the obvious one?". */
export function alternativesBeaten(
  ctx: DesignContext,
  all: readonly Design[],
  chosen: Design,
  goal: number,
): Alternative[] {
  return bestPerOption(all, goal)
    .filter((d) => d !== chosen)
    .map((d) => {
      const delta = round(d.cost.monthly.expected - chosen.cost.monthly.expected);
      const short = d.estimate.estimated < goal;
      const [need, has] = apart(goal, d.estimate.estimated);
      const verdict = short
        ? `below the ${need} % it must reach (${has} %)${delta < 0 ? `, though $${groupDigits(Math.round(-delta))} a month cheaper` : ''}`
        : `$${groupDigits(Math.round(delta))} a month dearer${d.estimate.estimated > chosen.estimate.estimated ? `, for ${availabilityText(d.estimate.estimated * 100)} %` : ''}`;
      return {
        design: describe(ctx, d),
        monthly: d.cost.monthly.expected,
        deltaMonthly: delta,
        estimated: availabilityPercent(d.estimate.estimated),
        verdict,
      };
    })
    .sort((a, b) => a.monthly - b.monthly || a.design.localeCompare(b.design));
}

/**
 * The same design without a cache: sessions and every read in the database, sized for them. The seed's
 * tiers from 10k users keep Redis; this says what dropping it would cost or save, and why it stays.
 */
export function withoutCache(ctx: DesignContext, chosen: Design, goal: number): Alternative | null {
  if (!chosen.cache) return null;
  const d = tryBuildDesign({ ...ctx, cacheDesign: 'none' }, chosen.tier, chosen.resilience);
  if (!d) return null;
  const delta = round(d.cost.monthly.expected - chosen.cost.monthly.expected);
  const reads = round(ctx.demand.peakRps * ctx.params.readRatio, 0);
  const db = d.database;
  const readers =
    db.readReplicasPerShard > 0
      ? ` and ${db.readReplicasPerShard} read replica${db.readReplicasPerShard === 1 ? '' : 's'} per shard`
      : '';
  const carried = `the database (${db.instance.id}${readers}) would take all ${groupDigits(reads)} reads/s at peak and the sessions`;
  const [need, has] = apart(goal, d.estimate.estimated);
  const tier = tierRule(chosen.tier).title.toLowerCase();
  // Where the chosen design misses the goal too, going without the cache is judged on what it does reach.
  const neither = chosen.estimate.estimated < goal && d.estimate.estimated >= chosen.estimate.estimated;
  const alsoShort = neither ? ` (neither reaches ${need} %; it is as available as the plan's, ${has} %)` : '';
  const verdict =
    d.estimate.estimated < goal && !neither
      ? `below the ${need} % it must reach (${has} %)`
      : delta >= 0
        ? `$${groupDigits(Math.round(delta))} a month dearer${alsoShort}: ${carried}, and needs more for it than the cache costs`
        : `$${groupDigits(Math.round(-delta))} a month cheaper${alsoShort}: ${carried}. Kept: the scaling guide's ${tier} tier puts sessions and hot objects in Redis, which answers repeated reads in under a millisecond off the database's CPU and keeps its headroom for growth and for a replica failover`;
  return {
    design: `${describe(ctx, d)}, no cache (sessions and every read in the database)`,
    monthly: d.cost.monthly.expected,
    deltaMonthly: delta,
    estimated: availabilityPercent(d.estimate.estimated),
    verdict,
  };
}
