import type { PlanDocument } from '../core/plan-document.js';

/** A Kubernetes object as the exporter builds it: a kind and a name, everything else free-form. */
export type Manifest = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [key: string]: unknown };
};

/** One Service behind the entry point and the share of requests it gets (the weights add up to 100). */
export interface IngressBackend {
  service: string;
  port: number;
  percent: number;
}

export interface IngressInput {
  plan: PlanDocument;
  /** The app's name (DNS-1123); every object the provider adds is named from it. */
  name: string;
  labels: Record<string, string>;
  backends: IngressBackend[];
}

/**
 * The one signature each provider's ingress (src/providers/<id>/ingress.ts) exports: the objects that put
 * the plan's balancing strategy, weights and health check on that provider's load balancer.
 */
export type IngressBuilder = (input: IngressInput) => Manifest[];

/** The readiness probe the balancer polls: the plan's split when it has one, else the top-level health check. */
export function readinessOf(plan: PlanDocument) {
  const h = plan.healthCheck;
  return (
    h.readiness ?? {
      path: h.path,
      checks: h.checks,
      degradedBy: [],
      intervalSeconds: h.intervalSeconds,
      timeoutSeconds: h.timeoutSeconds,
      successThreshold: h.healthyThreshold,
      failureThreshold: h.unhealthyThreshold,
    }
  );
}
