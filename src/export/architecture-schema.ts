import * as z from 'zod';
import { TIER_IDS } from '../core/tiers.js';
import { providerField } from '../providers/provider-field.js';

const count = z.number().int().nonnegative();
const money = z.number().nonnegative();
const strategy = z.enum(['none', 'round-robin', 'least-connections', 'ip-hash', 'weighted']);

/** The architecture YAML (`apiVersion: capacity-plan/v1`, `kind: Architecture`): one schema for the exporter, the tests and `capacity-plan schema architecture`. */
export const architectureSchema = z
  .strictObject({
    apiVersion: z.literal('capacity-plan/v1'),
    kind: z.literal('Architecture'),
    metadata: z.strictObject({
      name: z.string().min(1).describe('The project name as given'),
      generator: z.string().describe('The tool and version that wrote the file'),
      users: count,
      profile: z.string(),
      pricing: z.strictObject({
        provider: providerField(),
        region: z.string(),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        catalog: z.enum(['bundled', 'refreshed']),
      }),
    }),
    spec: z.strictObject({
      tier: z.enum(TIER_IDS),
      scaling: z.enum(['vertical', 'horizontal']),
      topology: z.enum(['single-instance', 'multi-az', 'multi-region']),
      regions: z
        .array(
          z.strictObject({
            name: z.string(),
            share: z.number().min(0).max(100).describe('Percent of users served here'),
            role: z.enum(['primary', 'secondary']),
            zones: count,
            compute: z.strictObject({
              instanceType: z.string(),
              vcpus: z.number().positive(),
              memoryGb: z.number().positive(),
              instances: z.strictObject({ min: count, expected: count, max: count }),
            }),
            loadBalancer: z.strictObject({ service: z.string(), algorithm: strategy, setting: z.string() }).nullable(),
            database: z.string().describe("This region's database role"),
          }),
        )
        .min(1),
      routing: z.string().nullable(),
      database: z.strictObject({
        engine: z.literal('postgresql'),
        service: z.string(),
        instanceType: z.string(),
        deployment: z.enum(['single-az', 'multi-az', 'multi-az-cluster', 'aurora', 'aurora-io-optimized']),
        shards: count,
        readReplicasPerShard: count,
        readableStandbysPerShard: count,
        storageGb: z.number().nonnegative(),
      }),
      cache: z
        .strictObject({
          engine: z.enum(['redis', 'valkey']),
          service: z.string(),
          nodeType: z.string(),
          shards: count,
          replicasPerShard: count,
        })
        .nullable(),
      cdn: z.strictObject({ service: z.string(), offloadShare: z.number().min(0).max(1) }).nullable(),
      queue: z.strictObject({ service: z.string() }).nullable(),
      loadBalancing: z.strictObject({ strategy, nginx: z.string().nullable(), haproxy: z.string().nullable() }),
      healthCheck: z.strictObject({
        path: z.string(),
        intervalSeconds: z.number().positive(),
        timeoutSeconds: z.number().positive(),
        healthyThreshold: count,
        unhealthyThreshold: count,
        checks: z.array(z.string()),
      }),
      autoscaling: z
        .strictObject({
          minInstances: count,
          maxInstances: count,
          targetCpuPercent: z.number().min(1).max(100),
          scaleOutStep: count,
          scaleInStep: count,
          scaleOutWhen: z.array(z.string()),
          scaleInWhen: z.array(z.string()),
          cooldownSeconds: count,
        })
        .nullable(),
      deployment: z.strictObject({ strategy: z.enum(['blue-green', 'rolling', 'canary']), extraMonthlyCost: money }),
      availability: z.strictObject({
        target: z.number().nullable(),
        estimated: z.number(),
        downtimeMinutesPerMonth: z.number().nonnegative(),
      }),
      cost: z.strictObject({
        currency: z.literal('USD'),
        hoursPerMonth: z.number().positive(),
        monthly: z.strictObject({ low: money, expected: money, high: money }),
      }),
    }),
  })
  .describe('A capacity-plan architecture: the starting point for infrastructure-as-code');

export type Architecture = z.infer<typeof architectureSchema>;
