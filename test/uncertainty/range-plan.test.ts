import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../../src/core/plan-schema.js';
import { cli } from '../helpers.js';

const json = (out: string) => JSON.parse(out) as ReturnType<typeof planSchema.parse>;

describe('plan over ranges', () => {
  it('reports cost p10/p50/p90, tiers and designs, a recommendation and a tornado; same seed, same bytes', async () => {
    const argv = ['plan', '--users', '40k..80k', '--service-time', '20..80', '--seed', '3', '--format', 'json'];
    const a = await cli(argv);
    const b = await cli(argv);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const plan = planSchema.parse(JSON.parse(a.out));
    const u = plan.uncertainty!;
    expect(u.samples).toBe(1000);
    expect(u.seed).toBe(3);
    expect(u.inputs.map((i) => [i.field, i.distribution])).toEqual([
      ['users', 'lognormal'],
      ['serviceTime', 'lognormal'],
    ]);
    expect(u.cost.p10).toBeLessThan(u.cost.p50);
    expect(u.cost.p50).toBeLessThan(u.cost.p90);
    expect(u.scenarios.map((s) => s.percentile)).toEqual([10, 50, 90]);
    expect(u.tiers.reduce((a, t) => a + t.samples, 0) + u.refused.samples).toBe(1000);
    expect(u.designs.reduce((a, d) => a + d.share, 0)).toBeCloseTo(1 - u.refused.share, 3);
    const swings = u.tornado.rows.map((r) => r.swing);
    expect(swings).toEqual([...swings].sort((x, y) => y - x));
    expect(u.tornado.rows[0]!.field).toBe('users');
    // the full plan is the recommended design at its scenario
    expect(plan.cost.monthly.expected).toBeCloseTo(u.recommendation.monthlyCost, 0);
    expect(plan.input.users).toBe(u.scenarios.find((s) => s.percentile === u.recommendation.percentile)!.inputs.users);
    const other = await cli([...argv.slice(0, 5), '--seed', '4', '--format', 'json']);
    expect(json(other.out).uncertainty!.cost).not.toEqual(u.cost);
  });

  it('prints the same document as YAML, and a table and markdown chart', async () => {
    const base = ['plan', '--users', '40k..80k', '--payload-kb', '30..150', '--samples', '200'];
    const j = await cli([...base, '--format', 'json']);
    const y = await cli([...base, '--format', 'yaml']);
    expect(parse(y.out)).toEqual(JSON.parse(j.out));
    const t = await cli(base);
    expect(t.out).toMatch(/Ranges — 200 samples \(seed 1\)/);
    expect(t.out).toMatch(/Monthly cost {2}p10 \$[\d,]+ · p50 \$[\d,]+ · p90 \$[\d,]+/);
    expect(t.out).toMatch(/Sensitivity/);
    expect(t.out.split('\n').filter((l) => l.includes('█')).length).toBeGreaterThanOrEqual(1);
    const m = await cli([...base, '--format', 'markdown']);
    expect(m.out).toMatch(/\*\*Sensitivity \(tornado\)\*\*/);
    expect(m.out).toMatch(/```text\n.*█/);
    expect(m.out).toMatch(/\| p90 \| \$[\d,]+ \|/);
  });

  it('reads ranges from the input file, as text or as {low, high, distribution}', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-ranges-'));
    writeFileSync(
      join(dir, 'plan.yaml'),
      'users: 40k..80k\nserviceTime:\n  low: 20\n  high: 80\n  distribution: normal\nsamples: 100\nseed: 9\n',
    );
    const r = await cli(['plan', '--input', 'plan.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const u = json(r.out).uncertainty!;
    expect(u.samples).toBe(100);
    expect(u.seed).toBe(9);
    expect(u.inputs.find((i) => i.field === 'serviceTime')!.distribution).toBe('normal');
  });

  it.each([
    [['--availability', '99.9..99.99'], /^capacity-plan: --availability: takes one value, not a range/],
    [['--users', '80k..40k'], /^capacity-plan: --users: 80k..40k: the low end/],
    [['--dau-ratio', '0.1..1.5'], /^capacity-plan: --dau-ratio: 0.1..1.5: the high end 1.5: must be a share/],
    [['--users', '40k..80k', '--samples', 'many'], /^capacity-plan: --samples: expected a whole number/],
  ])('bad range input %j is exit 2 with one line naming the flag', async (extra, message) => {
    const r = await cli(['plan', '--users', '50k', ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('counts the samples the planner refuses and still plans the rest', async () => {
    const r = await cli([
      'plan',
      '--users',
      '50k',
      '--service-time',
      '60..400',
      '--samples',
      '100',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const u = json(r.out).uncertainty!;
    expect(u.refused.samples).toBeGreaterThan(0);
    expect(u.refused.example).toMatch(/p95 target of 500 ms cannot be met/);
    expect(u.recommendation.risk).toMatch(/cannot be planned at all/);
  });

  it('a budget under the p90 cost recommends the dearest design within it, with the risk', async () => {
    const probe = json(
      (await cli(['plan', '--users', '40k..400k', '--samples', '100', '--format', 'json'])).out,
    ).uncertainty!;
    const budget = Math.round((probe.cost.p50 + probe.cost.p90) / 2);
    const r = await cli([
      'plan',
      '--users',
      '40k..400k',
      '--samples',
      '100',
      '--max-monthly-cost',
      String(budget),
      '--format',
      'json',
    ]);
    const u = json(r.out).uncertainty!;
    expect(u.recommendation.percentile).toBe(50);
    expect(u.recommendation.reasons.join(' ')).toMatch(/over the \$[\d,]+ budget/);
    expect(r.code).toBe(0);
  });
});
