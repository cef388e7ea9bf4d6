/** Values at or below this share the first bucket. */
export const MIN_VALUE = 1e-6;
const GROWTH = Math.log(1.01);
/** Top mantissa bits that index the start table: 2⁸ stretches per power of two, each a factor 1.0027. */
const MANTISSA_BITS = 8;
/** The table covers values from 2⁻²⁰ (below 1 µs) to 2²⁰ (past the default top of 10⁶ s). */
const LOW_EXPONENT = -20;
const HIGH_EXPONENT = 20;

/** The bucket by definition: ⌊ln(v / MIN) ÷ ln 1.01⌋ + 1, the first bucket for v ≤ MIN, at most `last`. */
export function slowBucket(value: number, last = Number.MAX_SAFE_INTEGER): number {
  return value <= MIN_VALUE ? 0 : Math.min(last, Math.floor(Math.log(value / MIN_VALUE) / GROWTH) + 1);
}

export interface BucketTables {
  /** The bucket of the smallest value in each stretch (a stretch: one exponent and top mantissa bits). */
  start: Int32Array;
  /** bounds[i]: the smallest double whose bucket is i or more (bounds[0] = 0, and +∞ past the last). */
  bounds: Float64Array;
  /** The key (high word >>> 12) of the first stretch. */
  firstKey: number;
}

const view = new Float64Array(1);
const words = new Uint32Array(view.buffer);
/** Index of the high and low 32 bits of a double in `words` (little- or big-endian machines alike). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LOW = 1 - HIGH;

/**
 * The next double up or down from a positive finite one: its bits as an integer, plus or minus one, in two
 * 32-bit words (a BigInt would allocate on every step: the tables cost ~15 ms at start-up that way).
 */
function step(x: number, up: boolean): number {
  view[0] = x;
  const low = words[LOW]!;
  if (up) {
    words[LOW] = low + 1;
    if (low === 0xffffffff) words[HIGH]!++;
  } else {
    words[LOW] = low - 1;
    if (low === 0) words[HIGH]!--;
  }
  return view[0]!;
}

/** The smallest double of a stretch: `key` (exponent and top mantissa bits) above 44 zero bits. */
function fromKey(key: number): number {
  words[HIGH] = key << 12;
  words[LOW] = 0;
  return view[0]!;
}

let cached: BucketTables | undefined;

/** Built once a process (a few milliseconds, most of it before V8 optimises it): exact boundaries found by stepping one double at a time. */
export function bucketTables(): BucketTables {
  if (cached) return cached;
  const firstKey = (1023 + LOW_EXPONENT) << MANTISSA_BITS;
  const endKey = (1023 + HIGH_EXPONENT) << MANTISSA_BITS;
  const top = slowBucket(fromKey(endKey)) + 1;
  const bounds = new Float64Array(top + 2);
  for (let i = 1; i <= top; i++) {
    let x = MIN_VALUE * Math.exp((i - 1) * GROWTH);
    while (slowBucket(x) >= i) x = step(x, false);
    while (slowBucket(x) < i) x = step(x, true);
    bounds[i] = x;
  }
  bounds[top + 1] = Number.POSITIVE_INFINITY;
  // The bucket of each stretch's smallest value, read off the bounds as they go up with it: the same bucket
  // as slowBucket's (it grows with the value), without ten thousand logarithms at start-up.
  const start = new Int32Array(endKey - firstKey);
  for (let key = firstKey, bucket = 0; key < endKey; key++) {
    const x = fromKey(key);
    while (bounds[bucket + 1]! <= x) bucket++;
    start[key - firstKey] = bucket;
  }
  cached = { start, bounds, firstKey };
  return cached;
}
