import { sizeCompute } from './compute.js';
import type { DesignContext, RegionStack } from './design-types.js';
import { scaleDemand } from './regions.js';
import type { Resilience } from './resilience.js';
import { tierRule, type TierId } from './tiers.js';

/**
 * One instance type in every region (one image, one launch template, one price line): a smaller region
 * that sized onto a smaller type is re-sized on the primary region's. The primary has the largest share,
 * so its type always fits the smaller regions' server range.
 */
export function sameInstanceEverywhere(
  ctx: DesignContext,
  tier: TierId,
  resilience: Resilience,
  stacks: RegionStack[],
): RegionStack[] {
  const primary = stacks[0]!.compute.instance;
  if (stacks.every((s) => s.compute.instance.id === primary.id) || !primary.shape) return stacks;
  const rule = tierRule(tier);
  const only = { ...rule, instanceCandidates: [primary.shape] };
  const minServers = rule.servers.min === 1 ? 1 : Math.max(rule.servers.min, resilience.appZones);
  return stacks.map((s) => {
    if (s.compute.instance.id === primary.id) return s;
    const compute = sizeCompute(
      only,
      {
        demand: scaleDemand(ctx.demand, s.share),
        serviceTimeMs: ctx.params.serviceTimeMs,
        latencyTargetMs: ctx.params.latencyTargetMs,
        curve: ctx.curve,
        zones: resilience.appZones,
        minServers,
      },
      ctx.book,
    );
    return compute ? { ...s, compute } : s;
  });
}
