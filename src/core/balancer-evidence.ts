import { runSimulation } from '../simulate/run.js';
import type { SimStrategy } from '../simulate/simulate.js';
import type { Strategy } from './load-balancing.js';
import { mixedSpeeds } from './fleet-sizing.js';
import { round } from './round.js';
import { groupDigits } from './group-digits.js';

export interface BalancerEvidence {
  servers: number;
  concurrency: number;
  utilization: number;
  distribution: 'lognormal';
  cv: number;
  requests: number;
  seed: number;
  results: { strategy: SimStrategy; meanMs: number; p95Ms: number; p99Ms: number; imbalance: number }[];
  summary: string;
}

/** Coefficient of variation used for "similar" and "variable" request durations. */
const CV = { similar: 0.5, variable: 3 } as const;
const REQUESTS = 10_000;
const WARMUP = REQUESTS / 10;
const SEED = 1;
/**
 * The simulation's fixed budget: at most this many servers (a slice of a larger fleet, at the fleet's own
 * utilisation, vCPUs and request durations), REQUESTS measured after WARMUP unmeasured requests, two
 * strategies. Its cost is the same for 3 servers and for 3,000: BUDGET = 22,000 simulated requests (each an
 * arrival and a departure) over ≤ 16 servers, said in the summary of every plan that shows it.
 */
const SLICE = 16;
export const EVIDENCE_BUDGET = 2 * (REQUESTS + WARMUP);
/**
 * Simulations already run in this process, by their exact inputs (seeded, so the same inputs give the same
 * figures): a sweep over many inputs or a growth projection month by month repeats fleets. Bounded.
 */
const SIMULATED = new Map<string, BalancerEvidence['results']>();
const MEMO_SIZE = 1024;

/**
 * Where simulations outlive the process, keyed the same way (the CLI keeps them in a file of the user's
 * cache folder, so that running the command again does not simulate again). The figures are seeded, so a
 * remembered result is the one the simulation would give: the evidence is the same, byte for byte.
 */
export interface EvidenceStore {
  get(key: string): BalancerEvidence['results'] | undefined;
  set(key: string, results: BalancerEvidence['results']): void;
}
let store: EvidenceStore | null = null;

/** The binary sets one; in process (tests, the library) simulations are remembered in memory only. */
export function setEvidenceStore(next: EvidenceStore | null): void {
  store = next;
}

/** What each pick is compared against in the simulation. */
const RIVAL: Record<Exclude<Strategy, 'none'>, SimStrategy> = {
  'round-robin': 'least-connections',
  'least-connections': 'round-robin',
  'ip-hash': 'least-connections',
  weighted: 'round-robin',
};

/**
 * A short, seeded simulation of the plan's own fleet at its peak (or of a 16-server slice of it, when it is
 * larger): the pick against its closest rival, so the reason shows a number rather than asserting one.
 * `servers` in the result is the number simulated.
 */
export function balancerEvidence(
  strategy: Strategy,
  fleet: {
    servers: number;
    vcpus: number;
    utilization: number;
    serviceTimeMs: number;
    durations: 'similar' | 'variable';
    mixedHardware: boolean;
  },
): BalancerEvidence | null {
  if (strategy === 'none' || fleet.servers < 2 || !(fleet.utilization > 0) || fleet.utilization >= 1) return null;
  const cv = CV[fleet.durations];
  // Mixed hardware: every other server twice as fast, the case weights exist for.
  const mixed = strategy === 'weighted' && fleet.mixedHardware;
  const simulated = Math.min(fleet.servers, SLICE);
  const speeds = mixed ? mixedSpeeds(simulated) : Array.from({ length: simulated }, () => 1);
  const arrivalRate =
    (fleet.utilization * speeds.reduce((a, b) => a + b, 0) * fleet.vcpus) / (fleet.serviceTimeMs / 1000);
  const picked: SimStrategy = strategy;
  const rival = strategy === 'weighted' && !mixed ? 'least-connections' : RIVAL[strategy];
  const results = simulatePair(picked, rival, speeds, fleet.vcpus, arrivalRate, fleet.serviceTimeMs, cv);
  const [a, b] = results as [BalancerEvidence['results'][number], BalancerEvidence['results'][number]];
  const where = simulated < fleet.servers ? `a ${simulated}-server slice of this fleet` : 'this fleet';
  const budget = `${groupDigits(REQUESTS)} requests after ${groupDigits(WARMUP)} warm-up per strategy, seed ${SEED} — a fixed budget of ${groupDigits(EVIDENCE_BUDGET)} simulated requests whatever the fleet size`;
  const fleetText = `${groupDigits(fleet.servers)} servers × ${fleet.vcpus} vCPU${mixed ? ', every other one twice as fast' : ''} at ${Math.round(fleet.utilization * 100)} % CPU, request durations ${fleet.durations} (CV ${cv})`;
  const verdict =
    strategy === 'weighted' && !mixed
      ? ' — with equal weights, weighted is round robin: its weights carry the canary split, not the load'
      : a.p99Ms <= b.p99Ms
        ? ''
        : ` — here ${b.strategy} does better at the tail; the pick stands for the reason above, not for speed`;
  return {
    servers: simulated,
    concurrency: fleet.vcpus,
    utilization: round(fleet.utilization, 3),
    distribution: 'lognormal',
    cv,
    requests: REQUESTS,
    seed: SEED,
    results,
    summary: `Simulated on ${where} at peak (${fleetText}; ${budget}): ${a.strategy} p99 ${a.p99Ms} ms vs ${b.p99Ms} ms with ${b.strategy} (p95 ${a.p95Ms} vs ${b.p95Ms} ms)${verdict}`,
  };
}

/** The two strategies on the same seeded traffic, remembered by their exact inputs; a fresh copy each time. */
function simulatePair(
  picked: SimStrategy,
  rival: SimStrategy,
  speeds: number[],
  vcpus: number,
  arrivalRate: number,
  serviceTimeMs: number,
  cv: number,
): BalancerEvidence['results'] {
  const key = `${REQUESTS}+${WARMUP} seed ${SEED}: ${picked} ${rival} ${vcpus} ${arrivalRate} ${serviceTimeMs} ${cv} ${speeds.join(',')}`;
  let results = SIMULATED.get(key) ?? store?.get(key);
  if (!results) {
    const report = runSimulation({
      speeds,
      concurrency: vcpus,
      arrivalRate,
      serviceTimeMs,
      distribution: 'lognormal',
      cv,
      strategies: [picked, rival],
      requests: REQUESTS,
      warmup: WARMUP,
      seed: SEED,
      clients: 10_000,
      clientSkew: 0.6,
    });
    results = report.strategies.map((r) => ({
      strategy: r.strategy,
      meanMs: round(r.meanMs, 1),
      p95Ms: round(r.p95Ms, 1),
      p99Ms: round(r.p99Ms, 1),
      imbalance: round(r.imbalance, 3),
    }));
    store?.set(key, results);
  }
  if (!SIMULATED.has(key)) {
    if (SIMULATED.size >= MEMO_SIZE) SIMULATED.clear();
    SIMULATED.set(key, results);
  }
  return results.map((r) => ({ ...r }));
}
