import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers.js';

/**
 * No cliffs a user cannot explain: over users from 1 to 10⁹ (quarter decades, and both sides of every tier
 * edge) on every profile, the monthly cost never goes down as users go up, availability never drops when the
 * tier rises, and the capacity left after losing a zone never shrinks. (Raw vCPUs may: two zones must keep
 * half the fleet spare, three zones a third, so the move from 2 to 3 zones at 100k can need fewer vCPUs.)
 */
const USERS = [
  ...Array.from({ length: 37 }, (_, i) => Math.round(10 ** (i / 4))),
  9_999,
  10_000,
  99_999,
  100_000,
  999_999,
  1_000_000,
].sort((a, b) => a - b);
const PROFILES = ['web-app', 'saas', 'api', 'ecommerce', 'social', 'media'] as const;

describe('no cliffs from 1 to 10⁹ users', () => {
  for (const provider of ['aws', 'gcp', 'azure'] as const) {
    it(`${provider}: cost, availability at tier changes and zone-loss capacity never go down`, () => {
      for (const profile of PROFILES) {
        let previous: { users: number; cost: number; availability: number; tier: string; spare: number } | null = null;
        for (const users of USERS) {
          const p = planOf({ users, profile, provider, simulate: false });
          const atPeak = p.compute.instances.expected;
          const zones = p.availability.zones;
          const spare = (zones >= 2 ? atPeak - Math.ceil(atPeak / zones) : atPeak) * p.compute.vcpus;
          const now = {
            users,
            cost: p.cost.monthly.expected,
            availability: p.availability.estimated,
            tier: p.tier.id,
            spare,
          };
          if (previous) {
            const where = `${profile} ${previous.users} → ${users}`;
            expect(now.cost, `${where}: cost`).toBeGreaterThanOrEqual(previous.cost);
            expect(now.spare, `${where}: capacity after a zone loss`).toBeGreaterThanOrEqual(previous.spare);
            if (now.tier !== previous.tier)
              expect(now.availability, `${where}: availability`).toBeGreaterThanOrEqual(previous.availability);
          }
          previous = now;
        }
      }
    }, 120_000);
  }
});
