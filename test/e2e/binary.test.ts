import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const bin = resolve('bin/capacity-plan.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });

beforeAll(() => {
  if (!existsSync('dist/cli.js')) throw new Error('build first: npm run build');
});

describe('the built binary', () => {
  it('prints its version', () => {
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(
      JSON.parse(
        execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { encoding: 'utf8' }),
      ),
    );
  });
  it('plans to JSON on stdout, nothing on stderr', () => {
    const r = run(['plan', '--users', '500k', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).tier.id).toBe('horizontal');
  });
  it('bare, with no terminal, exits 2 at once instead of waiting for keys', () => {
    const r = run([]);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/capacity-plan plan/);
  });
  it('bare, with stdin an open pipe that never sends anything, exits 2 at once instead of hanging', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [bin], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, CI: '', NO_COLOR: '1' },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise<number | null>((resolvePromise) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolvePromise(null);
      }, 10_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolvePromise(c);
      });
    });
    expect(code).toBe(2);
    expect(err).toMatch(/capacity-plan plan --users/);
  });
  it('does not crash when the reader closes early', () => {
    const r = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${bin}" plan --users 5M --format yaml | head -c 10 >/dev/null`],
      { encoding: 'utf8', timeout: 20_000 },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
  it('bad input is exit 2 with one line and no stack trace', () => {
    const r = run(['plan', '--users', 'lots']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('reads an --input file and reports a bad field in it (the lazily loaded YAML reader)', () => {
    const work = mkdtempSync(join(tmpdir(), 'capacity-plan-bin-'));
    try {
      writeFileSync(join(work, 'good.yaml'), 'users: 50000\navailability: 99.95\n');
      writeFileSync(join(work, 'bad.yaml'), 'users: lots\n');
      const good = run(['plan', '--input', join(work, 'good.yaml'), '--json']);
      expect(good.status).toBe(0);
      expect(JSON.parse(good.stdout).availability.target).toBe(99.95);
      const bad = run(['plan', '--input', join(work, 'bad.yaml')]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/bad\.yaml: users: expected a user count/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
  it('the library entry returns the same document as --format json', async () => {
    const lib = await import(resolve('dist/index.js'));
    const r = run(['plan', '--users', '50k', '--format', 'json']);
    expect(`${JSON.stringify(lib.plan({ users: '50k' }), null, 2)}\n`).toBe(r.stdout);
  });
});

describe('the packed tarball, installed like a user would', () => {
  it('installs and runs from an empty folder', () => {
    const work = mkdtempSync(join(tmpdir(), 'capacity-plan-pack-'));
    try {
      const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--json'], {
        encoding: 'utf8',
      });
      const tarball = join(work, JSON.parse(packed)[0].filename);
      const files: string[] = JSON.parse(packed)[0].files.map((f: { path: string }) => f.path);
      expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
      expect(files).toContain('dist/cli.js');
      const user = join(work, 'user');
      execFileSync('mkdir', ['-p', user]);
      writeFileSync(join(user, 'package.json'), '{"name":"user","version":"1.0.0","private":true}\n');
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], {
        cwd: user,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      const r = spawnSync(join(user, 'node_modules/.bin/capacity-plan'), ['plan', '--users', '50000', '--json'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        cwd: user,
      });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).tier.id).toBe('cached-replicas');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
