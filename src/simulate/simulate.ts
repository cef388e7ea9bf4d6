import { DepartureHeap } from './departure-heap.js';
import type { ServiceDistribution } from './distributions.js';
import { Histogram } from './histogram.js';
import { Rng } from './rng.js';

export const SIM_STRATEGIES = [
  'round-robin',
  'least-connections',
  'power-of-two',
  'ip-hash',
  'weighted',
  'random',
] as const;
export type SimStrategy = (typeof SIM_STRATEGIES)[number];

export interface SimulationOptions {
  /** Relative speed of each server (its length is the number of servers); a request takes service ÷ speed. */
  speeds: readonly number[];
  /** Requests a server works on at once (its vCPUs); more wait in its FCFS queue. */
  concurrency: number;
  /** Mean arrival rate, requests per second (Poisson). */
  arrivalRate: number;
  service: ServiceDistribution;
  /** Measured requests, after the warm-up. */
  requests: number;
  /** Requests simulated first and not measured, so the run starts from a loaded system rather than an empty one. */
  warmup: number;
  seed: number;
  /** Distinct clients for IP hash; their request rates follow Zipf's law with this exponent (0: all alike; 1: a few offices and NATs send much of it). */
  clients: number;
  clientSkew: number;
  /** Optional hourly traffic factors (mean 1): the run is split into as many equal stretches, each at its rate. */
  curve?: readonly number[];
}

export interface StrategyResult {
  strategy: SimStrategy;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Most requests ever waiting (not yet being worked on) at one server. */
  maxQueue: number;
  /** Each server's share of the measured requests. */
  shares: number[];
  /** The busiest server's share ÷ its fair share (1 is perfectly even; speeds taken into account). */
  imbalance: number;
}

/** Runs one strategy. Arrivals and service times come from their own seeded streams, so every strategy meets the same traffic. */
export function simulateStrategy(strategy: SimStrategy, o: SimulationOptions): StrategyResult {
  const n = o.speeds.length;
  const c = o.concurrency;
  const arrivals = new Rng(o.seed);
  const services = new Rng(o.seed ^ 0x5bd1e995);
  const choices = new Rng(o.seed ^ 0x27d4eb2f);
  const speeds = Float64Array.from(o.speeds);
  const totalSpeed = speeds.reduce((a, b) => a + b, 0);
  const uniform = speeds.every((x) => x === speeds[0]);
  const inflight = new Int32Array(n);
  const workerFree = new Float64Array(n * c);
  const counts = new Float64Array(n);
  const current = new Float64Array(n);
  const heap = new DepartureHeap(Math.max(1024, n * c * 4));
  const histogram = new Histogram();
  const clientServer = strategy === 'ip-hash' ? clientMap(o.clients, n) : null;
  const clientCdf = strategy === 'ip-hash' ? zipfCdf(o.clients, o.clientSkew) : null;
  const curve = o.curve;
  const total = o.warmup + o.requests;
  let t = 0;
  let next = 0;
  let maxQueue = 0;
  // A number, not the name, in the hot loop: the switch below then compiles to a jump table.
  const code = SIM_STRATEGIES.indexOf(strategy);

  for (let r = 0; r < total; r++) {
    const rate = curve ? o.arrivalRate * curve[Math.floor((r * curve.length) / total)]! : o.arrivalRate;
    t += -Math.log(arrivals.next()) / rate;
    while (heap.size > 0 && heap.peekTime() <= t) {
      inflight[heap.peekServer()]!--;
      heap.pop();
    }
    let s = 0;
    switch (code) {
      case 0: // round-robin
        s = next;
        next = next + 1 === n ? 0 : next + 1;
        break;
      case 5: // random
        s = choices.below(n);
        break;
      case 1: {
        // least-connections
        // Fewest in flight (per unit of speed when speeds differ); ties go round the servers so none is favoured.
        if (uniform) {
          let best = 0x7fffffff;
          for (let i = next; i < n; i++) {
            const load = inflight[i]!;
            if (load < best) {
              best = load;
              s = i;
            }
          }
          for (let i = 0; i < next; i++) {
            const load = inflight[i]!;
            if (load < best) {
              best = load;
              s = i;
            }
          }
        } else {
          let best = Number.POSITIVE_INFINITY;
          for (let k = 0; k < n; k++) {
            const i = next + k < n ? next + k : next + k - n;
            const load = inflight[i]! / speeds[i]!;
            if (load < best) {
              best = load;
              s = i;
            }
          }
        }
        next = next + 1 === n ? 0 : next + 1;
        break;
      }
      case 2: {
        // power-of-two
        const a = choices.below(n);
        let b = n > 1 ? choices.below(n - 1) : 0;
        if (n > 1 && b >= a) b++;
        s = n > 1 && inflight[b]! / speeds[b]! < inflight[a]! / speeds[a]! ? b : a;
        break;
      }
      case 3: {
        // ip-hash
        const u = choices.next();
        let lo = 0;
        let hi = clientCdf!.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (clientCdf![mid]! < u) lo = mid + 1;
          else hi = mid;
        }
        s = clientServer![lo]!;
        break;
      }
      case 4: {
        // weighted
        // nginx's smooth weighted round robin: weights are the servers' speeds.
        let best = Number.NEGATIVE_INFINITY;
        for (let i = 0; i < n; i++) {
          current[i]! += speeds[i]!;
          if (current[i]! > best) {
            best = current[i]!;
            s = i;
          }
        }
        current[s]! -= totalSpeed;
        break;
      }
    }
    const work = o.service.sample(services) / speeds[s]!;
    // FCFS with c workers: the request starts when the earliest worker is free.
    const base = s * c;
    let w = base;
    for (let j = base + 1; j < base + c; j++) if (workerFree[j]! < workerFree[w]!) w = j;
    const start = workerFree[w]! > t ? workerFree[w]! : t;
    const finish = start + work;
    workerFree[w] = finish;
    const inSystem = ++inflight[s]!;
    heap.push(finish, s);
    if (r >= o.warmup) {
      histogram.add(finish - t);
      counts[s]!++;
      if (inSystem - c > maxQueue) maxQueue = inSystem - c;
    }
  }
  const shares = Array.from(counts, (x) => x / o.requests);
  let imbalance = 0;
  for (let i = 0; i < n; i++) imbalance = Math.max(imbalance, shares[i]! / (speeds[i]! / totalSpeed));
  return {
    strategy,
    meanMs: histogram.mean() * 1000,
    p50Ms: histogram.quantile(0.5) * 1000,
    p95Ms: histogram.quantile(0.95) * 1000,
    p99Ms: histogram.quantile(0.99) * 1000,
    maxMs: histogram.max * 1000,
    maxQueue,
    shares,
    imbalance,
  };
}

/** Each client's server under IP hash: a 32-bit integer hash of the client's address, modulo the servers. */
function clientMap(clients: number, servers: number): Int32Array {
  const map = new Int32Array(clients);
  for (let i = 0; i < clients; i++) {
    let h = Math.imul(i + 0x0a000001, 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca77);
    h ^= h >>> 13;
    map[i] = (h >>> 0) % servers;
  }
  return map;
}

function zipfCdf(clients: number, exponent: number): Float64Array {
  const cdf = new Float64Array(clients);
  let sum = 0;
  for (let i = 0; i < clients; i++) {
    sum += 1 / (i + 1) ** exponent;
    cdf[i] = sum;
  }
  for (let i = 0; i < clients; i++) cdf[i]! /= sum;
  cdf[clients - 1] = 1;
  return cdf;
}
