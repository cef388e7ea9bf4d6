import { round } from '../core/round.js';
import { tidy } from './tidy.js';

export { tidy };
import { valueAt } from './extract.js';
import type { InputRange } from './range.js';

export interface TornadoRow {
  field: string;
  flag: string;
  lowValue: number;
  highValue: number;
  costAtLow: number | null;
  costAtHigh: number | null;
  swing: number;
}

export const flagOf = (field: string) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * One-at-a-time sensitivity: each ranged input at its 10th and 90th percentile with every other input at
 * its median, sorted by how far the monthly cost swings. `cost` returns null when the planner refuses.
 */
export function tornado(
  ranges: readonly InputRange[],
  base: Record<string, unknown>,
  cost: (raw: Record<string, unknown>) => number | null,
): { baseCost: number | null; rows: TornadoRow[] } {
  const rows = ranges.map((r): TornadoRow => {
    const lowValue = valueAt(r, 0.1);
    const highValue = valueAt(r, 0.9);
    const costAtLow = cost({ ...base, [r.field]: lowValue });
    const costAtHigh = cost({ ...base, [r.field]: highValue });
    const swing =
      costAtLow === null || costAtHigh === null ? Number.POSITIVE_INFINITY : Math.abs(costAtHigh - costAtLow);
    return {
      field: r.field,
      flag: flagOf(r.field),
      lowValue: tidy(lowValue),
      highValue: tidy(highValue),
      costAtLow,
      costAtHigh,
      swing,
    };
  });
  rows.sort((a, b) => b.swing - a.swing || a.field.localeCompare(b.field));
  return {
    baseCost: cost(base),
    rows: rows.map((r) => ({ ...r, swing: Number.isFinite(r.swing) ? round(r.swing, 2) : -1 })),
  };
}
