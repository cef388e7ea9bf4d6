import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';

const node = (args: string[]) =>
  spawnSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
const bin = resolve('bin/capacity-plan.js');
const esm = resolve('dist/cli.js');

describe('the fast start of the built command', () => {
  it('--version and --help, answered before anything loads, are what the CLI itself prints', () => {
    for (const flag of ['--version', '-v', '--help', '-h']) {
      const fast = node([bin, flag]);
      const full = node([esm, flag]);
      expect(fast.status).toBe(0);
      expect(fast.stdout).toBe(full.stdout);
      expect(fast.stdout.length).toBeGreaterThan(4);
    }
  });
  it('the CommonJS bundle gives the same bytes as the ES module build', () => {
    for (const args of [
      ['plan', '--users', '500k', '--format', 'json'],
      ['pricing', 'show', 'aws'],
      ['plan', '--users', '-3'],
      ['plan', '--users', 'abc', '--availability', '100'],
      ['plan', '--users', '50k', '--growth', '15', '--months', '24', '--format', 'json'],
      ['plan', '--users', '500k', '--regions', 'us-east-1=60,eu-west-1=40', '--format', 'json'],
      // Tables: the bundle measures cells through a remembering string-width (scripts/build.ts).
      ['plan', '--users', '50k', '--provider', 'all'],
      ['plan', '--users', '5M', '--availability', '99.99', '--mixed-hardware', '--deploy', 'canary'],
    ]) {
      const fast = node([bin, ...args]);
      const full = node([esm, ...args]);
      expect([fast.status, fast.stdout, fast.stderr]).toEqual([full.status, full.stdout, full.stderr]);
    }
  });
  it('a plan loads none of the modules only other commands need (zod, crypto, child_process, worker_threads…)', () => {
    const probe = resolve('test/fixtures/startup-modules.cjs');
    const r = node(['--require', probe, bin, 'plan', '--users', '500k', '--format', 'json']);
    expect(r.status).toBe(0);
    const loaded = r.stderr.trim().split(' ');
    for (const name of ['worker_threads', 'child_process', 'crypto', 'fs/promises', 'readline', 'os', 'tty'])
      expect(loaded).not.toContain(`NativeModule\u00a0${name}`);
    expect(loaded).toContain('zod:no');
    expect(loaded).toContain('icu:no');
    // export all neither: its architecture file is checked against the schema by the tests, not at every run.
    const out = mkdtempSync(join(tmpdir(), 'capacity-plan-export-'));
    try {
      const e = node(['--require', probe, bin, 'export', 'all', '--users', '500k', '-o', out, '-q']);
      expect(e.status).toBe(0);
      expect(e.stderr.trim().split(' ')).toContain('zod:no');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
  it('a plan reads only its own provider’s catalog, parsed when first used, and its command’s code cache', () => {
    const probe = resolve('test/fixtures/startup-data-reads.cjs');
    const read = (args: string[]) => {
      const r = node(['--require', probe, bin, ...args]);
      expect(r.status).toBe(0);
      return r.stderr.trim().split(' ').filter(Boolean).sort();
    };
    expect(read(['plan', '--users', '500k', '--format', 'json'])).toEqual([
      'aws.catalog.json',
      'aws.commitments.json',
      'cli.cjs.cache',
    ]);
    expect(read(['plan', '--users', '50k', '--provider', 'gcp', '--format', 'json'])).toEqual([
      'cli.cjs.cache',
      'gcp.catalog.json',
      'gcp.commitments.json',
    ]);
    expect(read(['pricing', 'show', 'azure'])).toEqual(['azure.catalog.json', 'cli.cjs.cache']);
    const out = mkdtempSync(join(tmpdir(), 'capacity-plan-export-'));
    try {
      expect(read(['export', 'all', '--users', '50k', '-o', out, '-q'])).toEqual([
        'aws.catalog.json',
        'aws.commitments.json',
        'cli.cjs.export.cache',
      ]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(read(['--help'])).toEqual([]);
  });
  it('`pricing update` in the bundle loads undici from the dependencies (kept out of the bundle)', async () => {
    const server = createServer((_, res) => res.writeHead(404).end());
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const data = mkdtempSync(join(tmpdir(), 'capacity-plan-undici-'));
    try {
      const r = await new Promise<{ code: number | null; stderr: string }>((done) => {
        const child = spawn(
          process.execPath,
          [bin, 'pricing', 'update', 'aws', '--endpoint', `http://127.0.0.1:${port}`],
          {
            env: { ...process.env, NO_COLOR: '1', XDG_DATA_HOME: data },
          },
        );
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => done({ code, stderr }));
      });
      expect(r.stderr).toMatch(/HTTP 404|404/);
      expect(r.stderr).not.toMatch(/dynamic import|unexpected error/);
      expect(r.code).not.toBe(0);
    } finally {
      server.close();
      rmSync(data, { recursive: true, force: true });
    }
  });
  it.each(['cli.cjs.cache', 'cli.cjs.export.cache'])(
    "V8 accepts the code cache %s (made by this Node's V8)",
    (cache) => {
      const file = resolve('dist/cli.cjs');
      // The bundle is its own module function: the bin compiles its text as it is.
      const script = new Script(readFileSync(file, 'utf8'), {
        filename: file,
        cachedData: readFileSync(resolve('dist', cache)),
      });
      expect(script.cachedDataRejected).toBe(false);
    },
  );
});
