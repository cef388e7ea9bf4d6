import type { PlanDocument } from '../core/plan-document.js';
import type { Manifest } from './ingress-types.js';
import { podTemplate, type KubernetesTemplate } from './kubernetes-pod.js';
import { CANARY_PERCENT, classRange, type WeightClass } from './weight-classes.js';

export interface Workload {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  classes: WeightClass[];
  size: { min: number; max: number };
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

/** The seed's rules as HPA behaviour: +2 pods per 5 minutes after 5 minutes high, -1 pod per 10 minutes after 10 minutes low. */
function behavior(plan: PlanDocument) {
  const a = plan.autoscaling!;
  const out = (a.scaleOut.when.find((w) => w.metric === 'cpuPercent')?.forMinutes ?? 5) * 60;
  const inn = (a.scaleIn.when.find((w) => w.metric === 'cpuPercent')?.forMinutes ?? 10) * 60;
  return {
    scaleUp: {
      stabilizationWindowSeconds: out,
      selectPolicy: 'Max',
      policies: [{ type: 'Pods', value: a.scaleOut.adjustment, periodSeconds: out }],
    },
    scaleDown: {
      stabilizationWindowSeconds: inn,
      selectPolicy: 'Min',
      policies: [{ type: 'Pods', value: Math.abs(a.scaleIn.adjustment), periodSeconds: inn }],
    },
  };
}

/** An HPA owns a class's replicas when the plan autoscales; a canary keeps a fixed count. */
export const scaled = (plan: PlanDocument, c: WeightClass) => plan.autoscaling !== null && c.id !== 'canary';

/** Deployment, Service and (when autoscaled) HorizontalPodAutoscaler for each weight class, and one PodDisruptionBudget. */
export function workloads(plan: PlanDocument, t: KubernetesTemplate, w: Workload): Manifest[] {
  const manifests: Manifest[] = [];
  for (const c of w.classes) {
    const name = `${w.name}${c.suffix}`;
    const selector = w.classes.length > 1 ? { ...w.labels, 'capacity-plan/track': c.id } : w.labels;
    const annotations = {
      ...w.annotations,
      'capacity-plan/instance-type': c.instanceType,
      'capacity-plan/traffic-percent': String(c.percent),
      ...(c.id === 'canary' ? { 'capacity-plan/canary-weight': `${CANARY_PERCENT}%` } : {}),
    };
    manifests.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels: w.labels, annotations },
      spec: {
        // No replicas when an HPA owns the Deployment: `kubectl apply` would reset the fleet to it.
        ...(scaled(plan, c) ? {} : { replicas: c.replicas }),
        selector: { matchLabels: { ...w.labels, 'capacity-plan/track': c.id } },
        strategy: rollout(plan),
        template: podTemplate(plan, t, c, w.labels),
      },
    });
    manifests.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, labels: w.labels },
      spec: {
        type: 'ClusterIP',
        selector,
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
        ...(plan.loadBalancing.strategy === 'ip-hash' ? { sessionAffinity: 'ClientIP' } : {}),
      },
    });
    if (scaled(plan, c)) {
      const range = classRange(c, w.classes, w.size);
      manifests.push({
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name, labels: w.labels },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
          minReplicas: range.min,
          maxReplicas: range.max,
          metrics: [
            {
              type: 'Resource',
              resource: {
                name: 'cpu',
                target: { type: 'Utilization', averageUtilization: requestShare(plan, t) },
              },
            },
          ],
          behavior: behavior(plan),
        },
      });
    }
  }
  if (plan.autoscaling)
    manifests.push({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: w.name, labels: w.labels },
      spec: { maxUnavailable: 1, selector: { matchLabels: w.labels } },
    });
  return manifests;
}

/**
 * The HPA's target is a share of the pod's CPU request, which is the allocatable share of the server
 * (kubernetes-pod.ts): the plan's target CPU of the whole server, over that share, rounded down — so the
 * HPA holds the same fleet the plan sizes (60 % of a server is 70 % of an 85 % request).
 */
function requestShare(plan: PlanDocument, t: KubernetesTemplate): number {
  return Math.floor(plan.autoscaling!.targetCpuPercent / t.allocatable.cpu + 1e-9);
}
