import { describe, expect, it } from 'vitest';
import { bucketTables, slowBucket } from '../../src/simulate/histogram-buckets.js';
import { tableBucket } from '../../src/simulate/histogram.js';

const view = new Float64Array(1);
const bits = new BigInt64Array(view.buffer);
/** The double whose bits are `n` (as the tables were first built, one BigInt step at a time). */
const fromBits = (n: bigint) => ((bits[0] = n), view[0]!);
const toBits = (x: number) => ((view[0] = x), bits[0]!);
const next = (x: number, by: bigint) => fromBits(toBits(x) + by);

describe("the histogram's lookup tables give slowBucket's bucket, bit for bit", () => {
  const { start, bounds, firstKey } = bucketTables();
  const last = bounds.length - 2;

  it("start: every stretch's first bucket is slowBucket of its smallest value", () => {
    for (let key = 0; key < start.length; key++)
      expect(start[key], `key ${key}`).toBe(slowBucket(fromBits(BigInt(firstKey + key) << 44n)));
  });

  it('bounds: each is the smallest double of its bucket (the one below is in the bucket before)', () => {
    for (let i = 1; i < bounds.length - 1; i++) {
      expect(slowBucket(bounds[i]!), `bucket ${i}`).toBeGreaterThanOrEqual(i);
      expect(slowBucket(next(bounds[i]!, -1n)), `below bucket ${i}`).toBeLessThan(i);
    }
    // Below the table's first stretch every value is under 1 µs: tableBucket answers 0 there without a look.
    expect(bounds[1]).toBeGreaterThan(fromBits(BigInt(firstKey) << 44n));
  });

  it('tableBucket agrees with slowBucket on the edges: 0, tiny, each bound and its neighbours, huge, odd values', () => {
    const values = [0, -0, 5e-324, 1e-9, 2 ** -20, 1e-6, next(1e-6, 1n), 1, 2 ** 20, 1e6, 1e7, 1e300, -1, Infinity];
    for (let i = 1; i < bounds.length - 1; i += 7) values.push(next(bounds[i]!, -1n), bounds[i]!, next(bounds[i]!, 1n));
    for (const v of values) expect(tableBucket(v, start, bounds, firstKey, last), `${v}`).toBe(slowBucket(v, last));
  });
});
