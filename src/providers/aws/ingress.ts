import { readinessOf, type IngressBuilder, type IngressInput, type Manifest } from '../../export/ingress-types.js';

/** ALB target group attributes for the plan's algorithm (the AWS Load Balancer Controller's annotation). */
function attributes(strategy: string): string {
  if (strategy === 'least-connections') return 'load_balancing.algorithm.type=least_outstanding_requests';
  if (strategy === 'ip-hash')
    return 'load_balancing.algorithm.type=round_robin,stickiness.enabled=true,stickiness.type=lb_cookie,stickiness.lb_cookie.duration_seconds=86400';
  return 'load_balancing.algorithm.type=round_robin';
}

/**
 * An Ingress for the AWS Load Balancer Controller: the health check on the readiness path, the algorithm
 * as target group attributes, and for several backends (canary, mixed hardware) a weighted forward action.
 */
export const ingressManifests: IngressBuilder = ({ plan, name, labels, backends }: IngressInput): Manifest[] => {
  const r = readinessOf(plan);
  const weighted = backends.length > 1;
  const annotations: Record<string, string> = {
    'alb.ingress.kubernetes.io/scheme': 'internet-facing',
    'alb.ingress.kubernetes.io/target-type': 'ip',
    'alb.ingress.kubernetes.io/healthcheck-path': r.path,
    'alb.ingress.kubernetes.io/healthcheck-interval-seconds': String(r.intervalSeconds),
    'alb.ingress.kubernetes.io/healthcheck-timeout-seconds': String(r.timeoutSeconds),
    'alb.ingress.kubernetes.io/healthy-threshold-count': String(plan.healthCheck.healthyThreshold),
    'alb.ingress.kubernetes.io/unhealthy-threshold-count': String(r.failureThreshold),
    'alb.ingress.kubernetes.io/success-codes': String(plan.healthCheck.healthyStatus),
    'alb.ingress.kubernetes.io/target-group-attributes': attributes(plan.loadBalancing.strategy),
  };
  if (weighted)
    annotations['alb.ingress.kubernetes.io/actions.weighted'] = JSON.stringify({
      type: 'forward',
      forwardConfig: {
        targetGroups: backends.map((b) => ({ serviceName: b.service, servicePort: String(b.port), weight: b.percent })),
      },
    });
  const backend = weighted
    ? { service: { name: 'weighted', port: { name: 'use-annotation' } } }
    : { service: { name: backends[0]!.service, port: { number: backends[0]!.port } } };
  return [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name, labels, annotations },
      spec: { ingressClassName: 'alb', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] },
    },
  ];
};
