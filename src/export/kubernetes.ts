import { toYaml } from '../yaml-text.js';
import type { PlanDocument } from '../core/plan-document.js';
import { dns1123 } from './names.js';
import { template } from './templates.js';
import type { ExportContext, ExportFile } from './types.js';

interface KubernetesTemplate {
  container: Record<string, unknown> & { image: string };
  podSecurityContext: Record<string, unknown>;
  allocatable: { cpu: number; memory: number };
  ingressClass: Record<string, string>;
}

type Manifest = Record<string, unknown> & { kind: string; metadata: { name: string; [key: string]: unknown } };

const CANARY_WEIGHT = 5;

/** Pods sized like the plan's instances: requests leave room for the kubelet, limits are the instance. */
function resources(plan: PlanDocument, t: KubernetesTemplate) {
  const cpu = `${Math.floor(plan.compute.vcpus * t.allocatable.cpu * 1000)}m`;
  const memory = `${Math.floor(plan.compute.memoryGb * t.allocatable.memory * 1024)}Mi`;
  return { requests: { cpu, memory }, limits: { cpu: String(plan.compute.vcpus), memory } };
}

function probes(plan: PlanDocument) {
  const h = plan.healthCheck;
  const httpGet = { path: h.path, port: 'http' };
  return {
    readinessProbe: {
      httpGet,
      periodSeconds: h.intervalSeconds,
      timeoutSeconds: h.timeoutSeconds,
      successThreshold: h.healthyThreshold,
      failureThreshold: h.unhealthyThreshold,
    },
    // Liveness restarts a pod: give it twice the readiness failures, so a database blip takes pods out of rotation before it restarts them.
    livenessProbe: {
      httpGet,
      periodSeconds: h.intervalSeconds,
      timeoutSeconds: h.timeoutSeconds,
      successThreshold: 1,
      failureThreshold: h.unhealthyThreshold * 2,
      initialDelaySeconds: 10,
    },
  };
}

function rollout(plan: PlanDocument) {
  switch (plan.deployment.strategy) {
    case 'blue-green':
      // A Deployment cannot switch colours; the closest is a full second set before any old pod goes.
      return { type: 'RollingUpdate', rollingUpdate: { maxSurge: '100%', maxUnavailable: 0 } };
    case 'rolling':
      return { type: 'RollingUpdate', rollingUpdate: { maxSurge: plan.deployment.batchSize ?? 1, maxUnavailable: 0 } };
    case 'canary':
      return { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } };
  }
}

function ingressAnnotations(plan: PlanDocument, stable: string, canary: string | null): Record<string, string> {
  const h = plan.healthCheck;
  const strategy = plan.loadBalancing.strategy;
  switch (plan.cost.pricing.provider) {
    case 'aws': {
      const attributes =
        strategy === 'least-connections'
          ? 'load_balancing.algorithm.type=least_outstanding_requests'
          : strategy === 'ip-hash'
            ? 'stickiness.enabled=true,stickiness.type=lb_cookie,stickiness.lb_cookie.duration_seconds=86400'
            : 'load_balancing.algorithm.type=round_robin';
      const annotations: Record<string, string> = {
        'alb.ingress.kubernetes.io/scheme': 'internet-facing',
        'alb.ingress.kubernetes.io/target-type': 'ip',
        'alb.ingress.kubernetes.io/healthcheck-path': h.path,
        'alb.ingress.kubernetes.io/healthcheck-interval-seconds': String(h.intervalSeconds),
        'alb.ingress.kubernetes.io/healthcheck-timeout-seconds': String(h.timeoutSeconds),
        'alb.ingress.kubernetes.io/healthy-threshold-count': String(h.healthyThreshold),
        'alb.ingress.kubernetes.io/unhealthy-threshold-count': String(h.unhealthyThreshold),
        'alb.ingress.kubernetes.io/success-codes': String(h.healthyStatus),
        'alb.ingress.kubernetes.io/target-group-attributes': attributes,
      };
      if (canary) {
        annotations['alb.ingress.kubernetes.io/actions.weighted'] = JSON.stringify({
          type: 'forward',
          forwardConfig: {
            targetGroups: [
              { serviceName: stable, servicePort: '80', weight: 100 - CANARY_WEIGHT },
              { serviceName: canary, servicePort: '80', weight: CANARY_WEIGHT },
            ],
          },
        });
      }
      return annotations;
    }
    case 'azure':
      return {
        'appgw.ingress.kubernetes.io/health-probe-path': h.path,
        'appgw.ingress.kubernetes.io/health-probe-interval': String(h.intervalSeconds),
        'appgw.ingress.kubernetes.io/health-probe-timeout': String(h.timeoutSeconds),
        'appgw.ingress.kubernetes.io/health-probe-unhealthy-threshold': String(h.unhealthyThreshold),
        ...(strategy === 'ip-hash' ? { 'appgw.ingress.kubernetes.io/cookie-based-affinity': 'true' } : {}),
      };
    default:
      // GKE derives the load balancer's health check from the readiness probe.
      return {};
  }
}

/** Deployment, Service, HorizontalPodAutoscaler, PodDisruptionBudget and Ingress for each region's fleet, plus a kustomization. */
export function exportKubernetes(plan: PlanDocument, ctx: ExportContext): ExportFile[] {
  const t = template<KubernetesTemplate>('kubernetes.yaml');
  const base = dns1123(ctx.name, 40);
  const files: ExportFile[] = [];
  const multi = plan.availability.regions.length > 1;
  for (const region of plan.availability.regions) {
    const suffix = multi ? `-${region.code}` : '';
    const name = dns1123(`${base}${suffix}`);
    const labels = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/managed-by': 'capacity-plan' };
    const annotations = {
      'capacity-plan/project': ctx.name,
      'capacity-plan/instance-type': plan.compute.instanceType,
      'capacity-plan/region': region.code,
    };
    const canary = plan.deployment.strategy === 'canary' ? dns1123(`${name}-canary`) : null;
    const pod = (track: string) => ({
      metadata: { labels: { ...labels, 'capacity-plan/track': track } },
      spec: {
        securityContext: t.podSecurityContext,
        topologySpreadConstraints:
          plan.availability.zones > 1
            ? [
                {
                  maxSkew: 1,
                  topologyKey: 'topology.kubernetes.io/zone',
                  whenUnsatisfiable: 'ScheduleAnyway',
                  labelSelector: { matchLabels: labels },
                },
              ]
            : undefined,
        containers: [{ name: 'app', ...t.container, resources: resources(plan, t), ...probes(plan) }],
      },
    });
    const autoscaled = plan.autoscaling !== null;
    const replicas = autoscaled ? region.instances.min : 1;
    const manifests: Manifest[] = [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, labels, annotations },
        spec: {
          replicas,
          selector: { matchLabels: { ...labels, 'capacity-plan/track': 'stable' } },
          strategy: rollout(plan),
          template: pod('stable'),
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, labels },
        spec: {
          type: 'ClusterIP',
          selector: labels,
          ports: [{ name: 'http', port: 80, targetPort: 'http' }],
          ...(plan.loadBalancing.strategy === 'ip-hash' ? { sessionAffinity: 'ClientIP' } : {}),
        },
      },
    ];
    if (canary) {
      manifests.push(
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: {
            name: canary,
            labels,
            annotations: { ...annotations, 'capacity-plan/canary-weight': `${CANARY_WEIGHT}%` },
          },
          spec: {
            replicas: 1,
            selector: { matchLabels: { ...labels, 'capacity-plan/track': 'canary' } },
            template: pod('canary'),
          },
        },
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: { name: canary, labels },
          spec: {
            type: 'ClusterIP',
            selector: { ...labels, 'capacity-plan/track': 'canary' },
            ports: [{ name: 'http', port: 80, targetPort: 'http' }],
          },
        },
      );
      // The stable Service selects only the stable track when a canary Service exists.
      (manifests[1]!.spec as { selector: Record<string, string> }).selector = {
        ...labels,
        'capacity-plan/track': 'stable',
      };
    }
    if (plan.autoscaling) {
      const a = plan.autoscaling;
      const out = a.scaleOut.when.find((w) => w.metric === 'cpuPercent');
      const inn = a.scaleIn.when.find((w) => w.metric === 'cpuPercent');
      manifests.push(
        {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name, labels },
          spec: {
            scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
            minReplicas: region.instances.min,
            maxReplicas: region.instances.max,
            metrics: [
              {
                type: 'Resource',
                resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: a.targetCpuPercent } },
              },
            ],
            behavior: {
              scaleUp: {
                stabilizationWindowSeconds: (out?.forMinutes ?? 5) * 60,
                selectPolicy: 'Max',
                policies: [{ type: 'Pods', value: a.scaleOut.adjustment, periodSeconds: a.cooldownSeconds }],
              },
              scaleDown: {
                stabilizationWindowSeconds: (inn?.forMinutes ?? 10) * 60,
                selectPolicy: 'Min',
                policies: [{ type: 'Pods', value: Math.abs(a.scaleIn.adjustment), periodSeconds: a.cooldownSeconds }],
              },
            },
          },
        },
        {
          apiVersion: 'policy/v1',
          kind: 'PodDisruptionBudget',
          metadata: { name, labels },
          spec: { maxUnavailable: 1, selector: { matchLabels: labels } },
        },
      );
    }
    const provider = plan.cost.pricing.provider;
    manifests.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name, labels, annotations: ingressAnnotations(plan, name, canary) },
      spec: {
        ingressClassName: t.ingressClass[provider],
        rules: [
          {
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend:
                    canary && provider === 'aws'
                      ? { service: { name: 'weighted', port: { name: 'use-annotation' } } }
                      : { service: { name, port: { name: 'http' } } },
                },
              ],
            },
          },
        ],
      },
    });
    for (const m of manifests) {
      files.push({ path: `${m.kind.toLowerCase()}-${m.metadata.name}.yaml`, content: toYaml(dropUndefined(m)) });
    }
  }
  files.push({
    path: 'kustomization.yaml',
    content: toYaml({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: files.map((f) => f.path),
    }),
  });
  return files;
}

function dropUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
