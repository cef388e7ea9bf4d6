/** The q-quantile (0 ≤ q ≤ 1) of ascending-sorted values, interpolating between neighbours (R's type 7). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('no values');
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The index (into the original order) of the value at rank round(q·(n−1)) of `values` sorted ascending; ties keep the first. */
export function indexAtRank(values: readonly number[], q: number): number {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
  return order[Math.round(q * (order.length - 1))]!;
}
