import type { Catalog } from '../pricing/catalog-schema.js';
import { estimateAvailability, downtimeMinutesPerMonth, planAvailability } from './availability.js';
import { autoscaling } from './autoscaling.js';
import { sizeCache } from './cache.js';
import { sizeCompute, type ComputeSizing } from './compute.js';
import { costPlan, USAGE_ASSUMPTIONS } from './cost.js';
import { dailyCurve } from './daily-curve.js';
import { sizeDatabase } from './database.js';
import { computeDemand, HOURS_PER_MONTH, type Demand } from './demand.js';
import { chooseDeployStrategy, deployment, DEFAULT_DEPLOYS_PER_MONTH } from './deployment.js';
import { healthCheck } from './health-check.js';
import { formatUsers } from './humane-number.js';
import { PlanInputError } from './input-error.js';
import { inputSchema, type PlanInput, type Provider, type RawInput } from './input.js';
import { balancerSetting, chooseStrategy } from './load-balancing.js';
import type { PlanDocument, ProviderPlan } from './plan-document.js';
import { priceBook, type PriceBook } from './price-book.js';
import { strongest, tierResilience, type Resilience } from './resilience.js';
import { resolveParameters, type Parameters } from './resolve.js';
import { round } from './round.js';
import { nextTier, scalingReasons, tierForUsers, tierRank, tierRule, type TierId } from './tiers.js';

export type Catalogs = Partial<Record<Provider, Catalog>>;

/** The second region a provider's home region fails over to when the availability target needs one. */
const PAIRED_REGION: Record<string, string> = {
  'us-east-1': 'us-west-2',
  'us-central1': 'us-east1',
  eastus: 'westus2',
};

/** Turns a raw input (flags, file or wizard answers) into the plan document. Pure: same input and catalogs, same document. */
export function planFromRaw(raw: RawInput, catalogs: Catalogs): PlanDocument {
  return buildPlan(inputSchema.parse(raw), catalogs);
}

export function buildPlan(input: PlanInput, catalogs: Catalogs): PlanDocument {
  const params = resolveParameters(input);
  if (params.serviceTimeMs >= params.latencyTargetMs) {
    throw new PlanInputError(
      params.overridden.includes('latencyTarget') ? 'latencyTarget' : 'serviceTime',
      `a p95 target of ${params.latencyTargetMs} ms cannot be met when one request alone takes ${params.serviceTimeMs} ms of CPU`,
    );
  }
  const providers: Provider[] = input.provider === 'all' ? ['aws', 'gcp', 'azure'] : [input.provider];
  for (const provider of providers) {
    if (!catalogs[provider]) throw new PlanInputError('provider', `no price catalog for ${provider} is installed`);
  }
  const home = providers[0]!;
  const design = designFor(input, params, catalogs[home]!);
  const priced = providers.map((provider) => (provider === home ? design.priced : designFor(input, params, catalogs[provider]!).priced));
  const primary = priced[0]!;
  const cheapest = Math.min(...priced.map((p) => p.summary.monthly.expected));
  const summaries = priced.map((p) => ({ ...p.summary, cheapest: p.summary.monthly.expected === cheapest }));
  return {
    schemaVersion: 1,
    input: echoInput(input, params),
    demand: {
      dailyActiveUsers: round(design.demand.dailyActiveUsers, 0),
      requestsPerDay: round(design.demand.requestsPerDay, 0),
      averageRps: round(design.demand.averageRps, 2),
      peakRps: round(design.demand.peakRps, 2),
      egressGbPerMonth: round(design.demand.egressGbPerMonth, 1),
      storageGb: round(design.demand.storageGb, 1),
      peakCpuDemandVcpus: round(design.demand.peakCpuDemand, 3),
    },
    ...primary.document,
    ...(providers.length > 1 ? { providers: summaries } : {}),
    projection: projection(input, catalogs, home),
  };
}

interface Design {
  demand: Demand;
  priced: { document: Omit<PlanDocument, 'schemaVersion' | 'input' | 'demand' | 'projection' | 'providers'>; summary: ProviderPlan };
}

function designFor(input: PlanInput, params: Parameters, catalog: Catalog): Design {
  const book = priceBook(catalog, input.provider === 'all' && catalog.provider !== 'aws' ? undefined : input.region);
  const demand = computeDemand(params);
  const curve = dailyCurve(params.dailyCurve, params.peakFactor);
  const tierReasons: string[] = [];
  const byUsers = tierForUsers(input.users);
  let tier: TierId = byUsers.id;
  tierReasons.push(byUsers.reason);

  const userRegions = input.regions ? [...input.regions].sort((a, b) => b.share - a.share || a.region.localeCompare(b.region)) : null;
  const baseRegions = userRegions?.length ?? 1;

  // The availability target decides the redundancy; a target beyond one server moves the tier up.
  const hasCache = (t: TierId) => t !== 'single-server';
  let decision = planAvailability(input.availability, { ...tierResilience(tier), regions: baseRegions }, { cache: hasCache(tier), cdn: hasCache(tier) }, book);
  if (decision.resilience.appZones >= 2 && tier === 'single-server') {
    tier = 'cached-replicas';
    tierReasons.push(`--availability ${input.availability}: one server (${book.sla('compute-single').sla} % SLA) cannot reach it, so the design moves up to a balanced pair of servers`);
    decision = planAvailability(input.availability, strongest(tierResilience(tier), { ...decision.resilience, regions: baseRegions }), { cache: true, cdn: true }, book);
  }

  // Demand can outgrow a tier's server range or its largest database primary.
  let resilience: Resilience = decision.resilience;
  let compute: ComputeSizing | null = null;
  let database = null;
  for (;;) {
    const rule = tierRule(tier);
    const minServers = rule.servers.min === 1 ? 1 : Math.max(rule.servers.min, resilience.appZones);
    compute = sizeCompute(rule, demand, curve, book, minServers);
    database = compute ? sizeDatabase(tier, demand, params, resilience, book, hasCache(tier)) : null;
    if (compute && database) break;
    const up = nextTier(tier);
    if (!up) throw new Error('no tier can carry this demand');
    tierReasons.push(
      compute
        ? `Demand moves the design up: ${round(database === null ? demand.peakRps : 0, 0)} requests/s at peak put more writes on the database than the tier's largest primary carries`
        : `Demand moves the design up: ${round(demand.peakCpuDemand, 1)} vCPUs of work at peak needs more than the ${rule.title.toLowerCase()} tier's ${rule.servers.max === 1 ? 'largest single server' : `${rule.servers.max} servers`}`,
    );
    tier = up;
    const again = planAvailability(input.availability, strongest(tierResilience(tier), { ...resilience, regions: baseRegions }), { cache: true, cdn: true }, book);
    decision = again;
    resilience = again.resilience;
  }
  const rule = tierRule(tier);
  const cache = sizeCache(tier, demand, params, resilience, book, database.storageGbPerShard * database.shards);
  const cdn = tier !== 'single-server';
  const estimate = estimateAvailability(resilience, { cache: cache !== null, cdn }, book);
  const regionCount = resilience.regions;

  // Regions: the user's split, or the home region plus its pair when the availability target added one.
  const homeRegion = book.region;
  const regionList = userRegions
    ? userRegions.map((r) => ({ code: r.region, share: r.share / 100 }))
    : regionCount > 1
      ? [{ code: homeRegion, share: 0.5 }, { code: PAIRED_REGION[homeRegion] ?? `${homeRegion}-pair`, share: 0.5 }]
      : [{ code: homeRegion, share: 1 }];
  const fleets = regionList.map((r) => {
    if (regionList.length === 1) return { code: r.code, share: r.share, sizing: compute };
    const sized = sizeCompute(rule, scaleDemand(demand, r.share), curve, book, rule.servers.min === 1 ? 1 : Math.max(rule.servers.min, resilience.appZones)) ?? compute;
    // Each region must be able to take the whole load when another fails.
    return { code: r.code, share: r.share, sizing: { ...sized, max: Math.max(sized.max, compute.atPeak) } };
  });
  const atPeak = fleets.reduce((a, f) => a + f.sizing.atPeak, 0);

  const lbFacts = {
    servers: atPeak,
    stateful: input.stateful,
    mixedHardware: input.mixedHardware,
    canary: false,
    requestDurations: params.requestDurations,
    requestDurationsFrom: params.overridden.includes('requestDurations') ? ('flag' as const) : ('profile' as const),
    profile: input.profile,
  };
  const deployChoice = chooseDeployStrategy(input.deploy, tier, atPeak);
  const lb = chooseStrategy({ ...lbFacts, canary: deployChoice.strategy === 'canary' });
  const deploy = deployment(deployChoice, atPeak, compute.instance.price, input.deploysPerMonth ?? DEFAULT_DEPLOYS_PER_MONTH);
  const scaling = autoscaling(compute);

  const cost = costPlan(
    {
      instance: compute.instance,
      fleets: fleets.map((f) => ({ code: f.code, min: f.sizing.min, average: f.sizing.average, max: f.sizing.max })),
      appZones: resilience.appZones,
      balancer: resilience.appZones >= 2,
      database,
      cache,
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
  );

  const warnings: string[] = [];
  const unsure = [...new Set(cost.lineItems.filter((l) => l.confidence === 'U').map((l) => l.itemId))].sort();
  if (unsure.length > 0) warnings.push(`${unsure.length} price${unsure.length === 1 ? '' : 's'} in this plan ${unsure.length === 1 ? 'is' : 'are'} recalled, not verified (confidence U): ${unsure.join(', ')} — check them against the provider's price page before relying on them`);
  if (decision.met === false) warnings.push(decision.reasons[0]!);
  if (input.stateful) warnings.push(`--stateful breaks the statelessness rules: ${lb.breaksRules.map((r) => r.split(':')[0]).join('; ')}. Move sessions to Redis and files to object storage, then drop --stateful`);
  if (resilience.appZones < 2) warnings.push('A single server is a single point of failure: an instance failure or upgrade is downtime');
  for (const r of regionList) {
    if (!catalog.regions[r.code]) warnings.push(`${r.code} is priced at ${homeRegion} list prices: the ${catalog.provider} catalog has no ${r.code} prices yet`);
  }
  const band = rule.band;
  const expected = cost.monthly.expected;
  const comparison = expected < band.low ? 'below' : band.high !== null && expected > band.high ? 'above' : 'inside';
  if (comparison !== 'inside') {
    warnings.push(`The expected $${Math.round(expected).toLocaleString('en-US')}/month is ${comparison} the seed's ${rule.title.toLowerCase()} band ($${band.low.toLocaleString('en-US')}–${band.high === null ? '…' : `$${band.high.toLocaleString('en-US')}`}): the seed's band is for typical traffic, this plan prices your profile`);
  }

  const components = estimate.components;
  const document: Design['priced']['document'] = {
    tier: {
      id: tier,
      title: rule.title,
      scaling: rule.scaling,
      seedDesign: rule.seedDesign,
      reasons: [...tierReasons, ...scalingReasons(rule.scaling)],
    },
    compute: {
      instanceType: compute.instance.id,
      vcpus: compute.instance.vcpus ?? 0,
      memoryGb: compute.instance.memoryGb ?? 0,
      instances: { min: sum(fleets, (f) => f.sizing.min), expected: atPeak, max: sum(fleets, (f) => f.sizing.max), average: round(sum(fleets, (f) => f.sizing.average), 2) },
      utilizationAtPeak: round(compute.utilizationAtPeak, 3),
      sizing: 'utilisation: peak CPU at or below the 70 % scale-out line',
      reasons: compute.reasons,
    },
    database: {
      engine: 'postgresql',
      service: database.deployment === 'aurora' ? catalog.services.databaseHaPlus : catalog.services.database,
      instanceType: database.instance.id,
      deployment: database.deployment,
      primaries: database.shards,
      shards: database.shards,
      readReplicas: database.readReplicasPerShard * database.shards,
      readReplicasPerShard: database.readReplicasPerShard,
      storageGb: database.storageGbPerShard * database.shards,
      utilizationAtPeak: round(database.utilizationAtPeak, 3),
      reasons: database.reasons,
    },
    cache: cache
      ? {
          engine: 'redis',
          service: catalog.services.cache,
          nodeType: cache.node.id,
          shards: cache.shards,
          replicasPerShard: cache.replicasPerShard,
          nodes: cache.shards * (1 + cache.replicasPerShard),
          memoryNeededGb: round(cache.memoryNeededGb, 2),
          reasons: cache.reasons,
        }
      : null,
    cdn: cdn
      ? {
          service: catalog.services.cdn,
          offloadShare: params.cdnOffload,
          transferGbPerMonth: round(demand.egressGbPerMonth * params.cdnOffload, 1),
          reasons: [`The seed adds a CDN from 10k users: ${Math.round(params.cdnOffload * 100)} % of the bytes (static assets, images, media) are served from the edge, closer to users and off the servers`],
        }
      : null,
    queue: tier === 'distributed' ? { service: catalog.services.queue, reasons: ['The seed\'s message queues at 1M+ users: slow work (emails, fan-out, media processing) leaves the request path'] } : null,
    loadBalancing: { strategy: lb.strategy, reasons: lb.reasons, breaksStatelessRules: lb.breaksRules, configuration: balancerSetting(lb.strategy, catalog.provider) },
    healthCheck: healthCheck({ balancer: resilience.appZones >= 2, cache: cache !== null }),
    autoscaling: scaling,
    availability: {
      target: input.availability ?? null,
      estimated: round(estimate.estimated * 100, 4),
      meetsTarget: decision.met,
      topology: regionCount > 1 ? 'multi-region' : resilience.appZones >= 2 ? 'multi-az' : 'single-instance',
      zones: resilience.appZones,
      regions: fleets.map((f, i) => ({
        code: f.code,
        share: round(f.share * 100, 2),
        role: i === 0 ? 'primary' : 'secondary',
        database: i === 0 ? 'primary' : 'read replica (promotable)',
        instances: { min: f.sizing.min, expected: f.sizing.atPeak, max: f.sizing.max },
      })),
      routing: regionCount > 1 ? 'latency-based DNS (GeoDNS or manual region choice also work)' : null,
      downtimeMinutesPerMonth: downtimeMinutesPerMonth(estimate.estimated),
      changes: decision.changes,
      components,
      reasons: decision.reasons,
    },
    deployment: {
      strategy: deploy.strategy,
      reasons: deploy.reasons,
      deploysPerMonth: deploy.deploysPerMonth,
      extraServersWhileDeploying: deploy.extraServersWhileDeploying,
      windowMinutes: deploy.windowMinutes,
      extraCostPerDeploy: deploy.extraCostPerDeploy,
      extraMonthlyCost: deploy.extraMonthlyCost,
      batchSize: deploy.batchSize,
    },
    cost: {
      currency: 'USD',
      hoursPerMonth: HOURS_PER_MONTH,
      monthly: cost.monthly,
      lineItems: cost.lineItems,
      buying: cost.buying,
      pricing: {
        provider: catalog.provider,
        region: homeRegion,
        date: catalog.date,
        source: catalog.source,
        catalog: 'bundled',
      },
      referenceBand: { tier, low: band.low, high: band.high, comparison, source: 'seed: scaling timeline' },
      curve: `${params.dailyCurve} daily curve (peak hour ${params.peakFactor}× the average)`,
    },
    warnings,
    assumptions: assumptions(params, input),
  };
  return {
    demand,
    priced: {
      document,
      summary: {
        provider: catalog.provider,
        region: homeRegion,
        date: catalog.date,
        instanceType: compute.instance.id,
        monthly: cost.monthly,
        cheapest: false,
      },
    },
  };
}

function sum<T>(list: readonly T[], f: (t: T) => number): number {
  return list.reduce((a, t) => a + f(t), 0);
}

function scaleDemand(d: Demand, share: number): Demand {
  return { ...d, dailyActiveUsers: d.dailyActiveUsers * share, requestsPerDay: d.requestsPerDay * share, requestsPerMonth: d.requestsPerMonth * share, averageRps: d.averageRps * share, peakRps: d.peakRps * share, peakCpuDemand: d.peakCpuDemand * share };
}

function echoInput(input: PlanInput, p: Parameters): PlanDocument['input'] {
  return {
    users: input.users,
    profile: input.profile,
    provider: input.provider,
    availability: input.availability ?? null,
    stateful: input.stateful,
    parameters: {
      dauRatio: p.dauRatio,
      requestsPerUser: p.requestsPerUser,
      peakFactor: p.peakFactor,
      readRatio: p.readRatio,
      serviceTimeMs: p.serviceTimeMs,
      requestDurations: p.requestDurations,
      payloadKb: p.payloadKb,
      storagePerUserMb: p.storagePerUserMb,
      latencyTargetMs: p.latencyTargetMs,
      cdnOffload: p.cdnOffload,
      cacheHitRatio: p.cacheHitRatio,
      dbTimeMs: p.dbTimeMs,
      dailyCurve: p.dailyCurve,
    },
    overridden: p.overridden,
  };
}

function assumptions(p: Parameters, input: PlanInput): string[] {
  const a = USAGE_ASSUMPTIONS;
  return [
    `A month is ${HOURS_PER_MONTH} hours (the convention of AWS's calculator and GCP's price mirror); prices are list prices in USD`,
    `Traffic profile ${input.profile}: ${Math.round(p.dauRatio * 100)} % of monthly users active on a day, ${p.requestsPerUser} requests each, peak hour ${p.peakFactor}× the average, ${p.serviceTimeMs} ms of CPU per request`,
    `Expected cost follows the ${p.dailyCurve} daily curve; low is the minimum fleet all month, high the maximum fleet all month`,
    `${a.requestsPerConnection} requests per connection to the balancer; ${a.outboundKbPerRequestViaNat} KB per request to outside APIs; ${a.dataTierKbPerRequest} KB per request between app and data tier; ${a.logKbPerRequest} KB of log per request`,
    'Storage: 30 % of each user\'s data is database rows, the rest files in object storage',
    `Deploys: ${input.deploysPerMonth ?? DEFAULT_DEPLOYS_PER_MONTH} a month unless --deploys-per-month says otherwise`,
  ];
}

function projection(input: PlanInput, catalogs: Catalogs, home: Provider): PlanDocument['projection'] {
  if (input.growth === undefined) return null;
  const months = input.months ?? 12;
  const rows: NonNullable<PlanDocument['projection']>['months'] = [];
  const crossings: NonNullable<PlanDocument['projection']>['crossings'] = [];
  let previousTier: TierId | null = null;
  const base = { ...input, growth: undefined, months: undefined, provider: home };
  for (let month = 0; month <= months; month++) {
    const users = Math.max(1, Math.round(input.users * (1 + input.growth / 100) ** month));
    const doc = buildPlan({ ...base, users }, catalogs);
    rows.push({ month, users, tier: doc.tier.id, instances: doc.compute.instances.expected, instanceType: doc.compute.instanceType, monthlyCost: doc.cost.monthly.expected });
    if (previousTier !== null && doc.tier.id !== previousTier) {
      crossings.push({ month, users, from: previousTier, to: doc.tier.id, note: `month ${month}: ${formatUsers(users)} users — move to ${tierRule(doc.tier.id).title.toLowerCase()}` });
    }
    previousTier = doc.tier.id;
  }
  return { growthPercentPerMonth: input.growth, months: rows, crossings };
}
