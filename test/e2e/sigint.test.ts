import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { awsRoutes, serve } from '../pricing/fixtures.js';

const bin = resolve('bin/capacity-plan.js');
const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));
beforeAll(() => {
  if (!existsSync('dist/cli.js')) throw new Error('build first: npm run build');
});

/**
 * Starts the built binary, waits until `ready()` holds (or `afterMs`), sends SIGINT and measures how long
 * the line takes to appear (`ms`, the 200 ms promise) and the process to be gone (`exitMs`: the last
 * worker thread's teardown, which a loaded machine can stretch, so it is held to a looser bound).
 */
async function interrupt(
  args: string[],
  opts: { env?: Record<string, string>; cwd?: string; ready?: () => boolean; afterMs: number },
) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: opts.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  let err = '';
  let out = '';
  let lineAt = 0;
  child.stderr.on('data', (d) => {
    err += d;
    if (String(d).includes('interrupted')) lineAt ||= Date.now();
  });
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; at: number }>((r) =>
    child.on('exit', (code) => r({ code, at: Date.now() })),
  );
  const t0 = Date.now();
  while (Date.now() - t0 < 10_000 && !(opts.ready?.() ?? true)) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, opts.afterMs));
  expect(child.exitCode, `exited before the signal: ${err}`).toBeNull();
  const sent = Date.now();
  child.kill('SIGINT');
  const { code, at } = await exited;
  return { code, ms: lineAt - sent, exitMs: at - sent, err, out };
}

describe('Ctrl-C: exit 130, one line, within 200 ms, nothing half-written', () => {
  it('during a refresh against a slow mirror (a byte a second), the lock and any staged file are removed', async () => {
    const s = await serve((_q, res) => {
      res.writeHead(200);
      const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write(' ')), 1000);
      closers.push(() => clearInterval(t));
      return true;
    });
    closers.push(() => {
      s.server.closeAllConnections();
      s.server.close();
    });
    const data = mkdtempSync(join(tmpdir(), 'cp-sigint-'));
    const r = await interrupt(['pricing', 'update', 'aws', '--endpoint', s.url, '--timeout', '30', '-q'], {
      env: { XDG_DATA_HOME: data },
      ready: () => s.hits.length > 0,
      afterMs: 300,
    });
    expect(r.code).toBe(130);
    expect(r.err).toBe('capacity-plan: interrupted\n');
    expect(r.ms).toBeLessThan(200);
    expect(r.exitMs).toBeLessThan(1000);
    expect(readdirSync(join(data, 'capacity-plan', 'pricing'))).toEqual([]);
  });

  it('during a long plan: 20,000 Monte Carlo samples of 1B–3B users on every provider', async () => {
    const args = ['plan', '--users', '1B..3B', '--provider', 'all', '--samples', '20000', '--availability', '99.99'];
    const r = await interrupt([...args, '--no-simulate', '--json'], { afterMs: 700 });
    expect(r.code).toBe(130);
    expect(r.err).toBe('capacity-plan: interrupted\n');
    expect(r.out).toBe('');
    expect(r.ms).toBeLessThan(200);
    expect(r.exitMs).toBeLessThan(1000);
  });

  it('during an export: the output folder gets every file or none, never half of one', async () => {
    // Exports are quick now: the signal lands while the binary loads or plans. Either Ctrl-C won (exit 130,
    // one line, nothing in the folder) or the export finished first (exit 0, every file whole).
    const whole = mkdtempSync(join(tmpdir(), 'cp-sigint-whole-'));
    const args = ['export', 'all', '--users', '1B', '--provider', 'gcp', '-o', 'out', '--no-simulate'];
    const reference = spawn(process.execPath, [bin, ...args], { cwd: whole, stdio: 'ignore' });
    await new Promise((r) => reference.on('exit', r));
    const expected = readdirSync(join(whole, 'out'), { recursive: true }).map(String).sort();
    for (const afterMs of [0, 30, 80, 150]) {
      const dir = mkdtempSync(join(tmpdir(), 'cp-sigint-export-'));
      const child = spawn(process.execPath, [bin, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      await new Promise((r) => setTimeout(r, afterMs));
      child.kill('SIGINT');
      const code = await exited;
      const files = existsSync(join(dir, 'out'))
        ? readdirSync(join(dir, 'out'), { recursive: true }).map(String).sort()
        : [];
      if (code === 130) {
        expect(err).toBe('capacity-plan: interrupted\n');
        expect(files.map(String).filter((f) => /\.(yaml|yml|conf|sh|json)$/.test(f))).toEqual([]);
      } else {
        expect(code === 0 || code === null).toBe(true);
        if (code === 0) expect(files).toEqual(expected);
      }
    }
  });
});

describe('the built binary refreshes', () => {
  it('pricing update against a local mirror works from the bundle (undici loaded as the bundle makes it)', async () => {
    const s = await serve(awsRoutes());
    closers.push(() => s.server.close());
    const data = mkdtempSync(join(tmpdir(), 'cp-bin-update-'));
    const child = spawn(process.execPath, [bin, 'pricing', 'update', 'aws', '--endpoint', s.url, '-q'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', XDG_DATA_HOME: data },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((r) => child.on('exit', r));
    expect(err).toMatch(/^updated \d+ aws prices for us-east-1/);
    expect(code).toBe(0);
  });
});
