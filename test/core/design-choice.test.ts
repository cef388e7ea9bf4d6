import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers.js';

const PROFILES = ['web-app', 'saas', 'api', 'ecommerce', 'social', 'media'] as const;
const SIZES = [5_000, 50_000, 250_000, 500_000, 5_000_000, 56_000_000];

describe('the cheapest design that qualifies, never a dominated one', () => {
  for (const provider of ['aws', 'gcp', 'azure'] as const) {
    it(`${provider}: no cost-of-nines row is both at least as available as the plan and cheaper`, () => {
      for (const profile of PROFILES) {
        for (const users of SIZES) {
          const p = planOf({ users, profile, provider, simulate: false });
          for (const row of p.availability.costOfNines) {
            const dominates =
              row.estimated >= p.availability.estimated && row.monthly < p.cost.monthly.expected - 0.005;
            expect(dominates, `${profile} ${users}: ${row.target} % row (${row.change}) ${row.monthly}`).toBe(false);
          }
          for (const alt of p.availability.alternatives) {
            // Only the cacheless variant may be cheaper and as available: it departs from the seed's tier, and says so.
            const seedDeparture = /no cache/.test(alt.design) && /Kept: the scaling guide's/.test(alt.verdict);
            expect(
              alt.deltaMonthly >= 0 || alt.estimated < p.availability.estimated || seedDeparture,
              `${profile} ${users}: ${alt.design}`,
            ).toBe(true);
            expect(alt.verdict).toMatch(/dearer|below|Kept:/);
          }
        }
      }
    }, 120_000);
  }

  it('answers "why not drop the cache?": the design without one, sized for every read, its price and why the cache stays', () => {
    for (const provider of ['aws', 'gcp', 'azure'] as const) {
      const p = planOf({ users: 500_000, provider, simulate: false });
      const alt = p.availability.alternatives.find((a) => /no cache/.test(a.design))!;
      expect(alt, provider).toBeDefined();
      expect(alt.monthly).toBeCloseTo(p.cost.monthly.expected + alt.deltaMonthly, 1);
      expect(alt.verdict).toMatch(/would take all 313 reads\/s at peak and the sessions/);
      expect(alt.verdict).toMatch(/cheaper|dearer|below/);
    }
    const single = planOf({ users: 2_000, simulate: false });
    expect(single.cache).toBeNull();
    expect(single.availability.alternatives.some((a) => /no cache/.test(a.design))).toBe(false);
  });

  it('says which alternatives it beat and by how much', () => {
    const p = planOf({ users: 500_000, provider: 'aws', simulate: false });
    expect(p.availability.alternatives.length).toBeGreaterThanOrEqual(3);
    const options = p.availability.alternatives.map((a) => a.design).join('\n');
    expect(options).toMatch(/Multi-AZ DB cluster/);
    expect(options).toMatch(/I\/O-Optimized|Aurora/);
    expect(p.availability.reasons.join('\n')).toMatch(/floor/);
  });

  it('Aurora I/O-Optimized is chosen by the I/O the plan predicts', () => {
    // A write-heavy API bills enough I/O that the I/O-Optimized configuration wins.
    const heavy = planOf({ users: 5_000_000, profile: 'api', provider: 'aws', simulate: false, readRatio: 0.2 });
    const light = planOf({ users: 500_000, provider: 'aws', simulate: false });
    const io = (p: typeof heavy) => p.cost.lineItems.filter((l) => /I\/O/.test(l.description));
    expect(heavy.database.deployment).toBe('aurora-io-optimized');
    expect(io(heavy).every((l) => !/per write/.test(l.description))).toBe(true);
    expect(light.database.deployment).not.toBe('aurora-io-optimized');
  });
});

describe('engineering limits decide scale-out, not tier labels', () => {
  it('one primary while it carries the writes: no shards at 1M web-app users, with the shard key and when', () => {
    const p = planOf({ users: 1_000_000, provider: 'aws', simulate: false, growth: 10 });
    expect(p.database.shards).toBe(1);
    expect(p.database.sharding.key).toBe('user_id');
    expect(p.database.sharding.boundBy).toBe('none');
    expect(p.database.sharding.necessaryAtUsers).toBeGreaterThan(1_000_000);
    expect(p.database.sharding.necessaryInMonth).toBeGreaterThan(0);
    expect(p.database.reasons.join('\n')).toMatch(/readiness/);
  });

  it('saas at 250k users runs one primary, not two shards at 22 %', () => {
    const p = planOf({ users: 250_000, profile: 'saas', provider: 'aws', simulate: false });
    expect(p.database.shards).toBe(1);
    expect(p.database.sharding.key).toBe('tenant_id');
  });

  const limits: { name: string; input: Parameters<typeof planOf>[0]; bound: string }[] = [
    {
      name: 'storage over the engine maximum',
      input: { users: 56_000_000, profile: 'media', provider: 'azure', simulate: false },
      bound: 'storage',
    },
    {
      name: 'write CPU over the line on the largest primary',
      input: { users: 20_000_000, profile: 'saas', provider: 'aws', simulate: false },
      bound: 'write CPU',
    },
  ];
  for (const t of limits) {
    it(`shards when ${t.name}`, () => {
      const p = planOf(t.input);
      expect(p.database.shards).toBeGreaterThan(1);
      expect(p.database.sharding.boundBy).toBe(t.bound);
      const perShard = p.database.storageGb / p.database.shards;
      const cap = /Aurora/.test(p.database.service)
        ? 140_737
        : { aws: 70_368, gcp: 64_000, azure: 35_184 }[t.input.provider as 'aws' | 'gcp' | 'azure'];
      expect(perShard).toBeLessThanOrEqual(cap);
    });
  }

  it('storage per shard never passes the engine maximum on any provider', () => {
    const max = { aws: 70_368, gcp: 64_000, azure: 35_184 } as const;
    for (const provider of ['aws', 'gcp', 'azure'] as const) {
      const p = planOf({ users: 56_000_000, profile: 'media', provider, simulate: false });
      const cap = /Aurora/.test(p.database.service) ? 140_737 : max[provider];
      expect(p.database.storageGb / p.database.shards, provider).toBeLessThanOrEqual(cap);
    }
  });

  it('read replicas stay within the provider limit; past it, the reads shard the data', () => {
    for (const provider of ['aws', 'gcp', 'azure'] as const) {
      const p = planOf({ users: 300_000_000, profile: 'web-app', provider, simulate: false, readRatio: 0.99 });
      const limit = { aws: 15, gcp: 10, azure: 5 }[provider];
      expect(p.database.readReplicasPerShard, provider).toBeLessThanOrEqual(limit);
    }
  });

  it('cache shards only when memory or operations need them, and clusters stay under the node quota', () => {
    const small = planOf({ users: 1_000_000, provider: 'aws', simulate: false });
    expect(small.cache!.shards).toBe(
      small.cache!.reasons.join(' ').includes('cluster mode,') ? small.cache!.shards : 1,
    );
    const huge = planOf({ users: 1_000_000_000, provider: 'aws', simulate: false });
    expect(huge.cache!.reasons.join('\n')).toMatch(/limit per cluster/);
  });
});

describe('a split across regions without a target', () => {
  const splits = {
    aws: 'us-east-1=60,eu-west-1=40',
    gcp: 'us-central1=60,europe-west1=40',
    azure: 'eastus=60,westeurope=40',
  };
  for (const provider of ['aws', 'gcp', 'azure'] as const) {
    it(`${provider}: reaches its own floor (the failover time counted on both sides), and says nothing of a target`, () => {
      for (const users of [50_000, 500_000, 2_000_000, 5_000_000]) {
        const p = planOf({ users, provider, regions: splits[provider], simulate: false });
        const text = [...p.warnings, ...p.availability.reasons].join('\n');
        expect(p.availability.meetsTarget, `${users}`).toBeNull();
        expect(text, `${users}`).not.toMatch(/undefined|cannot be met/);
      }
    });
  }
});
