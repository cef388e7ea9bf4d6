/**
 * The distributions a range can be read as. A range low..high is a 90 % interval: low is the 5th and high
 * the 95th percentile. Each distribution is given by its quantile function, so sampling, medians and the
 * tornado's p10/p90 all come from one place.
 */
export const DISTRIBUTIONS = ['lognormal', 'logit-normal', 'normal', 'uniform'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

/** z of the 95th percentile of the standard normal: a 90 % interval is ±Z95 standard deviations. */
export const Z95 = 1.6448536269514722;

export interface Interval {
  low: number;
  high: number;
  distribution: Distribution;
  /** For logit-normal: the value that stands for "all" (1 for a share, 100 for a percentage). */
  scale?: number;
}

/** The value at probability u (0 < u < 1) of the distribution whose 5th and 95th percentiles are low and high. */
export function quantile(r: Interval, u: number): number {
  const { low, high } = r;
  switch (r.distribution) {
    case 'lognormal':
      return Math.exp(between(Math.log(low), Math.log(high), inverseNormal(u)));
    case 'normal':
      return between(low, high, inverseNormal(u));
    case 'uniform': {
      const pad = ((high - low) * 0.05) / 0.9;
      return low - pad + u * (high - low + 2 * pad);
    }
    case 'logit-normal': {
      const s = r.scale ?? 1;
      const z = between(logit(low / s), logit(high / s), inverseNormal(u));
      return s / (1 + Math.exp(-z));
    }
  }
}

/** Where a distribution can put its two ends: log-normal needs both above 0, logit-normal both inside (0, scale). */
export function endsProblem(r: Interval): string | null {
  if (!(r.low < r.high)) return `the low end (${r.low}) must be below the high end (${r.high})`;
  if (r.distribution === 'lognormal' && r.low <= 0)
    return 'a log-normal range needs both ends above 0 (write it as a mapping with distribution: normal or uniform)';
  const s = r.scale ?? 1;
  if (r.distribution === 'logit-normal' && (r.low <= 0 || r.high >= s))
    return `a logit-normal range needs both ends strictly between 0 and ${s} (write it as a mapping with distribution: uniform)`;
  return null;
}

/** Mean ± z·sd where the 5th/95th percentiles are a and b. */
function between(a: number, b: number, z: number): number {
  return (a + b) / 2 + ((b - a) / (2 * Z95)) * z;
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** The standard normal's quantile: Acklam's rational approximation (relative error below 1.2e-9). */
export function inverseNormal(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be strictly between 0 and 1, not ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  let x: number;
  if (p < 0.02425) x = tail(Math.sqrt(-2 * Math.log(p)));
  else if (p > 1 - 0.02425) x = -tail(Math.sqrt(-2 * Math.log(1 - p)));
  else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  }
  return x;
}
