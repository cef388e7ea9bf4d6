import { describe, expect, it } from 'vitest';
import { groupedText } from '../../src/core/document/grouped-text.js';
import { planOf } from '../helpers.js';

describe('numbers in the words of a plan are grouped, as in its tables', () => {
  it('groups counts, rates and volumes; leaves names, dates, versions, addresses, amounts and years', () => {
    expect(groupedText('1954 servers at peak, 17361.1/s, 4562500.0 million writes')).toBe(
      '1,954 servers at peak, 17,361.1/s, 4,562,500.0 million writes',
    );
    expect(groupedText('Auto-scaling range 2480–247858: the quietest hour')).toBe(
      'Auto-scaling range 2,480–247,858: the quietest hour',
    );
    for (const kept of [
      'db-custom-64-425984 Multi-AZ',
      'prices of 2026-11-29',
      'Valkey 7.2 and port :6379, 10.0.0.0/16',
      'costs $1234 a month',
      'Standard_E64ds_v5 at 999 GB',
      'retires by 2028 (2023 announcement), since 1999',
      'already 12,345 GB',
    ])
      expect(groupedText(kept)).toBe(kept);
  });

  it('no plan, however large, leaves a long number ungrouped in its reasons or bill', () => {
    const ungrouped = /(?<![\w.,/:$#@+-])\d{5,}(?![\w-]|[.,]\d)/;
    for (const provider of ['aws', 'gcp', 'azure'] as const)
      for (const users of [5_000_000, 500_000_000]) {
        const p = planOf({ users, profile: 'saas', provider, availability: 99.99, simulate: false });
        const words = [
          ...p.compute.reasons,
          ...p.database.reasons,
          ...(p.cache?.reasons ?? []),
          ...p.autoscaling!.reasons,
          ...p.cost.lineItems.map((l) => l.description),
        ];
        for (const w of words) expect(w, `${provider} ${users}`).not.toMatch(ungrouped);
      }
  });
});
