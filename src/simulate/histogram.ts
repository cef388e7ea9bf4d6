import { bucketTables, slowBucket, MIN_VALUE } from './histogram-buckets.js';

const view = new Float64Array(1);
const words = new Uint32Array(view.buffer);
/** Index of the high 32 bits of a double in `words` (little- or big-endian machines alike). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** Values added with a logarithm before the tables pay for themselves (building them costs ~13,000). */
const TABLE_AFTER = 50_000;

/**
 * A log-bucketed histogram: constant memory whatever the run length, percentiles within 0.5 % (each
 * bucket spans a factor of 1.01). Values below 1 µs share the first bucket.
 *
 * The bucket of a value is ⌊ln(v / 1 µs) ÷ ln 1.01⌋ + 1, but `add` finds it without a logarithm: the
 * value's exponent and top mantissa bits index a table of the first bucket in that stretch, and one or
 * two comparisons with the exact bucket boundaries finish the job — the same bucket, bit for bit.
 */
export class Histogram {
  private readonly counts: Float64Array;
  private readonly last: number;
  // The lookup tables, built on the first add past TABLE_AFTER (a short run is cheaper without them).
  private start: Int32Array | null = null;
  private bounds: Float64Array | null = null;
  private firstKey = 0;
  count = 0;
  sum = 0;
  max = 0;

  constructor(maxValue = 1e6) {
    this.counts = new Float64Array(Math.ceil(Math.log(maxValue / MIN_VALUE) / Math.log(1.01)) + 2);
    this.last = this.counts.length - 1;
  }

  add(value: number): void {
    this.count++;
    this.sum += value;
    if (value > this.max) this.max = value;
    if (this.start === null) {
      if (this.count < TABLE_AFTER) {
        this.counts[slowBucket(value, this.last)]!++;
        return;
      }
      const tables = bucketTables();
      this.start = tables.start;
      this.bounds = tables.bounds;
      this.firstKey = tables.firstKey;
    }
    view[0] = value;
    const key = (words[HIGH]! >>> 12) - this.firstKey;
    let i: number;
    if (key >= 0 && key < this.start.length) {
      i = this.start[key]!;
      const bounds = this.bounds!;
      while (value >= bounds[i + 1]!) i++;
      if (i > this.last) i = this.last;
    } else i = slowBucket(value, this.last);
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
        if (i === 0) return MIN_VALUE;
        const low = MIN_VALUE * Math.exp((i - 1) * Math.log(1.01));
        return Math.min(this.max, low * Math.sqrt(1.01));
      }
    }
    return this.max;
  }
}
