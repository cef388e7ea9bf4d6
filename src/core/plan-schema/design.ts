import * as z from 'zod';
import { DATABASE_OPTIONS } from '../database-options.js';
import { DAILY_CURVE_NAMES, PROFILE_NAMES } from '../profiles.js';
import { providerField } from '../../providers/provider-field.js';
import { CACHE_ENGINES } from '../../pricing/commitment-schema.js';
import { ARCHITECTURES } from '../../providers/hardware.js';
import { instances, reasons, tier } from './common.js';

/** What was asked and the design that answers it: input, demand, tier, servers and the data tier. */
export const designShape = {
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
    sizes: z
      .array(
        z.strictObject({
          instanceType: z.string(),
          vcpus: z.number(),
          memoryGb: z.number(),
          weight: z.number().int().describe("The balancer's weight for each server of this size"),
          instances: instances.extend({ average: z.number() }),
        }),
      )
      .optional()
      .describe(
        '--mixed-hardware: the two sizes, each with its servers and balancer weight (the instances above are their sum)',
      ),
    reasons,
    architecture: z
      .enum(ARCHITECTURES)
      .optional()
      .describe("The app servers' CPU architecture (--arch; any takes the cheapest that fits)"),
  }),
  database: z.strictObject({
    engine: z.literal('postgresql'),
    service: z.string(),
    instanceType: z.string(),
    deployment: z.enum(DATABASE_OPTIONS),
    primaries: z.number().int(),
    shards: z.number().int(),
    readReplicas: z.number().int(),
    readReplicasPerShard: z.number().int(),
    readableStandbysPerShard: z.number().int().describe("Standbys that also serve reads (a Multi-AZ DB cluster's)"),
    sharding: z
      .strictObject({
        key: z.string(),
        boundBy: z.enum(['none', 'write CPU', 'storage', 'read replicas']),
        writesPerSecondPerPrimary: z.number().describe('Writes one primary of the largest size carries under the line'),
        necessaryAtUsers: z
          .number()
          .nullable()
          .describe('Users at which one primary of the largest size meets its first limit (writes, rows or reads)'),
        necessaryBy: z
          .enum(['write CPU', 'storage', 'read replicas'])
          .nullable()
          .describe('That limit (null: none is ever met)'),
        necessaryInMonth: z.number().int().nullable().describe('The month that arrives under --growth (null: none)'),
      })
      .describe('The shard key, and when sharding becomes necessary'),
    storageGb: z.number(),
    utilizationAtPeak: z.number(),
    reasons,
  }),
  cache: z
    .strictObject({
      engine: z.enum(CACHE_ENGINES).describe('Redis OSS or Valkey (--cache-engine; any takes the cheapest)'),
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
};
