import { toYaml } from '../yaml-emit/emit.js';
import type { PlanDocument } from '../core/plan-document.js';
import { ingressFor } from './ingress.js';
import type { Manifest } from './ingress-types.js';
import type { KubernetesTemplate } from './kubernetes-pod.js';
import { scaled, workloads, type Workload } from './kubernetes-workloads.js';
import { dns1123 } from './names.js';
import { template } from './templates.js';
import type { ExportContext, ExportFile } from './types.js';
import { classRange, weightClasses } from './weight-classes.js';

type Region = PlanDocument['availability']['regions'][number];

const fileOf = (m: Manifest) => `${m.kind.toLowerCase()}-${m.metadata.name}.yaml`;

function workloadFor(plan: PlanDocument, ctx: ExportContext, region: Region): Workload {
  const name = dns1123(ctx.name, 40);
  return {
    name,
    labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/managed-by': 'capacity-plan' },
    annotations: { 'capacity-plan/project': ctx.name },
    classes: weightClasses(plan, Math.max(1, region.instances.min)),
    size: region.instances,
  };
}

function manifestsFor(plan: PlanDocument, t: KubernetesTemplate, w: Workload): Manifest[] {
  const backends = w.classes.map((c) => ({ service: `${w.name}${c.suffix}`, port: 80, percent: c.percent }));
  return [...workloads(plan, t, w), ...ingressFor({ plan, name: w.name, labels: w.labels, backends })];
}

function kustomization(resources: string[], t: KubernetesTemplate, extra: Record<string, unknown> = {}): string {
  const images = [
    { name: t.container.image, newName: t.image.name, newTag: t.image.tag },
    { name: `${t.container.image}-canary`, newName: t.image.name, newTag: t.image.canaryTag },
  ];
  return toYaml({
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    ...(resources.length > 0 ? { resources } : {}),
    ...(resources.some((r) => r.startsWith('..')) ? {} : { images }),
    ...extra,
  });
}

/** A region's overlay: the base, the region's label and annotation, and its own autoscaling range for each HPA. */
function overlay(plan: PlanDocument, w: Workload, region: Region): string {
  const classes = weightClasses(plan, Math.max(1, region.instances.min));
  const patches = classes
    .filter((c) => scaled(plan, c))
    .map((c) => {
      const range = classRange(c, classes, region.instances);
      return {
        target: { kind: 'HorizontalPodAutoscaler', name: `${w.name}${c.suffix}` },
        patch: JSON.stringify([
          { op: 'replace', path: '/spec/minReplicas', value: range.min },
          { op: 'replace', path: '/spec/maxReplicas', value: range.max },
        ]),
      };
    });
  return kustomization(['../../base'], template<KubernetesTemplate>('kubernetes.yaml'), {
    labels: [{ pairs: { 'capacity-plan/region': region.code }, includeSelectors: false }],
    commonAnnotations: { 'capacity-plan/region': region.code, 'capacity-plan/region-share': `${region.share}%` },
    ...(patches.length > 0 ? { patches } : {}),
  });
}

/**
 * Deployments, Services, HorizontalPodAutoscalers, a PodDisruptionBudget and the provider's entry point,
 * with a kustomization that sets the image. One region: the folder is that region's kustomization. Several:
 * base/ and overlays/<region>/, each region built and applied on its own (one cluster per region).
 */
export function exportKubernetes(plan: PlanDocument, ctx: ExportContext): ExportFile[] {
  const t = template<KubernetesTemplate>('kubernetes.yaml');
  const regions = plan.availability.regions;
  const w = workloadFor(plan, ctx, regions[0]!);
  const manifests = manifestsFor(plan, t, w).map((m) =>
    regions.length === 1 ? { ...m, metadata: { ...m.metadata, annotations: withRegion(m, regions[0]!) } } : m,
  );
  const files = manifests.map((m) => ({ path: fileOf(m), content: toYaml(dropUndefined(m)) }));
  const resources = files.map((f) => f.path);
  if (regions.length === 1) return [...files, { path: 'kustomization.yaml', content: kustomization(resources, t) }];
  return [
    ...files.map((f) => ({ ...f, path: `base/${f.path}` })),
    { path: 'base/kustomization.yaml', content: kustomization(resources, t) },
    ...regions.map((r) => ({ path: `overlays/${r.code}/kustomization.yaml`, content: overlay(plan, w, r) })),
  ];
}

function withRegion(m: Manifest, region: Region): Record<string, unknown> {
  return { ...((m.metadata.annotations as Record<string, string>) ?? {}), 'capacity-plan/region': region.code };
}

function dropUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
