import { readinessOf, type IngressBuilder, type IngressInput, type Manifest } from '../../export/ingress-types.js';

const service = (name: string) => ({ group: '', kind: 'Service', name });

/**
 * The GKE Gateway (the global external Application Load Balancer): an HTTPRoute carrying each backend's
 * weight, a HealthCheckPolicy on the readiness path for each Service, GCPTrafficDistributionPolicy for least
 * requests when durations vary, and GCPBackendPolicy client-IP affinity for ip-hash.
 */
export const ingressManifests: IngressBuilder = ({ plan, name, labels, backends }: IngressInput): Manifest[] => {
  const r = readinessOf(plan);
  const strategy = plan.loadBalancing.strategy;
  const perService = backends.flatMap((b): Manifest[] => [
    {
      apiVersion: 'networking.gke.io/v1',
      kind: 'HealthCheckPolicy',
      metadata: { name: b.service, labels },
      spec: {
        default: {
          checkIntervalSec: r.intervalSeconds,
          timeoutSec: r.timeoutSeconds,
          healthyThreshold: plan.healthCheck.healthyThreshold,
          unhealthyThreshold: r.failureThreshold,
          config: { type: 'HTTP', httpHealthCheck: { port: 8080, requestPath: r.path } },
        },
        targetRef: service(b.service),
      },
    },
    ...(strategy === 'least-connections'
      ? [
          {
            apiVersion: 'networking.gke.io/v1',
            kind: 'GCPTrafficDistributionPolicy',
            metadata: { name: b.service, labels },
            spec: { targetRefs: [service(b.service)], default: { localityLbAlgorithm: 'LEAST_REQUEST' } },
          },
        ]
      : []),
    ...(strategy === 'ip-hash'
      ? [
          {
            apiVersion: 'networking.gke.io/v1',
            kind: 'GCPBackendPolicy',
            metadata: { name: b.service, labels },
            spec: { default: { sessionAffinity: { type: 'CLIENT_IP' } }, targetRef: service(b.service) },
          },
        ]
      : []),
  ]);
  return [
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name, labels },
      spec: {
        gatewayClassName: 'gke-l7-global-external-managed',
        listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }],
      },
    },
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name, labels },
      spec: {
        parentRefs: [{ name }],
        rules: [{ backendRefs: backends.map((b) => ({ name: b.service, port: b.port, weight: b.percent })) }],
      },
    },
    ...perService,
  ];
};
