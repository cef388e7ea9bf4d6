import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { k6Stream } from '../calibrate/k6-stream-fixture.js';

/**
 * Every example of every command's --help, run as written by bash (pipes and redirections included) with
 * the built binary on PATH, each in a fresh folder holding the files the examples name. Each must exit 0,
 * or the code its command documents: the wizard exits 2 without a terminal, and `pricing update` exits 1
 * when its download fails — here the network is off (fetch refuses every request), so no example reaches
 * a provider's API; test/pricing/update.test.ts covers a refresh that succeeds, on recorded shapes.
 */
const root = mkdtempSync(join(tmpdir(), 'capacity-plan-examples-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const bin = join(root, 'bin');
spawnSync('mkdir', ['-p', bin]);
writeFileSync(
  join(bin, 'capacity-plan'),
  `#!/bin/sh\nexec "${process.execPath}" "${resolve('bin/capacity-plan.js')}" "$@"\n`,
);
chmodSync(join(bin, 'capacity-plan'), 0o755);
const offline = join(root, 'offline.mjs');
writeFileSync(
  offline,
  'globalThis.fetch = async (url) => { throw new TypeError(`the network is off in this test (${String(url).split("?")[0]})`); };\n',
);

function sh(command: string, cwd: string) {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-o', 'pipefail', '-c', command], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      PATH: `${bin}:${process.env.PATH}`,
      HOME: root,
      XDG_DATA_HOME: join(cwd, '.data'),
      NO_COLOR: '1',
      NODE_OPTIONS: `--import=${offline}`,
    },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The command names listed under "Commands:" in a help text. */
function commandsIn(help: string): string[] {
  const section = help.split(/^Commands:\n/m)[1]?.split(/\n\n/)[0] ?? '';
  return [...section.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
}

function allCommands(): string[][] {
  const found: string[][] = [[]];
  for (const name of commandsIn(sh('capacity-plan --help', root).out)) {
    found.push([name]);
    for (const sub of commandsIn(sh(`capacity-plan ${name} --help`, root).out)) found.push([name, sub]);
  }
  return found;
}

/** The files the examples name: a plan-as-code file, its base, and two plan documents. */
const template = join(root, 'template');
spawnSync('mkdir', ['-p', template]);
writeFileSync(join(template, 'capacity-plan.yaml'), 'users: 250k\n');
writeFileSync(join(template, 'main.yaml'), 'users: 240k\n');
writeFileSync(join(template, 'base-plan.json'), sh('capacity-plan plan --users 240k --json', template).out);
writeFileSync(join(template, 'head-plan.json'), sh('capacity-plan plan --users 250k --json', template).out);
// What `calibrate`'s examples read: a week of per-minute traffic, a k6 summary and stream with CPU, access logs.
const start = Date.UTC(2026, 0, 5);
const traffic = ['timestamp,requests'];
for (let m = 0; m < 7 * 24 * 60; m++) {
  const hour = (m / 60) % 24;
  traffic.push(
    `${new Date(start + m * 60_000).toISOString()},${Math.round(400 * (1 + 0.8 * Math.sin(((hour - 8) / 24) * 2 * Math.PI)))}`,
  );
}
writeFileSync(join(template, 'traffic.csv'), `${traffic.join('\n')}\n`);
cpSync(resolve('test/fixtures/calibrate/k6-summary-export.json'), join(template, 'k6-summary.json'));
cpSync(resolve('test/fixtures/calibrate/access-combined.log'), join(template, 'access.log'));
writeFileSync(
  join(template, 'k6-out.json'),
  k6Stream({
    start,
    seconds: 120,
    from: 10,
    to: 80,
    durationMs: (rps, i) => 20 + ((i * 7919) % 100) * 0.6 + rps * 0.4,
  }),
);
const cpu = ['timestamp,cpu_percent'];
for (let s = 0; s < 120; s += 5)
  cpu.push(`${new Date(start + s * 1000).toISOString()},${((Math.round(10 + (70 * s) / 120) * 0.01 * 100) / 4) * 4}`);
writeFileSync(join(template, 'cpu.csv'), `${cpu.join('\n')}\n`);

/** A fresh folder holding a copy of those files, so no example sees what another one wrote. */
function folder(): string {
  const dir = mkdtempSync(join(root, 'run-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

function expectedCode(example: string): number {
  if (/^capacity-plan( wizard)?$/.test(example)) return 2;
  if (/capacity-plan pricing update /.test(example)) return 1;
  // The CI gate: the bundled catalogs are stale or partly recalled until refreshed.
  if (/capacity-plan pricing verify$/.test(example)) return 3;
  return 0;
}

describe('every --help example runs', () => {
  const commands = allCommands();
  it('finds the commands and their examples', () => {
    expect(commands.map((c) => c.join(' '))).toEqual(
      expect.arrayContaining(['plan', 'export', 'diff', 'simulate', 'schema', 'pricing list', 'pricing update']),
    );
  });
  for (const command of commands) {
    const help = sh(`capacity-plan ${command.join(' ')} --help`, root).out;
    const examples = [...help.matchAll(/^ +\$ (.+?)(?: {2,}.*)?$/gm)].map((m) => m[1]!.trim());
    for (const example of examples) {
      it(`[${command.join(' ') || 'capacity-plan'}] ${example}`, () => {
        const dir = folder();
        const r = sh(example, dir);
        expect(r.code, `${example}\n${r.err}`).toBe(expectedCode(example));
        if (r.code !== 0) expect(r.err).toMatch(/^capacity-plan: |downloading/m);
        if (/ -o (\S+)/.test(example)) expect(existsSync(join(dir, / -o (\S+)/.exec(example)![1]!))).toBe(true);
      });
    }
  }
});
