import { describe, expect, it } from 'vitest';
import { balancerEvidence } from '../../src/core/balancer-evidence.js';

const fleet = (servers: number, mixedHardware = false) => ({
  servers,
  vcpus: 4,
  utilization: 0.7,
  serviceTimeMs: 50,
  durations: 'variable' as const,
  mixedHardware,
});

describe('the simulation behind the balancer pick has a fixed budget whatever the fleet', () => {
  it('3,000 servers and 300,000 servers run the same 16-server slice: the same work, the same figures', () => {
    const big = balancerEvidence('least-connections', fleet(3000))!;
    const huge = balancerEvidence('least-connections', fleet(300_000))!;
    expect(big.servers).toBe(16);
    expect(big.requests).toBe(10_000);
    expect(huge.results).toEqual(big.results);
    expect(big.summary).toMatch(
      /^Simulated on a 16-server slice of this fleet at peak \(3,000 servers × 4 vCPU at 70 % CPU, .*; 10,000 requests, seed 1 — a fixed budget whatever the fleet size\): least-connections p99/,
    );
  });
  it('a fleet of 16 or fewer is simulated whole', () => {
    const small = balancerEvidence('least-connections', fleet(3))!;
    expect(small.servers).toBe(3);
    expect(small.summary).toMatch(/^Simulated on this fleet at peak \(3 servers × 4 vCPU/);
  });
  it('the slice keeps mixed hardware mixed: weighted splits by speed on it', () => {
    const mixed = balancerEvidence('weighted', fleet(500, true))!;
    expect(mixed.servers).toBe(16);
    expect(mixed.summary).toMatch(/every other one twice as fast/);
    expect(mixed.results[0]!.imbalance).toBeLessThan(1.05);
  });
});

describe('a simulation already run in this process is remembered', () => {
  it('the same fleet again gives equal figures, in objects of its own', () => {
    const first = balancerEvidence('least-connections', { ...fleet(40), utilization: 0.61 })!;
    const again = balancerEvidence('least-connections', { ...fleet(40), utilization: 0.61 })!;
    expect(again).toEqual(first);
    again.results[0]!.p99Ms = -1;
    expect(balancerEvidence('least-connections', { ...fleet(40), utilization: 0.61 })!.results[0]!.p99Ms).toBe(
      first.results[0]!.p99Ms,
    );
  });
});
