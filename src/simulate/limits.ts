import type { SimStrategy } from './strategies.js';

/**
 * What one `simulate` may ask for, so every run ends: at a few million requests a second the largest
 * allowed run takes minutes, not forever, and it yields to the event loop so Ctrl-C stops it.
 */
export const SIM_LIMITS = {
  servers: 10_000,
  concurrency: 1024,
  /** servers × concurrency: the workers whose free times are tracked (memory and per-request cost). */
  workers: 100_000,
  requests: 1e8,
  warmup: 1e8,
  /** (requests + warm-up) × strategies, a request weighing more where a strategy looks at every server. */
  events: 1e9,
} as const;

/**
 * The events a run costs: each request once, or servers ÷ 32 times for a strategy that visits every server
 * per request (weighted, and least connections when speeds differ).
 */
export function simulationEvents(
  strategies: readonly SimStrategy[],
  r: { servers: number; mixedSpeeds: boolean; requests: number; warmup: number },
): number {
  const scanWeight = Math.max(1, r.servers / 32);
  return strategies.reduce((sum, s) => {
    const scans = s === 'weighted' || (s === 'least-connections' && r.mixedSpeeds);
    return sum + (r.requests + r.warmup) * (scans ? scanWeight : 1);
  }, 0);
}
