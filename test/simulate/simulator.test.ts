import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/core/queueing.js';
import { serviceDistribution } from '../../src/simulate/distributions.js';
import { Histogram } from '../../src/simulate/histogram.js';
import { Rng } from '../../src/simulate/rng.js';
import { simulateStrategy, type SimStrategy, type SimulationOptions } from '../../src/simulate/simulate.js';

const S = 0.05;
const base = (over: Partial<SimulationOptions>): SimulationOptions => ({
  speeds: Array(10).fill(1),
  concurrency: 1,
  arrivalRate: (0.7 * 10) / S,
  service: serviceDistribution('exponential', S),
  requests: 200_000,
  warmup: 20_000,
  seed: 1,
  clients: 10_000,
  clientSkew: 0.6,
  ...over,
});

/**
 * Mean response time over independent replications (different seeds), with its standard error. The
 * tolerance of each check below is a multiple of this standard error, so it shrinks as runs get longer:
 * a real bias shows up, noise does not fail the test.
 */
function replicate(strategy: SimStrategy, options: SimulationOptions, replications = 8): { mean: number; se: number } {
  const means = Array.from(
    { length: replications },
    (_, i) => simulateStrategy(strategy, { ...options, seed: 1000 + i }).meanMs / 1000,
  );
  const mean = means.reduce((a, b) => a + b, 0) / replications;
  const variance = means.reduce((a, b) => a + (b - mean) ** 2, 0) / (replications - 1);
  return { mean, se: Math.sqrt(variance / replications) };
}

describe('the simulator against queueing theory', () => {
  it('one server is M/M/1: mean response S / (1 − ρ)', () => {
    for (const rho of [0.5, 0.7]) {
      const { mean, se } = replicate('round-robin', base({ speeds: [1], arrivalRate: rho / S }));
      expect(Math.abs(mean - S / (1 - rho))).toBeLessThan(4 * se + 0.002 * S);
    }
  });

  it('dispatch that is random per request makes every server M/M/1: 3.33 S at ρ = 0.7', () => {
    const { mean, se } = replicate('random', base({}));
    expect(Math.abs(mean - S / 0.3)).toBeLessThan(4 * se + 0.002 * S);
  });

  it('a server with k workers and its own queue is M/M/k: S + C·S/(k − A)', () => {
    const k = 4;
    const A = 0.8 * k;
    const { mean, se } = replicate('round-robin', base({ speeds: [1], concurrency: k, arrivalRate: A / S }));
    const theory = S + (erlangC(k, A) * S) / (k - A);
    expect(Math.abs(mean - theory)).toBeLessThan(4 * se + 0.002 * S);
  });

  it('least connections on identical servers approaches M/M/c (one shared queue, the ideal), far from random', () => {
    const c = 10;
    const A = 0.7 * c;
    const ideal = S + (erlangC(c, A) * S) / (c - A);
    const lc = replicate('least-connections', base({}), 4);
    // Joining the shortest queue cannot beat one shared queue, and comes within 10 % of it at this load.
    expect(lc.mean).toBeGreaterThan(ideal - 4 * lc.se);
    expect(lc.mean).toBeLessThan(ideal * 1.1);
    expect(lc.mean).toBeLessThan((S / 0.3) * 0.5);
  });

  it('power of two choices: at λ = 0.9 the many-server limit is 2.614 S (finite fleets sit a little above)', () => {
    const n = 200;
    const { mean, se } = replicate(
      'power-of-two',
      base({ speeds: Array(n).fill(1), arrivalRate: (0.9 * n) / S, requests: 300_000, warmup: 30_000 }),
      4,
    );
    expect(mean / S).toBeGreaterThan(2.614 - 4 * (se / S));
    expect(mean / S).toBeLessThan(2.614 * 1.04);
  });

  it('round robin beats random dispatch (its arrivals at each server are more regular)', () => {
    for (const seed of [1, 2, 3]) {
      const rr = simulateStrategy('round-robin', base({ seed }));
      const random = simulateStrategy('random', base({ seed }));
      expect(rr.meanMs).toBeLessThan(random.meanMs);
      expect(rr.p99Ms).toBeLessThan(random.p99Ms);
    }
  });

  it('with heavy-tailed service (lognormal CV 3) least connections beats round robin at the tail', () => {
    const heavy = base({ service: serviceDistribution('lognormal', S, 3) });
    for (const seed of [1, 2, 3]) {
      const lc = simulateStrategy('least-connections', { ...heavy, seed });
      const rr = simulateStrategy('round-robin', { ...heavy, seed });
      expect(lc.p99Ms).toBeLessThan(rr.p99Ms * 0.5);
      expect(lc.maxQueue).toBeLessThan(rr.maxQueue);
    }
  });

  it('weighted splits traffic in proportion to server speed', () => {
    const r = simulateStrategy('weighted', base({ speeds: [1, 1, 2], arrivalRate: (0.6 * 4) / S }));
    expect(r.shares[0]).toBeCloseTo(0.25, 3);
    expect(r.shares[2]).toBeCloseTo(0.5, 3);
  });

  it('IP hash spreads clients, not requests: a skewed client population loads some servers more', () => {
    const even = simulateStrategy('ip-hash', base({ clientSkew: 0, clients: 100_000 }));
    const skewed = simulateStrategy('ip-hash', base({ clientSkew: 1, clients: 100_000, arrivalRate: (0.3 * 10) / S }));
    expect(even.imbalance).toBeLessThan(1.05);
    expect(skewed.imbalance).toBeGreaterThan(even.imbalance);
  });

  it('a fixed seed gives identical results; another seed gives others', () => {
    expect(simulateStrategy('least-connections', base({ seed: 7 }))).toEqual(
      simulateStrategy('least-connections', base({ seed: 7 })),
    );
    expect(simulateStrategy('least-connections', base({ seed: 8 })).meanMs).not.toBe(
      simulateStrategy('least-connections', base({ seed: 7 })).meanMs,
    );
  });
});

describe('building blocks', () => {
  it('the histogram gives percentiles within 1 % of the exact order statistics', () => {
    const rng = new Rng(3);
    const values = Array.from({ length: 100_000 }, () => -Math.log(rng.next()) * (rng.next() < 0.1 ? 2 : 0.05));
    const h = new Histogram();
    for (const v of values) h.add(v);
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [0.5, 0.95, 0.99]) {
      const exact = sorted[Math.ceil(p * sorted.length) - 1]!;
      expect(Math.abs(h.quantile(p) / exact - 1)).toBeLessThan(0.01);
    }
    expect(h.max).toBe(sorted.at(-1));
  });

  it('service distributions have the requested mean and coefficient of variation', () => {
    for (const [name, cv] of [
      ['exponential', 1],
      ['lognormal', 3],
      ['lognormal', 0.5],
      ['bimodal', 1],
    ] as const) {
      const d = serviceDistribution(name, 0.05, cv);
      const rng = new Rng(11);
      let sum = 0;
      let sq = 0;
      const n = 400_000;
      for (let i = 0; i < n; i++) {
        const x = d.sample(rng);
        sum += x;
        sq += x * x;
      }
      const mean = sum / n;
      const sd = Math.sqrt(sq / n - mean * mean);
      expect(mean).toBeCloseTo(0.05, 2);
      // A heavy tail converges slowly: the sample CV of lognormal CV 3 has a wide spread, so allow 15 %.
      expect(Math.abs(sd / mean / d.cv - 1)).toBeLessThan(0.15);
    }
  });
});
