// Simulator throughput, two ways, as medians:
// - in process: simulated requests per second of runSimulation (16 servers, 70 % utilisation, exponential
//   service, no warm-up), least connections over 10 runs and every other strategy over 3;
// - the whole process: `capacity-plan simulate --servers 16 --strategy least-connections --requests 2M`
//   (2 M measured requests plus the default 5 % warm-up) from start to exit, over 10 runs interleaved
//   with `node -e 0`, as measured requests per second of wall time.
//   node bench/simulate.mjs [runs]
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { runSimulation, SIM_STRATEGIES } from '../dist/index.js';

const runs = Math.max(10, Number(process.argv[2] ?? 10));
const servers = 16;
const requests = 2_000_000;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Requests per second of wall time and of CPU time (on a shared machine the second is steadier). */
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
  return [requests / (Number(process.hrtime.bigint() - start) / 1e9), requests / ((used.user + used.system) / 1e6)];
}

console.log(
  `simulator, ${servers} servers, ${requests.toLocaleString('en-US')} requests, 70 % utilisation, exponential service (node ${process.version})`,
);
for (const strategy of ['least-connections', ...SIM_STRATEGIES.filter((s) => s !== 'least-connections')]) {
  const n = strategy === 'least-connections' ? runs : 3;
  const rates = Array.from({ length: n }, () => inProcess(strategy));
  const wallRate = median(rates.map((r) => r[0]));
  const cpuRate = median(rates.map((r) => r[1]));
  const goal = strategy === 'least-connections' ? `   target ≥ 5 M/s ${wallRate >= 5e6 ? 'ok' : 'MISSED'}` : '';
  console.log(
    `  in process  ${strategy.padEnd(18)} ${(wallRate / 1e6).toFixed(2).padStart(6)} M requests/s (${(cpuRate / 1e6).toFixed(2)} per CPU second; median of ${n})${goal}`,
  );
}

const bin = resolve('bin/capacity-plan.js');
const args = [bin, 'simulate', '--servers', '16', '--strategy', 'least-connections', '--requests', '2M', '--json'];
const wall = { node: [], simulate: [] };
for (let i = 0; i < runs + 1; i++) {
  for (const [name, argv] of [
    ['node', ['-e', '0']],
    ['simulate', args],
  ]) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    if (i > 0) wall[name].push(Number(process.hrtime.bigint() - start) / 1e9);
  }
}
const seconds = median(wall.simulate);
console.log(
  `  whole process: simulate --servers 16 --strategy least-connections --requests 2M: ${seconds.toFixed(2)} s = ${(requests / seconds / 1e6).toFixed(2)} M requests/s (median of ${runs}; node -e 0 took ${(median(wall.node) * 1000).toFixed(0)} ms, the run ${(seconds / median(wall.node)).toFixed(1)}×)   target ≥ 4 M/s ${requests / seconds >= 4e6 ? 'ok' : 'MISSED'}`,
);
