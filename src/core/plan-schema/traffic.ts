import * as z from 'zod';
import { instances, money, reasons, scalingRule, simStrategy, strategy } from './common.js';

/** How traffic reaches the servers and what keeps it flowing: balancing, health checks, scaling, availability. */
export const trafficShape = {
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
    failover: z
      .strictObject({
        mode: z.enum(['provisioned', 'auto-scaling']),
        countedDowntimeMinutesPerMonth: z.number(),
        counting: z.string(),
        regions: z.array(
          z.strictObject({
            code: z.string(),
            serversAtPeak: z.number().int(),
            serversNeededAtFailover: z.number().int(),
            scaleOutMinutes: z.number(),
          }),
        ),
        alternative: z.strictObject({
          mode: z.enum(['provisioned', 'auto-scaling']),
          estimated: z.number().describe('Percent'),
          monthly: money,
          countedDowntimeMinutesPerMonth: z.number(),
        }),
      })
      .optional()
      .describe(
        "Active-active regions: how a surviving region takes the largest lost region's traffic, and the downtime that counts",
      ),
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
    alternatives: z
      .array(
        z.strictObject({
          design: z.string(),
          monthly: money,
          deltaMonthly: money,
          estimated: z.number(),
          verdict: z.string(),
        }),
      )
      .describe('The best design with each other database option, and why the plan did not take it'),
    reasons,
  }),
};
