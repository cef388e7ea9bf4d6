import { toYaml } from '../yaml-text.js';
import type { PlanDocument } from '../core/plan-document.js';
import { architectureSchema, type Architecture } from './architecture-schema.js';
import { SCHEMA_BASE_URL, type ExportContext, type ExportFile } from './types.js';

const RULE_TEXT = (r: { metric: string; operator: string; threshold: number; forMinutes: number | null }) =>
  `${r.metric} ${r.operator} ${r.threshold}${r.forMinutes ? ` for ${r.forMinutes} min` : ''}`;

export function architectureDocument(plan: PlanDocument, ctx: ExportContext): Architecture {
  const lb = plan.loadBalancing;
  const doc: Architecture = {
    apiVersion: 'capacity-plan/v1',
    kind: 'Architecture',
    metadata: {
      name: ctx.name,
      generator: `capacity-plan ${ctx.version}`,
      users: plan.input.users,
      profile: plan.input.profile,
      pricing: {
        provider: plan.cost.pricing.provider,
        region: plan.cost.pricing.region,
        date: plan.cost.pricing.date,
        catalog: plan.cost.pricing.catalog,
      },
    },
    spec: {
      tier: plan.tier.id,
      scaling: plan.tier.scaling,
      topology: plan.availability.topology,
      regions: plan.availability.regions.map((r) => ({
        name: r.code,
        share: r.share,
        role: r.role,
        zones: plan.availability.zones,
        compute: {
          instanceType: plan.compute.instanceType,
          vcpus: plan.compute.vcpus,
          memoryGb: plan.compute.memoryGb,
          instances: r.instances,
        },
        loadBalancer: lb.configuration
          ? {
              service: lb.configuration.provider.service,
              algorithm: lb.strategy,
              setting: lb.configuration.provider.setting,
            }
          : null,
        database: r.database,
      })),
      routing: plan.availability.routing,
      database: {
        engine: 'postgresql',
        service: plan.database.service,
        instanceType: plan.database.instanceType,
        deployment: plan.database.deployment,
        shards: plan.database.shards,
        readReplicasPerShard: plan.database.readReplicasPerShard,
        storageGb: plan.database.storageGb,
      },
      cache: plan.cache
        ? {
            engine: 'redis',
            service: plan.cache.service,
            nodeType: plan.cache.nodeType,
            shards: plan.cache.shards,
            replicasPerShard: plan.cache.replicasPerShard,
          }
        : null,
      cdn: plan.cdn ? { service: plan.cdn.service, offloadShare: plan.cdn.offloadShare } : null,
      queue: plan.queue ? { service: plan.queue.service } : null,
      loadBalancing: {
        strategy: lb.strategy,
        nginx: lb.configuration?.nginx ?? null,
        haproxy: lb.configuration?.haproxy ?? null,
      },
      healthCheck: {
        path: plan.healthCheck.path,
        intervalSeconds: plan.healthCheck.intervalSeconds,
        timeoutSeconds: plan.healthCheck.timeoutSeconds,
        healthyThreshold: plan.healthCheck.healthyThreshold,
        unhealthyThreshold: plan.healthCheck.unhealthyThreshold,
        checks: plan.healthCheck.checks,
      },
      autoscaling: plan.autoscaling
        ? {
            minInstances: plan.autoscaling.minInstances,
            maxInstances: plan.autoscaling.maxInstances,
            targetCpuPercent: plan.autoscaling.targetCpuPercent,
            scaleOutStep: plan.autoscaling.scaleOut.adjustment,
            scaleInStep: Math.abs(plan.autoscaling.scaleIn.adjustment),
            scaleOutWhen: plan.autoscaling.scaleOut.when.map(RULE_TEXT),
            scaleInWhen: plan.autoscaling.scaleIn.when.map(RULE_TEXT),
            cooldownSeconds: plan.autoscaling.cooldownSeconds,
          }
        : null,
      deployment: { strategy: plan.deployment.strategy, extraMonthlyCost: plan.deployment.extraMonthlyCost },
      availability: {
        target: plan.availability.target,
        estimated: plan.availability.estimated,
        downtimeMinutesPerMonth: plan.availability.downtimeMinutesPerMonth,
      },
      cost: { currency: 'USD', hoursPerMonth: plan.cost.hoursPerMonth, monthly: plan.cost.monthly },
    },
  };
  // The exporter checks its own output against the published schema: a mismatch is a bug, not a file.
  return architectureSchema.parse(doc);
}

export function exportArchitecture(plan: PlanDocument, ctx: ExportContext): ExportFile[] {
  const body = toYaml(architectureDocument(plan, ctx));
  return [
    {
      path: 'architecture.yaml',
      content: `# yaml-language-server: $schema=${SCHEMA_BASE_URL(ctx.version)}/architecture.schema.json\n${body}`,
    },
  ];
}
