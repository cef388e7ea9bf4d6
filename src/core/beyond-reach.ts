import { MINUTES_PER_MONTH } from './availability.js';
import type { Design, DesignContext } from './design.js';
import { round } from './round.js';

/**
 * What stands between the most available design and the target: the failover time counted for a region
 * lost, where that alone is more downtime than the target allows (another region would not shorten it),
 * else the published SLAs.
 */
export function beyondReach(ctx: DesignContext, design: Design, target: number | undefined): string {
  const counted = design.failover?.chosen.countedMinutes ?? 0;
  const allowed = target === undefined ? Infinity : (1 - target / 100) * MINUTES_PER_MONTH;
  if (counted > allowed)
    return `Failover time is the limit: ${round(counted, 2)} min/month is counted while traffic moves off a failed region (the Failover section says how), more than the ${round(allowed, 2)} min a month ${target} % allows, so another region would not close the gap; faster failover would (shorter health-check intervals and DNS TTLs, or a global anycast load balancer that moves traffic without DNS)`;
  return `The published SLAs are the ceiling${ctx.input.dataResidency ? '; with --data-residency regions cannot back each other up' : ''}: going further needs more regions or components with higher SLAs than the provider publishes`;
}
