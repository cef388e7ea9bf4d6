import { estimateAvailability, type AvailabilityEstimate } from './availability.js';
import { autoscaling, type Autoscaling } from './autoscaling.js';
import { sizeCache, type CacheSizing } from './cache.js';
import { sizeCompute, type ComputeSizing } from './compute.js';
import { costPlan } from './cost/cost-plan.js';
import type { CostBreakdown } from './cost/types.js';
import { sizeDatabase, type DatabaseSizing } from './database.js';
import type { Demand } from './demand.js';
import { chooseDeployStrategy, deployment, DEFAULT_DEPLOYS_PER_MONTH, type Deployment } from './deployment.js';
import type { PlanInput } from './input.js';
import { chooseStrategy, type LoadBalancingDecision } from './load-balancing.js';
import type { PriceBook } from './price-book.js';
import { strongest, tierResilience, type Resilience } from './resilience.js';
import type { Parameters } from './resolve.js';
import { round } from './round.js';
import { pairedRegion } from '../providers/paired-region.js';
import { nextTier, tierRank, tierRule, type TierId } from './tiers.js';

export interface DesignContext {
  input: PlanInput;
  params: Parameters;
  demand: Demand;
  curve: readonly number[];
  book: PriceBook;
  /** Fleet sizings already computed for this plan: the design search prices many designs that share them. */
  sizings: Map<string, ComputeSizing | null>;
  /** Designs already built for this plan, by tier and redundancy: the cost-of-nines table asks for the same ones four times. */
  designs: Map<string, Design>;
}

export interface RegionStack {
  code: string;
  share: number;
  compute: ComputeSizing;
  database: DatabaseSizing;
  role: 'primary' | 'secondary';
}

/** One complete design at one tier and level of redundancy: sized, balanced, estimated and priced. */
export interface Design {
  tier: TierId;
  tierReasons: string[];
  resilience: Resilience;
  compute: ComputeSizing;
  database: DatabaseSizing;
  cache: CacheSizing | null;
  cdn: boolean;
  regions: RegionStack[];
  estimate: AvailabilityEstimate;
  loadBalancing: Omit<LoadBalancingDecision, 'configuration'>;
  deployment: Deployment;
  autoscaling: Autoscaling | null;
  cost: CostBreakdown;
}

function scaleDemand(d: Demand, share: number): Demand {
  return {
    ...d,
    dailyActiveUsers: d.dailyActiveUsers * share,
    requestsPerDay: d.requestsPerDay * share,
    requestsPerMonth: d.requestsPerMonth * share,
    averageRps: d.averageRps * share,
    peakRps: d.peakRps * share,
    egressGbPerMonth: d.egressGbPerMonth * share,
    storageGb: d.storageGb * share,
    peakCpuDemand: d.peakCpuDemand * share,
  };
}

function regionSplit(ctx: DesignContext, regions: number): { code: string; share: number }[] {
  if (ctx.input.regions) {
    return [...ctx.input.regions]
      .sort((a, b) => b.share - a.share || a.region.localeCompare(b.region))
      .map((r) => ({ code: r.region, share: r.share / 100 }));
  }
  const home = ctx.book.region;
  if (regions <= 1) return [{ code: home, share: 1 }];
  return [
    { code: home, share: 0.5 },
    { code: pairedRegion(ctx.book.catalog, home) ?? home, share: 0.5 },
  ];
}

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

function finish(
  ctx: DesignContext,
  tier: TierId,
  tierReasons: string[],
  resilience: Resilience,
  stacks: RegionStack[],
): Design {
  const { input, params, demand, book } = ctx;
  const primary = stacks[0]!;
  const compute = primary.compute;
  const database = primary.database;
  const cache = sizeCache(tier, demand, params, resilience, book, database.storageGbPerShard * database.shards);
  const cdn = tier !== 'single-server';
  const atPeak = stacks.reduce((a, s) => a + s.compute.atPeak, 0);
  const smallestMin = Math.min(...stacks.map((s) => s.compute.min));
  const estimate = estimateAvailability(
    resilience,
    { cache: cache !== null, cdn, appServers: smallestMin, independentRegions: input.dataResidency },
    book,
  );

  const deployChoice = chooseDeployStrategy(input.deploy, tier, atPeak);
  const loadBalancing = chooseStrategy({
    // Without zones there is no balancer: one server per region, reached by DNS.
    servers: resilience.appZones >= 2 ? atPeak : 1,
    stateful: input.stateful,
    mixedHardware: input.mixedHardware,
    canary: deployChoice.strategy === 'canary',
    requestDurations: params.requestDurations,
    requestDurationsFrom: params.overridden.includes('requestDurations') ? 'flag' : 'profile',
    profile: input.profile,
  });
  const deploy = deployment(
    deployChoice,
    atPeak,
    compute.instance.price,
    input.deploysPerMonth ?? DEFAULT_DEPLOYS_PER_MONTH,
  );
  // With more than one region, each must be able to take the whole load when another fails (not so with data residency).
  const fleets = stacks.map((s) => ({
    code: s.code,
    min: s.compute.min,
    average: s.compute.average,
    max:
      stacks.length > 1 && !input.dataResidency
        ? Math.max(
            s.compute.max,
            stacks.reduce((a, t) => a + t.compute.atPeak, 0),
          )
        : s.compute.max,
  }));
  const cost = costPlan({
    facts: {
      instance: compute.instance,
      fleets,
      appZones: resilience.appZones,
      balancer: resilience.appZones >= 2,
      databases: stacks.map((s, i) => ({
        code: s.code,
        sizing: s.database,
        role: i === 0 || input.dataResidency ? ('primary' as const) : ('standby-region' as const),
      })),
      cache,
      dataResidency: input.dataResidency,
      cdn,
      privateNetworking: tierRank(tier) >= tierRank('horizontal'),
      queue: tier === 'distributed',
      deploymentExtra: deploy.extraMonthlyCost,
      deploymentLabel: `${deploy.strategy} deploys: ${deploy.extraServersWhileDeploying} extra server${deploy.extraServersWhileDeploying === 1 ? '' : 's'} for ${deploy.windowMinutes} min × ${deploy.deploysPerMonth} deploys`,
    },
    demand,
    params,
    input,
    book,
  });
  const scaling = autoscaling({
    ...compute,
    min: fleets.reduce((a, f) => a + f.min, 0),
    max: fleets.reduce((a, f) => a + f.max, 0),
  });
  return {
    tier,
    tierReasons,
    resilience,
    compute,
    database,
    cache,
    cdn,
    regions: stacks,
    estimate,
    loadBalancing,
    deployment: deploy,
    autoscaling: scaling,
    cost,
  };
}
