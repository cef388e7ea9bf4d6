import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSimulateArgv } from '../../src/cli/simulate-argv.js';

// `capacity-plan simulate …` through the built binary: its light entry (dist/simulate.cjs) must give what the
// full CLI (dist/cli.cjs) gives — stdout, stderr and exit code, byte for byte. The light entry runs here from
// a copy of the binary with no dist/cli.cjs beside it, so a line it took is known to be its own work.
const bin = resolve('bin/capacity-plan.js');
const light = mkdtempSync(join(tmpdir(), 'cp-simulate-light-'));
const work = mkdtempSync(join(tmpdir(), 'cp-simulate-out-'));

beforeAll(() => {
  if (!existsSync('dist/simulate.cjs')) throw new Error('build first: npm run build');
  mkdirSync(join(light, 'bin'));
  mkdirSync(join(light, 'dist'));
  for (const file of ['bin/capacity-plan.js', 'bin/package.json', 'dist/simulate.cjs', 'dist/simulate.cjs.cache'])
    copyFileSync(file, join(light, file));
});

const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    cwd: work,
    env: { PATH: process.env.PATH!, NO_COLOR: '1', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const full = (words: string[], env?: Record<string, string>) => run([resolve('dist/cli.cjs'), ...words], env);

const small = ['--requests', '2000'];
/** Command lines the light entry reads: every case of the simulate tests, and the flags' other spellings. */
const TAKEN: [string[], Record<string, string>?][] = [
  [['--servers', '8', '--requests', '20000']],
  [['--servers', '4', '--requests', '10000', '--strategy', 'least-connections', '--json']],
  [['--servers', '6', '--requests', '10000', '--seed', '42', '--distribution', 'lognormal', '--json']],
  [['--speeds', '1,1,2', '--strategy', 'weighted', '--requests', '20000', '--json']],
  [['--speeds', '1,1,2,4', ...small]],
  [['--servers', '10', '--rps', '100', '--service-time', '50', '--curve', 'machine-steady', '--peak-factor', '1.5']],
  [['--servers', '40', '--concurrency', '4', '--distribution', 'bimodal', ...small]],
  [['--servers', '3', '--distribution', 'lognormal', '--cv', '5', '--format', 'json', ...small]],
  [['--servers', '60', '--requests', '60000', '--strategy', 'all', '--json']],
  [
    [
      '--servers=5',
      '--utilization=0.9',
      '--strategy=power-of-two',
      '--clients',
      '50',
      '--client-skew',
      '1.2',
      ...small,
    ],
  ],
  [['--strategy', 'ip-hash', '--warmup', '0', '--seed', '3', ...small]],
  [['--servers', '2', '--utilization', '1.1', '--allow-unstable', '--requests', '5000', '--strategy', 'round-robin']],
  [['--servers', '4', ...small], { NO_COLOR: '', FORCE_COLOR: '1' }],
  [['--servers', '4', '--no-color', ...small], { NO_COLOR: '', FORCE_COLOR: '1' }],
  [['--servers', '4', ...small], { NO_COLOR: '', FORCE_COLOR: '1', TERM: 'dumb' }],
  [['-q', '--no-input', '--debug', '--servers', '4', '--json', ...small]],
  [['--servers', '0']],
  [['--servers', '4.5']],
  [['--servers', 'many']],
  [['--servers', '']],
  [['--seed=-1']],
  [['--utilization', '1']],
  [['--utilization', '1.5']],
  [['--service-time', '0']],
  [['--distribution', 'pareto']],
  [['--strategy', 'fastest']],
  [['--requests', '10']],
  [['--requests', '1e9']],
  [['--warmup', '1e12']],
  [['--requests', '1e8', '--warmup', '1e8']],
  [['--servers', '10001']],
  [['--servers', '10000', '--concurrency', '1024']],
  [['--servers', '3200', '--strategy', 'weighted', '--requests', '1e7']],
  [['--speeds', '1,0,2']],
  [['--speeds', '1,x']],
  [['--servers', '3', '--speeds', '1,2']],
  [['--utilization', '0.5', '--rps', '10']],
  [['--curve', 'consumer-evening', '--utilization', '0.5']],
  [['--curve', 'nightly']],
  [['--format', 'yaml']],
  [['--peak-factor', '50', '--curve', 'machine-steady']],
];
/** Command lines it hands to the full CLI (simulate-argv.ts says why). */
const HANDED: string[][] = [
  ['--help'],
  ['-h'],
  ['--version'],
  ['--srvers', '3'],
  ['--servers'],
  ['--seed', '-1'],
  ['--servers', '3', 'extra'],
  ['--json=yes'],
];

describe('capacity-plan simulate through the binary: the light entry gives the full CLI’s bytes', () => {
  it.each(TAKEN)('%j (%j) is read and run by the light entry alone', (words, env) => {
    expect(readSimulateArgv(words)).not.toBeNull();
    const fast = run([join(light, 'bin/capacity-plan.js'), 'simulate', ...words], env);
    expect(fast).toEqual(full(['simulate', ...words], env));
  });
  it.each(HANDED.map((words) => [words]))('%j is handed to the full CLI', (words) => {
    expect(readSimulateArgv(words)).toBeNull();
    const fast = run([bin, 'simulate', ...words]);
    expect(fast).toEqual(full(['simulate', ...words]));
    expect(fast.status === 0 ? fast.stdout : fast.stderr).not.toBe('');
  });
  it('a --json run loads none of what only the table or the full CLI needs (chalk looks at os and tty; stdout is a pipe here)', () => {
    const probe = resolve('test/fixtures/startup-modules.cjs');
    const r = run(['--require', probe, bin, 'simulate', '--servers', '4', ...small, '--json']);
    expect(r.status).toBe(0);
    const loaded = r.stderr.trim().split(' ');
    for (const name of ['module', 'perf_hooks', 'timers/promises', 'os', 'tty', 'child_process', 'crypto'])
      expect(loaded).not.toContain(`NativeModule\u00a0${name}`);
    expect(loaded).toContain('zod:no');
  });
  it('-o writes the file atomically, says so unless -q, and refuses to replace it without --force', () => {
    const words = ['--servers', '4', ...small, '--json'];
    for (const [name, more] of [
      ['a.json', ['-o', 'a.json']],
      ['b.json', ['--output=b.json', '-q']],
    ] as const) {
      const fast = run([join(light, 'bin/capacity-plan.js'), 'simulate', ...words, ...more]);
      const written = readFileSync(join(work, name), 'utf8');
      const again = full(['simulate', ...words, ...more]);
      expect(again.status).toBe(2);
      const forced = full(['simulate', ...words, ...more, '--force']);
      expect(fast).toEqual(forced);
      expect(readFileSync(join(work, name), 'utf8')).toBe(written);
      expect(run([join(light, 'bin/capacity-plan.js'), 'simulate', ...words, ...more])).toEqual(again);
    }
    writeFileSync(join(work, 'table.txt'), '');
    const table = ['simulate', '--servers', '4', ...small, '-o', 'table.txt', '--force'];
    expect(run([join(light, 'bin/capacity-plan.js'), ...table], { NO_COLOR: '', FORCE_COLOR: '1' }).status).toBe(0);
    expect(readFileSync(join(work, 'table.txt'), 'utf8')).not.toContain('\u001b[');
  });
});
