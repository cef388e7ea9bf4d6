import { bucketTables, slowBucket, MIN_VALUE } from './histogram-buckets.js';

const view = new Float64Array(1);
const words = new Uint32Array(view.buffer);
/** Index of the high 32 bits of a double in `words` (little- or big-endian machines alike). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** Values added with a logarithm before the tables pay for themselves (building them costs ~13,000). */
export const TABLE_AFTER = 50_000;

/**
 * The bucket of a value without a logarithm: its exponent and top mantissa bits index a table of the first
 * bucket in that stretch, and one or two comparisons with the exact bucket boundaries finish the job — the
 * same bucket, bit for bit, as slowBucket. Small enough for V8 to inline into the simulator's hot loop.
 */
export function tableBucket(value: number, start: Int32Array, bounds: Float64Array, firstKey: number, last: number) {
  view[0] = value;
  const key = (words[HIGH]! >>> 12) - firstKey;
  // Below the table, a value is under 2⁻²⁰ s < 1 µs: the first bucket. (Returning it, rather than calling
  // slowBucket, leaves V8 nothing to learn when the first such value comes, long after it optimised this.)
  if (key < 0) return 0;
  if (key >= start.length) return slowBucket(value, last);
  let i = start[key]!;
  while (value >= bounds[i + 1]!) i++;
  return i > last ? last : i;
}

/**
 * A log-bucketed histogram: constant memory whatever the run length, percentiles within 0.5 % (each
 * bucket spans a factor of 1.01). Values below 1 µs share the first bucket. The bucket of a value is
 * ⌊ln(v / 1 µs) ÷ ln 1.01⌋ + 1, found by tableBucket once the tables pay for themselves.
 *
 * The simulator adds a block of response times at a time (addBlock).
 */
export class Histogram {
  readonly counts: Float64Array;
  readonly last: number;
  // The lookup tables, built on the first add past TABLE_AFTER or by useTables (a short run is cheaper without).
  start: Int32Array | null = null;
  bounds: Float64Array = new Float64Array(0);
  firstKey = 0;
  count = 0;
  /** Sum and largest value, in a Float64Array: double fields that start at 0 make V8 redo its optimised code. */
  readonly totals = new Float64Array(2);

  constructor(maxValue = 1e6) {
    this.counts = new Float64Array(Math.ceil(Math.log(maxValue / MIN_VALUE) / Math.log(1.01)) + 2);
    this.last = this.counts.length - 1;
  }

  /** Builds the lookup tables now (the buckets are the same with or without them). */
  useTables(): void {
    const tables = bucketTables();
    this.start = tables.start;
    this.bounds = tables.bounds;
    this.firstKey = tables.firstKey;
  }

  add(value: number): void {
    this.count++;
    this.totals[0]! += value;
    if (value > this.totals[1]!) this.totals[1] = value;
    if (this.start === null && this.count >= TABLE_AFTER) this.useTables();
    this.counts[
      this.start === null
        ? slowBucket(value, this.last)
        : tableBucket(value, this.start, this.bounds, this.firstKey, this.last)
    ]!++;
  }

  /** Adds values[0, m) in order: the same counts, sum and largest value as m calls of add. */
  addBlock(values: Float64Array, m: number): void {
    if (this.start === null && this.count + m >= TABLE_AFTER) this.useTables();
    const { start, bounds, firstKey, last, totals, counts } = this;
    let sum = totals[0]!;
    let max = totals[1]!;
    for (let i = 0; i < m; i++) {
      const v = values[i]!;
      sum += v;
      if (v > max) max = v;
      counts[start === null ? slowBucket(v, last) : tableBucket(v, start, bounds, firstKey, last)]!++;
    }
    totals[0] = sum;
    totals[1] = max;
    this.count += m;
  }

  get sum(): number {
    return this.totals[0]!;
  }

  get max(): number {
    return this.totals[1]!;
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
