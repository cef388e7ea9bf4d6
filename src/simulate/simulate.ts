import type { ServiceDistribution } from './distributions.js';
import { SimulationRun } from './engine.js';
import { SIM_STRATEGIES, type SimStrategy } from './strategies.js';

export { SIM_STRATEGIES, type SimStrategy };

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

/** Runs one strategy to the end, in one go (see simulateStrategyAsync for a run that yields). */
export function simulateStrategy(strategy: SimStrategy, o: SimulationOptions): StrategyResult {
  const run = new SimulationRun(strategy, o);
  run.step(o.warmup + o.requests);
  return run.result();
}
