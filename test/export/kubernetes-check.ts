import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { ExportFile } from '../../src/export/types.js';

type Model = new (data: never) => { validate(): void };

/** The schema model for each apiVersion/kind we emit: kubernetes-models, its Gateway API and GKE packages. */
export const MODELS: Record<string, () => Promise<Model>> = {
  'apps/v1/Deployment': async () => (await import('kubernetes-models/apps/v1/Deployment')).Deployment,
  'v1/Service': async () => (await import('kubernetes-models/v1/Service')).Service,
  'autoscaling/v2/HorizontalPodAutoscaler': async () =>
    (await import('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler')).HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': async () =>
    (await import('kubernetes-models/policy/v1/PodDisruptionBudget')).PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': async () => (await import('kubernetes-models/networking.k8s.io/v1/Ingress')).Ingress,
  'gateway.networking.k8s.io/v1/Gateway': async () =>
    (await import('@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway')).Gateway,
  'gateway.networking.k8s.io/v1/HTTPRoute': async () =>
    (await import('@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute')).HTTPRoute,
  'networking.gke.io/v1/HealthCheckPolicy': async () =>
    (await import('@kubernetes-models/gke/networking.gke.io/v1/HealthCheckPolicy')).HealthCheckPolicy,
  'networking.gke.io/v1/GCPBackendPolicy': async () =>
    (await import('@kubernetes-models/gke/networking.gke.io/v1/GCPBackendPolicy')).GCPBackendPolicy,
  'networking.gke.io/v1/GCPTrafficDistributionPolicy': async () =>
    (await import('@kubernetes-models/gke/networking.gke.io/v1/GCPTrafficDistributionPolicy'))
      .GCPTrafficDistributionPolicy,
};

/** Problems kubernetes-models finds in a document, '' when it validates. */
export async function modelProblem(doc: { apiVersion: string; kind: string }): Promise<string> {
  const key = `${doc.apiVersion}/${doc.kind}`;
  const load = MODELS[key];
  if (!load) return `no model for ${key}`;
  try {
    new (await load())(doc as never).validate();
    return '';
  } catch (error) {
    return `${key}: ${(error as Error).message}`;
  }
}

/** Writes the files to a fresh folder and returns it. */
export function writeTree(files: readonly ExportFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'capacity-plan-k8s-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return dir;
}

/** `kubectl kustomize DIR`: the documents it builds, or its error. kubectl is part of the machine image. */
export function kustomize(dir: string): { ok: boolean; docs: Record<string, any>[]; error: string } {
  const r = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  if (r.error) throw new Error(`kubectl is not installed: ${r.error.message}`);
  if (r.status !== 0) return { ok: false, docs: [], error: r.stderr };
  return { ok: true, docs: parseAllDocuments(r.stdout).map((d) => d.toJS()), error: '' };
}
