import type { PlanDocument } from '../core/plan-document.js';
import { usd } from './format.js';

type Tornado = NonNullable<PlanDocument['uncertainty']>['tornado'];

/**
 * The tornado as text bars around the median cost: each input's bar runs from its cost at p10 to its
 * cost at p90, widest swing on top. Fits in `width` columns.
 */
export function tornadoBars(t: Tornado, width = 76): string[] {
  const costs = t.rows.flatMap((r) => [r.costAtLow, r.costAtHigh]).filter((c): c is number => c !== null);
  const lo = Math.min(t.baseCost, ...costs);
  const hi = Math.max(t.baseCost, ...costs);
  const label = Math.max(8, ...t.rows.map((r) => r.flag.length - 2));
  const barWidth = Math.max(10, width - label - 24);
  const at = (c: number) => (hi === lo ? 0 : Math.round(((c - lo) / (hi - lo)) * barWidth));
  const mid = at(t.baseCost);
  const lines = t.rows.map((r) => {
    const bar = Array.from<unknown, string>({ length: barWidth + 1 }, (_, i) => (i === mid ? '│' : ' '));
    if (r.costAtLow !== null && r.costAtHigh !== null) {
      const [a, b] = [at(r.costAtLow), at(r.costAtHigh)].sort((x, y) => x - y) as [number, number];
      for (let i = a; i <= b; i++) bar[i] = i === mid ? '┼' : '█';
    }
    const left = r.costAtLow === null ? 'refused' : usd(r.costAtLow);
    const right = r.costAtHigh === null ? 'refused' : usd(r.costAtHigh);
    return `${r.flag.slice(2).padEnd(label)} ${left.padStart(10)} ${bar.join('')} ${right}`;
  });
  return [
    ...lines,
    `${''.padEnd(label)} ${''.padStart(10)} ${' '.repeat(Math.max(0, mid - 3))}median ${usd(t.baseCost)}`,
  ];
}
