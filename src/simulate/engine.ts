import { DepartureHeap } from './departure-heap.js';
import { Histogram, TABLE_AFTER, tableBucket } from './histogram.js';
import { slowBucket } from './histogram-buckets.js';
import { LoadLevels } from './load-levels.js';
import { Rng } from './rng.js';
import { clientMap, zipfCdf } from './clients.js';
import type { SimulationOptions, SimStrategy, StrategyResult } from './simulate.js';
import { SIM_STRATEGIES } from './strategies.js';

/** 2⁻³²: Rng.next() is (nextInt32() >>> 0) + 1 times this, inlined where the hot loop needs it. */
const U32 = 2.3283064365386963e-10;

/**
 * One strategy's run as a state machine: `step(k)` simulates the next k requests, so a caller can run it
 * all at once or in slices that let the event loop breathe. Arrivals and service times come from their
 * own seeded streams, so every strategy meets the same traffic. The hot loop keeps its state in typed
 * arrays and locals, calls no closure, and samples service times from plain numbers.
 */
export class SimulationRun {
  private readonly n: number;
  private readonly c: number;
  private readonly code: number;
  private readonly speeds: Float64Array;
  private readonly totalSpeed: number;
  private readonly uniform: boolean;
  private readonly arrivals: Rng;
  private readonly services: Rng;
  private readonly choices: Rng;
  private readonly inflight: Int32Array;
  private readonly workerFree: Float64Array;
  private readonly counts: Float64Array;
  private readonly current: Float64Array;
  private readonly heap: DepartureHeap;
  private readonly levels: LoadLevels | null;
  private readonly histogram = new Histogram();
  private readonly clientServer: Int32Array | null;
  private readonly clientCdf: Float64Array | null;
  private readonly kind: number;
  private readonly sa: number;
  private readonly sb: number;
  private readonly sc: number;
  private readonly curve: Float64Array | null;
  private readonly total: number;
  private t = 0;
  private next = 0;
  private maxQueue = 0;
  /** Requests simulated so far, warm-up included. */
  done = 0;

  constructor(
    private readonly strategy: SimStrategy,
    private readonly o: SimulationOptions,
  ) {
    const n = (this.n = o.speeds.length);
    const c = (this.c = o.concurrency);
    this.code = SIM_STRATEGIES.indexOf(strategy);
    this.arrivals = new Rng(o.seed);
    this.services = new Rng(o.seed ^ 0x5bd1e995);
    this.choices = new Rng(o.seed ^ 0x27d4eb2f);
    const speeds = (this.speeds = Float64Array.from(o.speeds));
    this.totalSpeed = speeds.reduce((a, b) => a + b, 0);
    this.uniform = speeds.every((x) => x === speeds[0]);
    this.inflight = new Int32Array(n);
    this.workerFree = new Float64Array(n * c);
    this.counts = new Float64Array(n);
    this.current = new Float64Array(n);
    this.heap = new DepartureHeap(Math.max(1024, n * c * 4));
    this.levels = strategy === 'least-connections' && this.uniform ? new LoadLevels(n) : null;
    this.clientServer = strategy === 'ip-hash' ? clientMap(o.clients, n) : null;
    this.clientCdf = strategy === 'ip-hash' ? zipfCdf(o.clients, o.clientSkew) : null;
    const inline = o.service.inline;
    this.kind = inline ? inline.kind : -1;
    this.sa = inline ? inline.a : 0;
    this.sb = inline ? inline.b : 0;
    this.sc = inline ? inline.c : 0;
    this.curve = o.curve ? Float64Array.from(o.curve) : null;
    this.total = o.warmup + o.requests;
  }

  get finished(): boolean {
    return this.done >= this.total;
  }

  /** Simulates up to `k` more requests (the warm-up first, unmeasured). */
  step(k: number): void {
    const end = Math.min(this.total, this.done + k);
    if (this.done < this.o.warmup) this.advance(Math.min(end, this.o.warmup), false);
    if (end > this.done) this.advance(end, true);
  }

  private advance(end: number, measuring: boolean): void {
    const { heap, inflight, levels, histogram, counts, workerFree, arrivals, services, speeds, curve, c } = this;
    const { kind, sa, sb, sc } = this;
    const rateBase = this.o.arrivalRate;
    const total = this.total;
    const lc = levels !== null && this.code === 1;
    const n = this.n;
    let times = heap.times;
    let hservers = heap.servers;
    let size = heap.size;
    let t = this.t;
    let maxQueue = this.maxQueue;
    let next = this.next;
    if (measuring && histogram.start === null && this.o.requests >= TABLE_AFTER) histogram.useTables();
    const { start, bounds, firstKey, last } = histogram;
    const hCounts = histogram.counts;
    let hCount = histogram.count;
    let hSum = histogram.sum;
    let hMax = histogram.max;
    for (let r = this.done; r < end; r++) {
      const rate = curve === null ? rateBase : rateBase * curve[Math.floor((r * curve.length) / total)]!;
      t += -Math.log(((arrivals.nextInt32() >>> 0) + 1) * U32) / rate;
      while (size > 0 && times[0]! <= t) {
        const gone = hservers[0]!;
        // pop
        const last = --size;
        if (last > 0) {
          const time = times[last]!;
          const server = hservers[last]!;
          let i = 0;
          for (;;) {
            let child = 2 * i + 1;
            if (child >= last) break;
            if (child + 1 < last && times[child + 1]! < times[child]!) child++;
            if (times[child]! >= time) break;
            times[i] = times[child]!;
            hservers[i] = hservers[child]!;
            i = child;
          }
          times[i] = time;
          hservers[i] = server;
        }
        const load = inflight[gone]!--;
        if (levels !== null) levels.down(gone, load);
      }
      let s: number;
      if (lc) {
        s = levels.pick(next);
        next = next + 1 === n ? 0 : next + 1;
      } else {
        this.next = next;
        s = this.choose();
        next = this.next;
      }
      let work: number;
      if (kind === 0) work = -sa * Math.log(((services.nextInt32() >>> 0) + 1) * U32);
      else if (kind === 1) work = Math.exp(sa + sb * services.normal());
      else if (kind === 2) work = -(services.next() < sc ? sb : sa) * Math.log(services.next());
      else work = this.o.service.sample(services);
      work /= speeds[s]!;
      const base = s * c;
      const free = workerFree[base]!;
      const finish = (free > t ? free : t) + work;
      if (c === 1) workerFree[base] = finish;
      else replaceEarliest(workerFree, base, c, finish);
      const inSystem = ++inflight[s]!;
      if (levels !== null) levels.up(s, inSystem - 1);
      // push
      if (size === times.length) {
        heap.size = size;
        heap.grow();
        times = heap.times;
        hservers = heap.servers;
      }
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        const pt = times[parent]!;
        if (pt <= finish) break;
        times[i] = pt;
        hservers[i] = hservers[parent]!;
        i = parent;
      }
      times[i] = finish;
      hservers[i] = s;
      if (measuring) {
        const v = finish - t;
        hCount++;
        hSum += v;
        if (v > hMax) hMax = v;
        hCounts[start === null ? slowBucket(v, last) : tableBucket(v, start, bounds, firstKey, last)]!++;
        counts[s]!++;
        if (inSystem - c > maxQueue) maxQueue = inSystem - c;
      }
    }
    heap.size = size;
    histogram.count = hCount;
    histogram.sum = hSum;
    histogram.max = hMax;
    this.next = next;
    this.t = t;
    this.maxQueue = maxQueue;
    this.done = end;
  }

  /** The server for the next request. */
  private choose(): number {
    const n = this.n;
    switch (this.code) {
      case 0: {
        // round-robin
        const s = this.next;
        this.next = s + 1 === n ? 0 : s + 1;
        return s;
      }
      case 1: {
        // least-connections: fewest in flight (per unit of speed when speeds differ); ties go round the
        // servers so none is favoured.
        const from = this.next;
        this.next = from + 1 === n ? 0 : from + 1;
        return this.levels !== null ? this.levels.pick(from) : this.leastPerSpeed(from);
      }
      case 2:
        return this.powerOfTwo();
      case 3:
        return this.ipHash();
      case 4:
        return this.weighted();
      default:
        return this.choices.below(n);
    }
  }

  private leastPerSpeed(from: number): number {
    const { n, inflight, speeds } = this;
    let best = Number.POSITIVE_INFINITY;
    let s = 0;
    for (let k = 0; k < n; k++) {
      const i = from + k < n ? from + k : from + k - n;
      const load = inflight[i]! / speeds[i]!;
      if (load < best) {
        best = load;
        s = i;
      }
    }
    return s;
  }

  private powerOfTwo(): number {
    const { n, inflight, speeds, choices } = this;
    const a = choices.below(n);
    let b = n > 1 ? choices.below(n - 1) : 0;
    if (n > 1 && b >= a) b++;
    return n > 1 && inflight[b]! / speeds[b]! < inflight[a]! / speeds[a]! ? b : a;
  }

  /** A client drawn from the Zipf population, and the server its address hashes to. */
  private ipHash(): number {
    const cdf = this.clientCdf!;
    const u = this.choices.next();
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return this.clientServer![lo]!;
  }

  /** nginx's smooth weighted round robin: weights are the servers' speeds. */
  private weighted(): number {
    const { n, current, speeds } = this;
    let best = Number.NEGATIVE_INFINITY;
    let s = 0;
    for (let i = 0; i < n; i++) {
      current[i]! += speeds[i]!;
      if (current[i]! > best) {
        best = current[i]!;
        s = i;
      }
    }
    current[s]! -= this.totalSpeed;
    return s;
  }

  result(): StrategyResult {
    const { n, speeds, totalSpeed, histogram, o } = this;
    const shares = Array.from(this.counts, (x) => x / o.requests);
    let imbalance = 0;
    for (let i = 0; i < n; i++) imbalance = Math.max(imbalance, shares[i]! / (speeds[i]! / totalSpeed));
    return {
      strategy: this.strategy,
      meanMs: histogram.mean() * 1000,
      p50Ms: histogram.quantile(0.5) * 1000,
      p95Ms: histogram.quantile(0.95) * 1000,
      p99Ms: histogram.quantile(0.99) * 1000,
      maxMs: histogram.max * 1000,
      maxQueue: this.maxQueue,
      shares,
      imbalance,
    };
  }
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
