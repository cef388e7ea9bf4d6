// Simulator throughput: simulated requests per second for 1 M requests under each strategy, on one core.
//   node bench/simulate.mjs [servers] [requests]
import { runSimulation, SIM_STRATEGIES } from '../dist/index.js';

const servers = Number(process.argv[2] ?? 16);
const requests = Number(process.argv[3] ?? 1_000_000);
console.log(
  `simulator throughput: ${servers} servers, ${requests.toLocaleString('en-US')} requests, 70 % utilisation, exponential service (node ${process.version})`,
);
for (const strategy of SIM_STRATEGIES) {
  const start = process.hrtime.bigint();
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
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(
    `  ${strategy.padEnd(18)} ${(requests / seconds / 1e6).toFixed(2).padStart(6)} M requests/s   (${(seconds * 1000).toFixed(0)} ms)`,
  );
}
const heapMb = process.memoryUsage().heapUsed / 1e6;
console.log(
  `heap in use after the runs: ${heapMb.toFixed(1)} MB (bounded by servers and requests in flight, not by run length)`,
);
