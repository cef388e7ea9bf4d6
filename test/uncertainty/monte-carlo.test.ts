import { describe, expect, it } from 'vitest';
import { Z95 } from '../../src/uncertainty/distribution.js';
import { drawSamples, runSamples } from '../../src/uncertainty/monte-carlo.js';
import { percentile } from '../../src/uncertainty/percentile.js';
import { parseRange } from '../../src/uncertainty/range.js';
import { inverseNormal } from '../../src/uncertainty/distribution.js';

const users = parseRange('users', '40k..80k');
const service = parseRange('serviceTime', '20..80');

describe('the Monte Carlo driver', () => {
  it('gives the same draws for the same seed and different draws for another', () => {
    const a = drawSamples([users, service], 300, 3);
    expect(drawSamples([users, service], 300, 3)).toEqual(a);
    expect(drawSamples([users, service], 300, 4)).not.toEqual(a);
  });
  it('uses every stratum of each range exactly once (Latin hypercube)', () => {
    const n = 200;
    const mu = (Math.log(40_000) + Math.log(80_000)) / 2;
    const sigma = (Math.log(80_000) - Math.log(40_000)) / (2 * Z95);
    const strata = drawSamples([users], n, 11).map((d) => {
      const z = (Math.log(d.values.users!) - mu) / sigma;
      // the stratum of the probability of z
      return Math.floor(cdf(z) * n);
    });
    // rounding users to 4 digits can move a value across a stratum edge by one: allow ±1 but require near-coverage
    expect(new Set(strata).size).toBeGreaterThan(n * 0.9);
  });
  it('matches the analytic percentiles of a log-normal user count through a linear cost', () => {
    // cost = 120 + 0.015 × users; users log-normal with p5 = 40k and p95 = 80k
    const mu = (Math.log(40_000) + Math.log(80_000)) / 2;
    const sigma = (Math.log(80_000) - Math.log(40_000)) / (2 * Z95);
    const exact = (q: number) => 120 + 0.015 * Math.exp(mu + sigma * inverseNormal(q));
    const outcomes = runSamples(
      drawSamples([users], 1000, 1),
      (v) => 120 + 0.015 * v.users!,
      () => false,
    );
    const costs = outcomes.map((o) => o.result!).sort((a, b) => a - b);
    for (const q of [0.1, 0.5, 0.9]) expect(Math.abs(percentile(costs, q) / exact(q) - 1)).toBeLessThan(0.003);
    const mean = costs.reduce((a, b) => a + b, 0) / costs.length;
    expect(mean / (120 + 0.015 * Math.exp(mu + (sigma * sigma) / 2)) - 1).toBeLessThan(0.003);
  });
  it('keeps a refusal as a refusal and rethrows anything else', () => {
    const draws = drawSamples([users], 10, 1);
    const out = runSamples(
      draws,
      (v) => {
        if (v.users! > 60_000) throw new Error('too many');
        return 1;
      },
      () => true,
    );
    expect(out.some((o) => o.refusal === 'too many')).toBe(true);
    expect(() =>
      runSamples(
        draws,
        () => {
          throw new TypeError('bug');
        },
        () => false,
      ),
    ).toThrow('bug');
  });
});

describe('percentile', () => {
  it('interpolates between neighbours (type 7)', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10], 0.9)).toBe(10);
    expect(percentile([0, 10], 0.1)).toBeCloseTo(1, 12);
  });
});

function cdf(z: number): number {
  // bisection on the inverse, good enough for a stratum index
  let lo = 1e-12;
  let hi = 1 - 1e-12;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (inverseNormal(mid) < z) lo = mid;
    else hi = mid;
  }
  return lo;
}
