import { providerPack } from '../providers/registry.js';
import type { IngressInput, Manifest } from './ingress-types.js';

/** The entry point for the plan's provider: its load balancer, algorithm, weights and health check as Kubernetes objects. */
export function ingressFor(input: IngressInput): Manifest[] {
  return providerPack(input.plan.cost.pricing.provider).ingress(input);
}
