import type { Design } from './design-types.js';

/** Cheaper first; at the same price the more available. */
const better = (a: Design, b: Design) =>
  a.cost.monthly.expected < b.cost.monthly.expected ||
  (a.cost.monthly.expected === b.cost.monthly.expected && a.estimate.estimated > b.estimate.estimated);

/** The cheapest design that reaches the goal (null: none does). */
export function cheapestMeeting(all: readonly Design[], goal: number): Design | null {
  let best: Design | null = null;
  for (const d of all) if (d.estimate.estimated >= goal && (!best || better(d, best))) best = d;
  return best;
}

/** The most available design; at the same availability the cheaper. */
export function mostAvailable(all: readonly Design[]): Design {
  return all.reduce((a, d) =>
    d.estimate.estimated > a.estimate.estimated ||
    (d.estimate.estimated === a.estimate.estimated && d.cost.monthly.expected < a.cost.monthly.expected)
      ? d
      : a,
  );
}
