import { describe, expect, it } from 'vitest';
import type { LineItem } from '../../src/core/cost/types.js';
import type { RawInput } from '../../src/core/input.js';
import type { PlanDocument } from '../../src/core/plan-document.js';
import { planFromRaw } from '../../src/core/plan.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { planOf } from '../helpers.js';

const lines = (plan: PlanDocument) => plan.cost.lineItems as LineItem[];
const line = (plan: PlanDocument, id: string) => {
  const found = lines(plan).find((l) => l.id === id);
  if (!found) throw new Error(`no line ${id} in ${lines(plan).map((l) => l.id)}`);
  return found;
};
const onDemandPrice = (provider: string, itemId: string, variant?: string) =>
  bundledCatalogs()[provider]!.regions[Object.keys(bundledCatalogs()[provider]!.regions)[0]!]!.items.find(
    (i) => i.id === itemId && (variant === undefined || i.variant === variant),
  )!.price;

/** A committed line: its product, term and payment on the line, the price its discount off on-demand, a source. */
function expectCommitted(
  l: LineItem,
  want: { product: string; term: '1y' | '3y'; payment: string; discount: number; onDemand: number },
) {
  expect(l.commitment).toMatchObject({ product: want.product, term: want.term, payment: want.payment });
  expect(l.commitment!.discount).toBeCloseTo(want.discount, 4);
  expect(l.commitment!.source.length).toBeGreaterThan(20);
  expect(l.unitPrice).toBeCloseTo(want.onDemand * (1 - want.discount), 5);
  expect(l.monthly).toBeCloseTo(l.quantity * l.unitPrice, 1);
  expect(l.description).toContain(want.product);
}

describe('--commitment buys each provider’s real commitment products for the always-on lines', () => {
  it('AWS 3y: Compute Savings Plan (no upfront), RDS reserved instances (all upfront), ElastiCache reserved nodes (partial upfront, the us-east-1 rate)', () => {
    // Pinned to RDS Multi-AZ, x86 and Redis OSS: the products for those (the default picks Aurora, Graviton, Valkey).
    const pinned = { database: 'multi-az', arch: 'x86', cacheEngine: 'redis' } as const;
    const plan = planOf({ users: 500_000, commitment: '3y', ...pinned });
    const compute = { product: 'Compute Savings Plan', term: '3y' as const, payment: 'no-upfront', discount: 0.5 };
    expectCommitted(line(plan, 'compute:committed'), { ...compute, onDemand: onDemandPrice('aws', 'm7i.xlarge') });
    const rds = { product: 'RDS reserved DB instance', term: '3y' as const, payment: 'all-upfront', discount: 0.6 };
    const primary = line(plan, 'database-primary@us-east-1:committed');
    expectCommitted(primary, { ...rds, onDemand: onDemandPrice('aws', 'db.r7g.large', 'multi-az') });
    // Read replicas appear where the reads need them: 5M users.
    const big = planOf({ users: 5_000_000, commitment: '3y', ...pinned });
    const replicas = line(big, 'database-replicas@us-east-1:committed');
    expectCommitted(replicas, { ...rds, onDemand: onDemandPrice('aws', big.database.instanceType, 'single-az') });
    const cache = line(plan, 'cache:committed');
    const node = { product: 'ElastiCache reserved node', term: '3y' as const, payment: 'partial-upfront' };
    expectCommitted(cache, {
      ...node,
      discount: 1 - 0.20988 / 0.437,
      onDemand: onDemandPrice('aws', 'cache.r7g.xlarge', 'redis'),
    });
    expect(cache.commitment!.source).toMatch(/\$0\.20988\/h against \$0\.437 on demand in us-east-1/);
    expect(cache.commitment!.confidence).toBe('V');
    // Storage and everything else stay on demand, unchanged.
    expect(line(plan, 'database-storage@us-east-1').commitment).toBeUndefined();
    expect(plan.cost.buying.notes.join('\n')).toMatch(/Also sold: EC2 Instance Savings Plan 57 %/);
    expect(plan.cost.buying.notes.join('\n')).toMatch(/Payment: 3 years: Partial Upfront/);
  });

  it('AWS 1y: RDS No Upfront at the researched rate, ElastiCache No Upfront, and the Database Savings Plan named as the alternative', () => {
    const plan = planOf({ users: 500_000, commitment: '1y', database: 'multi-az', arch: 'x86', cacheEngine: 'redis' });
    const primary = line(plan, 'database-primary@us-east-1:committed');
    const rds = { product: 'RDS reserved DB instance', term: '1y' as const, payment: 'no-upfront' };
    expectCommitted(primary, {
      ...rds,
      discount: 1 - 0.1673 / 0.239,
      onDemand: onDemandPrice('aws', 'db.r7g.large', 'multi-az'),
    });
    const cache = line(plan, 'cache:committed');
    expect(cache.commitment).toMatchObject({ product: 'ElastiCache reserved node', payment: 'no-upfront' });
    expect(plan.cost.buying.notes.join('\n')).toMatch(
      /RDS reserved DB instance .* Also sold: Database Savings Plan 20 %/,
    );
  });

  it('AWS Aurora: Aurora reserved instances, 3y partial upfront from the offer (63 %)', () => {
    const plan = planOf({ users: 500_000, availability: 99.95, commitment: '3y' });
    expect(plan.database.deployment).toBe('aurora');
    const l = line(plan, 'database-primary@us-east-1:committed');
    const aurora = {
      product: 'Aurora reserved DB instance',
      term: '3y' as const,
      payment: 'partial-upfront',
      discount: 0.63,
    };
    expectCommitted(l, { ...aurora, onDemand: onDemandPrice('aws', plan.database.instanceType, 'aurora') });
  });

  it('GCP 3y: resource-based CUD, Cloud SQL CUD and Memorystore CUD, billed monthly', () => {
    const plan = planOf({ users: 500_000, provider: 'gcp', commitment: '3y' });
    const monthly = { term: '3y' as const, payment: 'monthly' };
    const cud = { ...monthly, product: 'Compute Engine resource-based committed use discount', discount: 0.55 };
    expectCommitted(line(plan, 'compute:committed'), {
      ...cud,
      onDemand: onDemandPrice('gcp', plan.compute.instanceType),
    });
    const sql = { ...monthly, product: 'Cloud SQL committed use discount', discount: 0.52 };
    const db = plan.database.instanceType;
    expectCommitted(line(plan, 'database-primary@us-central1:committed'), {
      ...sql,
      onDemand: onDemandPrice('gcp', db, 'multi-az'),
    });
    const mem = { ...monthly, product: 'Memorystore committed use discount', discount: 0.4 };
    const cache = line(plan, 'cache:committed');
    // Memorystore bills provisioned GB at its capacity tier's rate: the line's item is that rate.
    expectCommitted(cache, { ...mem, onDemand: onDemandPrice('gcp', cache.itemId) });
  });

  it('Azure 3y: savings plan for compute, PostgreSQL reserved capacity, and the Premium cache its reservation', () => {
    const plan = planOf({ users: 500_000, provider: 'azure', commitment: '3y' });
    const sp = { product: 'Azure savings plan for compute', term: '3y' as const, payment: 'monthly', discount: 0.5398 };
    expectCommitted(line(plan, 'compute:committed'), {
      ...sp,
      onDemand: onDemandPrice('azure', plan.compute.instanceType),
    });
    const pg = {
      product: 'Azure Database for PostgreSQL reserved capacity',
      term: '3y' as const,
      payment: 'monthly',
      discount: 0.55,
    };
    const db = plan.database.instanceType;
    expectCommitted(line(plan, 'database-primary@eastus:committed'), {
      ...pg,
      onDemand: onDemandPrice('azure', db, 'multi-az'),
    });
    // High availability on Azure Cache is Premium (zone redundancy), which sells a reservation.
    expect(plan.cache!.nodeType).toMatch(/premium/);
    const l = line(plan, 'cache:committed');
    expect(l.commitment).toMatchObject({ product: 'Azure Cache for Redis reservation', term: '3y', discount: 0.55 });
  });

  it('Azure Standard caches sell no reservation: the line stays on demand and the plan says why', () => {
    const plan = planOf({ users: 50_000, provider: 'azure', commitment: '3y' });
    expect(plan.cache!.nodeType).toMatch(/standard/);
    expect(line(plan, 'cache').commitment).toBeUndefined();
    expect(plan.cost.buying.notes.join('\n')).toMatch(/Basic and Standard sell no reservation/);
  });

  it('on demand, database and cache lines are exactly as before: no split, no commitment', () => {
    const plan = planOf({ users: 500_000 });
    expect(lines(plan).some((l) => l.id.endsWith(':committed') || l.commitment)).toBe(false);
    expect(line(plan, 'cache').unitPrice).toBe(onDemandPrice('aws', plan.cache!.nodeType, plan.cache!.engine));
  });

  it('spot applies only above the always-on minimum, and never to databases or caches', () => {
    const plan = planOf({ users: 500_000, commitment: '3y', spot: 0.5 });
    const committed = line(plan, 'compute:committed');
    const onDemand = line(plan, 'compute:on-demand');
    const spot = line(plan, 'compute:spot');
    expect(committed.quantity).toBe(plan.compute.instances.min * 730);
    expect(spot.quantity).toBeCloseTo(onDemand.quantity, 1);
    expect(
      lines(plan)
        .filter((l) => l.id.endsWith(':spot'))
        .map((l) => l.id),
    ).toEqual(['compute:spot']);
  });
});

/** The bill under a 3-year commitment against on-demand, for the same design. */
function saving(input: RawInput, catalogs = bundledCatalogs()) {
  const onDemand = planFromRaw(input, catalogs).cost.monthly.expected;
  const committed = planFromRaw({ ...input, commitment: '3y' }, catalogs).cost.monthly.expected;
  return 1 - committed / onDemand;
}

describe('plan --users 500k --commitment 3y is at least 10 % under on-demand', () => {
  it.each(['aws', 'gcp', 'azure'])('%s, bundled catalog', (provider) => {
    expect(saving({ users: 500_000, provider })).toBeGreaterThanOrEqual(0.1);
  });
});
