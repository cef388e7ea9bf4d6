import { describe, expect, it } from 'vitest';
import { balancerEvidence, EVIDENCE_BUDGET } from '../../src/core/balancer-evidence.js';
import { requestsSimulated } from '../../src/simulate/kernel.js';

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
      /^Simulated on a 16-server slice of this fleet at peak \(3,000 servers × 4 vCPU at 70 % CPU, .*; 10,000 requests after 1,000 warm-up per strategy, seed 1 — a fixed budget of 22,000 simulated requests whatever the fleet size\): least-connections p99/,
    );
  });
  it('3 servers and 3,000 servers cost the same number of simulated requests (counted, not timed)', () => {
    const simulatedBy = (servers: number, strategy: 'least-connections' | 'ip-hash' | 'weighted', mixed = false) => {
      const before = requestsSimulated();
      // A utilisation no other test uses: the simulation is not answered from the in-process memo.
      expect(balancerEvidence(strategy, { ...fleet(servers, mixed), utilization: 0.6731 })).not.toBeNull();
      return requestsSimulated() - before;
    };
    expect(EVIDENCE_BUDGET).toBe(22_000);
    for (const [strategy, mixed] of [
      ['least-connections', false],
      ['ip-hash', false],
      ['weighted', true],
    ] as const) {
      expect(simulatedBy(3, strategy, mixed), strategy).toBe(EVIDENCE_BUDGET);
      expect(simulatedBy(3000, strategy, mixed), strategy).toBe(EVIDENCE_BUDGET);
    }
    expect(simulatedBy(3000, 'least-connections')).toBe(0);
  });
  it('a fleet of 16 or fewer is simulated whole, the budget said all the same', () => {
    const small = balancerEvidence('least-connections', fleet(3))!;
    expect(small.servers).toBe(3);
    expect(small.summary).toMatch(/^Simulated on this fleet at peak \(3 servers × 4 vCPU/);
    expect(small.summary).toContain('a fixed budget of 22,000 simulated requests whatever the fleet size');
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
