import { sizeCompute } from './compute.js';
import { sizeDatabase } from './database.js';
import { finish } from './design-finish.js';
import type { Design, DesignContext, RegionStack } from './design-types.js';
import { regionSplit, scaleDemand } from './regions.js';
import { strongest, tierResilience, type Resilience } from './resilience.js';
import { round } from './round.js';
import { nextTier, tierRule, type TierId } from './tiers.js';

export type { Design, DesignContext, RegionStack } from './design-types.js';

/**
 * Builds the design for a starting tier and redundancy. When demand outgrows the tier (more servers than
 * it allows, more writes than its largest primary), the design moves up a tier and says why.
 */
export function buildDesign(ctx: DesignContext, startTier: TierId, wanted: Resilience): Design {
  const key = `${startTier}|${wanted.appZones}|${wanted.databaseHa}|${wanted.cacheHa}|${wanted.regions}`;
  const known = ctx.designs.get(key);
  if (known) return known;
  const design = build(ctx, startTier, wanted);
  ctx.designs.set(key, design);
  return design;
}

function build(ctx: DesignContext, startTier: TierId, wanted: Resilience): Design {
  const { input, params, demand, curve, book } = ctx;
  let tier = startTier;
  let resilience = strongest(tierResilience(tier), wanted);
  const tierReasons: string[] = [];
  if (tier === 'single-server' && resilience.appZones >= 2) {
    tier = 'cached-replicas';
    resilience = strongest(tierResilience(tier), resilience);
    tierReasons.push(
      `--availability ${input.availability}: one server (${book.sla('compute-single').sla} % SLA) cannot reach it, so the design moves up to a balanced pair of servers`,
    );
  }
  const split = regionSplit(ctx, resilience.regions);
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
      const database = sizeDatabase(
        tier,
        input.dataResidency ? regional : demand,
        params,
        resilience,
        book,
        tier !== 'single-server',
      );
      if (!database) {
        failed = 'database';
        break;
      }
      stacks.push({ code: r.code, share: r.share, compute, database, role: i === 0 ? 'primary' : 'secondary' });
    }
    if (failed === null) return finish(ctx, tier, tierReasons, resilience, stacks);
    const up = nextTier(tier);
    if (!up) throw new Error('no tier can carry this demand');
    tierReasons.push(
      failed === 'database'
        ? `Demand moves the design up: ${round(demand.peakRps * (1 - params.readRatio), 0)} writes/s at peak are more than the ${rule.title.toLowerCase()} tier's largest database primary carries`
        : `Demand moves the design up: ${round(demand.peakCpuDemand, 1)} vCPUs of work at peak needs more than the ${rule.title.toLowerCase()} tier's ${rule.servers.max === 1 ? 'largest single server' : `${rule.servers.max} servers`}`,
    );
    tier = up;
    resilience = strongest(tierResilience(tier), resilience);
  }
}
