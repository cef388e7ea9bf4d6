import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogSchema } from '../../src/pricing/catalog-schema.js';
import { DAYS_PER_MONTH } from '../../src/core/demand.js';
import { planOf } from '../helpers.js';

const PROVIDERS = ['aws', 'gcp', 'azure'] as const;
const catalog = (provider: string) => catalogSchema.parse(parse(readFileSync(`pricing/${provider}.yaml`, 'utf8')));

describe('larger database classes: a primary scales up before the data is sharded', () => {
  for (const provider of PROVIDERS) {
    it(`${provider}: every region sells 16, 32 and 64 vCPUs of each option it sells 8 of, priced in proportion`, () => {
      for (const [code, region] of Object.entries(catalog(provider).regions)) {
        const db = region.items.filter((i) => i.kind === 'database' && i.shape?.startsWith('db-memory-'));
        for (const eight of db.filter((i) => i.shape === 'db-memory-8')) {
          for (const k of [2, 4, 8]) {
            const larger = db.find((i) => i.shape === `db-memory-${8 * k}` && i.variant === eight.variant);
            expect(larger, `${code} ${eight.variant} ×${k}`).toBeDefined();
            expect(larger!.vcpus).toBe(eight.vcpus! * k);
            expect(larger!.memoryGb).toBe(eight.memoryGb! * k);
            expect(larger!.price).toBeCloseTo(eight.price * k, 6);
            // Derived from a row, never surer than it: V becomes M, U stays U.
            expect(larger!.confidence).toBe(eight.confidence === 'U' ? 'U' : 'M');
          }
        }
      }
    });
  }

  it('5M social users on AWS: one db.r7g.4xlarge primary carries 6.94 vCPUs of writes, no shards', () => {
    const p = planOf({ users: 5_000_000, profile: 'social', provider: 'aws', simulate: false });
    expect(p.database.shards).toBe(1);
    expect(p.database.instanceType).toBe('db.r7g.4xlarge');
    expect(p.database.reasons.join('\n')).toMatch(/readiness step, not a default/);
  });

  it('sharding comes only when the largest primary is outgrown: 20M SaaS users shard db.r7g.16xlarge by write CPU', () => {
    const p = planOf({ users: 20_000_000, profile: 'saas', provider: 'aws', simulate: false });
    expect(p.database.instanceType).toBe('db.r7g.16xlarge');
    expect(p.database.shards).toBeGreaterThan(1);
    expect(p.database.sharding.boundBy).toBe('write CPU');
  });

  it('readiness names the first limit one primary meets: rows before writes for media', () => {
    for (const provider of PROVIDERS) {
      const p = planOf({ users: 5_000_000, profile: 'media', provider, simulate: false });
      expect(p.database.shards, provider).toBe(1);
      expect(p.database.sharding.necessaryBy, provider).toBe('storage');
      const max = { aws: 140_737, gcp: 64_000, azure: 35_184 }[provider];
      // Storage grows with users: the users at which the rows fill one primary.
      expect(p.database.sharding.necessaryAtUsers, provider).toBe(Math.round((5_000_000 * max) / p.database.storageGb));
      expect(p.database.reasons.join('\n'), provider).toMatch(/when its rows pass [\d,]+ GB, the most one .* holds/);
    }
  });

  it('a small plan names the largest primary of any tier as the ceiling, not its own tier’s', () => {
    const p = planOf({ users: 50_000, readRatio: 0.5, provider: 'aws', simulate: false });
    expect(p.database.reasons.join('\n')).toMatch(/on db\.r7g\.16xlarge, the largest primary/);
    expect(p.database.sharding.necessaryBy).toBe('write CPU');
  });

  it('GCP Enterprise Plus is described as itself, not as Aurora', () => {
    const p = planOf({ users: 5_000_000, provider: 'gcp', simulate: false });
    const text = p.database.reasons.join('\n');
    expect(p.database.service).toMatch(/Enterprise Plus/);
    expect(text).not.toMatch(/six ways/);
    expect(text).toMatch(/same IP address and no data loss/);
  });
});

describe('cache nodes: larger ones only where 26 GB shards would split the cache into clusters', () => {
  it('20M SaaS users on AWS: 157 shards of cache.r7g.2xlarge in one cluster, not 315 of xlarge in two', () => {
    const p = planOf({ users: 20_000_000, profile: 'saas', provider: 'aws', simulate: false });
    expect(p.cache!.nodeType).toBe('cache.r7g.2xlarge');
    expect(p.cache!.nodes).toBeLessThanOrEqual(500);
    expect(p.cache!.reasons.join('\n')).toMatch(
      /rather than 315 shards of cache\.r7g\.xlarge: those are past the 500-node limit/,
    );
    expect(p.cache!.reasons.join('\n')).not.toMatch(/split into/);
  });

  it('below the quota the 26 GB shards stay, and where even the largest node splits, the plan says how many clusters', () => {
    const mid = planOf({ users: 5_000_000, provider: 'aws', simulate: false });
    expect(mid.cache!.nodeType).toBe('cache.r7g.xlarge');
    const huge = planOf({ users: 1_000_000_000, provider: 'aws', simulate: false });
    expect(huge.cache!.nodeType).toBe('cache.r7g.4xlarge');
    expect(huge.cache!.reasons.join('\n')).toMatch(
      /the largest node sold, rather than [\d,]+ shards of cache\.r7g\.xlarge: 2 clusters rather than \d+/,
    );
  });
});

describe('Google Cloud SQL Enterprise Plus is billed as itself', () => {
  const lines = (p: ReturnType<typeof planOf>) => p.cost.lineItems.filter((l) => l.component === 'database');
  it('its HA standby is in the instance price: one instance-month per primary, no failover replica, two storage copies', () => {
    const p = planOf({ users: 1_000_000, provider: 'gcp', simulate: false });
    expect(p.database.deployment).toBe('aurora');
    expect(p.database.readReplicas).toBe(0);
    const [primary, storage, ...rest] = lines(p);
    expect(primary!.quantity).toBe(730 * p.database.shards);
    expect(primary!.description).toMatch(/with HA \(primary \+ standby, one price\)/);
    expect(storage!.quantity).toBe(2 * p.database.storageGb);
    expect(storage!.unitPrice).toBe(0.17);
    expect(rest).toEqual([]);
    expect(p.database.reasons.join('\n')).not.toMatch(/failover target/);
  });

  it('read replicas, where reads need them, are zonal instances at half the HA price, each with its storage', () => {
    const p = planOf({ users: 5_000_000, profile: 'saas', provider: 'gcp', simulate: false });
    const d = p.database;
    expect(d.readReplicasPerShard).toBeGreaterThan(0);
    const [primary, replicas, storage] = lines(p);
    expect(replicas!.unitPrice).toBeCloseTo(primary!.unitPrice / 2, 6);
    expect(replicas!.quantity).toBe(730 * d.shards * d.readReplicasPerShard);
    expect(storage!.quantity).toBe(d.storageGb * (2 + d.readReplicasPerShard));
  });
});

describe('Aurora I/O across two regions', () => {
  it('the one writer bills every write; each region bills the reads its cache misses', () => {
    const io = (input: Parameters<typeof planOf>[0]) =>
      planOf(input)
        .cost.lineItems.filter((l) => l.kind === 'database-io' || l.kind === 'database-region-io')
        .map((l) => l.quantity);
    const base = { users: 5_000_000, profile: 'saas', provider: 'aws', database: 'aurora', simulate: false } as const;
    const [alone] = io(base);
    const [primary, secondary] = io({ ...base, regions: 'us-east-1=60,eu-west-1=40' });
    // Writes (2 I/Os each) dominate: the primary bills all of them, not half.
    expect(primary!).toBeGreaterThan(alone! * 0.9);
    expect(secondary!).toBeGreaterThan(0);
    // Together: every write twice (applied in both regions) and every read once.
    const p = planOf(base);
    const writes = (p.demand.requestsPerDay * DAYS_PER_MONTH * (1 - p.input.parameters.readRatio) * 2) / 1e6;
    expect(primary! + secondary!).toBeCloseTo(alone! + writes, 0);
  });
});
