import { toYaml } from '../yaml-emit/emit.js';
import type { PlanDocument } from '../core/plan-document.js';
import { composeProjectName, nginxIdentifier } from './names.js';
import { balancerConfig, type NginxStrategy, type UpstreamServer } from './nginx-config.js';
import { template } from './templates.js';
import type { ExportContext, ExportFile } from './types.js';
import { weightClasses, type WeightClass } from './weight-classes.js';

type Service = Record<string, unknown> & {
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: Record<string, unknown>;
};
interface ComposeTemplate {
  limits: Record<string, { cpus: number; memoryMb: number }>;
  tiers: Record<PlanDocument['tier']['id'], string[]>;
  services: Record<string, Service>;
}

/** The compose service of a weight class: one service per class, so nginx can weigh each class's replicas. */
export const serviceOf = (c: WeightClass) => `app${c.suffix}`;

function nginxStrategy(plan: PlanDocument): NginxStrategy {
  return plan.loadBalancing.strategy === 'none' ? 'round-robin' : plan.loadBalancing.strategy;
}

/** Docker's resource limits for a service: the template's developer-machine line, times a class's capacity. */
function limits(t: ComposeTemplate, name: string, speed = 1) {
  const l = t.limits[name]!;
  return { resources: { limits: { cpus: String(l.cpus * speed), memory: `${l.memoryMb * speed}M` } } };
}

function appServices(t: ComposeTemplate, wanted: Set<string>, classes: WeightClass[]) {
  const app = t.services.app!;
  const env: Record<string, string> = { ...(app.environment ?? {}) };
  if (wanted.has('db-replica'))
    env.DATABASE_READ_URL = 'postgres://app:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}@db-replica:5432/app';
  if (wanted.has('cache')) env.REDIS_URL = 'redis://cache:6379';
  const dependsOn: Record<string, { condition: string }> = { db: { condition: 'service_healthy' } };
  if (wanted.has('cache')) dependsOn.cache = { condition: 'service_healthy' };
  const services: Record<string, Service> = {};
  for (const c of classes) {
    services[serviceOf(c)] = {
      ...app,
      ...(c.id === 'canary' ? { image: '${APP_CANARY_IMAGE:-ghcr.io/your-org/your-app:1.0.1}' } : {}),
      environment: { ...env, ...(c.id === 'canary' ? { RELEASE_TRACK: 'canary' } : {}) },
      depends_on: dependsOn,
      deploy: { replicas: c.replicas, ...limits(t, 'app', c.speed) },
    };
  }
  return services;
}

/**
 * The cache service for the plan's engine: the template's Redis OSS, or Valkey (the Redis OSS 7.2 protocol,
 * so the app's REDIS_URL and clients are the same) with Valkey's own image, server and CLI.
 */
function cacheService(t: ComposeTemplate, plan: PlanDocument): Service {
  const redis = t.services.cache!;
  if (plan.cache?.engine !== 'valkey') return redis;
  const valkey = (x: unknown) => (typeof x === 'string' ? x.replace(/^redis-(server|cli)$/, 'valkey-$1') : x);
  const health = redis.healthcheck as { test: unknown[] } & Record<string, unknown>;
  return {
    ...redis,
    image: 'valkey/valkey:8-alpine',
    command: (redis.command as unknown[]).map(valkey),
    healthcheck: { ...health, test: health.test.map(valkey) },
  };
}

function dataServices(t: ComposeTemplate, wanted: Set<string>, plan: PlanDocument): Record<string, Service> {
  const services: Record<string, Service> = {};
  for (const name of ['db', 'db-replica', 'cache']) {
    if (!wanted.has(name)) continue;
    const base = name === 'cache' ? cacheService(t, plan) : t.services[name]!;
    const s = { ...base, deploy: limits(t, name) };
    services[name] = name === 'db-replica' ? { ...s, depends_on: { db: { condition: 'service_healthy' } } } : s;
  }
  if (!wanted.has('db-replica')) {
    // Without a replica the primary needs neither the replication settings nor the init script.
    const { command: _command, ...db } = services.db!;
    const environment = { ...(db.environment as Record<string, string>) };
    delete environment.REPLICATION_PASSWORD;
    services.db = { ...db, volumes: ['db-data:/var/lib/postgresql/data'], environment };
  }
  return services;
}

/**
 * compose.yaml (one app service per weight class, nginx as the balancer, PostgreSQL and its read replica,
 * Redis OSS or Valkey as the plan's engine, health checks), nginx.conf and the replication init script.
 */
export function exportCompose(plan: PlanDocument, ctx: ExportContext): ExportFile[] {
  const t = template<ComposeTemplate>('compose.yaml');
  const wanted = new Set(t.tiers[plan.tier.id]);
  if (!plan.cache) wanted.delete('cache');
  if (plan.database.readReplicas === 0) wanted.delete('db-replica');
  const classes = weightClasses(plan);
  const services: Record<string, Service> = {
    ...appServices(t, wanted, classes),
    balancer: {
      ...t.services.balancer!,
      depends_on: Object.fromEntries(classes.map((c) => [serviceOf(c), { condition: 'service_healthy' }])),
      deploy: limits(t, 'balancer'),
    },
    ...dataServices(t, wanted, plan),
  };
  const volumes: Record<string, Record<string, never>> = { 'db-data': {} };
  if (wanted.has('db-replica')) volumes['db-replica-data'] = {};
  const compose = { name: composeProjectName(ctx.name), services, volumes };
  // nginx resolves a service name to every replica and gives EACH the weight: the per-server weights make the class shares.
  const upstream: UpstreamServer[] = classes.map((c) => ({
    address: `${serviceOf(c)}:8080`,
    weight: c.perServerWeight,
    comment: `${c.replicas} replica(s) × weight ${c.perServerWeight}: ${c.percent} % of requests`,
  }));
  const files: ExportFile[] = [
    {
      path: 'compose.yaml',
      content: `# Generated by capacity-plan ${ctx.version}: a local stack of the plan's ${plan.tier.id} design (the always-on fleet).\n# docker compose up  (set POSTGRES_PASSWORD first). Limits fit a developer machine: 0.5 CPU and 512 MB per app\n# replica (twice for larger servers), not the production sizes, which are in architecture.yaml.\n${toYaml(compose)}`,
    },
    {
      path: 'nginx.conf',
      content: balancerConfig({
        upstream: nginxIdentifier(`${ctx.name}_backend`),
        strategy: nginxStrategy(plan),
        servers: upstream,
        listen: 80,
        healthPath: plan.healthCheck.path,
      }),
    },
  ];
  if (wanted.has('db-replica'))
    files.push({ path: 'postgres/10-replication.sh', content: template<string>('postgres/10-replication.sh') });
  return files;
}
