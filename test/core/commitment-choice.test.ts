import { describe, expect, it } from 'vitest';
import { alternatives, chooseCommitment } from '../../src/core/cost/commitment-choice.js';
import type { CatalogItem } from '../../src/pricing/catalog-schema.js';
import { commitmentBookSchema } from '../../src/pricing/commitment-schema.js';
import { aws } from '../../src/providers/aws/index.js';
import { gcp } from '../../src/providers/gcp/index.js';

const item = (id: string, kind: CatalogItem['kind'], extra: Partial<CatalogItem> = {}): CatalogItem => ({
  id,
  kind,
  unit: 'hour',
  price: 1,
  source: 'test',
  date: '2026-10-01',
  confidence: 'V',
  ...extra,
});
const book = aws.commitments!;
const node = item('cache.r7g.large', 'cache', { variant: 'valkey' });

describe('which commitment rate a line takes', () => {
  it("the region's own rate, by node type and engine", () => {
    const c = chooseCommitment(book, node, 'eu-west-1', '1y', aws.hardware!)!;
    expect(c.product.id).toBe('elasticache-reserved-node');
    expect(c.payment).toBe('no-upfront');
    expect(c.confidence).toBe('V');
    expect(c.source).toMatch(/on demand in eu-west-1:/);
    const redis = chooseCommitment(book, { ...node, variant: 'redis' }, 'eu-west-1', '1y', aws.hardware!)!;
    expect(redis.source).toMatch(/on demand in eu-west-1/);
  });

  it('no rate for the region: the nearest region’s discount, its confidence lowered one step, and the plan says so', () => {
    const c = chooseCommitment(book, node, 'eu-west-2', '1y', aws.hardware!)!;
    expect(c.source).toMatch(/^no eu-west-2 rate in the data: the discount of eu-west-1's rate/);
    expect(c.confidence).toBe('M');
    const exact = chooseCommitment(book, node, 'eu-west-1', '1y', aws.hardware!)!;
    expect(c.discount).toBe(exact.discount);
  });

  it('no rate for the node type: the product’s offer for the term and payment', () => {
    const c = chooseCommitment(book, item('cache.r7g.16xlarge', 'cache'), 'us-east-1', '3y', aws.hardware!)!;
    expect(c.payment).toBe('partial-upfront');
    const offer = book.products.find((p) => p.id === 'elasticache-reserved-node')!.offers;
    expect(c.discount).toBe(offer.find((o) => o.term === '3y' && o.payment === 'partial-upfront')!.discount);
  });

  it('the preferred payment the product sells: RDS sells no 3-year No Upfront, so All Upfront', () => {
    const c = chooseCommitment(
      book,
      item('db.r7g.large', 'database', { variant: 'multi-az' }),
      'us-east-1',
      '3y',
      aws.hardware!,
    )!;
    expect(c.product.name).toBe('RDS reserved DB instance');
    expect(c.payment).toBe('all-upfront');
  });

  it('Database Savings Plans cover Generation 7+ instances only; the reserved instance is preferred', () => {
    const r7g = item('db.r7g.large', 'database', { variant: 'single-az' });
    const names = (i: CatalogItem) =>
      alternatives(book, i, 'us-east-1', '1y', aws.hardware!, 'rds-reserved-instance').map((a) => a.product.name);
    expect(names(r7g)).toEqual(['Database Savings Plan']);
    expect(names(item('db.t4g.medium', 'database', { variant: 'single-az' }))).toEqual([]);
    expect(alternatives(book, r7g, 'us-east-1', '3y', aws.hardware!, 'rds-reserved-instance')).toEqual([]);
  });

  it('what a product does not cover is not bought: GCP shared-core machines', () => {
    expect(
      chooseCommitment(gcp.commitments!, item('e2-medium', 'compute'), 'us-central1', '3y', gcp.hardware!),
    ).toBeNull();
    expect(
      chooseCommitment(gcp.commitments!, item('c4a-standard-4', 'compute'), 'us-central1', '1y', gcp.hardware!)!
        .discount,
    ).toBe(0.3405);
  });

  it('the schema refuses a committed rate that is not below on-demand, and a bad pattern', () => {
    const bad = structuredClone(book);
    bad.products[0]!.rates![0]!.hourly = 9;
    expect(commitmentBookSchema.safeParse(bad).success).toBe(false);
    const pattern = structuredClone(book);
    pattern.products[0]!.match = { pattern: '(' };
    expect(commitmentBookSchema.safeParse(pattern).success).toBe(false);
    expect(commitmentBookSchema.safeParse(book).success).toBe(true);
  });
});

describe('asBoughtHourly', () => {
  it('prices an always-on item as bought: on demand, or under the product that covers it', async () => {
    const { asBoughtHourly } = await import('../../src/core/cost/as-bought.js');
    const { priceBook } = await import('../../src/core/price-book.js');
    const { premiumCacheAzure } = await import('./hardware-fixtures.js');
    const { bundledCatalogs } = await import('../../src/pricing/bundled.js');
    const premium = priceBook(premiumCacheAzure(), undefined);
    const p3 = premium.items.find((i) => i.id === 'P3-premium')!;
    expect(asBoughtHourly(premium, p3, 'on-demand')).toBe(1.109);
    expect(asBoughtHourly(premium, p3, '3y')).toBeCloseTo(1.109 * 0.45, 6);
    const standard = priceBook(bundledCatalogs().azure!, undefined);
    const c5 = standard.items.find((i) => i.id === 'C5-standard')!;
    expect(asBoughtHourly(standard, c5, '3y')).toBe(c5.price);
  });
});
