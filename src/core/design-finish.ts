import { estimateAvailability, MINUTES_PER_MONTH, type AvailabilityEstimate } from './availability.js';
import { autoscaling } from './autoscaling.js';
import { deferredCost } from './cost/cost-plan.js';
import type { CostFacts, RegionFleet } from './cost/types.js';
import { chooseDeployStrategy, deployment, DEFAULT_DEPLOYS_PER_MONTH } from './deployment.js';
import type { Design, DesignContext, RegionStack } from './design-types.js';
import { chooseStrategy } from './load-balancing.js';
import { largeServers } from './fleet-sizing.js';
import { mixStacks, type MixedHardware } from './mixed-fleet.js';
import { failoverVariants, pickFailover } from './region-failover.js';
import { regionCaches } from './region-caches.js';
import { sameInstanceEverywhere } from './region-instance.js';
import type { Resilience } from './resilience.js';
import { round } from './round.js';
import { tierRank, type TierId } from './tiers.js';

/**
 * Whether a cache outage is an outage: without the cache every read reaches the database. When the
 * primaries and replicas can carry those reads at full CPU (degraded, slower, but answering), losing the
 * cache does not fail requests; the sessions it held are lost, and users sign in again.
 */
function cacheSurvivable(ctx: DesignContext, db: Design['database']): { survivable: boolean; why: string } {
  const { demand, params } = ctx;
  const readsWithoutCache = demand.peakRps * params.readRatio * (params.dbTimeMs / 1000);
  const vcpus = db.instance.vcpus ?? 1;
  const capacity = db.shards * (db.readReplicasPerShard * vcpus + Math.max(0, vcpus - db.writeCpuDemand / db.shards));
  const figures = `${round(readsWithoutCache, 2)} vCPUs of reads at peak against ${round(capacity, 2)} vCPUs the database has for them`;
  return capacity >= readsWithoutCache
    ? {
        survivable: true,
        why: `with the cache down the database carries every read (${figures}); the sessions it held are lost, so signed-in users sign in again (sessions written through to the database, or signed cookies, avoid even that)`,
      }
    : { survivable: false, why: `with the cache down the database could not carry the reads (${figures})` };
}

/** The deploy strategy and the balancing strategy: the canary needs weights, so they are chosen together. */
function trafficChoices(ctx: DesignContext, tier: TierId, resilience: Resilience, atPeak: number) {
  const { input, params } = ctx;
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
  return { deployChoice, loadBalancing };
}

/** With active-active regions each region's auto-scaling maximum must take the whole load when another fails. */
function withFailoverMax(ctx: DesignContext, stacks: RegionStack[]): RegionStack[] {
  if (stacks.length < 2 || ctx.input.dataResidency) return stacks;
  const total = stacks.reduce((a, t) => a + t.compute.atPeak, 0);
  return stacks.map((s) => (s.compute.max >= total ? s : { ...s, compute: { ...s.compute, max: total } }));
}

/** Each region's fleet range, as its stack sizes it. */
function regionFleets(stacks: RegionStack[], mixed: MixedHardware | null): RegionFleet[] {
  return stacks.map((s) => {
    const { min, average, max } = s.compute;
    const large = { min: largeServers(min), average: s.largeAverage ?? largeServers(average), max: largeServers(max) };
    return { code: s.code, share: s.share, min, average, max, ...(mixed ? { large } : {}) };
  });
}

type Deploy = ReturnType<typeof deployment>;

function costFacts(
  ctx: DesignContext,
  tier: TierId,
  resilience: Resilience,
  stacks: RegionStack[],
  parts: { fleets: RegionFleet[]; cache: Design['cache']; deploy: Deploy; mixed: MixedHardware | null },
): CostFacts {
  const { input } = ctx;
  const { deploy } = parts;
  const extra = deploy.extraServersWhileDeploying;
  return {
    instance: stacks[0]!.compute.instance,
    ...(parts.mixed ? { largeInstance: parts.mixed.large } : {}),
    fleets: parts.fleets,
    appZones: resilience.appZones,
    balancer: resilience.appZones >= 2,
    databases: stacks.map((s, i) => ({
      code: s.code,
      sizing: s.database,
      role: i === 0 || input.dataResidency ? ('primary' as const) : ('standby-region' as const),
    })),
    cache: parts.cache,
    dataResidency: input.dataResidency,
    cdn: tier !== 'single-server',
    privateNetworking: tierRank(tier) >= tierRank('horizontal'),
    queue: tier === 'distributed',
    deploymentExtra: deploy.extraMonthlyCost,
    deploymentLabel: `${deploy.strategy} deploys: ${extra} extra server${extra === 1 ? '' : 's'} for ${deploy.windowMinutes} min × ${deploy.deploysPerMonth} deploys`,
  };
}

/** The bill and the traffic choices for a set of region stacks. */
function priceStacks(
  ctx: DesignContext,
  tier: TierId,
  resilience: Resilience,
  sized: RegionStack[],
  cache: Design['cache'],
) {
  const { input, params, demand, book } = ctx;
  const { stacks: mixedStacks, mixed } = mixStacks(ctx, sized, resilience.appZones);
  const stacks = withFailoverMax(ctx, mixedStacks);
  const atPeak = stacks.reduce((a, s) => a + s.compute.atPeak, 0);
  const traffic = trafficChoices(ctx, tier, resilience, atPeak);
  const { deployChoice } = traffic;
  const loadBalancing = mixed
    ? {
        ...traffic.loadBalancing,
        reasons: [
          ...traffic.loadBalancing.reasons,
          `Weights by capacity: each ${mixed.small.id} ${mixed.weights.small}, each ${mixed.large.id} ${mixed.weights.large} (twice the vCPUs), so every server runs at the same CPU`,
        ],
      }
    : traffic.loadBalancing;
  const deploysPerMonth = input.deploysPerMonth ?? DEFAULT_DEPLOYS_PER_MONTH;
  const deploy = deployment(deployChoice, atPeak, stacks[0]!.compute.instance.price, deploysPerMonth);
  const fleets = regionFleets(stacks, mixed);
  const cost = deferredCost({
    facts: costFacts(ctx, tier, resilience, stacks, { fleets, cache, deploy, mixed }),
    demand,
    params,
    input,
    book,
  });
  return { stacks, mixed, fleets, deploy, loadBalancing, cost };
}

/**
 * Active-active regions: each surviving region must take a lost region's traffic, provisioned or by
 * auto-scaling with that time counted as downtime; the cheaper that meets the target is used.
 */
function withFailover(
  ctx: DesignContext,
  parts: { tier: TierId; resilience: Resilience; cache: Design['cache'] },
  stacks: RegionStack[],
  estimate: AvailabilityEstimate,
) {
  const { tier, resilience, cache } = parts;
  if (stacks.length < 2 || ctx.input.dataResidency) {
    return { stacks, estimate, failover: null, priced: priceStacks(ctx, tier, resilience, stacks, cache) };
  }
  const options = failoverVariants(ctx, stacks, resilience.appZones, estimate.perRegion).map((variant) => {
    const priced = priceStacks(ctx, tier, resilience, variant.stacks, cache);
    const estimated = estimate.estimated - variant.countedMinutes / MINUTES_PER_MONTH;
    return { variant, estimated, monthly: priced.cost.monthly.expected, priced };
  });
  const goal = ctx.input.availability === undefined ? undefined : ctx.input.availability / 100;
  const failover = pickFailover(options, goal);
  const lost = (o: (typeof options)[number]) => o.variant.countedMinutes / MINUTES_PER_MONTH;
  const chosen = options.find((o) => o.variant === failover.chosen)!;
  return {
    stacks: failover.chosen.stacks,
    // The failover time counts against both figures: the floor compares designs on the conservative one.
    estimate: { ...estimate, estimated: chosen.estimated, conservative: estimate.conservative - lost(chosen) },
    failover,
    priced: chosen.priced,
  };
}

/**
 * What a sized design has before its bill: one instance type in every region, the cache, and the
 * availability composed from its parts (before any failover time between active-active regions).
 */
export function prepare(ctx: DesignContext, tier: TierId, resilience: Resilience, stacksAsSized: RegionStack[]) {
  const { input, book } = ctx;
  const sized = sameInstanceEverywhere(ctx, tier, resilience, stacksAsSized);
  const { database } = sized[0]!;
  const cache = ctx.cacheDesign === 'none' ? null : regionCaches(ctx, tier, resilience, sized);
  const cdn = tier !== 'single-server';
  const smallestMin = Math.min(...sized.map((s) => s.compute.min));
  const base = estimateAvailability(
    resilience,
    {
      cache: cache !== null,
      cacheSurvivable: cache ? cacheSurvivable(ctx, database) : null,
      cdn,
      appServers: smallestMin,
      independentRegions: input.dataResidency,
    },
    book,
  );
  return { sized, cache, cdn, base };
}

/** Completes a sized design: cache, availability, balancing, deployment, auto-scaling and the bill. */
export function finish(
  ctx: DesignContext,
  tier: TierId,
  tierReasons: string[],
  resilience: Resilience,
  stacksAsSized: RegionStack[],
): Design {
  const { sized, cache, cdn, base } = prepare(ctx, tier, resilience, stacksAsSized);
  const { compute, database } = sized[0]!;
  const { estimate, failover, priced } = withFailover(ctx, { tier, resilience, cache }, sized, base);
  const { stacks, mixed, fleets, deploy, loadBalancing, cost } = priced;
  const min = fleets.reduce((a, f) => a + f.min, 0);
  const max = fleets.reduce((a, f) => a + f.max, 0);
  // Provisioned region failover keeps each fleet larger than its own traffic needs: the target must hold it.
  const home = stacks[0]!.compute;
  const held = failover?.chosen.mode === 'provisioned' && home.atPeak > compute.atPeak;
  const peak = held ? { atPeak: home.atPeak, utilizationAtPeak: home.utilizationAtPeak } : {};
  const scaling = autoscaling({ ...compute, ...peak, min, max }, held ? 'region failover' : null);
  return {
    tier,
    tierReasons,
    resilience,
    compute: stacks[0]!.compute,
    database,
    cache,
    cdn,
    regions: stacks,
    estimate,
    failover,
    mixed,
    loadBalancing,
    deployment: deploy,
    autoscaling: scaling,
    cost,
    ...(ctx.cacheDesign === 'backstop' && cache ? { cacheBackstop: true } : {}),
  };
}
