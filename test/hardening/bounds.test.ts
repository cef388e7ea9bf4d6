import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sizeFleet } from '../../src/core/fleet-sizing.js';
import { PlanInputError } from '../../src/core/input-error.js';
import { budgetFailure, increaseFailure, increasePercent } from '../../src/cli/gates.js';
import { badFigures, checkPlanFigures } from '../../src/cli/plan-figures.js';
import { cli, planOf } from '../helpers.js';

/** Exit 2 (or 3) means one line on stderr and nothing on stdout. */
function oneLine(r: { code: number; out: string; err: string }, code = 2) {
  expect(r.code, r.err).toBe(code);
  expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  expect(r.err).toMatch(/^capacity-plan: /);
}

describe('every input has a documented range, the same for flags, environment and files', () => {
  const flags: [string[], RegExp][] = [
    [['--users', '1e32'], /--users: must be at most 10B/],
    [['--users', '2M', '--requests-per-user', '1e17'], /--requests-per-user: must be at most 1M/],
    [['--users', '5k', '--service-time', '1e300'], /--service-time: must be at most 60000/],
    [['--users', '5k', '--payload-kb', '1e300'], /--payload-kb: must be at most 1000000/],
    [['--users', '5k', '--payload-kb', '1e302'], /--payload-kb: must be at most/],
    [['--users', '5k', '--storage-per-user-mb', '1e20'], /--storage-per-user-mb: must be at most/],
    [['--users', '5k', '--latency-target', '1e9'], /--latency-target: must be at most 600000/],
    [['--users', '5k', '--max-monthly-cost', '1e300'], /--max-monthly-cost: must be at most 1e12/],
    [['--users', '5k', '--service-time', '0'], /--service-time: must be at least 0.001/],
    [['--users', '5k', '--region', 'a'.repeat(100)], /--region: must be at most 64 characters/],
  ];
  it.each(flags)('%j is exit 2 with one line naming the flag', async (argv, message) => {
    const r = await cli(['plan', ...argv, '--no-simulate']);
    oneLine(r);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('the environment and the input file meet the same bounds, named as they were given', async () => {
    const env = await cli(['plan', '--users', '2M', '--no-simulate'], {
      env: { NO_COLOR: '1', CAPACITY_PLAN_REQUESTS_PER_USER: '1e17' },
    });
    oneLine(env);
    expect(env.err).toMatch(/CAPACITY_PLAN_REQUESTS_PER_USER: must be at most 1M/);
    const dir = mkdtempSync(join(tmpdir(), 'cp-bounds-'));
    writeFileSync(join(dir, 'in.yaml'), 'users: 2M\npayloadKb: 1e302\nsimulate: false\n');
    const file = await cli(['plan', '--input', 'in.yaml'], { cwd: dir });
    oneLine(file);
    expect(file.err).toMatch(/in\.yaml: payloadKb: must be at most/);
  });

  it('a fleet past the planner maximum is exit 2 naming the input that drove it, quickly', async () => {
    const start = Date.now();
    const r = await cli(['plan', '--users', '10B', '--profile', 'saas', '--peak-factor', '50', '--no-simulate']);
    oneLine(r);
    expect(r.err).toMatch(/--users: .*over the planner's maximum of 10,000,000/);
    const slow = await cli([
      'plan',
      '--users',
      '10B',
      '--service-time',
      '5000',
      '--latency-target',
      '600000',
      '--no-simulate',
    ]);
    oneLine(slow);
    expect(slow.err).toMatch(/--service-time: .*over the planner's maximum/);
    expect(Date.now() - start).toBeLessThan(10_000);
  });

  it('the old hang, --users 2M --requests-per-user 1e17, now ends at once', async () => {
    const start = Date.now();
    oneLine(await cli(['plan', '--users', '2M', '--requests-per-user', '1e17', '--no-simulate']));
    expect(Date.now() - start).toBeLessThan(2000);
  });

  it('SOURCE_DATE_EPOCH out of range is exit 2, not a RangeError', async () => {
    for (const value of ['99999999999999', '-5', '1e400', 'soon']) {
      const r = await cli(['plan', '--users', '5k', '--no-simulate'], {
        env: { NO_COLOR: '1', SOURCE_DATE_EPOCH: value },
      });
      oneLine(r);
      expect(r.err).toMatch(/SOURCE_DATE_EPOCH: expected whole seconds since 1970/);
    }
  });
});

describe('usage errors are one line with one prefix', () => {
  it('an unknown command typed before options suggests the command, not "unknown option"', async () => {
    const r = await cli(['plna', '--users', '5k']);
    oneLine(r);
    expect(r.err).toBe('capacity-plan: unknown command "plna" (did you mean plan?): see `capacity-plan --help`\n');
  });

  it("commander's own errors carry our prefix and stay on one line", async () => {
    const typo = await cli(['plan', '--usrs', '5']);
    oneLine(typo);
    expect(typo.err).toBe("capacity-plan: unknown option '--usrs' (Did you mean --users?)\n");
    const missing = await cli(['plan', '--users']);
    oneLine(missing);
    expect(missing.err).toBe("capacity-plan: option '--users <n>' argument missing\n");
  });
});

describe('the fleet search ends for every double', () => {
  it('fleet sizing answers at once for every double: a count, or exit 2 past the planner maximum', () => {
    const instance = {
      id: 'x',
      kind: 'compute',
      unit: 'hour',
      price: 1,
      vcpus: 4,
      memoryGb: 16,
      source: 's',
      date: '2026-01-01',
      confidence: 'V',
    } as const;
    for (const rps of [0, 1e-300, 1e-9, 0.5, 1, 37.3, 1e3, 1e6, 2 ** 53, 1e300, Number.MAX_VALUE]) {
      for (const zones of [1, 2, 3]) {
        try {
          const fleet = sizeFleet(instance, { rps, serviceTimeMs: 50, latencyTargetMs: 500 }, zones, 1);
          expect(Number.isInteger(fleet.servers)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(PlanInputError);
        }
      }
    }
  });
});

describe('gates cannot be fooled', () => {
  it('a non-finite or absurd figure anywhere in a plan is found, with its path', () => {
    const plan = planOf({ users: 50_000, simulate: false });
    expect(badFigures(plan)).toEqual([]);
    const broken = structuredClone(plan);
    broken.cost.monthly.expected = Number.NaN;
    (broken.cost.lineItems[0] as { monthly: number }).monthly = Number.POSITIVE_INFINITY;
    expect(badFigures(broken).map((b) => b.path)).toEqual(['cost.monthly.expected', 'cost.lineItems.0.monthly']);
    expect(() => checkPlanFigures(broken)).toThrow(/cost\.monthly\.expected would be \$NaN/);
    const huge = structuredClone(plan);
    huge.demand.egressGbPerMonth = 1e300;
    expect(() => checkPlanFigures(huge)).toThrow(/demand\.egressGbPerMonth would be 1\.00e\+300/);
  });

  it('a bill of $1e15 from inputs within their limits is exit 2 naming --payload-kb, not a plan that passes a budget', async () => {
    const r = await cli([
      'plan',
      ...['--users', '10B', '--payload-kb', '1e6', '--requests-per-user', '100k', '--service-time', '0.001'],
      ...['--max-monthly-cost', '1', '--no-simulate'],
    ]);
    oneLine(r);
    expect(r.err).toMatch(
      /--payload-kb: the plan's demand\.egressGbPerMonth would be 6\.08e\+15, past the planner's limit of 1\.00e\+15/,
    );
  });

  it('the budget fails closed: NaN, Infinity and an over-budget figure all fail; equal passes', () => {
    expect(budgetFailure(Number.NaN, 1000, 'the expected', '--max-monthly-cost')?.exitCode).toBe(3);
    expect(budgetFailure(Number.POSITIVE_INFINITY, 1000, 'the expected', '--max-monthly-cost')).not.toBeNull();
    expect(budgetFailure(1000.01, 1000, 'the expected', '--max-monthly-cost')).not.toBeNull();
    expect(budgetFailure(1000, 1000, 'the expected', '--max-monthly-cost')).toBeNull();
    expect(budgetFailure(5, Number.NaN, 'the expected', '--max-monthly-cost')).not.toBeNull();
  });

  it('--max-increase handles a zero or negative base and a negative limit', () => {
    expect(increasePercent(0, 0)).toBe(0);
    expect(increasePercent(0, 10)).toBe(Number.POSITIVE_INFINITY);
    expect(increasePercent(-5, 10)).toBe(Number.POSITIVE_INFINITY);
    expect(increasePercent(100, 50)).toBe(-50);
    expect(increaseFailure(0, 10, 10)?.message).toMatch(
      /rises from \$0\.00 to \$10\.00 \(no percentage of a base of \$0\.00\)/,
    );
    expect(increaseFailure(0, 0, 0)).toBeNull();
    expect(increaseFailure(100, 95, -10)?.message).toMatch(/rises -5 %, more than --max-increase -10 %/);
    expect(increaseFailure(100, 85, -10)).toBeNull();
    expect(increaseFailure(100, Number.NaN, 10)?.message).toMatch(/not a number/);
  });

  it('diff gates on plan documents: a base of $0 with any rise fails, a tampered NaN is exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-gates-'));
    const plan = (await cli(['plan', '--users', '50k', '--json', '--no-simulate'])).out;
    const base = JSON.parse(plan);
    base.cost.monthly.expected = 0;
    writeFileSync(join(dir, 'base.json'), JSON.stringify(base));
    writeFileSync(join(dir, 'head.json'), plan);
    const zero = await cli(['diff', 'base.json', 'head.json', '--max-increase', '10'], { cwd: dir });
    expect(zero.code).toBe(3);
    expect(zero.err).toMatch(/^capacity-plan: cost gate failed: the expected monthly cost rises from \$0\.00 to/);
    const negative = await cli(['diff', 'head.json', 'head.json', '--max-increase', '-5'], { cwd: dir });
    expect(negative.code).toBe(3);
    expect((await cli(['diff', 'head.json', 'head.json', '--max-increase', '-101'], { cwd: dir })).code).toBe(2);
    const absurd = JSON.parse(plan);
    absurd.cost.monthly.expected = 1e300;
    writeFileSync(join(dir, 'absurd.json'), JSON.stringify(absurd));
    const r = await cli(['diff', 'head.json', 'absurd.json', '--max-monthly-cost', '1000'], { cwd: dir });
    oneLine(r);
    expect(r.err).toMatch(/absurd\.json: cost\.monthly\.expected is 1e\+300, not a figure a plan can hold/);
    // JSON cannot say NaN or Infinity: 1e400 reads as Infinity, which the plan schema refuses.
    writeFileSync(join(dir, 'inf.json'), plan.replace(/"expected": [\d.]+/, '"expected": 1e400'));
    const inf = await cli(['diff', 'head.json', 'inf.json', '--max-monthly-cost', '1000'], { cwd: dir });
    oneLine(inf);
    expect(inf.err).toMatch(/inf\.json: not a plan document of this version/);
  });
});
