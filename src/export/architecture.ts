import { toYaml } from '../yaml-emit/emit.js';
import type { PlanDocument } from '../core/plan-document.js';
import type { Architecture } from './architecture-schema.js';
import { SCHEMA_BASE_URL, type ExportContext, type ExportFile } from './types.js';

const RULE_TEXT = (r: { metric: string; operator: string; threshold: number; forMinutes: number | null }) =>
  `${r.metric} ${r.operator} ${r.threshold}${r.forMinutes ? ` for ${r.forMinutes} min` : ''}`;

type Spec = Architecture['spec'];

function regions(plan: PlanDocument): Spec['regions'] {
  const lb = plan.loadBalancing;
  return plan.availability.regions.map((r) => ({
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
  }));
}

function dataTier(plan: PlanDocument): Pick<Spec, 'database' | 'cache' | 'cdn' | 'queue'> {
  const db = plan.database;
  const cache = plan.cache;
  return {
    database: {
      engine: 'postgresql',
      service: db.service,
      instanceType: db.instanceType,
      deployment: db.deployment,
      shards: db.shards,
      readReplicasPerShard: db.readReplicasPerShard,
      readableStandbysPerShard: db.readableStandbysPerShard,
      storageGb: db.storageGb,
    },
    cache: cache
      ? {
          engine: cache.engine,
          service: cache.service,
          nodeType: cache.nodeType,
          shards: cache.shards,
          replicasPerShard: cache.replicasPerShard,
        }
      : null,
    cdn: plan.cdn ? { service: plan.cdn.service, offloadShare: plan.cdn.offloadShare } : null,
    queue: plan.queue ? { service: plan.queue.service } : null,
  };
}

function traffic(plan: PlanDocument): Pick<Spec, 'loadBalancing' | 'healthCheck' | 'autoscaling'> {
  const lb = plan.loadBalancing;
  const h = plan.healthCheck;
  const a = plan.autoscaling;
  return {
    loadBalancing: {
      strategy: lb.strategy,
      nginx: lb.configuration?.nginx ?? null,
      haproxy: lb.configuration?.haproxy ?? null,
    },
    healthCheck: {
      path: h.path,
      intervalSeconds: h.intervalSeconds,
      timeoutSeconds: h.timeoutSeconds,
      healthyThreshold: h.healthyThreshold,
      unhealthyThreshold: h.unhealthyThreshold,
      checks: h.checks,
    },
    autoscaling: a
      ? {
          minInstances: a.minInstances,
          maxInstances: a.maxInstances,
          targetCpuPercent: a.targetCpuPercent,
          scaleOutStep: a.scaleOut.adjustment,
          scaleInStep: Math.abs(a.scaleIn.adjustment),
          scaleOutWhen: a.scaleOut.when.map(RULE_TEXT),
          scaleInWhen: a.scaleIn.when.map(RULE_TEXT),
          cooldownSeconds: a.cooldownSeconds,
        }
      : null,
  };
}

export function architectureDocument(plan: PlanDocument, ctx: ExportContext): Architecture {
  const p = plan.cost.pricing;
  const doc: Architecture = {
    apiVersion: 'capacity-plan/v1',
    kind: 'Architecture',
    metadata: {
      name: ctx.name,
      generator: `capacity-plan ${ctx.version}`,
      users: plan.input.users,
      profile: plan.input.profile,
      pricing: { provider: p.provider, region: p.region, date: p.date, catalog: p.catalog },
    },
    spec: {
      tier: plan.tier.id,
      scaling: plan.tier.scaling,
      topology: plan.availability.topology,
      regions: regions(plan),
      routing: plan.availability.routing,
      ...dataTier(plan),
      ...traffic(plan),
      deployment: { strategy: plan.deployment.strategy, extraMonthlyCost: plan.deployment.extraMonthlyCost },
      availability: {
        target: plan.availability.target,
        estimated: plan.availability.estimated,
        downtimeMinutesPerMonth: plan.availability.downtimeMinutesPerMonth,
      },
      cost: { currency: 'USD', hoursPerMonth: plan.cost.hoursPerMonth, monthly: plan.cost.monthly },
    },
  };
  // Typed as the published schema; test/export/architecture-shape.test.ts checks the document against the
  // schema itself over generated plans (zod is not loaded for it at every export).
  return doc;
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
