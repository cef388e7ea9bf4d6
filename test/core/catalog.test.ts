import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { tieredCost, priceBook } from '../../src/core/price-book.js';
import { catalogSchema } from '../../src/pricing/catalog-schema.js';
import { describeCatalogProblem } from '../../src/pricing/catalog-problem.js';

const raw = () => parse(readFileSync('pricing/aws.yaml', 'utf8'));

describe('the AWS catalog', () => {
  it('validates against the catalog schema, every price with unit, source, date and confidence', () => {
    const catalog = catalogSchema.parse(raw());
    for (const item of Object.values(catalog.regions).flatMap((r) => r.items)) {
      expect(item.source.length).toBeGreaterThan(0);
      expect(item.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['V', 'M', 'U']).toContain(item.confidence);
    }
  });

  it('carries the reference prices (../shared/reference/prices.md; RDS Multi-AZ db.t4g.medium $0.129 from the 2026-08-31 AmazonRDS offer)', () => {
    const book = priceBook(catalogSchema.parse(raw()), 'us-east-1');
    expect(book.item('compute', 'm7i.large').price).toBe(0.1008);
    expect(book.item('cache', 'cache.r7g.large').price).toBe(0.219);
    expect(book.item('load-balancer').price).toBe(0.0225);
    expect(book.item('load-balancer-capacity').price).toBe(0.008);
    expect(book.item('database', 'db.t4g.medium', 'multi-az').price).toBe(0.129);
  });

  it('a broken catalog is a clear error naming the field, never a wrong number', () => {
    const broken = raw();
    broken.regions['us-east-1'].items[2].price = 'cheap';
    const result = catalogSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(describeCatalogProblem(result.error!)).toMatch(/^regions\.us-east-1\.items\.2\.price: /);
  });

  it('an unknown region is an input error naming the region', () => {
    expect(() => priceBook(catalogSchema.parse(raw()), 'mars-north-1')).toThrow(
      /no aws prices for region mars-north-1/,
    );
  });

  it('egress is priced by tier after the free allowance: 100 GB free, then $0.09 to 10 TB, then $0.085', () => {
    const egress = priceBook(catalogSchema.parse(raw()), 'us-east-1').item('egress');
    expect(tieredCost(egress, 100)).toBe(0);
    expect(tieredCost(egress, 1100)).toBeCloseTo(90, 6);
    expect(tieredCost(egress, 10_240 + 1000)).toBeCloseTo((10_240 - 100) * 0.09 + 1000 * 0.085, 6);
  });
});
