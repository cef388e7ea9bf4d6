import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SimulationRun } from './engine.js';
import { prepareSimulation, type SimulationReport, type SimulationRequest } from './run.js';
import type { SimulationOptions, SimStrategy, StrategyResult } from './simulate.js';

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
  let turn = performance.now();
  while (!run.finished) {
    const start = performance.now();
    run.step(k);
    const now = performance.now();
    if (now - start < sliceMs / 8) k *= 2;
    else if (now - start > sliceMs / 2 && k > 16) k >>= 1;
    if (now - turn >= sliceMs) {
      await nextTurn();
      turn = performance.now();
    }
  }
  return run.result();
}
