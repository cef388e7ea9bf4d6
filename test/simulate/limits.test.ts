import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { slowBucket } from '../../src/simulate/histogram-buckets.js';
import { Histogram } from '../../src/simulate/histogram.js';
import { Rng } from '../../src/simulate/rng.js';
import { runSimulation } from '../../src/simulate/run.js';
import { runSimulationAsync } from '../../src/simulate/run-async.js';

describe('simulate has documented limits: past them, exit 2 naming the flag', () => {
  it.each([
    [['--warmup', '1e12'], /^capacity-plan: --warmup: must be at most 1e8\n$/],
    [['--requests', '1e9'], /^capacity-plan: --requests: must be at most 1e8\n$/],
    [
      ['--servers', '10000', '--concurrency', '1024'],
      /^capacity-plan: --concurrency: 10000 servers × 1024 = .* past the limit of 100000/,
    ],
    [['--servers', '10001'], /^capacity-plan: --servers: must be at most 10000\n$/],
    [['--concurrency', '1025'], /^capacity-plan: --concurrency: must be at most 1024\n$/],
    [
      ['--requests', '1e8', '--warmup', '1e8'],
      /^capacity-plan: --requests: this run is 1\.20e\+9 events, past the budget of 1e9/,
    ],
    [
      ['--servers', '3200', '--strategy', 'weighted', '--requests', '1e7'],
      /^capacity-plan: --requests: .* past the budget/,
    ],
  ])('%j', async (args, message) => {
    const r = await cli(['simulate', ...args]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
  });
  it('the limits are in --help', async () => {
    const r = await cli(['simulate', '--help']);
    expect(r.out).toMatch(/Limits: --servers ≤ 10000, --concurrency ≤ 1024 and servers × concurrency ≤ 100000/);
  });
});

describe('the sliced runner', () => {
  it('gives the same figures, bit for bit, as one uninterrupted run, while yielding to the event loop', async () => {
    const request = {
      speeds: [1, 1, 2, 1, 1],
      concurrency: 3,
      arrivalRate: 200,
      serviceTimeMs: 50,
      distribution: 'lognormal' as const,
      cv: 2,
      strategies: ['least-connections', 'weighted', 'ip-hash'] as const,
      requests: 300_000,
      warmup: 10_000,
      seed: 4,
      clients: 1000,
      clientSkew: 0.8,
    };
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    const sliced = await runSimulationAsync(request, 2);
    clearInterval(ticker);
    expect(sliced).toStrictEqual(runSimulation(request));
    expect(turns).toBeGreaterThan(3);
  });
});

describe('the histogram finds buckets without a logarithm', () => {
  it('the same bucket as ⌊ln(v / 1 µs) ÷ ln 1.01⌋ + 1 for values from 1e-9 to 1e9 and at every boundary', () => {
    const rng = new Rng(99);
    const values: number[] = [0, 1e-6, 5e-7, 1e6, 2e6, 1e300];
    for (let i = 0; i < 1_000_000; i++) values.push(10 ** (-9 + 18 * rng.next()));
    for (let i = 0; i < 3000; i++) {
      const edge = 1e-6 * Math.exp(i * Math.log(1.01));
      values.push(edge, edge * (1 + 2e-16), edge * (1 - 2e-16));
    }
    const h = new Histogram();
    const last = Math.ceil(Math.log(1e6 / 1e-6) / Math.log(1.01)) + 1;
    const counts = (h as unknown as { counts: Float64Array }).counts;
    let mismatches = 0;
    for (const v of values) {
      const expected = slowBucket(v, last);
      const before = counts[expected]!;
      h.add(v);
      if (counts[expected] !== before + 1) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});
