import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers.js';

/**
 * A sharded database's replicas are rounded up shard by shard, so the fewest shards a bound asks for is not
 * always the cheapest layout. Found by the "cost never falls when users grow" property: at 140,657,491
 * users 15 shards of 1 + 8 cost more than the 16 shards of 1 + 7 planned for 79,510 more users.
 */
describe('shards of a sharded database', () => {
  const input = {
    users: 140_657_491,
    profile: 'saas' as const,
    peakFactor: 1.0356197044639452,
    readRatio: 0.9687805175781242,
    simulate: false,
  };

  it('cost no less for more users', () => {
    const fewer = planOf(input);
    const more = planOf({ ...input, users: input.users + 79_510 });
    expect(more.cost.monthly.expected).toBeGreaterThanOrEqual(fewer.cost.monthly.expected);
  });

  it('are more than the bound asks for only with fewer instances in all, and say why', () => {
    const db = planOf(input).database;
    const instances = db.shards * (1 + db.readReplicasPerShard);
    const why = db.reasons.find((r) => /shards rather than the \d+ that storage asks for/.test(r));
    expect(why).toBeDefined();
    const [, fewest, before] = /rather than the (\d+) that .* instances in all rather than (\d+)/.exec(why!)!;
    expect(db.shards).toBeGreaterThan(Number(fewest));
    expect(instances).toBeLessThan(Number(before));
  });

  it('stay as the bound asks where more would not be cheaper, and an unsharded database stays one', () => {
    for (const users of [50_000, 2_000_000, 30_000_000]) {
      const db = planOf({ users, simulate: false }).database;
      expect(db.reasons.some((r) => /shards rather than the/.test(r))).toBe(false);
    }
  });
});
