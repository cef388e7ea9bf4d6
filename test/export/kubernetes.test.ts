import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawInput } from '../../src/core/input.js';
import { exportFiles } from '../../src/export/index.js';
import { planOf } from '../helpers.js';
import { kustomize, modelProblem, writeTree } from './kubernetes-check.js';

const files = (input: RawInput) => exportFiles('kubernetes', planOf(input), { name: 'shop', version: 't' });
const TWO = 'us-east-1=60,eu-west-1=40';

/** Every buildable folder: the export itself for one region, each overlay for several. */
function builds(input: RawInput) {
  const out = files(input);
  const dir = writeTree(out);
  const overlays = [...new Set(out.map((f) => /^overlays\/([^/]+)\//.exec(f.path)?.[1]).filter(Boolean))] as string[];
  return (
    overlays.length ? overlays.map((r) => ({ region: r, dir: join(dir, 'overlays', r) })) : [{ region: null, dir }]
  ).map((b) => ({ ...b, ...kustomize(b.dir) }));
}

const CASES: RawInput[] = [
  { users: 5000 },
  { users: 50_000 },
  { users: 50_000, stateful: true },
  { users: 500_000, profile: 'ecommerce' },
  { users: 500_000, deploy: 'canary' },
  { users: 300_000, mixedHardware: true },
  { users: 5_000_000 },
  { users: 2_000_000, regions: TWO },
  { users: 500_000, deploy: 'canary', regions: TWO },
];
const ALL_PROVIDERS = CASES.flatMap((c) => (['aws', 'gcp', 'azure'] as const).map((provider) => ({ ...c, provider })));

describe('Kubernetes: `kubectl kustomize` builds every region on its own, and kubernetes-models validates what it builds', () => {
  it.each(ALL_PROVIDERS)('%j', async (input) => {
    const plan = planOf(input);
    const built = builds(input);
    expect(built).toHaveLength(plan.availability.regions.length);
    for (const b of built) {
      expect(b.error).toBe('');
      for (const doc of b.docs) {
        expect(await modelProblem(doc as never)).toBe('');
        if (b.region) expect(doc.metadata.labels['capacity-plan/region']).toBe(b.region);
      }
      const deployments = b.docs.filter((d) => d.kind === 'Deployment');
      for (const d of deployments) {
        const c = d.spec.template.spec.containers[0];
        expect(c.image).toMatch(/^ghcr\.io\/your-org\/your-app:\d/);
        expect(c.livenessProbe.httpGet.path).toBe('/livez');
        expect(c.readinessProbe.httpGet.path).toBe('/health');
        expect(c.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
        expect(d.spec.template.spec.volumes).toContainEqual({ name: 'tmp', emptyDir: { sizeLimit: '256Mi' } });
        const hpa = b.docs.find(
          (h) => h.kind === 'HorizontalPodAutoscaler' && h.spec.scaleTargetRef.name === d.metadata.name,
        );
        expect(d.spec.replicas === undefined, d.metadata.name).toBe(hpa !== undefined);
      }
      if (b.region) {
        const region = plan.availability.regions.find((r) => r.code === b.region)!;
        const main = b.docs.find((h) => h.kind === 'HorizontalPodAutoscaler' && h.metadata.name === 'shop')!;
        expect(main.spec.minReplicas).toBe(region.instances.min);
      }
    }
  });
  it('a multi-region export never builds both regions at once: no kustomization at the top, one overlay each', () => {
    const out = files({ users: 2_000_000, regions: TWO });
    expect(out.some((f) => f.path === 'kustomization.yaml')).toBe(false);
    expect(out.filter((f) => f.path.endsWith('kustomization.yaml')).map((f) => f.path)).toEqual([
      'base/kustomization.yaml',
      'overlays/us-east-1/kustomization.yaml',
      'overlays/eu-west-1/kustomization.yaml',
    ]);
    const [east, west] = builds({ users: 2_000_000, regions: TWO });
    const baseDeployments = out.filter((f) => f.path.startsWith('base/deployment-')).length;
    expect(east!.docs.filter((d) => d.kind === 'Deployment')).toHaveLength(baseDeployments);
    expect(east!.docs.every((d) => d.metadata.labels['capacity-plan/region'] === 'us-east-1')).toBe(true);
    expect(west!.docs.find((d) => d.kind === 'HorizontalPodAutoscaler')!.spec.maxReplicas).toBe(
      planOf({ users: 2_000_000, regions: TWO }).availability.regions[1]!.instances.max,
    );
  });
  it('the checks can fail: kubectl rejects a broken kustomization, kubernetes-models a bad Deployment', async () => {
    const bad = kustomize(writeTree([{ path: 'kustomization.yaml', content: 'resources: [missing.yaml]\n' }]));
    expect(bad.ok).toBe(false);
    expect(
      await modelProblem({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 'three' } } as never),
    ).not.toBe('');
  });
  it("HPA: the seed's rules, +2 pods per 5 min after 5 min high, -1 pod per 10 min after 10 min low", () => {
    const plan = planOf({ users: 500_000 });
    const hpa = parse(files({ users: 500_000 }).find((f) => f.path === 'horizontalpodautoscaler-shop.yaml')!.content);
    expect(hpa.spec).toMatchObject({
      minReplicas: plan.autoscaling!.minInstances,
      maxReplicas: plan.autoscaling!.maxInstances,
    });
    // The plan's 60 % of a server is 70 % of the pod's request (85 % of the server's vCPUs).
    expect(hpa.spec.metrics[0].resource.target).toEqual({ type: 'Utilization', averageUtilization: 70 });
    expect(hpa.spec.behavior.scaleUp).toMatchObject({
      stabilizationWindowSeconds: 300,
      policies: [{ type: 'Pods', value: 2, periodSeconds: 300 }],
    });
    expect(hpa.spec.behavior.scaleDown).toMatchObject({
      stabilizationWindowSeconds: 600,
      policies: [{ type: 'Pods', value: 1, periodSeconds: 600 }],
    });
  });
  it('requests are the allocatable share of the instance (85 % CPU, 80 % memory), limits the instance CPU and the same memory', () => {
    const plan = planOf({ users: 500_000 });
    const d = parse(files({ users: 500_000 }).find((f) => f.path === 'deployment-shop.yaml')!.content);
    const memory = `${Math.floor(plan.compute.memoryGb * 0.8 * 1024)}Mi`;
    expect(d.spec.template.spec.containers[0].resources).toEqual({
      requests: { cpu: `${Math.floor(plan.compute.vcpus * 850)}m`, memory },
      limits: { cpu: String(plan.compute.vcpus), memory },
    });
  });
  it.each([
    [{ users: 500_000, profile: 'ecommerce' }, 'load_balancing.algorithm.type=least_outstanding_requests'],
    [{ users: 500_000 }, 'load_balancing.algorithm.type=round_robin'],
    [{ users: 50_000, stateful: true }, 'stickiness.enabled=true,stickiness.type=lb_cookie'],
  ] as [RawInput, string][])(
    'AWS: the Ingress carries the strategy as target group attributes (%j)',
    (input, attributes) => {
      const ing = parse(files(input).find((f) => f.path.startsWith('ingress-'))!.content);
      expect(ing.spec.ingressClassName).toBe('alb');
      expect(ing.metadata.annotations['alb.ingress.kubernetes.io/target-group-attributes']).toContain(attributes);
      expect(ing.metadata.annotations['alb.ingress.kubernetes.io/healthcheck-path']).toBe('/health');
    },
  );
  it.each([
    [{ users: 500_000, deploy: 'canary' }, ['shop', 'shop-canary'], [95, 5]],
    [{ users: 300_000, mixedHardware: true }, ['shop', 'shop-large'], null],
  ] as [RawInput, string[], number[] | null][])(
    'weighted (%j): a Deployment per class and weights on every provider',
    (input, names, weights) => {
      const plan = planOf(input);
      expect(plan.loadBalancing.strategy).toBe('weighted');
      const out = files(input);
      expect(out.filter((f) => f.path.startsWith('deployment-')).map((f) => parse(f.content).metadata.name)).toEqual(
        names,
      );
      const aws = parse(out.find((f) => f.path.startsWith('ingress-'))!.content);
      const groups = JSON.parse(aws.metadata.annotations['alb.ingress.kubernetes.io/actions.weighted']).forwardConfig
        .targetGroups;
      expect(groups.map((g: { serviceName: string }) => g.serviceName)).toEqual(names);
      const w = groups.map((g: { weight: number }) => g.weight);
      expect(w.reduce((a: number, b: number) => a + b, 0)).toBe(100);
      if (weights) expect(w).toEqual(weights);
      for (const provider of ['gcp', 'azure'] as const) {
        const route = parse(files({ ...input, provider }).find((f) => f.path.startsWith('httproute-'))!.content);
        expect(route.spec.rules[0].backendRefs.map((b: { weight: number }) => b.weight)).toEqual(w);
      }
    },
  );
  it('GCP: least requests and client-IP affinity through GKE policies; health check on /health', () => {
    const ecommerce = files({ users: 500_000, profile: 'ecommerce', provider: 'gcp' });
    expect(
      parse(ecommerce.find((f) => f.path.startsWith('gcptrafficdistributionpolicy-'))!.content).spec.default,
    ).toEqual({
      localityLbAlgorithm: 'LEAST_REQUEST',
    });
    expect(
      parse(ecommerce.find((f) => f.path.startsWith('healthcheckpolicy-'))!.content).spec.default.config.httpHealthCheck
        .requestPath,
    ).toBe('/health');
    const sticky = files({ users: 50_000, stateful: true, provider: 'gcp' });
    expect(
      parse(sticky.find((f) => f.path.startsWith('gcpbackendpolicy-'))!.content).spec.default.sessionAffinity,
    ).toEqual({ type: 'CLIENT_IP' });
  });
});
