import { describe, expect, it } from 'vitest';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { computeDemand } from '../../src/core/demand.js';
import { chooseDesign, searchDesign } from '../../src/core/design-search.js';
import { inputSchema, type RawInput } from '../../src/core/input.js';
import { designContext } from '../../src/core/price-on.js';
import { resolveParameters } from '../../src/core/resolve.js';
import { tierForUsers } from '../../src/core/tiers.js';

/** A fresh design context (nothing remembered) for an input on its provider's bundled catalog. */
function context(raw: RawInput) {
  const input = inputSchema.parse({ ...raw, simulate: false });
  const params = resolveParameters(input);
  const catalog = bundledCatalogs()[input.provider as 'aws' | 'gcp' | 'azure']!;
  return { input, ctx: designContext({ input, params, demand: computeDemand(params), catalog, same: null }) };
}

/**
 * The growth projection's search (searchDesign with pickOnly) leaves unpriced every design whose availability
 * before pricing cannot reach the goal: its pick must be the full search's, design for design.
 */
describe('the pick-only search of the growth projection', () => {
  const users = [300, 2_000, 9_000, 60_000, 400_000, 2_500_000, 40_000_000];
  const cases: RawInput[] = [];
  for (const u of users)
    for (const provider of ['aws', 'gcp', 'azure'] as const)
      for (const availability of [undefined, 99.95, 99.99, 99.999]) cases.push({ users: u, provider, availability });
  cases.push(
    { users: 80_000, provider: 'aws', regions: 'us-east-1=70,eu-west-1=30', availability: 99.99 },
    { users: 80_000, provider: 'aws', regions: 'us-east-1=70,eu-west-1=30', dataResidency: true },
    { users: 900_000, provider: 'gcp', database: 'multi-az', availability: 99.999 },
    { users: 5_000, provider: 'azure', mixedHardware: true, availability: 99.99 },
  );

  it('picks the design the full search picks, priced the same', () => {
    let unpriced = 0;
    for (const raw of cases) {
      const full = context(raw);
      const tier = tierForUsers(full.input.users).id;
      const chosen = chooseDesign(full.ctx, tier, full.input.availability).design;
      const quick = context(raw);
      const picked = searchDesign(quick.ctx, tier, quick.input.availability, true).design;
      expect({ tier: picked.tier, resilience: picked.resilience }, JSON.stringify(raw)).toEqual({
        tier: chosen.tier,
        resilience: chosen.resilience,
      });
      expect(JSON.stringify(picked)).toBe(JSON.stringify(chosen));
      unpriced += full.ctx.designs.size - quick.ctx.designs.size;
    }
    // Not a vacuous check: the quick search did leave designs out.
    expect(unpriced).toBeGreaterThan(0);
  });
});
