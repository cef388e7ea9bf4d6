import { erlangC } from '../core/queueing.js';
import { serviceDistribution, type DistributionName } from './distributions.js';
import {
  simulateStrategy,
  SIM_STRATEGIES,
  type SimStrategy,
  type SimulationOptions,
  type StrategyResult,
} from './simulate.js';

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

/** Runs every requested strategy on the same traffic and reports them side by side. */
export function runSimulation(r: SimulationRequest): SimulationReport {
  const { options, report } = prepareSimulation(r);
  return { ...report, strategies: r.strategies.map((s) => simulateStrategy(s, options)) };
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
