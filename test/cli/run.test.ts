import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli } from '../helpers.js';

const stackTrace = /\n\s+at .+:\d+:\d+/;
const dir = () => mkdtempSync(join(tmpdir(), 'capacity-plan-test-'));

describe('capacity-plan (no command)', () => {
  it('with no terminal exits 2 at once with a hint to use plan', async () => {
    const r = await cli([]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/capacity-plan plan --users/);
    expect(r.out).toBe('');
  });
  it('with CI set exits 2 even on a terminal', async () => {
    const r = await cli([], { tty: true, env: { CI: 'true' } });
    expect(r.code).toBe(2);
  });
  it('--version prints the version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it('--help leads with examples and lists the exit codes', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Examples:/);
    expect(r.out).toMatch(/Exit codes: 0 ok/);
    expect(r.out).toMatch(/plan/);
  });
  it('an unknown command is exit 2 with a suggestion', async () => {
    const r = await cli(['plna']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/plan/);
  });
});

describe('capacity-plan plan', () => {
  it('prints a table by default, with no colour codes on a pipe', async () => {
    const r = await cli(['plan', '--users', '50000'], { env: {} });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/cached-replicas/);
    expect(r.out).toMatch(/\$[\d,]+\/month expected/);
    expect(r.out).not.toMatch(/\u001b\[/);
  });
  it('colours a terminal unless NO_COLOR or --no-color', async () => {
    expect((await cli(['plan', '--users', '50k'], { tty: true, env: {} })).out).toMatch(/\u001b\[/);
    expect((await cli(['plan', '--users', '50k'], { tty: true, env: { NO_COLOR: '1' } })).out).not.toMatch(/\u001b\[/);
    expect((await cli(['plan', '--users', '50k', '--no-color'], { tty: true, env: {} })).out).not.toMatch(/\u001b\[/);
    expect((await cli(['plan', '--users', '50k'], { tty: true, env: { TERM: 'dumb' } })).out).not.toMatch(/\u001b\[/);
  });
  it('-q leaves out the reasons', async () => {
    const full = await cli(['plan', '--users', '50k']);
    const quiet = await cli(['plan', '--users', '50k', '-q']);
    expect(quiet.out.length).toBeLessThan(full.out.length);
    expect(quiet.out).not.toMatch(/Assumptions/);
  });
  it('--json and --format json give the same document; --format yaml is the same document', async () => {
    const a = await cli(['plan', '--users', '250k', '--json']);
    const b = await cli(['plan', '--users', '250k', '--format', 'json']);
    const y = await cli(['plan', '--users', '250k', '--format', 'yaml']);
    expect(a.out).toBe(b.out);
    expect(parse(y.out)).toEqual(JSON.parse(a.out));
    expect(JSON.parse(a.out).schemaVersion).toBe(1);
  });
  it('--format markdown is a PR comment: a summary line, tables, the reasoning folded', async () => {
    const r = await cli(['plan', '--users', '50k', '--format', 'markdown']);
    expect(r.out).toMatch(/^### capacity-plan: \$[\d,]+\/month expected/);
    expect(r.out).toMatch(/\| component \| what \|/);
    expect(r.out).toMatch(/<details>/);
  });
  it('the same input gives byte-identical output', async () => {
    const a = await cli(['plan', '--users', '120k', '--availability', '99.95', '--json']);
    const b = await cli(['plan', '--users', '120k', '--availability', '99.95', '--json']);
    expect(a.out).toBe(b.out);
  });
  it.each([
    [['--profile', 'saas'], (p: any) => p.input.profile === 'saas'],
    [['--dau-ratio', '0.5'], (p: any) => p.input.parameters.dauRatio === 0.5],
    [['--requests-per-user', '40'], (p: any) => p.input.parameters.requestsPerUser === 40],
    [['--peak-factor', '5'], (p: any) => p.input.parameters.peakFactor === 5],
    [['--read-ratio', '0.6'], (p: any) => p.input.parameters.readRatio === 0.6],
    [['--service-time', '120'], (p: any) => p.input.parameters.serviceTimeMs === 120],
    [['--payload-kb', '20'], (p: any) => p.input.parameters.payloadKb === 20],
    [['--storage-per-user-mb', '100'], (p: any) => p.input.parameters.storagePerUserMb === 100],
    [['--latency-target', '900'], (p: any) => p.input.parameters.latencyTargetMs === 900],
    [['--availability', '99.9'], (p: any) => p.availability.target === 99.9],
    [['--provider', 'aws'], (p: any) => p.cost.pricing.provider === 'aws'],
    [['--region', 'us-east-1'], (p: any) => p.cost.pricing.region === 'us-east-1'],
    [['--regions', 'us-east-1=60,eu-west-1=40'], (p: any) => p.availability.regions.length === 2],
    [['--stateful'], (p: any) => p.loadBalancing.strategy === 'ip-hash'],
    [['--request-durations', 'variable'], (p: any) => p.loadBalancing.strategy === 'least-connections'],
    [['--mixed-hardware'], (p: any) => p.loadBalancing.strategy === 'weighted'],
    [['--deploy', 'canary'], (p: any) => p.deployment.strategy === 'canary'],
    [['--deploys-per-month', '4'], (p: any) => p.deployment.deploysPerMonth === 4],
    [['--growth', '10', '--months', '6'], (p: any) => p.projection.months.length === 7],
    [['--commitment', '3y'], (p: any) => p.cost.buying.commitment === '3y'],
    [['--spot', '0.5'], (p: any) => p.cost.buying.spotShare === 0.5],
    [['--discount', '12'], (p: any) => p.cost.buying.discountPercent === 12],
    [['--max-monthly-cost', '1000000'], (p: any) => p.schemaVersion === 1],
  ])('%j is honoured', async (flags, holds) => {
    const r = await cli(['plan', '--users', '50k', ...flags, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(holds(JSON.parse(r.out))).toBe(true);
  });
});

describe('exit codes and error lines', () => {
  it.each([
    [['--users', '-5'], /--users: must be at least 1/],
    [['--users', 'abc'], /--users: expected a user count/],
    [['--users', '0'], /--users/],
    [['--users', '2.5'], /--users: must be a whole number/],
    [['--users', '1000', '--availability', '150'], /--availability: must be below 100/],
    [['--users', '1000', '--provider', 'moon'], /--provider: expected aws, gcp, azure or all/],
    [['--users', '1000', '--format', 'pdf'], /--format: expected one of table, json, yaml, markdown/],
    [['--users', '1000', '--regions', 'us-east-1=70,eu-west-1=70'], /--regions: the shares add up to 140, not 100/],
    [['--users', '1000', '--regions', 'nonsense'], /--regions/],
    [['--users', '1000', '--profile', 'blog'], /--profile: expected one of web-app/],
    [['--users', '1000', '--spot', '2'], /--spot: must be a share/],
    [['--users', '1000', '--region', 'mars-north-1'], /--region: no aws prices for region mars-north-1/],
    [['--users', '1000', '--service-time', '800'], /--service-time: a p95 target of 500 ms cannot be met/],
    [['--users', '1000', '--json', '--format', 'yaml'], /--json and --format yaml disagree/],
    [[], /missing --users/],
    [['--users'], /argument missing/],
    [['--user', '5'], /unknown option/],
  ])('plan %j is exit 2 with one line naming the flag', async (args, message) => {
    const r = await cli(['plan', ...args]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(stackTrace);
  });
  it('a blown budget is exit 3 with one line on stderr and nothing on stdout; -o still writes the plan', async () => {
    const r = await cli(['plan', '--users', '500k', '--max-monthly-cost', '10']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(
      /^capacity-plan: budget gate failed: the expected \$[\d,]+\.\d\d\/month is over the budget of \$10\.00 \(--max-monthly-cost\)\n$/,
    );
    expect(r.out).toBe('');
    const cwd = mkdtempSync(join(tmpdir(), 'cp-gate-'));
    const f = await cli(
      ['plan', '--users', '500k', '--max-monthly-cost', '10', '-q', '-o', 'plan.md', '--format', 'markdown'],
      { cwd },
    );
    expect(f.code).toBe(3);
    expect(readFileSync(join(cwd, 'plan.md'), 'utf8')).toMatch(/### capacity-plan/);
  });
  it('a budget that holds is exit 0', async () => {
    expect((await cli(['plan', '--users', '5000', '--max-monthly-cost', '100000'])).code).toBe(0);
  });
});

describe('--input files and the environment', () => {
  it('reads a plan-as-code file; flags override it', async () => {
    const d = dir();
    writeFileSync(join(d, 'capacity-plan.yaml'), 'users: 50000\navailability: 99.95\nprofile: saas\n');
    const fromFile = JSON.parse((await cli(['plan', '--input', 'capacity-plan.yaml', '--json'], { cwd: d })).out);
    const fromFlags = JSON.parse(
      (await cli(['plan', '--users', '50000', '--availability', '99.95', '--profile', 'saas', '--json'])).out,
    );
    expect(fromFile).toEqual(fromFlags);
    const overridden = JSON.parse(
      (await cli(['plan', '--input', 'capacity-plan.yaml', '--users', '500k', '--json'], { cwd: d })).out,
    );
    expect(overridden.input).toMatchObject({ users: 500_000, profile: 'saas', availability: 99.95 });
  });
  it('accepts kebab-case keys and humane numbers in the file', async () => {
    const d = dir();
    writeFileSync(join(d, 'in.yaml'), 'users: 1.5M\ndau-ratio: 0.1\nregions:\n  us-east-1: 60\n  eu-west-1: 40\n');
    const p = JSON.parse((await cli(['plan', '--input', 'in.yaml', '--json'], { cwd: d })).out);
    expect(p.input.users).toBe(1_500_000);
    expect(p.input.parameters.dauRatio).toBe(0.1);
    expect(p.availability.regions).toHaveLength(2);
  });
  it.each([
    ['users: lots\n', /in\.yaml: users: expected a user count/],
    ['users: 5000\ncolour: blue\n', /in\.yaml: unknown field "colour"/],
    ['users: 5000\navailability: 200\n', /in\.yaml: availability: must be below 100/],
    ['users: [1, 2\n', /in\.yaml: line \d+: not valid YAML/],
    ['- users\n', /in\.yaml: expected a mapping/],
    ['profile: saas\n', /in\.yaml: users is missing/],
    ['users: 1\nusers: 2\n', /in\.yaml: line 2: users is given twice/],
  ])('a bad file %j is exit 2 naming the field', async (text, message) => {
    const d = dir();
    writeFileSync(join(d, 'in.yaml'), text);
    const r = await cli(['plan', '--input', 'in.yaml'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
  it('a missing input file is exit 2', async () => {
    const r = await cli(['plan', '--input', 'nope.yaml'], { cwd: dir() });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--input nope.yaml: no such file/);
  });
  it('environment variables sit between the file and the flags', async () => {
    const d = dir();
    writeFileSync(join(d, 'in.yaml'), 'users: 50000\nprofile: saas\n');
    const env = { CAPACITY_PLAN_PROFILE: 'api', CAPACITY_PLAN_USERS: '20000' };
    const byEnv = JSON.parse((await cli(['plan', '--input', 'in.yaml', '--json'], { cwd: d, env })).out);
    expect(byEnv.input).toMatchObject({ profile: 'api', users: 20_000 });
    const byFlag = JSON.parse(
      (await cli(['plan', '--input', 'in.yaml', '--profile', 'media', '--json'], { cwd: d, env })).out,
    );
    expect(byFlag.input.profile).toBe('media');
  });
  it('a bad environment value names the variable', async () => {
    const r = await cli(['plan', '--users', '5000'], { env: { CAPACITY_PLAN_PROVIDER: 'moon' } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/CAPACITY_PLAN_PROVIDER: expected aws/);
  });
});

describe('-o writes files atomically', () => {
  it('writes the file, refuses to replace it without --force, replaces it with --force', async () => {
    const d = dir();
    const a = await cli(['plan', '--users', '5000', '--json', '-o', 'plan.json'], { cwd: d });
    expect(a.code).toBe(0);
    expect(a.out).toBe('');
    const first = readFileSync(join(d, 'plan.json'), 'utf8');
    expect(JSON.parse(first).tier.id).toBe('single-server');
    const b = await cli(['plan', '--users', '50000', '--json', '-o', 'plan.json'], { cwd: d });
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/plan.json already exists: pass --force/);
    expect(readFileSync(join(d, 'plan.json'), 'utf8')).toBe(first);
    const c = await cli(['plan', '--users', '50000', '--json', '-o', 'plan.json', '--force'], { cwd: d });
    expect(c.code).toBe(0);
    expect(JSON.parse(readFileSync(join(d, 'plan.json'), 'utf8')).tier.id).toBe('cached-replicas');
    expect(readdirSync(d)).toEqual(['plan.json']);
  });
  it('creates missing folders and leaves no temporary file behind', async () => {
    const d = dir();
    const r = await cli(['plan', '--users', '5000', '--format', 'yaml', '-o', 'out/deep/plan.yaml'], { cwd: d });
    expect(r.code).toBe(0);
    expect(existsSync(join(d, 'out/deep/plan.yaml'))).toBe(true);
    expect(readdirSync(join(d, 'out/deep'))).toEqual(['plan.yaml']);
  });
  it('bad input writes nothing', async () => {
    const d = dir();
    await cli(['plan', '--users', 'abc', '-o', 'plan.json'], { cwd: d });
    expect(readdirSync(d)).toEqual([]);
  });
});

describe('CAPACITY_PLAN_ variables no option reads', () => {
  it('an output option or a misspelt input option is warned about, one line each; other names are left alone', async () => {
    const r = await cli(['plan', '--users', '50k', '-q'], {
      env: {
        NO_COLOR: '1',
        CAPACITY_PLAN_FORMAT: 'json',
        CAPACITY_PLAN_USRES: '5',
        CAPACITY_PLAN_PROVIDER: 'gcp',
        CAPACITY_PLAN_PACKAGE: 'capacity-plan-0.1.0.tgz',
      },
    });
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      [
        "capacity-plan: warning: CAPACITY_PLAN_FORMAT is not read: --format is a flag only: the environment sets the plan's input options",
        'capacity-plan: warning: CAPACITY_PLAN_USRES is not read: did you mean CAPACITY_PLAN_USERS?',
        '',
      ].join('\n'),
    );
    expect(r.out).toMatch(/GCP/);
  });
});

describe('help as a command', () => {
  it('`help` prints the overview and `help <command>` that command’s help, exit 0', async () => {
    const top = await cli(['help']);
    expect(top.code).toBe(0);
    expect(top.out).toBe((await cli(['--help'])).out);
    const plan = await cli(['help', 'plan']);
    expect(plan.code).toBe(0);
    expect(plan.out).toBe((await cli(['plan', '--help'])).out);
  });
  it('`help <typo>` is exit 2 with a suggestion', async () => {
    const r = await cli(['help', 'plna']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('capacity-plan: unknown command "plna" (did you mean plan?): see `capacity-plan --help`\n');
  });
});
