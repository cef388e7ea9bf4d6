import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawInput } from '../../src/core/input.js';
import { exportFiles } from '../../src/export/index.js';
import { weightClasses } from '../../src/export/weight-classes.js';
import { planOf } from '../helpers.js';
import { nginxBinary } from './helpers.js';

/**
 * The exported compose stack's nginx.conf, unchanged, run by the real nginx in a network namespace of its
 * own: every compose service name resolves (through a private /etc/hosts) to one address per replica, as
 * Docker's DNS does, and 2,400 requests measure each weight class's share against the plan's weights.
 */
const REQUESTS = 2400;

function measure(conf: string, replicas: Record<string, number>): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'capacity-plan-nginx-weights-'));
  writeFileSync(join(dir, 'nginx.conf'), conf);
  const owner: Record<string, string> = {};
  const lines = ['127.0.0.1 localhost'];
  Object.entries(replicas).forEach(([service, n], s) => {
    for (let i = 1; i <= n; i++) {
      const ip = `127.0.${s + 1}.${i}`;
      owner[ip] = service;
      lines.push(`${ip} ${service}`);
    }
  });
  writeFileSync(join(dir, 'hosts'), `${lines.join('\n')}\n`);
  const harness = resolve('test/export/nginx-weights-harness.mjs');
  const script = `ip link set lo up && mount --bind "${dir}/hosts" /etc/hosts && exec "${process.execPath}" "${harness}" "${dir}" "${Object.keys(owner).join(',')}" ${REQUESTS} "${nginxBinary()}"`;
  const r = spawnSync('unshare', ['--net', '--mount', '--propagation', 'private', 'sh', '-c', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`nginx run failed: ${r.stderr}`);
  const hits = JSON.parse(r.stdout) as Record<string, number>;
  const shares: Record<string, number> = {};
  for (const [ip, n] of Object.entries(hits)) shares[owner[ip]!] = (shares[owner[ip]!] ?? 0) + (100 * n) / REQUESTS;
  return shares;
}

const composeOf = (input: RawInput) => {
  const out = exportFiles('compose', planOf(input), { name: 'shop', version: 't' });
  const compose = parse(out.find((f) => f.path === 'compose.yaml')!.content);
  const replicas: Record<string, number> = {};
  for (const [name, s] of Object.entries(compose.services as Record<string, { deploy?: { replicas?: number } }>))
    if (name.startsWith('app')) replicas[name] = s.deploy?.replicas ?? 1;
  return { conf: out.find((f) => f.path === 'nginx.conf')!.content, replicas };
};

describe("the exported nginx, live: each weight class's share of 2,400 requests is the plan's weight ±1.5 points", () => {
  it.each([
    ['canary, 5M users', { users: 5_000_000 }],
    ['canary, 500k users with --deploy canary', { users: 500_000, deploy: 'canary' }],
    ['mixed hardware, 300k users', { users: 300_000, mixedHardware: true }],
    ['mixed hardware, 2M users', { users: 2_000_000, mixedHardware: true, deploy: 'rolling' }],
  ] as [string, RawInput][])('%s', (label, input) => {
    const plan = planOf(input);
    expect(plan.loadBalancing.strategy).toBe('weighted');
    const { conf, replicas } = composeOf(input);
    const shares = measure(conf, replicas);
    const planned = Object.fromEntries(weightClasses(plan).map((c) => [`app${c.suffix}`, c.percent]));
    console.info(
      `nginx live, ${label}: ${Object.entries(shares)
        .map(([s, v]) => `${s} (${replicas[s]} replica(s)) ${v.toFixed(2)} % (plan ${planned[s]} %)`)
        .join(', ')}`,
    );
    expect(Object.keys(shares).sort()).toEqual(Object.keys(planned).sort());
    for (const [service, percent] of Object.entries(planned))
      expect(Math.abs(shares[service]! - percent)).toBeLessThanOrEqual(1.5);
  });
  it('the measurement can fail: weight=95 / weight=5 on a name with 3 replicas gives the canary about 1.7 %, not 5 %', () => {
    const { conf, replicas } = composeOf({ users: 5_000_000 });
    const naive = conf.replace(/weight=\d+/, 'weight=95').replace(/(app-canary:8080) weight=\d+/, '$1 weight=5');
    const shares = measure(naive, replicas);
    console.info(`nginx live, naive weights: canary ${shares['app-canary']!.toFixed(2)} %`);
    expect(replicas.app).toBe(3);
    expect(Math.abs(shares['app-canary']! - 5)).toBeGreaterThan(1.5);
  });
});

describe('per-server weights', () => {
  it.each([
    ['canary', { users: 5_000_000 }],
    ['mixed hardware', { users: 300_000, mixedHardware: true }],
  ] as [string, RawInput][])(
    '%s: for fleets of 1 to 40 servers, replicas × weight give each class its planned share',
    (_, input) => {
      const plan = planOf(input);
      for (let fleet = 1; fleet <= 40; fleet++) {
        const classes = weightClasses(plan, fleet);
        const total = classes.reduce((a, c) => a + c.replicas * c.perServerWeight, 0);
        for (const c of classes) {
          expect(Number.isInteger(c.perServerWeight)).toBe(true);
          expect(Math.abs((100 * c.replicas * c.perServerWeight) / total - c.percent)).toBeLessThanOrEqual(0.5);
        }
      }
    },
  );
});
