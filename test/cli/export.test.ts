import { mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const dir = () => mkdtempSync(join(tmpdir(), 'capacity-plan-export-'));
const list = (d: string): string[] => readdirSync(d, { recursive: true }).map(String).sort();

describe('capacity-plan export', () => {
  it.each([
    ['architecture', ['architecture.yaml']],
    ['infracost-usage', ['infracost-usage.yml']],
    ['compose', ['compose.yaml', 'nginx.conf', 'postgres', 'postgres/10-replication.sh']],
  ])('%s writes %j into -o and lists the paths on stderr', async (target, expected) => {
    const d = dir();
    // 500k users: a read replica (Aurora's failover target), so compose carries its replication script.
    const r = await cli(['export', target, '--users', '500000', '-o', 'out'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(list(join(d, 'out'))).toEqual(expected);
    for (const f of expected.filter((x) => x.includes('.'))) expect(r.err).toContain(`wrote ${join('out', f)}`);
  });
  it('all puts each tool in a folder of its own', async () => {
    const d = dir();
    expect((await cli(['export', 'all', '--users', '500k', '-o', '.'], { cwd: d })).code).toBe(0);
    expect(list(d)).toEqual(
      expect.arrayContaining([
        'architecture.yaml',
        'infracost-usage.yml',
        'compose/compose.yaml',
        'compose/nginx.conf',
        'kubernetes/kustomization.yaml',
        'cloudformation/template.yaml',
      ]),
    );
  });
  it('--dry-run lists the files and writes nothing', async () => {
    const d = dir();
    const r = await cli(['export', 'kubernetes', '--users', '500k', '-o', 'k8s', '--dry-run'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toEqual(
      expect.arrayContaining(['k8s/kustomization.yaml', 'k8s/deployment-app.yaml']),
    );
    expect(readdirSync(d)).toEqual([]);
  });
  it('refuses to replace an existing file without --force, and writes none of the set', async () => {
    const d = dir();
    mkdirSync(join(d, 'out'));
    writeFileSync(join(d, 'out', 'nginx.conf'), 'mine\n');
    const r = await cli(['export', 'compose', '--users', '50000', '-o', 'out'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/out\/nginx\.conf already exists: pass --force/);
    expect(list(join(d, 'out'))).toEqual(['nginx.conf']);
    expect(readFileSync(join(d, 'out', 'nginx.conf'), 'utf8')).toBe('mine\n');
    const forced = await cli(['export', 'compose', '--users', '50000', '-o', 'out', '--force'], { cwd: d });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(d, 'out', 'nginx.conf'), 'utf8')).toMatch(/upstream/);
  });
  it('with --force, a file that already holds the same bytes is left as it is (its date too) and said to be unchanged', async () => {
    const d = dir();
    expect((await cli(['export', 'compose', '--users', '50000', '-o', 'out'], { cwd: d })).code).toBe(0);
    const files = ['compose.yaml', 'nginx.conf'].map((f) => join(d, 'out', f));
    const past = new Date('2020-01-01T00:00:00Z');
    for (const f of files) utimesSync(f, past, past);
    // Same size, other bytes: a file edited by hand is replaced, not taken for unchanged.
    const nginx = readFileSync(files[1]!, 'utf8');
    writeFileSync(files[1]!, nginx.replace('upstream', 'UPSTREAM'));
    const again = await cli(['export', 'compose', '--users', '50000', '-o', 'out', '--force'], { cwd: d });
    expect(again.code).toBe(0);
    expect(again.err).toBe(`unchanged ${join('out', 'compose.yaml')}\nwrote ${join('out', 'nginx.conf')}\n`);
    expect(statSync(files[0]!).mtime).toEqual(past);
    expect(readFileSync(files[1]!, 'utf8')).toBe(nginx);
    expect(statSync(files[1]!).mtime.getTime()).toBeGreaterThan(past.getTime());
    expect(list(join(d, 'out'))).toEqual(['compose.yaml', 'nginx.conf']);
  });
  it('takes --input like plan, and the same plan gives the same bytes', async () => {
    const d = dir();
    writeFileSync(join(d, 'capacity-plan.yaml'), 'users: 250k\nprofile: saas\nname: billing\n');
    await cli(['export', 'all', '--input', 'capacity-plan.yaml', '-o', 'a'], { cwd: d });
    await cli(['export', 'all', '--input', 'capacity-plan.yaml', '-o', 'b'], { cwd: d });
    for (const f of list(join(d, 'a')).filter((x) => x.includes('.')))
      expect(readFileSync(join(d, 'b', f), 'utf8')).toBe(readFileSync(join(d, 'a', f), 'utf8'));
    expect(readFileSync(join(d, 'a', 'architecture.yaml'), 'utf8')).toMatch(/name: billing/);
  });
  it.each([
    [
      ['export', 'terraform', '--users', '5000'],
      /unknown export target "terraform": expected one of architecture, kubernetes, compose, infracost-usage, cloudformation, all/,
    ],
    [['export', 'compose'], /missing --users/],
    [['export', 'compose', '--users', 'lots'], /--users: expected a user count/],
    [['export', 'compose', '--users', '5000', '--format', 'json'], /--format does not apply to export/],
    [['export'], /missing required argument 'target'/],
  ])('%j is exit 2 and writes nothing', async (args, message) => {
    const d = dir();
    const r = await cli(args, { cwd: d });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(readdirSync(d)).toEqual([]);
  });
  it.each([
    [['-o', 'plan.yaml'], /-o plan\.yaml is a file: export writes into a folder/, true],
    [['-o', 'ef/arch.yaml'], /-o ef\/arch\.yaml looks like a file name/, false],
    [['-o', 'deep/er/out'], /-o deep\/er\/out: the folder deep\/er does not exist; create it, or pass --mkdir/, false],
  ])('output folder rules: %j is exit 2 and creates nothing', async (args, message, makeFile) => {
    const d = dir();
    if (makeFile) writeFileSync(join(d, 'plan.yaml'), 'users: 5000\n');
    const r = await cli(['export', 'architecture', '--users', '50000', ...args], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(readdirSync(d)).toEqual(makeFile ? ['plan.yaml'] : []);
  });
  it('-o creates the folder when its parent exists, and deeper folders with --mkdir', async () => {
    const d = dir();
    expect((await cli(['export', 'architecture', '--users', '50000', '-o', 'out'], { cwd: d })).code).toBe(0);
    const deep = await cli(['export', 'compose', '--users', '50000', '-o', 'a/b/c', '--mkdir'], { cwd: d });
    expect(deep.code).toBe(0);
    expect(list(join(d, 'a', 'b', 'c'))).toContain('compose.yaml');
  });
  it('--help lists only the options export takes: --mkdir, no --format or --json', async () => {
    const r = await cli(['export', '--help']);
    expect(r.out).toMatch(/--mkdir/);
    expect(r.out).not.toMatch(/--format|--json/);
    expect(r.out).toMatch(/-o, --output <folder>/);
  });
  it('cloudformation: exit 2 on a GCP plan naming the providers it supports; `all` skips it and says so', async () => {
    const d = dir();
    const gcp = await cli(['export', 'cloudformation', '--users', '500k', '--provider', 'gcp', '-o', 'cfn'], {
      cwd: d,
    });
    expect(gcp.code).toBe(2);
    expect(gcp.err).toMatch(/export cloudformation supports aws plans only; this plan is on gcp/);
    const all = await cli(['export', 'all', '--users', '500k', '--provider', 'azure', '-o', 'all'], { cwd: d });
    expect(all.code).toBe(0);
    expect(all.err).toMatch(/skipped cloudformation: it supports aws plans, this one is on azure/);
    expect(list(join(d, 'all')).some((f) => f.startsWith('cloudformation'))).toBe(false);
  });
});

describe('export and diff take an input with ranges as plan does', () => {
  it('export plans the ranges and writes the recommended design, saying which', async () => {
    const d = dir();
    writeFileSync(join(d, 'capacity-plan.yaml'), 'users: 40k..80k\nseed: 2\n');
    const r = await cli(['export', 'architecture', '--input', 'capacity-plan.yaml', '-o', 'out'], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /^ranges: exporting the recommended design, the p90 scenario of 1000 seeded samples \(seed 2\)/,
    );
    const viaPlan = await cli(['plan', '--input', 'capacity-plan.yaml', '--format', 'json'], { cwd: d });
    const recommended = JSON.parse(viaPlan.out).compute.instances.expected;
    expect(readFileSync(join(d, 'out', 'architecture.yaml'), 'utf8')).toContain(`expected: ${recommended}`);
  });
  it('diff plans a ranged input file as its recommended design', async () => {
    const d = dir();
    writeFileSync(join(d, 'a.yaml'), 'users: 50k\n');
    writeFileSync(join(d, 'b.yaml'), 'users: 40k..80k\n');
    const r = await cli(['diff', 'a.yaml', 'b.yaml', '--format', 'json'], { cwd: d });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toBeTruthy();
  });
});
