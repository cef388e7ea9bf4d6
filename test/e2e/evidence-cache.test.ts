import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileEvidenceStore } from '../../src/cli/evidence-cache.js';

const bin = resolve('bin/capacity-plan.js');
const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'capacity-plan-evidence-'));
  folders.push(dir);
  return dir;
};
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const plan = (cacheHome: string, extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, 'plan', '--users', '500k', '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome, CAPACITY_PLAN_CACHE: '', ...extra },
  });
const cacheFile = (home: string) => {
  const names = readdirSync(join(home, 'capacity-plan'));
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/^balancer-evidence-[0-9a-f]{16}\.json$/);
  return join(home, 'capacity-plan', names[0]!);
};

describe('the balancer simulations the binary keeps between runs', () => {
  it('a second run reads the first run’s simulation and prints the same bytes', () => {
    const home = folder();
    const uncached = plan(folder(), { CAPACITY_PLAN_CACHE: 'off' });
    const first = plan(home);
    const second = plan(home);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(uncached.stdout);
    expect(second.stdout).toBe(uncached.stdout);
    const kept = JSON.parse(readFileSync(cacheFile(home), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(kept)).toHaveLength(1);
    const evidence = (JSON.parse(uncached.stdout) as { loadBalancing: { simulation: { results: unknown } } })
      .loadBalancing.simulation;
    expect(Object.values(kept)[0]).toEqual(evidence.results);
  });

  it('what the cache holds is what the plan shows (it is read, not re-simulated)', () => {
    const home = folder();
    plan(home);
    const file = cacheFile(home);
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { p99Ms: number }[]>;
    const key = Object.keys(kept)[0]!;
    kept[key]![0]!.p99Ms = 4321.5;
    writeFileSync(file, JSON.stringify(kept));
    expect(plan(home).stdout).toContain('4321.5');
  });

  it('a broken or misshapen cache is ignored, and CAPACITY_PLAN_CACHE=off neither reads nor writes one', () => {
    const expected = plan(folder(), { CAPACITY_PLAN_CACHE: 'off' }).stdout;
    for (const text of ['{not json', '[]', '{"k":1}']) {
      const home = folder();
      plan(home);
      const file = cacheFile(home);
      const key = Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)[0]!;
      writeFileSync(file, text === '{"k":1}' ? JSON.stringify({ [key]: [{ strategy: 'x' }, {}] }) : text);
      const again = plan(home);
      expect(again.status).toBe(0);
      expect(again.stdout).toBe(expected);
    }
    const off = folder();
    expect(plan(off, { CAPACITY_PLAN_CACHE: 'off' }).stdout).toBe(expected);
    expect(existsSync(join(off, 'capacity-plan'))).toBe(false);
  });

  it('keeps at most 256 simulations, the newest, and of other builds’ files the three last written', () => {
    const dir = folder();
    for (let i = 0; i < 5; i++) {
      const other = join(dir, `balancer-evidence-${String(i).repeat(16)}.json`);
      writeFileSync(other, '{}');
      utimesSync(other, 1_700_000_000 + i * 1000, 1_700_000_000 + i * 1000);
    }
    let flush = () => {};
    const store = fileEvidenceStore(dir, 'abc', (f) => (flush = f));
    const results = (n: number) => [
      { strategy: 'round-robin' as const, meanMs: n, p95Ms: 2, p99Ms: 3, imbalance: 1 },
      { strategy: 'least-connections' as const, meanMs: 1, p95Ms: 2, p99Ms: 3, imbalance: 1 },
    ];
    for (let i = 0; i < 300; i++) store.set(`k${i}`, results(i));
    flush();
    expect(readdirSync(dir).sort()).toEqual([
      'balancer-evidence-2222222222222222.json',
      'balancer-evidence-3333333333333333.json',
      'balancer-evidence-4444444444444444.json',
      'balancer-evidence-abc.json',
    ]);
    const again = fileEvidenceStore(dir, 'abc', () => undefined);
    expect(again.get('k43')).toBeUndefined();
    expect(again.get('k44')).toEqual(results(44));
    expect(again.get('k299')).toEqual(results(299));
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'balancer-evidence-abc.json'), 'utf8')))).toHaveLength(256);
  });
});
