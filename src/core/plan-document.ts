import type { AvailabilityComponent } from './availability.js';
import type { Autoscaling } from './autoscaling.js';
import type { LineItem } from './cost.js';
import type { HealthCheck } from './health-check.js';
import type { PlanInput, Provider } from './input.js';
import type { BalancerEvidence } from './balancer-evidence.js';
import type { BalancerSetting, Strategy } from './load-balancing.js';
import type { DailyCurveName } from './profiles.js';
import type { DatabaseHa } from './resilience.js';
import type { TierId } from './tiers.js';

/**
 * The plan as users, scripts and CI see it (`--format json`, `plan()`). Versioned by `schemaVersion` and
 * kept apart from the planner's internal types, so internals can change without breaking anyone.
 */
export interface PlanDocument {
  schemaVersion: 1;
  input: {
    name: string;
    users: number;
    profile: PlanInput['profile'];
    provider: PlanInput['provider'];
    availability: number | null;
    stateful: boolean;
    parameters: {
      dauRatio: number;
      requestsPerUser: number;
      peakFactor: number;
      readRatio: number;
      serviceTimeMs: number;
      requestDurations: 'similar' | 'variable';
      payloadKb: number;
      storagePerUserMb: number;
      latencyTargetMs: number;
      cdnOffload: number;
      cacheHitRatio: number;
      dbTimeMs: number;
      dailyCurve: DailyCurveName;
    };
    overridden: string[];
  };
  demand: {
    dailyActiveUsers: number;
    requestsPerDay: number;
    averageRps: number;
    peakRps: number;
    egressGbPerMonth: number;
    storageGb: number;
    peakCpuDemandVcpus: number;
  };
  tier: { id: TierId; title: string; scaling: 'vertical' | 'horizontal'; seedDesign: string[]; reasons: string[] };
  compute: {
    instanceType: string;
    vcpus: number;
    memoryGb: number;
    /** min and max bound auto-scaling; expected is the fleet at the daily peak; average is the time-weighted mean. */
    instances: { min: number; expected: number; max: number; average: number };
    utilizationAtPeak: number;
    p95AtPeakMs: number;
    p95AfterZoneLossMs: number | null;
    latencyTargetMs: number;
    sizing: string;
    /** The constraint that set the fleet size. */
    boundBy: 'latency' | 'scale-out line' | 'zone failure' | 'minimum';
    serversNeeded: { latency: number; scaleOutLine: number; zoneFailure: number; minimum: number };
    reasons: string[];
  };
  database: {
    engine: 'postgresql';
    service: string;
    instanceType: string;
    deployment: DatabaseHa;
    primaries: number;
    shards: number;
    readReplicas: number;
    readReplicasPerShard: number;
    storageGb: number;
    utilizationAtPeak: number;
    reasons: string[];
  };
  cache: {
    engine: 'redis';
    service: string;
    nodeType: string;
    shards: number;
    replicasPerShard: number;
    nodes: number;
    memoryNeededGb: number;
    reasons: string[];
  } | null;
  cdn: { service: string; offloadShare: number; transferGbPerMonth: number; reasons: string[] } | null;
  queue: { service: string; reasons: string[] } | null;
  loadBalancing: {
    strategy: Strategy;
    reasons: string[];
    breaksStatelessRules: string[];
    configuration: BalancerSetting | null;
    /** A short seeded simulation of this fleet at peak, the pick against its closest rival (null with --no-simulate or one server). */
    simulation: BalancerEvidence | null;
  };
  healthCheck: HealthCheck;
  autoscaling: Autoscaling | null;
  availability: {
    target: number | null;
    estimated: number;
    meetsTarget: boolean | null;
    topology: 'single-instance' | 'multi-az' | 'multi-region';
    zones: number;
    regions: { code: string; share: number; role: 'primary' | 'secondary'; database: string; instances: { min: number; expected: number; max: number } }[];
    routing: string | null;
    dataResidency: boolean;
    downtimeMinutesPerMonth: number;
    changes: string[];
    components: AvailabilityComponent[];
    /** The cheapest design meeting each target, and what it costs against this plan. */
    costOfNines: { target: number; met: boolean; estimated: number; change: string; monthly: number; deltaMonthly: number }[];
    reasons: string[];
  };
  deployment: {
    strategy: 'blue-green' | 'rolling' | 'canary';
    reasons: string[];
    deploysPerMonth: number;
    extraServersWhileDeploying: number;
    windowMinutes: number;
    extraCostPerDeploy: number;
    extraMonthlyCost: number;
    batchSize: number | null;
  };
  cost: {
    currency: 'USD';
    hoursPerMonth: number;
    monthly: { low: number; expected: number; high: number };
    lineItems: LineItem[];
    buying: { commitment: PlanInput['commitment']; spotShare: number; discountPercent: number; notes: string[] };
    pricing: { provider: Provider; region: string; date: string; source: string; catalog: 'bundled' | 'refreshed' };
    referenceBand: { tier: TierId; low: number; high: number | null; comparison: 'below' | 'inside' | 'above'; source: string };
    curve: string;
  };
  /** With --provider all: the same design priced on each provider. */
  providers?: ProviderPlan[];
  projection: {
    growthPercentPerMonth: number;
    months: { month: number; users: number; tier: TierId; instances: number; instanceType: string; monthlyCost: number }[];
    crossings: { month: number; users: number; from: TierId; to: TierId; note: string }[];
  } | null;
  warnings: string[];
  assumptions: string[];
}

export interface ProviderPlan {
  provider: Provider;
  region: string;
  date: string;
  instanceType: string;
  monthly: { low: number; expected: number; high: number };
  cheapest: boolean;
}
