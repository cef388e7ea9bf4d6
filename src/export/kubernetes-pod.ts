import type { PlanDocument } from '../core/plan-document.js';
import { readinessOf } from './ingress-types.js';
import type { WeightClass } from './weight-classes.js';

export interface KubernetesTemplate {
  container: Record<string, unknown> & { image: string };
  podSecurityContext: Record<string, unknown>;
  volumes: unknown[];
  image: { name: string; tag: string; canaryTag: string };
  allocatable: { cpu: number; memory: number };
}

/**
 * Requests and limits, one pod per server of the plan (the fleet is sized in servers): the pod requests the
 * allocatable share of the class's instance — 85 % of its vCPUs, 80 % of its memory, the rest is the
 * kubelet's and the system's — so the scheduler puts one pod on a node of that size. The memory limit
 * equals the request (memory cannot be throttled, only killed); the CPU limit is the whole instance, so a
 * pod may burst into the node's idle CPU.
 */
export function resources(plan: PlanDocument, t: KubernetesTemplate, c: WeightClass) {
  const vcpus = plan.compute.vcpus * c.speed;
  const memory = `${Math.floor(plan.compute.memoryGb * c.speed * t.allocatable.memory * 1024)}Mi`;
  return {
    requests: { cpu: `${Math.floor(vcpus * t.allocatable.cpu * 1000)}m`, memory },
    limits: { cpu: String(vcpus), memory },
  };
}

/** Liveness on the process-only /livez (a failure restarts the pod), readiness on /health (a failure only takes it out of rotation). */
export function probes(plan: PlanDocument) {
  const h = plan.healthCheck;
  const r = readinessOf(plan);
  const l = h.liveness ?? {
    path: '/livez',
    intervalSeconds: h.intervalSeconds,
    timeoutSeconds: 2,
    failureThreshold: h.unhealthyThreshold * 2,
    initialDelaySeconds: 10,
  };
  return {
    readinessProbe: {
      httpGet: { path: r.path, port: 'http' },
      periodSeconds: r.intervalSeconds,
      timeoutSeconds: r.timeoutSeconds,
      successThreshold: r.successThreshold,
      failureThreshold: r.failureThreshold,
    },
    livenessProbe: {
      httpGet: { path: l.path, port: 'http' },
      periodSeconds: l.intervalSeconds,
      timeoutSeconds: l.timeoutSeconds,
      successThreshold: 1,
      failureThreshold: l.failureThreshold,
      initialDelaySeconds: l.initialDelaySeconds,
    },
  };
}

/** The pod template of one weight class: its track label, the image name kustomize replaces, probes, resources and /tmp. */
export function podTemplate(plan: PlanDocument, t: KubernetesTemplate, c: WeightClass, labels: Record<string, string>) {
  return {
    metadata: { labels: { ...labels, 'capacity-plan/track': c.id } },
    spec: {
      securityContext: t.podSecurityContext,
      topologySpreadConstraints:
        plan.availability.zones > 1
          ? [
              {
                maxSkew: 1,
                topologyKey: 'topology.kubernetes.io/zone',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: { ...labels, 'capacity-plan/track': c.id } },
              },
            ]
          : undefined,
      containers: [
        {
          name: 'app',
          ...t.container,
          image: c.id === 'canary' ? `${t.container.image}-canary` : t.container.image,
          resources: resources(plan, t, c),
          ...probes(plan),
        },
      ],
      volumes: t.volumes,
    },
  };
}
