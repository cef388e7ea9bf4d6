// Start-up cost of the CLI as a ratio against `node -e 0` measured in the same run (machines here are
// shared and noisy, so absolute times mean little). Prints medians of interleaved runs.
//   node bench/startup.mjs [runs]
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const runs = Number(process.argv[2] ?? 30);
const bin = resolve('bin/capacity-plan.js');
const cases = {
  'node -e 0': ['-e', '0'],
  'plan --users 500k --format json': [bin, 'plan', '--users', '500k', '--format', 'json'],
  'plan --users 500k (table)': [bin, 'plan', '--users', '500k'],
  '--version': [bin, '--version'],
};
const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < runs + 3; i++) {
  for (const [name, args] of Object.entries(cases)) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    if (i >= 3) times[name].push(ms); // the first runs warm the file cache
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times['node -e 0']);
console.log(`start-up, median of ${runs} interleaved runs (node ${process.version})`);
for (const [name, xs] of Object.entries(times)) {
  console.log(
    `  ${name.padEnd(34)} ${median(xs).toFixed(1).padStart(7)} ms   ${(median(xs) / base).toFixed(2)}× node -e 0`,
  );
}
