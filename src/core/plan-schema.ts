import * as z from 'zod';
import { COMMITMENTS } from './input.js';
import { providerField } from '../providers/provider-field.js';
import { STRATEGIES } from './load-balancing.js';
import { DAILY_CURVE_NAMES, PROFILE_NAMES } from './profiles.js';
import { TIER_IDS } from './tiers.js';
import { uncertaintySchema } from './uncertainty-schema.js';

/**
 * The plan document as users, scripts and CI see it (`--format json`, `plan()`, `capacity-plan schema
 * plan`). Versioned by `schemaVersion` and kept apart from the planner's internal types, so internals can
 * change without breaking anyone. The TypeScript type is inferred from this schema: it is written once.
 */
const tier = z.enum(TIER_IDS);
const provider = providerField();
const strategy = z.enum(STRATEGIES);
const money = z.number();
const reasons = z.array(z.string()).describe('Why, naming the input and the threshold that decided');
const confidence = z.enum(['V', 'M', 'U']);
const monthly = z.strictObject({ low: money, expected: money, high: money });
const instances = z.strictObject({ min: z.number().int(), expected: z.number().int(), max: z.number().int() });
const scalingRule = z.strictObject({
  metric: z.enum(['cpuPercent', 'queueDepth', 'p95LatencyMs']),
  operator: z.enum(['>', '<']),
  threshold: z.number(),
  forMinutes: z.number().nullable(),
});
const simStrategy = z.enum(['round-robin', 'least-connections', 'power-of-two', 'ip-hash', 'weighted', 'random']);

export const lineItemSchema = z.strictObject({
  id: z
    .string()
    .describe('Stable across plans: the kind, the region for per-region lines, the buying option for split lines'),
  kind: z.string().describe('The cost rule that priced the line (compute, database-primary, cdn-transfer, …)'),
  component: z.string(),
  description: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: z.number().describe('USD per unit'),
  monthly: money,
  itemId: z.string().describe("The provider's own name for what is priced"),
  confidence: confidence.describe('V verified · M several sources agree · U recalled'),
});

/** Figures people ask for beside the monthly bill; every one covers the whole plan (all its regions). */
export const costFiguresSchema = z.strictObject({
  scope: z.string().describe('What the figures cover: "total" (every region of the plan together)'),
  regions: z.array(z.string()).describe('The regions the figures add up'),
  perMonthlyUser: money.describe('Expected monthly cost ÷ monthly active users'),
  perThousandRequests: money.describe('Expected monthly cost ÷ requests a month × 1,000'),
  twelveMonths: z.strictObject({
    total: money,
    basis: z.enum(['flat', 'growth']).describe('flat: 12 × this month; growth: the projection month by month'),
  }),
  horizon: z
    .strictObject({ months: z.number().int(), total: money })
    .nullable()
    .describe('With --growth: the cost of every projected month added up'),
});

export const planSchema = z.strictObject({
  schemaVersion: z.literal(1),
  input: z.strictObject({
    name: z.string(),
    users: z.number().int(),
    profile: z.enum(PROFILE_NAMES),
    provider: providerField({ all: true }),
    availability: z.number().nullable(),
    stateful: z.boolean(),
    parameters: z.strictObject({
      dauRatio: z.number(),
      requestsPerUser: z.number(),
      peakFactor: z.number(),
      readRatio: z.number(),
      serviceTimeMs: z.number(),
      requestDurations: z.enum(['similar', 'variable']),
      payloadKb: z.number(),
      storagePerUserMb: z.number(),
      latencyTargetMs: z.number(),
      cdnOffload: z.number(),
      cacheHitRatio: z.number(),
      dbTimeMs: z.number(),
      dailyCurve: z.enum(DAILY_CURVE_NAMES),
    }),
    overridden: z.array(z.string()),
  }),
  demand: z.strictObject({
    dailyActiveUsers: z.number(),
    requestsPerDay: z.number(),
    averageRps: z.number(),
    peakRps: z.number(),
    egressGbPerMonth: z.number(),
    storageGb: z.number(),
    peakCpuDemandVcpus: z.number(),
  }),
  tier: z.strictObject({
    id: tier,
    title: z.string(),
    scaling: z.enum(['vertical', 'horizontal']),
    seedDesign: z.array(z.string()),
    reasons,
  }),
  compute: z.strictObject({
    instanceType: z.string(),
    vcpus: z.number(),
    memoryGb: z.number(),
    instances: instances
      .extend({ average: z.number() })
      .describe(
        'min and max bound auto-scaling; expected is the fleet at the daily peak; average the time-weighted mean',
      ),
    utilizationAtPeak: z.number(),
    p95AtPeakMs: z.number(),
    p95AfterZoneLossMs: z.number().nullable(),
    latencyTargetMs: z.number(),
    sizing: z.string(),
    boundBy: z
      .enum(['latency', 'scale-out line', 'zone failure', 'minimum'])
      .describe('The constraint that set the fleet size'),
    serversNeeded: z.strictObject({
      latency: z.number().int(),
      scaleOutLine: z.number().int(),
      zoneFailure: z.number().int(),
      minimum: z.number().int(),
    }),
    reasons,
  }),
  database: z.strictObject({
    engine: z.literal('postgresql'),
    service: z.string(),
    instanceType: z.string(),
    deployment: z.enum(['single-az', 'multi-az', 'aurora']),
    primaries: z.number().int(),
    shards: z.number().int(),
    readReplicas: z.number().int(),
    readReplicasPerShard: z.number().int(),
    storageGb: z.number(),
    utilizationAtPeak: z.number(),
    reasons,
  }),
  cache: z
    .strictObject({
      engine: z.literal('redis'),
      service: z.string(),
      nodeType: z.string(),
      shards: z.number().int(),
      replicasPerShard: z.number().int(),
      nodes: z.number().int(),
      memoryNeededGb: z.number(),
      reasons,
    })
    .nullable(),
  cdn: z
    .strictObject({ service: z.string(), offloadShare: z.number(), transferGbPerMonth: z.number(), reasons })
    .nullable(),
  queue: z.strictObject({ service: z.string(), reasons }).nullable(),
  loadBalancing: z.strictObject({
    strategy,
    reasons,
    breaksStatelessRules: z.array(z.string()),
    configuration: z
      .strictObject({
        provider: z.strictObject({ service: z.string(), setting: z.string() }),
        nginx: z.string(),
        haproxy: z.string(),
      })
      .nullable(),
    simulation: z
      .strictObject({
        servers: z.number().int(),
        concurrency: z.number().int(),
        utilization: z.number(),
        distribution: z.literal('lognormal'),
        cv: z.number(),
        requests: z.number().int(),
        seed: z.number().int(),
        results: z.array(
          z.strictObject({
            strategy: simStrategy,
            meanMs: z.number(),
            p95Ms: z.number(),
            p99Ms: z.number(),
            imbalance: z.number(),
          }),
        ),
        summary: z.string(),
      })
      .nullable()
      .describe('A short seeded simulation of this fleet at peak: the pick against its closest rival'),
  }),
  healthCheck: z.strictObject({
    path: z.string(),
    intervalSeconds: z.number(),
    timeoutSeconds: z.number(),
    healthyThreshold: z.number().int(),
    unhealthyThreshold: z.number().int(),
    checks: z.array(z.string()),
    healthyStatus: z.number().int(),
    unhealthyStatus: z.number().int(),
    liveness: z
      .strictObject({
        path: z.string(),
        checks: z.array(z.string()),
        intervalSeconds: z.number(),
        timeoutSeconds: z.number(),
        failureThreshold: z.number().int(),
        initialDelaySeconds: z.number(),
      })
      .optional()
      .describe('The process-only probe (/livez): a failure restarts the server'),
    readiness: z
      .strictObject({
        path: z.string(),
        checks: z.array(z.string()),
        degradedBy: z.array(z.string()).describe('Failures reported as degraded (200), never unready'),
        intervalSeconds: z.number(),
        timeoutSeconds: z.number(),
        successThreshold: z.number().int(),
        failureThreshold: z.number().int(),
      })
      .optional()
      .describe('The dependency probe (/health): a failure takes the server out of rotation'),
    reasons,
  }),
  autoscaling: z
    .strictObject({
      minInstances: z.number().int(),
      maxInstances: z.number().int(),
      targetCpuPercent: z.number(),
      scaleOut: z.strictObject({ adjustment: z.number().int(), when: z.array(scalingRule) }),
      scaleIn: z.strictObject({ adjustment: z.number().int(), when: z.array(scalingRule) }),
      cooldownSeconds: z.number().int(),
      reasons,
    })
    .nullable(),
  availability: z.strictObject({
    target: z.number().nullable(),
    estimated: z.number().describe('Percent'),
    meetsTarget: z.boolean().nullable(),
    topology: z.enum(['single-instance', 'multi-az', 'multi-region']),
    zones: z.number().int(),
    regions: z.array(
      z.strictObject({
        code: z.string(),
        share: z.number(),
        role: z.enum(['primary', 'secondary']),
        database: z.string(),
        instances,
      }),
    ),
    routing: z.string().nullable(),
    dataResidency: z.boolean(),
    downtimeMinutesPerMonth: z.number(),
    changes: z.array(z.string()),
    components: z.array(
      z.strictObject({
        component: z.string(),
        service: z.string(),
        sla: z.number(),
        effective: z.number(),
        source: z.string(),
        inCriticalPath: z.boolean(),
        redundancy: z.string(),
      }),
    ),
    costOfNines: z
      .array(
        z.strictObject({
          target: z.number(),
          met: z.boolean(),
          estimated: z.number(),
          change: z.string(),
          monthly: money,
          deltaMonthly: money,
        }),
      )
      .describe('The cheapest design meeting each target, and what it costs against this plan'),
    reasons,
  }),
  deployment: z.strictObject({
    strategy: z.enum(['blue-green', 'rolling', 'canary']),
    reasons,
    deploysPerMonth: z.number(),
    extraServersWhileDeploying: z.number().int(),
    windowMinutes: z.number(),
    extraCostPerDeploy: money,
    extraMonthlyCost: money,
    batchSize: z.number().int().nullable(),
    canaryPercent: z
      .number()
      .nullable()
      .describe('Canary deployments: the share of traffic the new version gets first'),
  }),
  cost: z.strictObject({
    currency: z.literal('USD'),
    hoursPerMonth: z.number(),
    monthly,
    lineItems: z.array(lineItemSchema),
    buying: z.strictObject({
      commitment: z.enum(COMMITMENTS),
      spotShare: z.number(),
      discountPercent: z.number(),
      notes: z.array(z.string()),
    }),
    pricing: z.strictObject({
      provider,
      region: z.string(),
      date: z.string(),
      source: z.string(),
      catalog: z.enum(['bundled', 'refreshed']),
    }),
    referenceBand: z.strictObject({
      tier,
      low: money,
      high: money.nullable(),
      comparison: z.enum(['below', 'inside', 'above']),
      source: z.string(),
    }),
    curve: z.string(),
    figures: costFiguresSchema.optional().describe('Figures derived from the monthly cost (src/core/cost-figures.ts)'),
  }),
  warnings: z.array(z.string()),
  assumptions: z.array(z.string()),
  providers: z
    .array(
      z.strictObject({
        provider,
        region: z.string(),
        date: z.string(),
        instanceType: z.string(),
        monthly,
        cheapest: z.boolean(),
      }),
    )
    .optional()
    .describe('With --provider all: the same design priced on each provider'),
  projection: z
    .strictObject({
      growthPercentPerMonth: z.number(),
      months: z.array(
        z.strictObject({
          month: z.number().int(),
          users: z.number().int(),
          tier,
          instances: z.number().int(),
          instanceType: z.string(),
          monthlyCost: money,
        }),
      ),
      crossings: z.array(
        z.strictObject({ month: z.number().int(), users: z.number().int(), from: tier, to: tier, note: z.string() }),
      ),
      stopped: z.string().optional().describe("Why the projection ends before --months: the planner's user limit"),
    })
    .nullable(),
  uncertainty: uncertaintySchema.optional(),
});

export type PlanDocument = z.infer<typeof planSchema>;
export type ProviderPlan = NonNullable<PlanDocument['providers']>[number];
