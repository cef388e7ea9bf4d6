import { Z95 } from '../uncertainty/distribution.js';

export const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

export interface Estimate {
  value: number;
  low: number;
  high: number;
  /** What the interval means, in words ("90 % interval of the day-to-day spread over 3 days"). */
  interval: string;
}

/** The spread of per-period values (days, windows): mean ± 1.645 sd from three periods on, their min..max below that. */
export function spreadOf(values: readonly number[], periods: string): Estimate {
  const m = mean(values);
  if (values.length < 3)
    return {
      value: m,
      low: Math.min(...values),
      high: Math.max(...values),
      interval: `min..max over ${values.length} ${periods}`,
    };
  const s = sd(values);
  if (values.every((v) => v > 0) && m - Z95 * s <= 0) {
    // A positive quantity whose spread would reach below zero (a normal interval of "-0.2..0.9 requests"):
    // its interval on the log scale, which stays positive (and is what a lognormal range in a plan reads).
    const logs = values.map(Math.log);
    const [ml, sl] = [mean(logs), sd(logs)];
    return {
      value: m,
      low: Math.exp(ml - Z95 * sl),
      high: Math.exp(ml + Z95 * sl),
      interval: `90 % interval of the spread over ${values.length} ${periods}, on the log scale`,
    };
  }
  return {
    value: m,
    low: m - Z95 * s,
    high: m + Z95 * s,
    interval: `90 % interval of the spread over ${values.length} ${periods}`,
  };
}

/** A 90 % confidence interval of a mean from its samples (normal approximation, fine from a few dozen on). */
export function meanInterval(values: readonly number[], what: string): Estimate {
  const m = mean(values);
  const half = values.length < 2 ? 0 : (Z95 * sd(values)) / Math.sqrt(values.length);
  return {
    value: m,
    low: m - half,
    high: m + half,
    interval: `90 % confidence interval of the mean of ${values.length} ${what}`,
  };
}

/** Wilson's 90 % interval for a share of k in n. */
export function shareInterval(k: number, n: number, what: string): Estimate {
  const p = k / n;
  const z = Z95;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return {
    value: p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
    interval: `90 % Wilson interval over ${n} ${what}`,
  };
}

/** The q-quantile of values (any order), nearest rank. */
export function quantileOf(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
