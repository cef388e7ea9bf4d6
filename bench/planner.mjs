// The planner in process, as the library runs it (the balancer simulation left out: bench/simulate.mjs
// measures it):
// - plans per second over a sweep of users × profiles × providers × availability targets; every input of
//   the measured sweep is planned once, after a warm-up sweep over other user counts (so nothing measured
//   was planned before);
// - a growth projection over 120 months (`--growth 10 --months 120`) against one plan of the same input,
//   as a ratio (medians).
//   node bench/planner.mjs [runs]      (default 10)
import { performance } from 'node:perf_hooks';
import { plan, PROFILE_NAMES } from '../dist/index.js';

const runs = Math.max(10, Number(process.argv[2] ?? 10));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const today = '2026-11-01';
const PROVIDERS = ['aws', 'gcp', 'azure'];
const TARGETS = [undefined, 99.9, 99.95, 99.99, 99.999];

function sweep(users) {
  const inputs = [];
  for (const u of users)
    for (const profile of PROFILE_NAMES)
      for (const provider of PROVIDERS)
        for (const availability of TARGETS) inputs.push({ users: u, profile, provider, availability, simulate: false });
  return inputs;
}
const measured = sweep([800, 3_000, 12_000, 50_000, 200_000, 750_000, 3_000_000, 12_000_000, 60_000_000, 400_000_000]);
const warmup = sweep([1_100, 40_000, 900_000, 25_000_000]);
for (const input of warmup) plan(input, { today });
// CPU time as well as wall time: on a shared machine the first is the steadier figure.
const started = performance.now();
const cpu = process.cpuUsage();
for (const input of measured) plan(input, { today });
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
console.log(
  `planner: ${Math.round(measured.length / seconds).toLocaleString('en-US')} plans/s (${Math.round(measured.length / cpuSeconds).toLocaleString('en-US')} per CPU second) over ${measured.length} inputs (10 user counts × ${PROFILE_NAMES.length} profiles × ${PROVIDERS.length} providers × ${TARGETS.length} availability targets, no simulation)   target ≥ 20,000 ${measured.length / cpuSeconds >= 20_000 ? 'ok' : 'MISSED'}`,
);

// One plan against the same plan with a 120-month projection; each timed alone, alternating (wall and CPU time).
const one = [];
const projected = [];
const oneCpu = [];
const projectedCpu = [];
const cpuMs = (u) => (u.user + u.system) / 1000;
const base = { users: 500_000, simulate: false };
for (let i = 0; i < runs + 2; i++) {
  const users = 500_000 + i; // a new input each time: no run reuses another's work
  let t = performance.now();
  let c = process.cpuUsage();
  plan({ ...base, users }, { today });
  const a = performance.now() - t;
  const aCpu = cpuMs(process.cpuUsage(c));
  t = performance.now();
  c = process.cpuUsage();
  plan({ ...base, users, growth: 10, months: 120 }, { today });
  const b = performance.now() - t;
  const bCpu = cpuMs(process.cpuUsage(c));
  if (i < 2) continue;
  one.push(a);
  projected.push(b);
  oneCpu.push(aCpu);
  projectedCpu.push(bCpu);
}
const ratio = median(projected) / median(one);
console.log(
  `projection: plan --users 500k ${median(one).toFixed(2)} ms; with --growth 10 --months 120 ${median(projected).toFixed(2)} ms = ${ratio.toFixed(2)}× one plan (medians of ${runs})   target < 2× ${ratio < 2 ? 'ok' : 'MISSED'}`,
);
console.log(
  `projection, CPU time: plan ${median(oneCpu).toFixed(2)} ms; with the projection ${median(projectedCpu).toFixed(2)} ms = ${(median(projectedCpu) / median(oneCpu)).toFixed(2)}× (medians of ${runs}; the steadier figure on a shared machine)`,
);
