import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/run.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import type { Choice, Prompter } from '../../src/cli/wizard/prompter.js';

/** A Prompter that answers from a script, checking each answer with the prompt's own validation as a person would see it. */
class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  readonly rejected: { message: string; answer: string; error: string }[] = [];
  readonly choicesSeen = new Map<string, Choice<unknown>[]>();
  constructor(private readonly answers: unknown[]) {}
  private next(message: string): unknown {
    this.asked.push(message);
    if (this.answers.length === 0) throw new Error(`no scripted answer for: ${message}`);
    const answer = this.answers.shift();
    if (answer instanceof Error) throw answer;
    return answer;
  }
  async input(q: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string> {
    for (;;) {
      const answer = this.next(q.message);
      const value = answer === undefined ? (q.default ?? '') : String(answer);
      const verdict = q.validate?.(value) ?? true;
      if (verdict === true) return value;
      this.rejected.push({ message: q.message, answer: value, error: verdict });
    }
  }
  async select<T>(q: { message: string; choices: Choice<T>[]; default?: T }): Promise<T> {
    this.choicesSeen.set(q.message, q.choices as Choice<unknown>[]);
    const answer = this.next(q.message);
    return (answer === undefined ? q.default : answer) as T;
  }
  async confirm(q: { message: string; default?: boolean }): Promise<boolean> {
    const answer = this.next(q.message);
    return (answer === undefined ? q.default : answer) as boolean;
  }
}

const interrupt = () =>
  Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });

async function wizard(answers: unknown[], opts: { cwd?: string; env?: Record<string, string>; argv?: string[] } = {}) {
  const prompter = new ScriptedPrompter(answers);
  let out = '';
  let err = '';
  const cwd = opts.cwd ?? mkdtempSync(join(tmpdir(), 'capacity-plan-wizard-'));
  const code = await run(opts.argv ?? [], {
    stdout: { write: (s: string) => (out += s), isTTY: true },
    stderr: { write: (s: string) => (err += s), isTTY: true },
    env: opts.env ?? { NO_COLOR: '1' },
    stdinIsTTY: true,
    cwd,
    prompter,
  });
  return { code, out, err, cwd, prompter };
}

// users, profile, stateful, durations, mixed hardware, availability, provider, region, growth, budget, commitment, arch, cache engine, save?, [file name], export target, [folder]
const DEFAULTS = [
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
  undefined,
];

describe('the wizard', () => {
  it('asks the number of monthly users first, then the profile with its numbers, and ends with the plan', async () => {
    const r = await wizard([...DEFAULTS, false, 'none']);
    expect(r.code).toBe(0);
    expect(r.prompter.asked[0]).toMatch(/monthly active users/);
    expect(r.prompter.asked[1]).toMatch(/traffic profile/);
    const profiles = r.prompter.choicesSeen.get(r.prompter.asked[1]!)!;
    expect(profiles.map((c) => c.value)).toEqual(['web-app', 'saas', 'api', 'ecommerce', 'social', 'media']);
    expect(profiles[0]!.description).toMatch(/20 % of users daily · 100 requests each · peak 3× average · 50 ms/);
    expect(r.prompter.asked).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/keep state on the server/),
        expect.stringMatching(/durations vary/),
        expect.stringMatching(/different sizes/),
        expect.stringMatching(/Availability target/),
        expect.stringMatching(/priced/),
        expect.stringMatching(/region/),
        expect.stringMatching(/growth/),
        expect.stringMatching(/budget/),
      ]),
    );
    expect(r.out).toMatch(/capacity-plan — 50k monthly users · web-app profile · AWS us-east-1/);
    expect(r.out).toMatch(/\$[\d,]+\/month expected/);
  });

  it('takes a single value or a range of users; a range plans the Monte Carlo and saves the range', async () => {
    const bad = await wizard(['80k..40k', '40k..80k', ...DEFAULTS.slice(1), true, 'plan.yaml', 'none']);
    expect(bad.prompter.asked[0]).toMatch(/A single value or a range/);
    expect(bad.prompter.rejected[0]!.error).toMatch(/the low end \(80000\) must be below the high end/);
    expect(bad.code).toBe(0);
    expect(bad.out).toMatch(/Ranges — 1,000 samples \(seed 1\)/);
    expect(bad.out).toMatch(/Sensitivity/);
    const saved = readFileSync(join(bad.cwd, 'plan.yaml'), 'utf8');
    expect(parse(saved)).toMatchObject({ users: '40k..80k' });
    expect(saved).toMatch(/# 40k..80k users/);
  });

  it('a range of users exports the recommended design it showed (it used to fail re-planning the range)', async () => {
    const r = await wizard(['40k..80k', ...DEFAULTS.slice(1), false, 'architecture', 'infra']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/wrote infra\/architecture\.yaml/);
    const spec = parse(readFileSync(join(r.cwd, 'infra', 'architecture.yaml'), 'utf8')).spec;
    expect(spec.regions[0].compute.instances.expected).toBeGreaterThan(0);
    expect(r.out).toMatch(/Ranges — 1,000 samples/);
  });

  it('shows the downtime each availability target allows', async () => {
    const r = await wizard([...DEFAULTS, false, 'none']);
    const choices = r.prompter.choicesSeen.get(r.prompter.asked.find((m) => /Availability/.test(m))!)!;
    expect(choices.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^99\.9 % — about 43\.8\d? minutes of downtime a month$/),
        expect.stringMatching(/^99\.99 % — about 4\.38 minutes/),
      ]),
    );
  });

  it('validates each answer with the input schema and shows the error inline', async () => {
    const r = await wizard(['lots', '-5', '250k', ...DEFAULTS.slice(1), false, 'none']);
    expect(r.code).toBe(0);
    expect(r.prompter.rejected.map((x) => x.error)).toEqual([
      'expected a user count such as 50000, 250k or 1.5M',
      'must be at least 1',
    ]);
    expect(r.out).toMatch(/250k monthly users/);
  });

  it('the answers become the same input as flags: the saved file plans exactly like the wizard did', async () => {
    const answers = [
      '1.5M',
      'saas',
      true,
      'variable',
      false,
      99.95,
      'aws',
      'us-east-1',
      '10',
      '12',
      '20000',
      '3y',
      'arm',
      'valkey',
      true,
      'capacity-plan.yaml',
      'none',
    ];
    const r = await wizard(answers);
    expect(r.code).toBe(0);
    const text = readFileSync(join(r.cwd, 'capacity-plan.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=\.\/node_modules\/capacity-plan\/schemas\/input\.schema\.json$/,
    );
    expect(parse(text)).toMatchObject({
      users: '1.5M',
      profile: 'saas',
      stateful: true,
      availability: 99.95,
      growth: 10,
      months: 12,
      maxMonthlyCost: 20000,
      commitment: '3y',
      arch: 'arm',
      cacheEngine: 'valkey',
    });
    let out = '';
    // The file's budget is blown (exit 3 prints nothing on stdout): a flag lifts it, flags override the file.
    await run(['plan', '--input', 'capacity-plan.yaml', '--format', 'table', '-q', '--max-monthly-cost', '1e9'], {
      stdout: { write: (s: string) => (out += s), isTTY: true },
      stderr: { write: () => true },
      env: { NO_COLOR: '1' },
      stdinIsTTY: false,
      cwd: r.cwd,
    });
    expect(out.split('The cost of each extra nine')[0]).toBe(r.out.split('The cost of each extra nine')[0]);
  });

  it('never replaces an existing file without asking, and keeps it when told no', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'capacity-plan-wizard-'));
    writeFileSync(join(cwd, 'capacity-plan.yaml'), 'users: 7\n');
    const r = await wizard([...DEFAULTS, true, 'capacity-plan.yaml', false, '', 'none'], { cwd });
    expect(r.prompter.asked).toContain('capacity-plan.yaml exists. Replace it?');
    expect(r.err).toMatch(/saved nothing: the existing file is as it was/);
    expect(readFileSync(join(cwd, 'capacity-plan.yaml'), 'utf8')).toBe('users: 7\n');
    const again = await wizard([...DEFAULTS, true, 'capacity-plan.yaml', true, 'none'], { cwd });
    expect(again.code).toBe(0);
    expect(readFileSync(join(cwd, 'capacity-plan.yaml'), 'utf8')).toMatch(/users: 50k/);
  });

  it('declining to replace offers another name instead of dropping the answers', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'capacity-plan-wizard-'));
    writeFileSync(join(cwd, 'capacity-plan.yaml'), 'users: 7\n');
    writeFileSync(join(cwd, 'capacity-plan-2.yaml'), 'users: 8\n');
    const r = await wizard([...DEFAULTS, true, 'capacity-plan.yaml', false, undefined, 'none'], { cwd });
    expect(r.code).toBe(0);
    expect(r.prompter.asked).toContain(
      'Save the answers under another name? (blank keeps capacity-plan.yaml as it is and saves nothing)',
    );
    expect(r.err).toMatch(/wrote capacity-plan-3\.yaml/);
    expect(parse(readFileSync(join(cwd, 'capacity-plan-3.yaml'), 'utf8'))).toMatchObject({ users: '50k' });
    expect(readFileSync(join(cwd, 'capacity-plan.yaml'), 'utf8')).toBe('users: 7\n');
    expect(readFileSync(join(cwd, 'capacity-plan-2.yaml'), 'utf8')).toBe('users: 8\n');
  });

  it("offers the catalog's regions as a list, and takes growth as 15%", async () => {
    const answers: unknown[] = [...DEFAULTS];
    answers[6] = 'gcp';
    answers[8] = '15%';
    const r = await wizard([
      ...answers.slice(0, 9),
      '24',
      undefined,
      undefined,
      undefined,
      undefined,
      true,
      'capacity-plan.yaml',
      'none',
    ]);
    expect(r.err).not.toMatch(/capacity-plan: /);
    expect(r.code).toBe(0);
    expect(r.prompter.rejected).toEqual([]);
    const regions = r.prompter.choicesSeen.get('Home region')!;
    expect(regions.map((c) => c.value)).toEqual(Object.keys(bundledCatalogs().gcp!.regions));
    expect(regions[0]!.name).toMatch(/^us-central1 +\S/);
    expect(parse(readFileSync(join(r.cwd, 'capacity-plan.yaml'), 'utf8'))).toMatchObject({
      provider: 'gcp',
      growth: 15,
      months: 24,
    });
    expect(r.out).toMatch(/Growth — 15 % a month/);
  });

  it('offers to export, and asks before replacing exported files', async () => {
    const r = await wizard([...DEFAULTS, false, 'all', 'infra']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(r.cwd, 'infra')).sort()).toEqual([
      'architecture.yaml',
      'cloudformation',
      'compose',
      'infracost-usage.yml',
      'kubernetes',
    ]);
    const before = readFileSync(join(r.cwd, 'infra', 'architecture.yaml'), 'utf8');
    const second = await wizard(['5M', ...DEFAULTS.slice(1), false, 'architecture', 'infra', false], { cwd: r.cwd });
    expect(second.prompter.asked.at(-1)).toMatch(/1 file already exist/);
    expect(readFileSync(join(r.cwd, 'infra', 'architecture.yaml'), 'utf8')).toBe(before);
  });

  it('Ctrl-C: one line, exit 130, nothing written', async () => {
    // Prompts in order: 13 questions, save?, file name, export target, folder. The file exists only once its name was given.
    for (let at = 0; at < 17; at++) {
      const answers: unknown[] = [...DEFAULTS, true, 'capacity-plan.yaml', 'all', 'infra'].slice(0, at);
      answers.push(interrupt());
      const r = await wizard(answers);
      expect(r.code).toBe(130);
      expect(r.err.trim().split('\n').at(-1)).toBe('capacity-plan: interrupted (no file is left half-written)');
      expect(readdirSync(r.cwd)).toEqual(at >= 15 ? ['capacity-plan.yaml'] : []);
    }
  });

  it('explicit `wizard` works too; without a terminal, with CI set or with --no-input it exits 2 at once naming `plan`', async () => {
    expect((await wizard([...DEFAULTS, false, 'none'], { argv: ['wizard'] })).code).toBe(0);
    for (const [argv, env] of [
      [[], { CI: 'true' }],
      [['--no-input'], {}],
      [['wizard', '--no-input'], {}],
      [['wizard'], { CI: '1' }],
    ] as [string[], Record<string, string>][]) {
      const r = await wizard([], { argv, env });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/capacity-plan plan --users/);
      expect(r.prompter.asked).toEqual([]);
    }
  });
});
