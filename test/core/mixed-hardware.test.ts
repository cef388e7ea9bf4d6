import { describe, expect, it } from 'vitest';
import { largeServers, mixedCapacity, mixedServers, mixedSpeeds } from '../../src/core/fleet-sizing.js';
import { weightClasses } from '../../src/export/weight-classes.js';
import { planOf } from '../helpers.js';

const CASES = (['aws', 'gcp', 'azure'] as const).flatMap((provider) =>
  [300_000, 500_000, 5_000_000].map((users) => ({ users, provider, mixedHardware: true, simulate: false })),
);

describe('--mixed-hardware prices what it simulates: two sizes, weights 1:2, on every provider', () => {
  it.each(CASES)('%j', (input) => {
    const p = planOf(input);
    const uniform = planOf({ ...input, mixedHardware: false });
    const [small, large] = p.compute.sizes!;
    expect(p.loadBalancing.strategy).toBe('weighted');
    // Two sizes of one family: the larger has twice the vCPUs, and its weight is its capacity.
    expect(small!.instanceType).toBe(p.compute.instanceType);
    expect(large!.vcpus).toBe(2 * small!.vcpus);
    expect([small!.weight, large!.weight]).toEqual([1, 2]);
    expect(large!.weight / small!.weight).toBe(large!.vcpus / small!.vcpus);
    // One compute line per size, priced on each size's own hours.
    const compute = p.cost.lineItems.filter((l) => l.component === 'compute');
    const hours = (kind: string) => compute.filter((l) => l.kind === kind).reduce((a, l) => a + l.quantity, 0);
    expect(new Set(compute.filter((l) => l.kind === 'compute').map((l) => l.itemId))).toEqual(
      new Set([small!.instanceType]),
    );
    expect(new Set(compute.filter((l) => l.kind === 'compute-large').map((l) => l.itemId))).toEqual(
      new Set([large!.instanceType]),
    );
    // (the plan's averages are rounded to 0.01 server: 3.65 hours either way)
    expect(Math.abs(hours('compute') - small!.instances.average * 730)).toBeLessThanOrEqual(0.005 * 730 + 0.01);
    expect(Math.abs(hours('compute-large') - large!.instances.average * 730)).toBeLessThanOrEqual(0.005 * 730 + 0.01);
    // The sizes add up to the fleet, split as the simulation and the exporters split it.
    expect(small!.instances.expected + large!.instances.expected).toBe(p.compute.instances.expected);
    const perRegion = p.availability.regions.map((r) => r.instances.expected);
    expect(large!.instances.expected).toBe(perRegion.reduce((a, n) => a + largeServers(n), 0));
    for (const n of perRegion) {
      const speeds = mixedSpeeds(n);
      expect(speeds.filter((x) => x === 2)).toHaveLength(largeServers(n));
      expect(speeds.reduce((a, b) => a + b, 0)).toBe(mixedCapacity(n));
    }
    // Same capacity as the uniform fleet at peak, in the plan's instance.
    const uniformPeak = uniform.availability.regions.map((r) => r.instances.expected);
    perRegion.forEach((n, i) => expect(mixedCapacity(n)).toBeGreaterThanOrEqual(uniformPeak[i]!));
    // The exports weigh the same two sizes 1:2 (a canary deployment's classes are the canary split instead).
    if (p.deployment.strategy === 'canary') return;
    const classes = weightClasses(p, p.availability.regions[0]!.instances.min);
    expect(classes.map((c) => [c.instanceType, c.perServerWeight])).toEqual([
      [small!.instanceType, 1],
      [large!.instanceType, 2],
    ]);
    expect(classes[1]!.replicas).toBe(largeServers(p.availability.regions[0]!.instances.min));
    expect(p.loadBalancing.reasons.join(' ')).toContain(`each ${large!.instanceType} 2`);
  });

  it('the mixed fleet is the fewest servers with the uniform capacity', () => {
    for (const [uniform, minimum, n] of [
      [9, 3, 6],
      [8, 3, 6],
      [3, 3, 3],
      [10, 2, 7],
    ] as const) {
      expect(mixedServers(uniform, minimum)).toBe(n);
      expect(mixedCapacity(n)).toBeGreaterThanOrEqual(uniform);
      if (n > minimum) expect(mixedCapacity(n - 1)).toBeLessThan(uniform);
    }
  });

  it('with provisioned failover headroom, the mixed fleet keeps it: each region carries both shares at peak', () => {
    for (const provider of ['aws', 'gcp', 'azure'] as const) {
      const p = planOf({ users: 5_000_000, availability: 99.99, mixedHardware: true, provider, simulate: false });
      const f = p.availability.failover!;
      expect(f.mode).toBe('provisioned');
      p.availability.regions.forEach((r, i) =>
        expect(mixedCapacity(r.instances.expected)).toBeGreaterThanOrEqual(f.regions[i]!.serversNeededAtFailover),
      );
      // Hour by hour too: the month's capacity is at least the uniform provisioned fleet's.
      const uniform = planOf({ users: 5_000_000, availability: 99.99, provider, simulate: false });
      const [small, large] = p.compute.sizes!;
      const capacity = small!.instances.average + 2 * large!.instances.average;
      expect(capacity).toBeGreaterThanOrEqual(uniform.compute.instances.average - 0.02);
    }
  });

  it('simulated with its own speeds: the evidence runs every other server twice as fast', () => {
    const p = planOf({ users: 500_000, mixedHardware: true });
    expect(p.loadBalancing.simulation!.summary).toMatch(/every other one twice as fast/);
  });
});
