import type { Catalog } from '../pricing/catalog-schema.js';
import { downtimeMinutesPerMonth } from './availability.js';
import { USAGE_ASSUMPTIONS } from './cost/usage-assumptions.js';
import { dailyCurve } from './daily-curve.js';
import { DATABASE_SHARE_OF_STORAGE } from './database.js';
import { computeDemand, HOURS_PER_MONTH, type Demand } from './demand.js';
import { buildDesign, type Design, type DesignContext } from './design.js';
import { chooseDesign, costOfNines } from './design-search.js';
import { DEFAULT_DEPLOYS_PER_MONTH } from './deployment.js';
import { balancerEvidence } from './balancer-evidence.js';
import { bestPossibleP95Ms } from './fleet-sizing.js';
import { healthCheck } from './health-check.js';
import { formatUsers } from './humane-number.js';
import { PlanInputError } from './input-error.js';
import { inputSchema, type PlanInput, type Provider, type RawInput } from './input.js';
import { balancerSetting } from './load-balancing.js';
import type { PlanDocument, ProviderPlan } from './plan-document.js';
import { priceBook } from './price-book.js';
import { resolveParameters, type Parameters } from './resolve.js';
import { round } from './round.js';
import { scalingReasons, tierForUsers, tierRule, type TierId } from './tiers.js';
import { groupDigits } from './group-digits.js';
import { providerIds } from '../providers/registry.js';

export type Catalogs = Partial<Record<Provider, Catalog>>;

/** Turns a raw input (flags, file or wizard answers) into the plan document. Pure: same input and catalogs, same document. */
export function planFromRaw(raw: RawInput, catalogs: Catalogs): PlanDocument {
  return buildPlan(inputSchema.parse(raw), catalogs);
}

export interface PlanOptions {
  projection?: boolean;
  nines?: boolean;
  /** Today's date (YYYY-MM-DD): a catalog older than 90 days then warns. Without it, plans do not depend on the date. */
  today?: string;
}

/** How old a catalog may be before every plan priced on it says so. */
export const STALE_AFTER_DAYS = 90;

export function buildPlan(input: PlanInput, catalogs: Catalogs, opts: PlanOptions = {}): PlanDocument {
  const params = resolveParameters(input);
  const floor = bestPossibleP95Ms(params.serviceTimeMs);
  if (params.latencyTargetMs <= floor) {
    throw new PlanInputError(
      params.overridden.includes('latencyTarget') ? 'latencyTarget' : 'serviceTime',
      `a p95 target of ${params.latencyTargetMs} ms cannot be met: with ${params.serviceTimeMs} ms of CPU per request, p95 is at least ${round(floor, 0)} ms even on idle servers (S·ln 20)`,
    );
  }
  const providers: Provider[] = input.provider === 'all' ? providerIds() : [input.provider];
  for (const provider of providers) {
    if (!catalogs[provider]) throw new PlanInputError('provider', `no price catalog for ${provider} is installed`);
  }
  // One design, every provider: the first provider chooses tier and redundancy, the others price that same design.
  const demand = computeDemand(params);
  const home = priceOn(input, params, demand, catalogs[providers[0]!]!, false, opts.nines !== false, null, opts.today);
  const priced = [
    home,
    ...providers
      .slice(1)
      .map((provider) => priceOn(input, params, demand, catalogs[provider]!, true, false, home.design, opts.today)),
  ];
  const cheapest = Math.min(...priced.map((p) => p.summary.monthly.expected));
  const primary = priced[0]!;
  return {
    schemaVersion: 1,
    input: echoInput(input, params),
    demand: {
      dailyActiveUsers: round(demand.dailyActiveUsers, 0),
      requestsPerDay: round(demand.requestsPerDay, 0),
      averageRps: round(demand.averageRps, 2),
      peakRps: round(demand.peakRps, 2),
      egressGbPerMonth: round(demand.egressGbPerMonth, 1),
      storageGb: round(demand.storageGb, 1),
      peakCpuDemandVcpus: round(demand.peakCpuDemand, 3),
    },
    ...primary.document,
    ...(providers.length > 1
      ? { providers: priced.map((p) => ({ ...p.summary, cheapest: p.summary.monthly.expected === cheapest })) }
      : {}),
    projection: opts.projection === false ? null : projection(input, catalogs, providers[0]!),
  };
}

type Body = Omit<PlanDocument, 'schemaVersion' | 'input' | 'demand' | 'projection' | 'providers'>;

function priceOn(
  input: PlanInput,
  params: Parameters,
  demand: Demand,
  catalog: Catalog,
  providersHomeRegion: boolean,
  nines: boolean,
  same: Design | null,
  today: string | undefined,
): { document: Body; summary: ProviderPlan; design: Design } {
  const book = priceBook(catalog, providersHomeRegion ? undefined : input.region);
  const ctx: DesignContext = {
    input,
    params,
    demand,
    curve: dailyCurve(params.dailyCurve, params.peakFactor),
    book,
    sizings: new Map(),
    designs: new Map(),
  };
  const byUsers = tierForUsers(input.users);
  const choice = same ? sameDesign(ctx, same, input.availability) : chooseDesign(ctx, byUsers.id, input.availability);
  const d = choice.design;
  const document = describe(ctx, d, byUsers.reason, choice, nines ? costOfNines(ctx, byUsers.id, d) : []);
  const age = today ? Math.floor((Date.parse(today) - Date.parse(catalog.date)) / 86_400_000) : 0;
  if (age > STALE_AFTER_DAYS) {
    document.warnings.unshift(
      `The ${catalog.name} prices are from ${catalog.date}, ${age} days old (over ${STALE_AFTER_DAYS}): refresh them with \`capacity-plan pricing update ${catalog.provider}\``,
    );
  }
  return {
    document,
    design: d,
    summary: {
      provider: catalog.provider,
      region: book.region,
      date: catalog.date,
      instanceType: d.compute.instance.id,
      monthly: d.cost.monthly,
      cheapest: false,
    },
  };
}

/** Another provider's price for the design the first provider chose: same tier, same redundancy. */
function sameDesign(ctx: DesignContext, same: Design, target: number | undefined): ReturnType<typeof chooseDesign> {
  const haPlus = ctx.book.has('database', undefined, 'aurora');
  const resilience =
    same.resilience.databaseHa === 'aurora' && !haPlus
      ? { ...same.resilience, databaseHa: 'multi-az' as const }
      : same.resilience;
  const design = buildDesign(ctx, same.tier, resilience);
  const met = target === undefined ? null : design.estimate.estimated >= target / 100;
  return {
    design,
    met,
    changes: [],
    reasons: [`The same design as on the first provider, priced on ${ctx.book.catalog.name}`],
  };
}

function describe(
  ctx: DesignContext,
  d: Design,
  usersReason: string,
  choice: ReturnType<typeof chooseDesign>,
  nines: PlanDocument['availability']['costOfNines'],
): Body {
  const { input, params, book } = ctx;
  const catalog = book.catalog;
  const rule = tierRule(d.tier);
  const homeRegion = book.region;
  const warnings: string[] = [];
  const unsure = [...new Set(d.cost.lineItems.filter((l) => l.confidence === 'U').map((l) => l.itemId))].sort();
  if (unsure.length > 0)
    warnings.push(
      `${unsure.length} price${unsure.length === 1 ? '' : 's'} in this plan ${unsure.length === 1 ? 'is' : 'are'} recalled, not verified (confidence U): ${unsure.join(', ')} — check them against the provider's price page before relying on them`,
    );
  if (choice.met === false) warnings.push(choice.reasons[0]!);
  if (input.stateful)
    warnings.push(
      `--stateful breaks the statelessness rules: ${d.loadBalancing.breaksRules.map((r) => r.split(':')[0]).join('; ')}. Move sessions to Redis and files to object storage, then drop --stateful`,
    );
  if (d.resilience.appZones < 2)
    warnings.push('A single server is a single point of failure: an instance failure or upgrade is downtime');
  for (const r of d.regions) {
    if (!catalog.regions[r.code])
      warnings.push(
        `${r.code} is priced at ${homeRegion} list prices: the ${catalog.provider} catalog has no ${r.code} prices yet`,
      );
  }
  const band = rule.band;
  const expected = d.cost.monthly.expected;
  const comparison = expected < band.low ? 'below' : band.high !== null && expected > band.high ? 'above' : 'inside';
  if (comparison !== 'inside') {
    warnings.push(
      `The expected $${groupDigits(Math.round(expected))}/month is ${comparison} the seed's ${rule.title.toLowerCase()} band ($${groupDigits(band.low)}–${band.high === null ? '…' : `$${groupDigits(band.high)}`}): the seed's band is for typical traffic, this plan prices your profile`,
    );
  }
  const multiRegion = d.regions.length > 1;
  const evidence = input.simulate
    ? balancerEvidence(d.loadBalancing.strategy, {
        servers: d.regions[0]!.compute.atPeak,
        vcpus: d.compute.instance.vcpus ?? 1,
        utilization: d.regions[0]!.compute.utilizationAtPeak,
        serviceTimeMs: params.serviceTimeMs,
        durations: params.requestDurations,
        mixedHardware: input.mixedHardware,
      })
    : null;
  const sum = (f: (s: Design['regions'][number]) => number) => d.regions.reduce((a, s) => a + f(s), 0);
  return {
    tier: {
      id: d.tier,
      title: rule.title,
      scaling: rule.scaling,
      seedDesign: rule.seedDesign,
      reasons: [usersReason, ...d.tierReasons, ...scalingReasons(rule.scaling)],
    },
    compute: {
      instanceType: d.compute.instance.id,
      vcpus: d.compute.instance.vcpus ?? 0,
      memoryGb: d.compute.instance.memoryGb ?? 0,
      instances: {
        min: d.autoscaling?.minInstances ?? 1,
        expected: sum((s) => s.compute.atPeak),
        max: d.autoscaling?.maxInstances ?? 1,
        average: round(
          sum((s) => s.compute.average),
          2,
        ),
      },
      utilizationAtPeak: round(d.compute.utilizationAtPeak, 3),
      p95AtPeakMs: round(d.compute.p95AtPeakMs, 1),
      p95AfterZoneLossMs: d.compute.p95AfterZoneLossMs === null ? null : round(d.compute.p95AfterZoneLossMs, 1),
      latencyTargetMs: params.latencyTargetMs,
      sizing:
        'queueing: each server an M/M/k queue (k = vCPUs) sized by exact Erlang C against the p95 target, under the 70 % scale-out line, surviving the loss of one zone',
      boundBy: d.compute.bound,
      serversNeeded: {
        latency: d.compute.needs.latency,
        scaleOutLine: d.compute.needs['scale-out line'],
        zoneFailure: d.compute.needs['zone failure'],
        minimum: d.compute.needs.minimum,
      },
      reasons: d.compute.reasons,
    },
    database: {
      engine: 'postgresql',
      service: d.database.deployment === 'aurora' ? catalog.services.databaseHaPlus : catalog.services.database,
      instanceType: d.database.instance.id,
      deployment: d.database.deployment,
      primaries: d.database.shards,
      shards: d.database.shards,
      readReplicas: d.database.readReplicasPerShard * d.database.shards,
      readReplicasPerShard: d.database.readReplicasPerShard,
      storageGb: d.database.storageGbPerShard * d.database.shards,
      utilizationAtPeak: round(d.database.utilizationAtPeak, 3),
      reasons: d.database.reasons,
    },
    cache: d.cache
      ? {
          engine: 'redis',
          service: catalog.services.cache,
          nodeType: d.cache.node.id,
          shards: d.cache.shards,
          replicasPerShard: d.cache.replicasPerShard,
          nodes: d.cache.shards * (1 + d.cache.replicasPerShard),
          memoryNeededGb: round(d.cache.memoryNeededGb, 2),
          reasons: d.cache.reasons,
        }
      : null,
    cdn: d.cdn
      ? {
          service: catalog.services.cdn,
          offloadShare: params.cdnOffload,
          transferGbPerMonth: round(ctx.demand.egressGbPerMonth * params.cdnOffload, 1),
          reasons: [
            `The seed adds a CDN from 10k users: ${Math.round(params.cdnOffload * 100)} % of the bytes (static assets, images, media) are served from the edge, closer to users and off the servers`,
          ],
        }
      : null,
    queue:
      d.tier === 'distributed'
        ? {
            service: catalog.services.queue,
            reasons: [
              "The seed's message queues at 1M+ users: slow work (emails, fan-out, media processing) leaves the request path",
            ],
          }
        : null,
    loadBalancing: {
      strategy: d.loadBalancing.strategy,
      reasons: evidence ? [...d.loadBalancing.reasons, evidence.summary] : d.loadBalancing.reasons,
      breaksStatelessRules: d.loadBalancing.breaksRules,
      configuration: balancerSetting(d.loadBalancing.strategy, catalog.provider),
      simulation: evidence,
    },
    healthCheck: healthCheck({ balancer: d.resilience.appZones >= 2, cache: d.cache !== null }),
    autoscaling: d.autoscaling,
    availability: {
      target: input.availability ?? null,
      estimated: round(d.estimate.estimated * 100, 6),
      meetsTarget: choice.met,
      topology: multiRegion ? 'multi-region' : d.resilience.appZones >= 2 ? 'multi-az' : 'single-instance',
      zones: d.resilience.appZones,
      regions: d.regions.map((s, i) => ({
        code: s.code,
        share: round(s.share * 100, 2),
        role: s.role,
        database:
          i === 0
            ? 'primary'
            : input.dataResidency
              ? "primary (this region's users' data stays here)"
              : 'read replica (promotable)',
        instances: { min: s.compute.min, expected: s.compute.atPeak, max: s.compute.max },
      })),
      routing: multiRegion
        ? input.dataResidency
          ? 'GeoDNS: each user is routed to the region that holds their data'
          : 'latency-based DNS routing (GeoDNS or a manual region choice also work)'
        : null,
      dataResidency: input.dataResidency,
      downtimeMinutesPerMonth: downtimeMinutesPerMonth(d.estimate.estimated),
      changes: choice.changes,
      components: d.estimate.components,
      costOfNines: nines,
      reasons: [
        ...choice.reasons,
        ...(d.estimate.cappedAt !== null
          ? [
              `Inside one region the estimate is capped at the provider's region-level ${round(d.estimate.cappedAt * 100, 4)} %: redundant copies in one region fail together more often than independence says`,
            ]
          : []),
        ...(multiRegion && !input.dataResidency
          ? [
              "Active-active regions assume failover is quick: DNS health checks move users within minutes and the other region's replica is promoted to primary",
            ]
          : []),
        ...(multiRegion && input.dataResidency
          ? [
              "With --data-residency each region serves only its own users, so a region failure is not covered by the others: the estimate is one region's",
            ]
          : []),
      ],
    },
    deployment: {
      strategy: d.deployment.strategy,
      reasons: d.deployment.reasons,
      deploysPerMonth: d.deployment.deploysPerMonth,
      extraServersWhileDeploying: d.deployment.extraServersWhileDeploying,
      windowMinutes: d.deployment.windowMinutes,
      extraCostPerDeploy: d.deployment.extraCostPerDeploy,
      extraMonthlyCost: d.deployment.extraMonthlyCost,
      batchSize: d.deployment.batchSize,
    },
    cost: {
      currency: 'USD',
      hoursPerMonth: HOURS_PER_MONTH,
      monthly: d.cost.monthly,
      lineItems: d.cost.lineItems,
      buying: d.cost.buying,
      pricing: {
        provider: catalog.provider,
        region: homeRegion,
        date: catalog.date,
        source: catalog.refreshed
          ? `refreshed ${catalog.refreshed.at} from ${catalog.refreshed.endpoint} (${catalog.refreshed.updated} prices updated, ${catalog.refreshed.kept} kept)`
          : catalog.source,
        catalog: catalog.refreshed ? 'refreshed' : 'bundled',
      },
      referenceBand: { tier: d.tier, low: band.low, high: band.high, comparison, source: 'seed: scaling timeline' },
      curve: `${params.dailyCurve} daily curve (peak hour ${params.peakFactor}× the average)`,
    },
    warnings,
    assumptions: assumptions(params, input),
  };
}

function echoInput(input: PlanInput, p: Parameters): PlanDocument['input'] {
  return {
    name: input.name,
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
    'Sizing treats service times as exponential (M/M/k per server); requests whose durations vary more than that need the headroom least-connections balancing gives',
    `Expected cost follows the ${p.dailyCurve} daily curve; low is the minimum fleet all month, high the maximum fleet all month`,
    `${a.requestsPerConnection} requests per connection to the balancer; ${a.outboundKbPerRequestViaNat} KB per request to outside APIs; ${a.dataTierKbPerRequest} KB per request between app and data tier; ${a.logKbPerRequest} KB of log per request`,
    `Storage: ${Math.round(DATABASE_SHARE_OF_STORAGE * 100)} % of each user's data is database rows, the rest files in object storage`,
    `Deploys: ${input.deploysPerMonth ?? DEFAULT_DEPLOYS_PER_MONTH} a month unless --deploys-per-month says otherwise`,
  ];
}

function projection(input: PlanInput, catalogs: Catalogs, home: Provider): PlanDocument['projection'] {
  if (input.growth === undefined) return null;
  const months = input.months ?? 12;
  const rows: NonNullable<PlanDocument['projection']>['months'] = [];
  const crossings: NonNullable<PlanDocument['projection']>['crossings'] = [];
  let previousTier: TierId | null = null;
  const base: PlanInput = { ...input, growth: undefined, months: undefined, provider: home };
  for (let month = 0; month <= months; month++) {
    const users = Math.max(1, Math.round(input.users * (1 + input.growth / 100) ** month));
    const doc = buildPlan({ ...base, users, simulate: false }, catalogs, { projection: false, nines: false });
    rows.push({
      month,
      users,
      tier: doc.tier.id,
      instances: doc.compute.instances.expected,
      instanceType: doc.compute.instanceType,
      monthlyCost: doc.cost.monthly.expected,
    });
    if (previousTier !== null && doc.tier.id !== previousTier) {
      crossings.push({
        month,
        users,
        from: previousTier,
        to: doc.tier.id,
        note: `month ${month}: ${formatUsers(users)} users — move to ${tierRule(doc.tier.id).title.toLowerCase()}`,
      });
    }
    previousTier = doc.tier.id;
  }
  return { growthPercentPerMonth: input.growth, months: rows, crossings };
}
