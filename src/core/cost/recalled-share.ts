import { round } from '../round.js';
import type { LineItem } from './types.js';

/** The bill's lines priced on recalled (U) prices, by item, with their share of the bill. */
export interface RecalledShare {
  /** Share of the bill (sum of the positive lines) priced on U prices, 0–1. */
  share: number;
  monthly: number;
  items: { itemId: string; kind: string; monthly: number; share: number }[];
}

/** The U-priced items of a bill, largest first; their share is of the bill before discounts. */
export function recalledShare(lines: readonly LineItem[]): RecalledShare {
  const bill = lines.reduce((a, l) => a + Math.max(0, l.monthly), 0);
  const byItem = new Map<string, { itemId: string; kind: string; monthly: number }>();
  for (const l of lines) {
    if (l.confidence !== 'U' || !(l.monthly > 0)) continue;
    const key = `${l.kind}|${l.itemId}`;
    const known = byItem.get(key) ?? { itemId: l.itemId, kind: l.kind, monthly: 0 };
    known.monthly += l.monthly;
    byItem.set(key, known);
  }
  const items = [...byItem.values()]
    .sort((a, b) => b.monthly - a.monthly || a.itemId.localeCompare(b.itemId))
    .map((i) => ({ ...i, monthly: round(i.monthly), share: bill > 0 ? round(i.monthly / bill, 4) : 0 }));
  const monthly = items.reduce((a, i) => a + i.monthly, 0);
  return { share: bill > 0 ? round(monthly / bill, 4) : 0, monthly: round(monthly), items };
}
