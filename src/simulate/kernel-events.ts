import { chooseServer } from './choose.js';
import type { SimulationRun } from './engine.js';

/**
 * The events of a block of requests whose arrival and service times are drawn (kernel-samples.ts): the
 * departures up to each arrival (a heap of every request in flight), the server chosen, its FCFS queue, and
 * the response time into k.latency; returns where round robin and least connections start next. One loop
 * for every strategy (least connections on identical servers picked by bitmask, LoadLevels; the others
 * through chooseServer), so that a run of two strategies, as behind a plan's balancer pick, warms up and is
 * compiled once. Least connections on a small fleet of one-worker servers has its own (kernel-scan.ts).
 */
export function heapBlock(k: SimulationRun, m: number): number {
  const { heap, inflight, workerFree, speeds, counts, arrivalTimes, work, latency, levels, c, n } = k;
  const leastConnections = k.code === 1 && levels !== null;
  let next = k.next;
  const maxQueue = k.maxQueue;
  for (let i = 0; i < m; i++) {
    const t = arrivalTimes[i]!;
    while (heap.size > 0 && heap.times[0]! <= t) {
      const gone = heap.popServer();
      const load = inflight[gone]!--;
      if (levels !== null) levels.down(gone, load);
    }
    const s = leastConnections ? levels.pick(next) : chooseServer(k, next);
    next = next + 1 === n ? 0 : next + 1;
    // FCFS with c workers: the request starts when the earliest worker is free. Each server's workers
    // are a min-heap of the times they come free (the earliest at its root), so c = 1024 costs log c.
    const base = s * c;
    const free = workerFree[base]!;
    const finish = (free > t ? free : t) + work[i]! / speeds[s]!;
    if (c === 1) workerFree[base] = finish;
    else replaceEarliest(workerFree, base, c, finish);
    const inSystem = ++inflight[s]!;
    if (levels !== null) levels.up(s, inSystem - 1);
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
