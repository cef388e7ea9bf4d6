/**
 * A log-bucketed histogram: constant memory whatever the run length, percentiles within 0.5 % (each
 * bucket spans a factor of 1.01). Values below 1 µs share the first bucket.
 */
export class Histogram {
  private static readonly MIN = 1e-6;
  private static readonly GROWTH = Math.log(1.01);
  private readonly counts: Float64Array;
  count = 0;
  sum = 0;
  max = 0;

  constructor(maxValue = 1e6) {
    this.counts = new Float64Array(Math.ceil(Math.log(maxValue / Histogram.MIN) / Histogram.GROWTH) + 2);
  }

  add(value: number): void {
    this.count++;
    this.sum += value;
    if (value > this.max) this.max = value;
    const i =
      value <= Histogram.MIN
        ? 0
        : Math.min(this.counts.length - 1, Math.floor(Math.log(value / Histogram.MIN) / Histogram.GROWTH) + 1);
    this.counts[i]!++;
  }

  mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** The p-quantile, as the geometric middle of its bucket (never above the largest value seen). */
  quantile(p: number): number {
    if (this.count === 0) return 0;
    const rank = p * this.count;
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) {
        if (i === 0) return Histogram.MIN;
        const low = Histogram.MIN * Math.exp((i - 1) * Histogram.GROWTH);
        return Math.min(this.max, low * Math.sqrt(1.01));
      }
    }
    return this.max;
  }
}
