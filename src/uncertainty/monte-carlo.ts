import { Rng } from '../simulate/rng.js';
import { valueAt } from './extract.js';
import type { InputRange } from './range.js';

export interface Draw {
  /** The sampled value of each ranged field. */
  values: Record<string, number>;
}

/**
 * Latin hypercube draws: each range's probability axis is cut into `n` equal strata, every stratum is used
 * exactly once (one uniform point inside it), and the strata are paired across ranges by a seeded shuffle.
 * It covers the tails of every range with far fewer samples than plain Monte Carlo; same seed, same draws.
 */
export function drawSamples(ranges: readonly InputRange[], n: number, seed: number): Draw[] {
  const rng = new Rng(seed);
  const columns = ranges.map((range) => {
    const strata = shuffled(n, rng);
    return strata.map((s) => valueAt(range, (s + (rng.nextUint32() + 0.5) / 4294967296) / n));
  });
  return Array.from({ length: n }, (_, i) => ({
    values: Object.fromEntries(ranges.map((r, j) => [r.field, columns[j]![i]!])),
  }));
}

/** 0..n−1 in a seeded random order (Fisher–Yates). */
function shuffled(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export interface Outcome<T> {
  draw: Draw;
  /** null when the planner refused this sample (say, a p95 target no fleet can meet at that service time). */
  result: T | null;
  refusal: string | null;
}

/** Runs `evaluate` on every draw; a sample the planner refuses is kept as a refusal, not an error. */
export function runSamples<T>(
  draws: readonly Draw[],
  evaluate: (values: Record<string, number>) => T,
  isRefusal: (error: unknown) => boolean,
): Outcome<T>[] {
  return draws.map((draw) => {
    try {
      return { draw, result: evaluate(draw.values), refusal: null };
    } catch (error) {
      if (!isRefusal(error)) throw error;
      return { draw, result: null, refusal: (error as Error).message };
    }
  });
}

/**
 * runSamples in slices, awaiting `pause` between them (the CLI passes a turn of the event loop), so a
 * thousand plans never hold the thread long enough to keep Ctrl-C from being answered. Same outcomes.
 */
export async function runSamplesInSlices<T>(
  draws: readonly Draw[],
  evaluate: (values: Record<string, number>) => T,
  isRefusal: (error: unknown) => boolean,
  pause: () => Promise<void>,
  sliceMs = 20,
): Promise<Outcome<T>[]> {
  const out: Outcome<T>[] = [];
  let started = performance.now();
  for (let i = 0; i < draws.length; i++) {
    out.push(...runSamples([draws[i]!], evaluate, isRefusal));
    if (performance.now() - started > sliceMs) {
      await pause();
      started = performance.now();
    }
  }
  return out;
}
