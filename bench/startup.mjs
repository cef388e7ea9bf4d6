// Start-up cost of the CLI as a ratio against `node -e 0` measured in the same run (machines here are
// shared and noisy, so absolute times mean little). Prints medians of interleaved runs, and the peak
// memory (max RSS) of each case against bare Node's.
//   node bench/startup.mjs [runs]      (default 15, at least 10)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const runs = Math.max(10, Number(process.argv[2] ?? 15));
const bin = resolve('bin/capacity-plan.js');
const out = mkdtempSync(join(tmpdir(), 'capacity-plan-bench-'));
// Each case: its argv and the ratio the issue allows (null: shown, not a target).
const cases = {
  'node -e 0': [['-e', '0'], null],
  '--version': [[bin, '--version'], 1.1],
  '--help': [[bin, '--help'], 1.1],
  'plan --users 500k --format json': [[bin, 'plan', '--users', '500k', '--format', 'json'], 1.3],
  // The same with no simulation kept from an earlier run (the first run for a fleet: it simulates).
  'plan … --format json, cold evidence': [[bin, 'plan', '--users', '500k', '--format', 'json'], null, { off: true }],
  'plan --users 500k (table)': [[bin, 'plan', '--users', '500k'], null],
  'plan … --format json --no-simulate': [[bin, 'plan', '--users', '500k', '--format', 'json', '--no-simulate'], null],
  // Into a new folder each run: every file is written (a re-export of the same bytes leaves them as they are).
  'export all --users 500k': [(i) => [bin, 'export', 'all', '--users', '500k', '-o', join(out, `run-${i}`)], 1.5],
  'export all again, --force, same files': [
    [bin, 'export', 'all', '--users', '500k', '-o', join(out, 'again'), '--force'],
    null,
  ],
  'pricing show aws': [[bin, 'pricing', 'show', 'aws'], 1.5],
};
// /usr/bin/time reports the peak RSS of the child; fall back to time only when it is missing.
const gnuTime = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '-e', '0']).status === 0;
// Balancer simulations are kept between runs in a cache folder of the bench's own (filled by the warm-up
// runs); the cold case turns it off.
const cacheHome = mkdtempSync(join(tmpdir(), 'capacity-plan-bench-cache-'));
const envOf = (opts) => ({
  ...process.env,
  NO_COLOR: '1',
  XDG_CACHE_HOME: cacheHome,
  CAPACITY_PLAN_CACHE: opts?.off ? 'off' : '',
});
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
const rss = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs + 2; i++) {
  for (const [name, [argsOf, , opts]] of Object.entries(cases)) {
    const args = typeof argsOf === 'function' ? argsOf(i) : argsOf;
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: envOf(opts) });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    if (i < 2) continue; // the first runs warm the file cache
    times[name].push(ms);
    if (gnuTime && i < 5) {
      const again = typeof argsOf === 'function' ? argsOf(`${i}-rss`) : args;
      const m = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...again], {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: envOf(opts),
      });
      rss[name].push(Number(m.stderr.toString().trim().split('\n').at(-1)) / 1024);
    }
  }
}
rmSync(out, { recursive: true, force: true });
rmSync(cacheHome, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['node -e 0']);
const baseRss = gnuTime ? median(rss['node -e 0']) : 0;
console.log(`start-up, median of ${runs} interleaved runs (node ${process.version})`);
for (const [name, [, target]] of Object.entries(cases)) {
  const ratio = median(times[name]) / base;
  const memory = gnuTime
    ? `   peak ${median(rss[name]).toFixed(1)} MB (+${(median(rss[name]) - baseRss).toFixed(1)})`
    : '';
  let goal = target ? `   target ≤ ${target}× ${ratio <= target ? 'ok' : 'MISSED'}` : '';
  if (name.startsWith('plan --users 500k --format json') && gnuTime)
    goal += `, memory ≤ +15 MB ${median(rss[name]) - baseRss <= 15 ? 'ok' : 'MISSED'}`;
  console.log(
    `  ${name.padEnd(40)} ${median(times[name]).toFixed(1).padStart(7)} ms   ${ratio.toFixed(2)}× node -e 0${memory}${goal}`,
  );
}

// Where a plan's time goes, in one process: loading the library, then the planner cold without the
// balancer simulation, then with it (the simulation cold), then both warm.
const probe = `
const t = () => performance.now();
const t0 = t();
const { plan } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
const t1 = t();
plan({ users: 500000, simulate: false }, { today: '2026-11-01' });
const t2 = t();
plan({ users: 500000 }, { today: '2026-11-01' });
const t3 = t();
plan({ users: 500000 }, { today: '2026-11-01' });
const t4 = t();
console.log(JSON.stringify([t1 - t0, t2 - t1, t3 - t2, t4 - t3]));
`;
const parts = [];
for (let i = 0; i < runs; i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  parts.push(JSON.parse(r.stdout));
}
const part = (k) => median(parts.map((p) => p[k])).toFixed(1);
console.log(
  `where plan --users 500k spends its time in process (medians of ${runs}): loading the library ${part(0)} ms; the planner, cold, without the simulation ${part(1)} ms; again with the balancer simulation (the simulation cold) ${part(2)} ms; warm ${part(3)} ms`,
);
