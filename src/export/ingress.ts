import type { PlanDocument } from '../core/plan-document.js';
import { ingressManifests as aws } from '../providers/aws/ingress.js';
import { ingressManifests as azure } from '../providers/azure/ingress.js';
import { ingressManifests as gcp } from '../providers/gcp/ingress.js';
import type { IngressBuilder, IngressInput, Manifest } from './ingress-types.js';

const BUILDERS: Record<PlanDocument['cost']['pricing']['provider'], IngressBuilder> = { aws, gcp, azure };

/** The entry point for the plan's provider: its load balancer, algorithm, weights and health check as Kubernetes objects. */
export function ingressFor(input: IngressInput): Manifest[] {
  return BUILDERS[input.plan.cost.pricing.provider](input);
}
