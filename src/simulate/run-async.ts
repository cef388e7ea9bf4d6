import { SimulationRun } from './engine.js';
import { prepareSimulation, type SimulationReport, type SimulationRequest } from './run.js';
import type { SimulationOptions, SimStrategy, StrategyResult } from './simulate.js';

/**
 * Milliseconds from an arbitrary start, and a turn of the event loop: from process.hrtime and the global
 * setImmediate rather than node:perf_hooks and node:timers/promises, which a whole-process run would load
 * (a dozen of Node's own modules) for these two calls.
 */
const clock = () => {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1e3 + nanoseconds / 1e6;
};
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * runSimulation, in slices: the event loop gets a turn at least every `sliceMs` (so a SIGINT handler
 * runs within it), and the figures are the same, bit for bit, as one uninterrupted run.
 */
export async function runSimulationAsync(r: SimulationRequest, sliceMs = 25): Promise<SimulationReport> {
  const { options, report } = prepareSimulation(r);
  const strategies: StrategyResult[] = [];
  for (const s of r.strategies) strategies.push(await runStrategySliced(s, options, sliceMs));
  return { ...report, strategies };
}

async function runStrategySliced(
  strategy: SimStrategy,
  o: SimulationOptions,
  sliceMs: number,
): Promise<StrategyResult> {
  const run = new SimulationRun(strategy, o);
  // Requests per step, doubled or halved so that a step takes a fraction of the slice whatever the cost
  // of a request (a few hundred nanoseconds, or microseconds on 10,000 servers under weighted).
  let k = 1024;
  let turn = clock();
  while (!run.finished) {
    const start = clock();
    run.step(k);
    const now = clock();
    if (now - start < sliceMs / 8) k *= 2;
    else if (now - start > sliceMs / 2 && k > 16) k >>= 1;
    if (now - turn >= sliceMs) {
      await nextTurn();
      turn = clock();
    }
  }
  return run.result();
}
