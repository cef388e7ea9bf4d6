import { chooseServer } from './choose.js';
import type { SimulationRun } from './engine.js';
import { slowBucket } from './histogram-buckets.js';
import { TABLE_AFTER, tableBucket } from './histogram.js';

/** 2⁻³²: Rng.next() is (nextInt32() >>> 0) + 1 times this, inlined where the hot loop needs it. */
const U32 = 2.3283064365386963e-10;

let simulated = 0;

/** Requests simulated in this process so far, warm-ups included (counted per call, not in the hot loop). */
export function requestsSimulated(): number {
  return simulated;
}

/**
 * Simulates requests `k.done` to `end` (measuring them or not). The hot loop: its state in locals and typed
 * arrays, no closure called, service times sampled from plain numbers, the histogram filled in place, and
 * least connections on identical servers picked by bitmask without a call through the strategy switch.
 */
export function advance(k: SimulationRun, end: number, measuring: boolean): void {
  const { heap, inflight, levels, counts, workerFree, arrivals, services, speeds, curve, c, n, kind, total } = k;
  const { reals, histogram: h } = k;
  const sa = reals[0]!;
  const sb = reals[1]!;
  const sc = reals[2]!;
  const rateBase = reals[3]!;
  const lc = k.code === 1 && levels !== null;
  if (measuring && h.start === null && k.measured >= TABLE_AFTER) h.useTables();
  const { start, bounds, firstKey, last, totals, counts: bucketCounts } = h;
  let sum = totals[0]!;
  let max = totals[1]!;
  let t = reals[4]!;
  let maxQueue = k.maxQueue;
  let next = k.next;
  for (let r = k.done; r < end; r++) {
    const rate = curve === null ? rateBase : rateBase * curve[Math.floor((r * curve.length) / total)]!;
    t += -Math.log(((arrivals.nextInt32() >>> 0) + 1) * U32) / rate;
    while (heap.size > 0 && heap.times[0]! <= t) {
      const gone = heap.popServer();
      const load = inflight[gone]!--;
      if (levels !== null) levels.down(gone, load);
    }
    const first = next;
    next = next + 1 === n ? 0 : next + 1;
    const s = lc ? levels.pick(first) : chooseServer(k, first);
    // The service time, sampled inline (a call returning a double would allocate it on the heap).
    let work: number;
    if (kind === 0) work = -sa * Math.log(((services.nextInt32() >>> 0) + 1) * U32);
    else if (kind === 1) work = Math.exp(sa + sb * services.normal());
    else if (kind === 2) work = -(services.next() < sc ? sb : sa) * Math.log(services.next());
    else work = k.service.sample(services);
    work /= speeds[s]!;
    // FCFS with c workers: the request starts when the earliest worker is free. Each server's workers
    // are a min-heap of the times they come free (the earliest at its root), so c = 1024 costs log c.
    const base = s * c;
    const free = workerFree[base]!;
    const finish = (free > t ? free : t) + work;
    if (c === 1) workerFree[base] = finish;
    else replaceEarliest(workerFree, base, c, finish);
    const inSystem = ++inflight[s]!;
    if (levels !== null) levels.up(s, inSystem - 1);
    heap.push(finish, s);
    if (measuring) {
      const v = finish - t;
      sum += v;
      if (v > max) max = v;
      bucketCounts[start === null ? slowBucket(v, last) : tableBucket(v, start, bounds, firstKey, last)]!++;
      counts[s]!++;
      if (inSystem - c > maxQueue) maxQueue = inSystem - c;
    }
  }
  if (measuring) h.count += end - k.done;
  simulated += end - k.done;
  totals[0] = sum;
  totals[1] = max;
  reals[4] = t;
  k.maxQueue = maxQueue;
  k.next = next;
  k.done = end;
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
