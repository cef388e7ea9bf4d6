import { largeServers } from '../core/fleet-sizing.js';
import type { PlanDocument } from '../core/plan-document.js';

/** The share of traffic a canary gets while it is watched: the seed's first step (5 % → 25 % → 50 % → 100 %). */
export const CANARY_PERCENT = 5;

/** A group of identical servers the balancer weighs as one: the main fleet, a canary, or the larger servers of mixed hardware. */
export interface WeightClass {
  id: 'main' | 'canary' | 'large';
  /** Appended to names: '', '-canary', '-large'. */
  suffix: string;
  /** Servers in the class at the fleet's minimum. */
  replicas: number;
  /** Capacity of one server relative to the plan's instance (2 = twice the vCPUs and memory). */
  speed: number;
  instanceType: string;
  /** The class's share of all requests, in percent (the classes add up to 100). */
  percent: number;
  /** nginx weight for EACH server of the class: nginx weighs every resolved address, so a name with N replicas counts N times. */
  perServerWeight: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Twice the plan's instance in the same family: m7i.xlarge → m7i.2xlarge, e2-standard-8 → e2-standard-16, Standard_D8s_v5 → Standard_D16s_v5. */
export function doubleInstance(type: string): string {
  const aws = /^([a-z0-9-]+)\.(\d*)(x?large|medium|small)$/.exec(type);
  if (aws) {
    const [, family, n, size] = aws;
    if (size === 'large') return `${family}.xlarge`;
    if (size === 'xlarge') return `${family}.${Number(n || 1) * 2}xlarge`;
    return `${family}.large`;
  }
  return type.replace(/(\d+)(?!.*\d)|(\d+)(?=[a-z]*_v\d+$)/, (m) => String(Number(m) * 2));
}

/**
 * The plan's weight classes. A canary gets CANARY_PERCENT of requests whatever the fleet size; mixed
 * hardware puts half the fleet on servers twice the size, each class weighted by its capacity.
 * Per-server weights are the smallest integers giving those shares when nginx counts every replica.
 */
export function weightClasses(plan: PlanDocument, fleet = Math.max(1, plan.compute.instances.min)): WeightClass[] {
  const type = plan.compute.instanceType;
  if (plan.loadBalancing.strategy !== 'weighted')
    return [
      { id: 'main', suffix: '', replicas: fleet, speed: 1, instanceType: type, percent: 100, perServerWeight: 1 },
    ];
  if (plan.deployment.strategy === 'canary') {
    // Per server: main (100 - c) / fleet, canary c / 1; scaled to integers by fleet, reduced by their gcd.
    const main = 100 - CANARY_PERCENT;
    const canary = CANARY_PERCENT * fleet;
    const d = gcd(main, canary);
    return [
      {
        id: 'main',
        suffix: '',
        replicas: fleet,
        speed: 1,
        instanceType: type,
        percent: main,
        perServerWeight: main / d,
      },
      {
        id: 'canary',
        suffix: '-canary',
        replicas: 1,
        speed: 1,
        instanceType: type,
        percent: CANARY_PERCENT,
        perServerWeight: canary / d,
      },
    ];
  }
  // The plan's split: of n servers, ⌊n/2⌋ are the larger size (what the bill prices and the simulation runs).
  const large = Math.max(1, largeServers(fleet));
  const small = Math.max(1, fleet - large);
  const capacity = small + 2 * large;
  return [
    {
      id: 'main',
      suffix: '',
      replicas: small,
      speed: 1,
      instanceType: type,
      percent: Math.round((100 * small) / capacity),
      perServerWeight: 1,
    },
    {
      id: 'large',
      suffix: '-large',
      replicas: large,
      speed: 2,
      instanceType: plan.compute.sizes?.[1]?.instanceType ?? doubleInstance(type),
      percent: 100 - Math.round((100 * small) / capacity),
      perServerWeight: 2,
    },
  ];
}

/**
 * A class's scaling range in a region of `size` servers: each class starts at its replicas; a canary stays
 * at its replicas; with mixed hardware the larger servers (twice the capacity) are every other server up to
 * the region's maximum, as the plan prices them, and the plan's servers the rest.
 */
export function classRange(
  c: WeightClass,
  classes: readonly WeightClass[],
  size: { min: number; max: number },
): { min: number; max: number } {
  const largeMax = (k: WeightClass) => Math.max(k.replicas, largeServers(size.max));
  const large = classes.find((k) => k.id === 'large');
  const max =
    c.id === 'canary' ? c.replicas : c.id === 'large' ? largeMax(c) : size.max - (large ? largeMax(large) : 0);
  return { min: c.replicas, max: Math.max(c.replicas, max) };
}
