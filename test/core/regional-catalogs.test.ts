import { describe, expect, it } from 'vitest';
import { priceBook } from '../../src/core/price-book.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { planOf } from '../helpers.js';

const catalogs = bundledCatalogs();
const PROVIDERS = ['aws', 'gcp', 'azure'] as const;
const RELEASE = '2026-11-29';
const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;

describe('the regional catalogs', () => {
  it.each(PROVIDERS)(
    '%s: seven regions, every price with its source, date and confidence; dated within 90 days',
    (p) => {
      const c = catalogs[p]!;
      expect(Object.keys(c.regions)).toHaveLength(7);
      expect(days(RELEASE, c.date)).toBeLessThanOrEqual(90);
      for (const item of Object.values(c.regions).flatMap((r) => r.items)) {
        expect(item.source.length).toBeGreaterThan(0);
        expect(days(c.date, item.date)).toBeGreaterThanOrEqual(0);
      }
    },
  );

  it('Europe and Asia-Pacific are priced in their own regions, not at the home region rates', () => {
    const frankfurt = priceBook(catalogs.aws!, 'eu-central-1').item('compute', 'm7i.large');
    const virginia = priceBook(catalogs.aws!, 'us-east-1').item('compute', 'm7i.large');
    expect(frankfurt.price).toBeGreaterThan(virginia.price);
    const plan = planOf({ users: 500_000, provider: 'gcp', region: 'asia-northeast1' });
    expect(plan.cost.pricing.region).toBe('asia-northeast1');
    expect(plan.warnings.join(' ')).not.toMatch(/priced at .* list prices/);
  });

  it('a --regions split without --region is priced in its largest region', () => {
    const plan = planOf({ users: 2_000_000, provider: 'aws', regions: 'eu-west-1=60,eu-central-1=40' });
    expect(plan.cost.pricing.region).toBe('eu-west-1');
  });

  it('engineering limits are in the compiled catalog and reachable through the price book', () => {
    const aws = priceBook(catalogs.aws!, 'us-east-1');
    expect(aws.limit('rds-max-connections', 'db.r7g.large')).toMatchObject({ value: 1676, unit: 'connections' });
    expect(aws.limit('elasticache-nodes-per-cluster', 'max-after-increase')?.value).toBe(500);
    expect(priceBook(catalogs.gcp!, undefined).limit('memorystore-redis-max-capacity')?.value).toBe(300);
    expect(priceBook(catalogs.azure!, undefined).limit('redis-premium-clustering')?.unit).toBe('shards');
  });
});

describe('cache prices in each provider billing structure', () => {
  const cacheLine = (plan: ReturnType<typeof planOf>) => plan.cost.lineItems.find((l) => l.kind === 'cache')!;

  it('Azure, 10k users: the smallest Standard size that fits (C1, two billed nodes), not a 6 GB C3', () => {
    const line = cacheLine(planOf({ users: 10_000, provider: 'azure' }));
    expect(line.itemId).toBe('C1-standard');
    expect(line.quantity).toBe(2 * 730);
    expect(line.description).toMatch(/Standard C1 \(1 GB\)/);
  });

  it('Azure, a cache that must survive a zone loss: Premium, zone redundant, two nodes per shard', () => {
    const line = cacheLine(planOf({ users: 500_000, provider: 'azure' }));
    expect(line.itemId).toMatch(/^P\d-premium$/);
    expect(line.description).toMatch(/zone redundant/);
  });

  it('Memorystore Standard (HA): one instance per shard, every provisioned GB at the Standard capacity-tier rate', () => {
    const plan = planOf({ users: 500_000, provider: 'gcp' });
    const line = cacheLine(plan);
    expect(line.itemId).toMatch(/^memorystore-redis-standard-m[1-5]$/);
    expect(line.unit).toBe('GB-hour');
    expect(line.description).toMatch(/replica in another zone included/);
    // One instance billed, not one per node: the quantity is shards × GB × hours.
    expect(line.quantity % 730).toBe(0);
    const basic = cacheLine(planOf({ users: 10_000, provider: 'gcp' }));
    expect(basic.itemId).toBe('memorystore-redis-basic-m1');
  });
});

describe('the share of the bill on recalled (U) prices', () => {
  const share = (provider: string) => planOf({ users: 5_000_000, provider }).cost.recalled!;

  it.each(['aws', 'gcp', 'azure'])(
    '%s: at most 5 %% of the default 5M-user bill, and the plan lists the U items',
    (p) => {
      const r = share(p);
      expect(r.share).toBeLessThanOrEqual(0.05);
      expect(r.items.every((i) => i.share <= r.share)).toBe(true);
    },
  );

  it('azure: Front Door transfer above 10 TB, unverified per band, is priced at the verified first-band rate (an upper bound)', () => {
    const p = planOf({ users: 5_000_000, provider: 'azure' });
    const line = p.cost.lineItems.find((l) => l.itemId === 'front-door-transfer')!;
    expect(line.unitPrice).toBeCloseTo(0.083, 6);
    expect(p.cost.recalled!.items.some((i) => i.itemId === 'front-door-transfer')).toBe(false);
  });
});
