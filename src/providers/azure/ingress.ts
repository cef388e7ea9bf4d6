import { readinessOf, type IngressBuilder, type IngressInput, type Manifest } from '../../export/ingress-types.js';

/**
 * Azure Application Gateway through AGIC: health probe and cookie affinity (ip-hash) as annotations.
 * Application Gateway balances round robin only, so least-connections is noted, not set. AGIC has no
 * weighted backends: several backends (canary, mixed hardware) go through Application Gateway for
 * Containers instead, a Gateway and an HTTPRoute carrying each backend's weight.
 */
export const ingressManifests: IngressBuilder = ({ plan, name, labels, backends }: IngressInput): Manifest[] => {
  const r = readinessOf(plan);
  const strategy = plan.loadBalancing.strategy;
  if (backends.length > 1)
    return [
      {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: {
          name,
          labels,
          annotations: {
            'alb.networking.azure.io/alb-namespace': 'alb-infra',
            'alb.networking.azure.io/alb-name': name,
          },
        },
        spec: { gatewayClassName: 'azure-alb-external', listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }] },
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
    ];
  const annotations: Record<string, string> = {
    'appgw.ingress.kubernetes.io/health-probe-path': r.path,
    'appgw.ingress.kubernetes.io/health-probe-interval': String(r.intervalSeconds),
    'appgw.ingress.kubernetes.io/health-probe-timeout': String(r.timeoutSeconds),
    'appgw.ingress.kubernetes.io/health-probe-unhealthy-threshold': String(r.failureThreshold),
    'appgw.ingress.kubernetes.io/health-probe-status-codes': String(plan.healthCheck.healthyStatus),
    ...(strategy === 'ip-hash' ? { 'appgw.ingress.kubernetes.io/cookie-based-affinity': 'true' } : {}),
    ...(strategy === 'least-connections'
      ? { 'capacity-plan/note': 'Application Gateway balances round robin only; least connections is not available' }
      : {}),
  };
  return [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name, labels, annotations },
      spec: {
        ingressClassName: 'azure-application-gateway',
        rules: [
          {
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: backends[0]!.service, port: { number: backends[0]!.port } } },
                },
              ],
            },
          },
        ],
      },
    },
  ];
};
