import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../../src/core/plan-schema.js';
import { cli, planOf } from '../helpers.js';

const dir = () => mkdtempSync(join(tmpdir(), 'capacity-plan-sd-'));
const compile = async (kind: string) =>
  new Ajv2020({ strict: false }).compile(JSON.parse((await cli(['schema', kind])).out));

describe('capacity-plan schema', () => {
  it('input: accepts what the input schema accepts, including humane numbers and region maps; rejects the rest', async () => {
    const validate = await compile('input');
    for (const ok of [
      { users: 50000 },
      { users: '250k', availability: 99.95 },
      { users: '1.5M', regions: 'us-east-1=60,eu-west-1=40' },
      { users: 5, regions: { 'us-east-1': 100 } },
    ])
      expect(validate(ok), JSON.stringify(validate.errors)).toBe(true);
    for (const bad of [
      { users: 'lots' },
      { users: 5, colour: 'blue' },
      { users: 5, availability: 150 },
      { users: 5, profile: 'blog' },
    ])
      expect(validate(bad)).toBe(false);
  });
  it('input: takes the ranges, samples and seed that plan, export and diff take (the wizard and calibrate write them)', async () => {
    const validate = await compile('input');
    for (const ok of [
      { users: '40k..80k' },
      { users: '40k..80k', seed: 2, samples: 500 },
      { users: 50000, peakFactor: '1.196..1.954' },
      { users: 50000, serviceTime: '20..80 uniform', dauRatio: { low: 0.1, high: 0.3, distribution: 'logit-normal' } },
      { users: '1M\u20263M' },
    ])
      expect(validate(ok), `${JSON.stringify(ok)}: ${JSON.stringify(validate.errors)}`).toBe(true);
    for (const bad of [
      { users: 50000, availability: '99.9..99.99' },
      { users: 50000, seed: -1 },
      { users: 50000, samples: 5 },
      { users: { low: 1, high: 2, shape: 'x' } },
    ])
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
  });
  it('plan: every golden plan validates, and the zod schema agrees', async () => {
    const validate = await compile('plan');
    const goldens = readdirSync('test/golden').filter((f) => f.endsWith('.json'));
    expect(goldens.length).toBeGreaterThan(5);
    for (const f of goldens) {
      const plan = JSON.parse(readFileSync(join('test/golden', f), 'utf8'));
      expect(validate(plan), `${f}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
      expect(planSchema.safeParse(plan).success).toBe(true);
    }
    expect(validate({ ...planOf({ users: 5000 }), schemaVersion: 2 })).toBe(false);
  });
  it("architecture: a JSON Schema with an $id matching the files' yaml-language-server line", async () => {
    const r = await cli(['schema', 'architecture']);
    expect(JSON.parse(r.out).$id).toMatch(/\/schemas\/architecture\.schema\.json$/);
  });
  it('an unknown kind is exit 2', async () => {
    const r = await cli(['schema', 'terraform']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown schema "terraform": expected one of input, plan, architecture/);
  });
});

describe('capacity-plan diff', () => {
  const files = () => {
    const d = dir();
    writeFileSync(join(d, 'base.yaml'), 'users: 50000\n');
    writeFileSync(join(d, 'head.yaml'), 'users: 500000\n');
    return d;
  };
  it('two input files: design changes and cost line by line, with the total delta and percentage', async () => {
    const d = files();
    const r = await cli(['diff', 'base.yaml', 'head.yaml', '--json'], { cwd: d });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const base = planOf({ users: 50000 });
    const head = planOf({ users: 500000 });
    expect(j.design.find((c: { field: string }) => c.field === 'tier.id')).toMatchObject({
      base: 'cached-replicas',
      head: 'horizontal',
    });
    expect(j.cost.delta).toBeCloseTo(head.cost.monthly.expected - base.cost.monthly.expected, 1);
    expect(j.cost.percent).toBeCloseTo(
      ((head.cost.monthly.expected - base.cost.monthly.expected) / base.cost.monthly.expected) * 100,
      0,
    );
    const lines = j.cost.lines.reduce((a: number, l: { delta: number }) => a + l.delta, 0);
    expect(lines).toBeCloseTo(j.cost.delta, 0);
  });
  it('plan JSON files work as well as input files, and the same plan shows no change', async () => {
    const d = files();
    await cli(['plan', '--input', 'base.yaml', '--json', '-o', 'base.json'], { cwd: d });
    const r = await cli(['diff', 'base.json', 'base.yaml'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\(±\$0, ±0 %\); no design change/);
  });
  it('table and markdown both show the money', async () => {
    const d = files();
    expect((await cli(['diff', 'base.yaml', 'head.yaml'], { cwd: d })).out).toMatch(
      /Total expected \$[\d,.]+ → \$[\d,.]+ \(\+\$/,
    );
    const md = (await cli(['diff', 'base.yaml', 'head.yaml', '--format', 'markdown'], { cwd: d })).out;
    expect(md).toMatch(/^### capacity-plan diff: \$/);
    expect(md).toMatch(/\| cost line \| what \|/);
  });
  it('gates: --max-increase and --max-monthly-cost are exit 3 with nothing on stdout (-o still writes the diff)', async () => {
    const d = files();
    const a = await cli(['diff', 'base.yaml', 'head.yaml', '--max-increase', '10'], { cwd: d });
    expect(a.code).toBe(3);
    expect(a.out).toBe('');
    const o = await cli(['diff', 'base.yaml', 'head.yaml', '--max-increase', '10', '-o', 'diff.txt'], { cwd: d });
    expect(o.code).toBe(3);
    expect(readFileSync(join(d, 'diff.txt'), 'utf8')).toMatch(/Total expected/);
    expect(a.err).toMatch(/cost gate failed: the expected monthly cost rises [\d.]+ %, more than --max-increase 10 %/);
    expect((await cli(['diff', 'base.yaml', 'head.yaml', '--max-monthly-cost', '100'], { cwd: d })).code).toBe(3);
    expect(
      (
        await cli(['diff', 'base.yaml', 'head.yaml', '--max-increase', '100000', '--max-monthly-cost', '1M'], {
          cwd: d,
        })
      ).code,
    ).toBe(0);
  });
  it.each([
    [['diff', 'base.yaml', 'missing.yaml'], /missing.yaml: no such file/],
    [['diff', 'base.yaml', 'bad.yaml'], /bad.yaml: users: expected a user count/],
    [['diff', 'base.yaml', 'head.yaml', '--format', 'pdf'], /--format: expected one of table, json, markdown/],
    [['diff', 'base.yaml', 'head.yaml', '--max-increase', 'lots'], /--max-increase: expected a number/],
    [['diff', 'base.yaml'], /missing required argument 'head'/],
  ])('%j is exit 2 naming the file or flag', async (args, message) => {
    const d = files();
    writeFileSync(join(d, 'bad.yaml'), 'users: lots\n');
    const r = await cli(args, { cwd: d });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('diff reads its flags as plan does', () => {
  it.each([
    [['--max-monthly-cost', '0'], 'capacity-plan: --max-monthly-cost: must be greater than 0\n'],
    [['--json', '--format', 'markdown'], 'capacity-plan: --json and --format markdown disagree: pick one\n'],
  ])('%j is exit 2 with one line, before any file is read', async (flags, line) => {
    const r = await cli(['diff', 'missing-a.yaml', 'missing-b.yaml', ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(line);
  });
});
