// Simulator throughput, as medians, each beside `node -e 0` measured in the same run:
// - in process: simulated requests per second of runSimulation (16 servers, 70 % utilisation, exponential
//   service, no warm-up), least connections over `runs` runs and every other strategy over 3; wall time and
//   CPU time (on a shared machine the second is steadier);
// - the whole process: `capacity-plan simulate --servers 16 --strategy least-connections --requests 2M`
//   (2 M measured requests plus the default 5 % warm-up) from start to exit, as measured requests per
//   second of wall time (and of CPU time, where /proc tells), interleaved with `node -e 0`;
// - what the command costs beyond simulating: a run of 1,000 requests against `node -e 0`;
// - what the balancer simulation (a fixed 22,000 simulated requests) adds to `plan`: `plan --users 500k
//   --format json` with and without --no-simulate.
//   node bench/simulate.mjs [runs]   (at least 10)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runSimulation, SIM_STRATEGIES } from '../dist/index.js';

const runs = Math.max(10, Number(process.argv[2] ?? 10));
const servers = 16;
const requests = 2_000_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bin = resolve('bin/capacity-plan.js');

/**
 * CPU seconds (user + system) of the children this process has waited for, from /proc/self/stat (Linux;
 * null elsewhere): the difference around one spawnSync is that child's CPU time, to 10 ms.
 */
function childrenCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/**
 * Wall seconds of each command, `runs` times, interleaved (the first round discarded as a warm-up), and
 * its CPU seconds where the system tells (on a machine shared with other work the second is steadier).
 */
function wallTimes(commands) {
  const wall = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  const cpu = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i < runs + 1; i++) {
    for (const [name, argv] of Object.entries(commands)) {
      const start = process.hrtime.bigint();
      const cpuBefore = childrenCpu();
      const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
      const cpuAfter = childrenCpu();
      if (i > 0) wall[name].push(Number(process.hrtime.bigint() - start) / 1e9);
      if (i > 0 && cpuBefore !== null) cpu[name].push(cpuAfter - cpuBefore);
    }
  }
  const medians = Object.fromEntries(Object.entries(wall).map(([name, xs]) => [name, median(xs)]));
  medians.cpu = Object.fromEntries(Object.entries(cpu).map(([name, xs]) => [name, xs.length ? median(xs) : null]));
  return medians;
}

/** Seconds of wall time and of CPU time for 2 M requests in process. */
function inProcess(strategy) {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  runSimulation({
    speeds: Array(servers).fill(1),
    concurrency: 1,
    arrivalRate: (0.7 * servers) / 0.05,
    serviceTimeMs: 50,
    distribution: 'exponential',
    cv: 1,
    strategies: [strategy],
    requests,
    warmup: 0,
    seed: 1,
    clients: 10_000,
    clientSkew: 0.6,
  });
  const used = process.cpuUsage(cpu);
  return [Number(process.hrtime.bigint() - start) / 1e9, (used.user + used.system) / 1e6];
}

const M = (perSecond) => `${(perSecond / 1e6).toFixed(2).padStart(5)} M requests/s`;
const ok = (good) => (good ? 'ok' : 'MISSED');
console.log(
  `simulator, ${servers} servers, ${requests.toLocaleString('en-US')} requests, 70 % utilisation, exponential service (node ${process.version})`,
);
const bare = wallTimes({ node: ['-e', '0'] }).node;
console.log(`  node -e 0: ${(bare * 1000).toFixed(0)} ms (median of ${runs})`);
for (const strategy of ['least-connections', ...SIM_STRATEGIES.filter((s) => s !== 'least-connections')]) {
  const n = strategy === 'least-connections' ? runs : 3;
  const times = Array.from({ length: n }, () => inProcess(strategy));
  const wall = median(times.map((x) => x[0]));
  const cpu = median(times.map((x) => x[1]));
  const goal = strategy === 'least-connections' ? `   target ≥ 5 M/s ${ok(requests / wall >= 5e6)}` : '';
  console.log(
    `  in process  ${strategy.padEnd(18)} ${M(requests / wall)} (${M(requests / cpu)} of CPU; median of ${n}; 2 M requests take ${(wall / bare).toFixed(2)}× node -e 0)${goal}`,
  );
}

const simulate = [bin, 'simulate', '--servers', '16', '--strategy', 'least-connections', '--requests', '2M', '--json'];
const whole = wallTimes({ node: ['-e', '0'], simulate });
console.log(
  `  whole process: simulate --servers 16 --strategy least-connections --requests 2M: ${whole.simulate.toFixed(2)} s = ${M(requests / whole.simulate)} (median of ${runs}; node -e 0 took ${(whole.node * 1000).toFixed(0)} ms, the run ${(whole.simulate / whole.node).toFixed(2)}×)   target ≥ 4 M/s ${ok(requests / whole.simulate >= 4e6)}`,
);
if (whole.cpu.simulate !== null)
  console.log(
    `  whole process, CPU time: ${whole.cpu.simulate.toFixed(2)} s = ${M(requests / whole.cpu.simulate)} (median of ${runs}, all threads, V8's compiler included; node -e 0 ${(whole.cpu.node * 1000).toFixed(0)} ms, the run ${(whole.cpu.simulate / whole.cpu.node).toFixed(2)}×)`,
  );

// What the command costs beyond simulating: its start-up and output, on a run too short to matter (1,000
// requests of round robin, the least a run may measure).
const tiny = [bin, 'simulate', '--servers', '16', '--strategy', 'round-robin', '--requests', '1000', '--json'];
const startup = wallTimes({ node: ['-e', '0'], tiny });
console.log(
  `  whole process, start-up and output: simulate --strategy round-robin --requests 1000 --json ${(startup.tiny * 1000).toFixed(0)} ms, node -e 0 ${(startup.node * 1000).toFixed(0)} ms: ${((startup.tiny - startup.node) * 1000).toFixed(0)} ms more (median of ${runs})`,
);

const plan = [bin, 'plan', '--users', '500k', '--format', 'json'];
const evidence = wallTimes({ node: ['-e', '0'], plan, bare: [...plan, '--no-simulate'] });
console.log(
  `  balancer evidence (22,000 simulated requests whatever the fleet): plan --users 500k --format json ${(evidence.plan * 1000).toFixed(0)} ms (${(evidence.plan / evidence.node).toFixed(2)}× node -e 0), with --no-simulate ${(evidence.bare * 1000).toFixed(0)} ms (${(evidence.bare / evidence.node).toFixed(2)}×): the simulation adds ${((evidence.plan - evidence.bare) * 1000).toFixed(0)} ms (median of ${runs})`,
);
