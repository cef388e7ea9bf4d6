import type { Chooser } from './choose.js';
import { DepartureHeap } from './departure-heap.js';
import { Histogram } from './histogram.js';
import { advance } from './kernel.js';
import { LoadLevels } from './load-levels.js';
import { Rng } from './rng.js';
import { ServerQueues } from './server-queues.js';
import { clientMap, zipfCdf } from './clients.js';
import type { ServiceDistribution } from './distributions.js';
import type { SimulationOptions, SimStrategy, StrategyResult } from './simulate.js';
import { SIM_STRATEGIES } from './strategies.js';

/**
 * The most servers on which every server's next departure is looked at (ServerQueues), not a heap; at most
 * 32, as the scan kernel keeps each load level in one 32-bit word (kernel-scan.ts).
 */
const SCAN_SERVERS = 32;

/** Requests whose samples are drawn, and events run, together (kernel.ts). */
const BLOCK = 1024;

/**
 * One strategy's run as a state machine: `step(k)` simulates the next k requests, so a caller can run it
 * all at once or in slices that let the event loop breathe. Arrivals and service times come from their
 * own seeded streams, so every strategy meets the same traffic. The state lives in typed arrays and in
 * fields that keep one type for the whole run (a field that goes from 0 to 0.5 makes V8 throw away the
 * code it optimised); the hot loops (kernel*.ts) copy it into locals.
 */
export class SimulationRun implements Chooser {
  readonly n: number;
  readonly c: number;
  readonly code: number;
  readonly speeds: Float64Array;
  readonly totalSpeed: number;
  readonly arrivals: Rng;
  readonly services: Rng;
  readonly choices: Rng;
  readonly inflight: Int32Array;
  readonly workerFree: Float64Array;
  readonly counts: Float64Array;
  readonly current: Float64Array;
  readonly heap: DepartureHeap;
  readonly levels: LoadLevels | null;
  /** Each server's finish times in order, when a server has one worker and the fleet is small (else null). */
  readonly queues: ServerQueues | null;
  readonly histogram = new Histogram();
  readonly clientServer: Int32Array | null;
  readonly clientCdf: Float64Array | null;
  /** The service sampler inline: 0 exponential, 1 lognormal, 2 bimodal, −1 the distribution's own. */
  readonly kind: number;
  /** Its numbers a, b, c (see ServiceDistribution.inline), then the arrival rate and the clock. */
  readonly reals: Float64Array;
  readonly curve: Float64Array | null;
  readonly service: ServiceDistribution;
  /** One block's arrival times, service times on a speed-1 server and response times (see kernel.ts). */
  readonly arrivalTimes = new Float64Array(BLOCK);
  readonly work = new Float64Array(BLOCK);
  readonly latency = new Float64Array(BLOCK);
  readonly warmup: number;
  readonly measured: number;
  readonly total: number;
  /** Round robin's next server, and where least connections starts looking. */
  next = 0;
  /**
   * The most requests waiting at one server, in an array: the event loops write it as it grows, and leave
   * nothing to write back after the loop (code there has not run when V8 optimises a loop mid-call).
   */
  readonly maxQueue = new Int32Array(1);
  /** Requests simulated so far, warm-up included. */
  done = 0;

  constructor(
    private readonly strategy: SimStrategy,
    o: SimulationOptions,
  ) {
    const n = (this.n = o.speeds.length);
    const c = (this.c = o.concurrency);
    this.code = SIM_STRATEGIES.indexOf(strategy);
    this.arrivals = new Rng(o.seed);
    this.services = new Rng(o.seed ^ 0x5bd1e995);
    this.choices = new Rng(o.seed ^ 0x27d4eb2f);
    const speeds = (this.speeds = Float64Array.from(o.speeds));
    this.totalSpeed = speeds.reduce((a, b) => a + b, 0);
    const uniform = speeds.every((x) => x === speeds[0]);
    this.inflight = new Int32Array(n);
    this.workerFree = new Float64Array(n * c);
    this.counts = new Float64Array(n);
    this.current = new Float64Array(n);
    this.heap = new DepartureHeap(Math.max(1024, n * c * 4));
    this.levels = strategy === 'least-connections' && uniform ? new LoadLevels(n) : null;
    this.queues = c === 1 && n <= SCAN_SERVERS ? new ServerQueues(n) : null;
    this.clientServer = strategy === 'ip-hash' ? clientMap(o.clients, n) : null;
    this.clientCdf = strategy === 'ip-hash' ? zipfCdf(o.clients, o.clientSkew) : null;
    const inline = o.service.inline;
    this.kind = inline ? inline.kind : -1;
    this.reals = Float64Array.of(inline?.a ?? 0, inline?.b ?? 0, inline?.c ?? 0, o.arrivalRate, 0);
    this.curve = o.curve ? Float64Array.from(o.curve) : null;
    this.service = o.service;
    this.warmup = o.warmup;
    this.measured = o.requests;
    this.total = o.warmup + o.requests;
  }

  get finished(): boolean {
    return this.done >= this.total;
  }

  /** Simulates up to `k` more requests (the warm-up first, unmeasured). */
  step(k: number): void {
    const end = Math.min(this.total, this.done + k);
    if (this.done < this.warmup) advance(this, Math.min(end, this.warmup), false);
    if (end > this.done) advance(this, end, true);
  }

  result(): StrategyResult {
    const { n, speeds, totalSpeed, histogram } = this;
    const shares = Array.from(this.counts, (x) => x / this.measured);
    let imbalance = 0;
    for (let i = 0; i < n; i++) imbalance = Math.max(imbalance, shares[i]! / (speeds[i]! / totalSpeed));
    return {
      strategy: this.strategy,
      meanMs: histogram.mean() * 1000,
      p50Ms: histogram.quantile(0.5) * 1000,
      p95Ms: histogram.quantile(0.95) * 1000,
      p99Ms: histogram.quantile(0.99) * 1000,
      maxMs: histogram.max * 1000,
      maxQueue: this.maxQueue[0]!,
      shares,
      imbalance,
    };
  }
}
