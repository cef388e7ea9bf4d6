import type { SimulationRun } from './engine.js';
import { TABLE_AFTER } from './histogram.js';
import { heapBlock } from './kernel-events.js';
import { leastConnectionsScanBlock } from './kernel-scan.js';
import { fillArrivals, fillServices } from './kernel-samples.js';

let simulated = 0;

/** Requests simulated in this process so far, warm-ups included (counted per block, not in the hot loop). */
export function requestsSimulated(): number {
  return simulated;
}

/**
 * Simulates requests `k.done` to `end` (measuring them or not), a block at a time: the block's arrival
 * times and service times first (each from its own stream, so drawn ahead they are the same numbers), then
 * its events, then its response times into the histogram. Each of these is a small loop with its state in
 * locals and typed arrays that V8 optimises early and whole (nothing boxed, nothing allocated).
 */
export function advance(k: SimulationRun, end: number, measuring: boolean): void {
  const h = k.histogram;
  if (measuring && h.start === null && k.measured >= TABLE_AFTER) h.useTables();
  // The event loops count every request's server and queue; what the warm-up counted is forgotten here.
  if (measuring && k.done === k.warmup) {
    k.counts.fill(0);
    k.maxQueue[0] = 0;
  }
  const events = eventsOf(k);
  const block = k.arrivalTimes.length;
  while (k.done < end) {
    const m = Math.min(block, end - k.done);
    fillArrivals(k, k.done, m);
    fillServices(k, m);
    k.next = events(k, m);
    if (measuring) h.addBlock(k.latency, m);
    k.done += m;
    simulated += m;
  }
}

function eventsOf(k: SimulationRun): (k: SimulationRun, m: number) => number {
  return k.code === 1 && k.levels !== null && k.queues !== null ? leastConnectionsScanBlock : heapBlock;
}
