import { chooseServer } from './choose.js';
import type { SimulationRun } from './engine.js';

/**
 * The events of a block of requests whose arrival and service times are drawn (kernel-samples.ts): the
 * departures up to each arrival, the server chosen, its FCFS queue, and the response time into k.latency.
 * Two loops, each with few calls so that V8 inlines them all and compiles it quickly: least connections on
 * identical servers (picked by bitmask, LoadLevels), and every other strategy through chooseServer.
 */
export function leastConnectionsBlock(k: SimulationRun, m: number): number {
  const { heap, inflight, workerFree, speeds, counts, arrivalTimes, work, latency, c, n } = k;
  const levels = k.levels!;
  let next = k.next;
  const maxQueue = k.maxQueue;
  for (let i = 0; i < m; i++) {
    const t = arrivalTimes[i]!;
    while (heap.size > 0 && heap.times[0]! <= t) {
      const gone = heap.popServer();
      levels.down(gone, inflight[gone]!--);
    }
    const s = levels.pick(next);
    next = next + 1 === n ? 0 : next + 1;
    // FCFS with c workers: the request starts when the earliest worker is free. Each server's workers
    // are a min-heap of the times they come free (the earliest at its root), so c = 1024 costs log c.
    const base = s * c;
    const free = workerFree[base]!;
    const finish = (free > t ? free : t) + work[i]! / speeds[s]!;
    if (c === 1) workerFree[base] = finish;
    else replaceEarliest(workerFree, base, c, finish);
    const inSystem = ++inflight[s]!;
    levels.up(s, inSystem - 1);
    heap.push(finish, s);
    latency[i] = finish - t;
    counts[s]!++;
    if (inSystem - c > maxQueue[0]!) maxQueue[0] = inSystem - c;
  }
  return next;
}

/** The same events for every other strategy (and least connections when speeds differ). */
export function chosenBlock(k: SimulationRun, m: number): number {
  const { heap, inflight, workerFree, speeds, counts, arrivalTimes, work, latency, c, n } = k;
  let next = k.next;
  const maxQueue = k.maxQueue;
  for (let i = 0; i < m; i++) {
    const t = arrivalTimes[i]!;
    while (heap.size > 0 && heap.times[0]! <= t) inflight[heap.popServer()]!--;
    const s = chooseServer(k, next);
    next = next + 1 === n ? 0 : next + 1;
    const base = s * c;
    const free = workerFree[base]!;
    const finish = (free > t ? free : t) + work[i]! / speeds[s]!;
    if (c === 1) workerFree[base] = finish;
    else replaceEarliest(workerFree, base, c, finish);
    const inSystem = ++inflight[s]!;
    heap.push(finish, s);
    latency[i] = finish - t;
    counts[s]!++;
    if (inSystem - c > maxQueue[0]!) maxQueue[0] = inSystem - c;
  }
  return next;
}

/** Replaces the root of the min-heap workerFree[base, base + c) by a later time and restores the order. */
function replaceEarliest(heap: Float64Array, base: number, c: number, time: number): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= c) break;
    if (child + 1 < c && heap[base + child + 1]! < heap[base + child]!) child++;
    if (heap[base + child]! >= time) break;
    heap[base + i] = heap[base + child]!;
    i = child;
  }
  heap[base + i] = time;
}
