import { describe, expect, it, vi } from 'vitest';
import type { CostContext } from '../../src/core/cost/types.js';

// Every bill the design search prices, recorded as deferredCost receives it.
const priced: CostContext[] = [];
vi.mock('../../src/core/cost/cost-plan.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/cost/cost-plan.js')>();
  return {
    ...original,
    deferredCost: (ctx: CostContext) => {
      priced.push(ctx);
      return original.deferredCost(ctx);
    },
  };
});

const { costPlan, costTotals } = await import('../../src/core/cost/cost-plan.js');
const { planOf } = await import('../helpers.js');

/**
 * The design search compares candidates on costTotals (no lines, no words); the plan shows costPlan's lines
 * and totals for the one it chose. The two must agree to the cent on every design the search prices —
 * every provider, profile and size, with commitments, spot, a discount, a region split and mixed hardware.
 */
describe('the totals the search compares', () => {
  const inputs = [
    ...[900, 40_000, 600_000, 8_000_000].flatMap((users) =>
      (['aws', 'gcp', 'azure'] as const).flatMap((provider) =>
        (['web-app', 'saas', 'media'] as const).map((profile) => ({ users, provider, profile })),
      ),
    ),
    { users: 300_000, provider: 'aws' as const, commitment: '3y' as const, spot: 0.4, discount: 7 },
    { users: 300_000, provider: 'gcp' as const, commitment: '1y' as const, spot: 0.2 },
    { users: 300_000, provider: 'azure' as const, commitment: '3y' as const, discount: 12.5 },
    { users: 250_000, provider: 'aws' as const, regions: 'us-east-1=60,eu-west-1=40', availability: 99.99 },
    { users: 2_000_000, provider: 'gcp' as const, mixedHardware: true, availability: 99.95 },
    { users: 120_000, provider: 'azure' as const, regions: 'eastus=50,westeurope=50', dataResidency: true },
  ];

  it('are costPlan’s totals on every design priced', () => {
    for (const input of inputs) planOf({ ...input, simulate: false });
    expect(priced.length).toBeGreaterThan(inputs.length * 5);
    expect(priced.some((c) => c.facts.fleets.length > 1)).toBe(true);
    for (const ctx of priced) expect(costTotals(ctx)).toEqual(costPlan(ctx).monthly);
  });
});
