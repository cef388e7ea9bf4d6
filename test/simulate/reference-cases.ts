import { serviceDistribution } from '../../src/simulate/distributions.js';
import { SIM_STRATEGIES, type SimStrategy, type SimulationOptions } from '../../src/simulate/simulate.js';

const S = 0.05;
const base = (over: Partial<SimulationOptions>): SimulationOptions => ({
  speeds: Array<number>(10).fill(1),
  concurrency: 1,
  arrivalRate: (0.7 * 10) / S,
  service: serviceDistribution('exponential', S),
  requests: 30_000,
  warmup: 3_000,
  seed: 1,
  clients: 10_000,
  clientSkew: 0.6,
  ...over,
});

/**
 * Runs whose every figure was recorded, to the last bit, from the simulator as it was before its speed-up
 * (commit 53a23bc): every strategy under each shape of fleet and traffic the simulator supports.
 */
export const REFERENCE_CASES: Record<string, SimulationOptions> = {
  'exponential, 10 servers, ρ 0.7': base({}),
  'lognormal CV 3, 16 servers × 4, ρ 0.85': base({
    speeds: Array<number>(16).fill(1),
    concurrency: 4,
    arrivalRate: (0.85 * 64) / S,
    service: serviceDistribution('lognormal', S, 3),
    seed: 7,
  }),
  'bimodal, speeds 1,1,2,4, ρ 0.6': base({
    speeds: [1, 1, 2, 4],
    arrivalRate: (0.6 * 8) / S,
    service: serviceDistribution('bimodal', S),
    seed: 3,
  }),
  'lognormal CV 0.5, 40 servers × 2, a daily curve': base({
    speeds: Array<number>(40).fill(1),
    concurrency: 2,
    arrivalRate: (0.5 * 80) / S,
    service: serviceDistribution('lognormal', S, 0.5),
    curve: [0.5, 0.7, 1, 1.4, 1.3, 1.1],
    seed: 11,
  }),
  'one server, no warm-up, skewed clients': base({
    speeds: [1],
    arrivalRate: 0.5 / S,
    warmup: 0,
    clients: 3,
    clientSkew: 1.2,
    seed: 5,
  }),
  'lognormal CV 3, 70 servers, ρ 0.9': base({
    speeds: Array<number>(70).fill(1),
    arrivalRate: (0.9 * 70) / S,
    service: serviceDistribution('lognormal', S, 3),
    seed: 13,
  }),
  'unstable: ρ 1.2 on 3 servers': base({ speeds: [1, 1, 1], arrivalRate: (1.2 * 3) / S, seed: 9 }),
  // Recorded later, from the same simulator (commit 29cec35): the most servers the scan kernel takes.
  'exponential, 32 servers (a full word of LoadLevels), ρ 0.95': base({
    speeds: Array<number>(32).fill(1),
    arrivalRate: (0.95 * 32) / S,
    seed: 17,
  }),
};

export const REFERENCE_STRATEGIES: readonly SimStrategy[] = SIM_STRATEGIES;
