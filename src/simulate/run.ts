import { erlangC } from '../core/queueing.js';
import { serviceDistribution, type DistributionName } from './distributions.js';
import { SimulationRun } from './engine.js';
import { SIM_STRATEGIES, type SimStrategy, type SimulationOptions, type StrategyResult } from './simulate.js';

/** A simulation as a person asks for it: the service distribution by name, mean and CV, and the strategies to compare. */
export interface SimulationRequest extends Omit<SimulationOptions, 'service' | 'speeds'> {
  speeds: number[];
  serviceTimeMs: number;
  distribution: DistributionName;
  cv: number;
  strategies: readonly SimStrategy[];
}

export interface SimulationReport {
  parameters: {
    servers: number;
    speeds: number[];
    concurrency: number;
    arrivalRate: number;
    utilization: number;
    serviceTimeMs: number;
    distribution: DistributionName;
    cv: number;
    requests: number;
    warmup: number;
    seed: number;
    clients: number;
    clientSkew: number;
    curve: boolean;
  };
  strategies: StrategyResult[];
  /** Closed-form references for identical servers and exponential service. */
  theory: { sharedQueueMeanMs: number; randomDispatchMeanMs: number } | null;
}

export function utilizationOf(
  r: Pick<SimulationRequest, 'speeds' | 'concurrency' | 'arrivalRate' | 'serviceTimeMs'>,
): number {
  const capacity = (r.speeds.reduce((a, b) => a + b, 0) * r.concurrency) / (r.serviceTimeMs / 1000);
  return r.arrivalRate / capacity;
}

/** Requests each strategy runs before the next one takes its turn in runSimulation. */
const TURN = 1024;

/**
 * Runs every requested strategy on the same traffic and reports them side by side. The strategies take
 * turns of TURN requests (each run keeps its own state, so the figures are those of runs one after the
 * other): by the time V8 optimises the hot loop it has seen every strategy, and compiles it once rather than
 * again for each strategy that follows — most of the cost of a short run such as the balancer evidence.
 */
export function runSimulation(r: SimulationRequest): SimulationReport {
  const { options, report } = prepareSimulation(r);
  const runs = r.strategies.map((s) => new SimulationRun(s, options));
  for (let unfinished = true; unfinished;) {
    unfinished = false;
    for (const run of runs) {
      run.step(TURN);
      unfinished ||= !run.finished;
    }
  }
  return { ...report, strategies: runs.map((run) => run.result()) };
}

/** The simulator's options for a request, and the report around the results still to come. */
export function prepareSimulation(r: SimulationRequest): { options: SimulationOptions; report: SimulationReport } {
  const service = serviceDistribution(r.distribution, r.serviceTimeMs / 1000, r.cv);
  const { serviceTimeMs: _ms, distribution: _d, cv: _cv, strategies: _s, ...rest } = r;
  const options: SimulationOptions = { ...rest, service };
  const rho = utilizationOf(r);
  const identical = r.speeds.every((s) => s === r.speeds[0]);
  let theory: SimulationReport['theory'] = null;
  if (identical && r.distribution === 'exponential' && rho < 1 && !r.curve) {
    const s = r.serviceTimeMs / r.speeds[0]!;
    const servers = r.speeds.length * r.concurrency;
    const offered = rho * servers;
    const perServer = rho * r.concurrency;
    theory = {
      sharedQueueMeanMs: s + (erlangC(servers, offered) * s) / (servers - offered),
      randomDispatchMeanMs: s + (erlangC(r.concurrency, perServer) * s) / (r.concurrency - perServer),
    };
  }
  const parameters: SimulationReport['parameters'] = {
    servers: r.speeds.length,
    speeds: r.speeds,
    concurrency: r.concurrency,
    arrivalRate: r.arrivalRate,
    utilization: rho,
    serviceTimeMs: r.serviceTimeMs,
    distribution: r.distribution,
    cv: service.cv,
    requests: r.requests,
    warmup: r.warmup,
    seed: r.seed,
    clients: r.clients,
    clientSkew: r.clientSkew,
    curve: r.curve !== undefined,
  };
  return { options, report: { parameters, strategies: [], theory } };
}

export { SIM_STRATEGIES };
