import { describe, expect, it } from 'vitest';
import { downtimeMinutesPerMonth, estimateAvailability } from '../../src/core/availability.js';
import { priceBook } from '../../src/core/price-book.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { planOf } from '../helpers.js';

const book = priceBook(bundledCatalogs().aws!, 'us-east-1');

describe('availability from published SLAs (../shared/reference/slas.md)', () => {
  it('components in series multiply: ALB 99.99 × EC2 region 99.99 × RDS Multi-AZ 99.95 is 99.930 %', () => {
    const e = estimateAvailability(
      { appZones: 2, databaseHa: 'multi-az', cacheHa: false, regions: 1 },
      { cache: false, cdn: false, appServers: 2, independentRegions: false, cacheSurvivable: null },
      book,
    );
    expect(e.estimated).toBeCloseTo(0.9999 * 0.9999 * 0.9995, 12);
    expect(e.estimated * 100).toBeCloseTo(99.93, 2);
  });

  it('a single instance and a single-AZ database compose to 99.5 % × 99.5 %', () => {
    const e = estimateAvailability(
      { appZones: 1, databaseHa: 'single-az', cacheHa: false, regions: 1 },
      { cache: false, cdn: false, appServers: 1, independentRegions: false, cacheSurvivable: null },
      book,
    );
    expect(e.estimated).toBeCloseTo(0.995 * 0.995, 12);
  });

  it('never claims more than the region-level SLA inside one region', () => {
    const e = estimateAvailability(
      { appZones: 3, databaseHa: 'aurora', cacheHa: true, regions: 1 },
      { cache: true, cdn: true, appServers: 2, independentRegions: false, cacheSurvivable: null },
      book,
    );
    expect(e.estimated).toBeLessThanOrEqual(0.9999);
  });

  it('the CDN serves static files only and is not in the request path', () => {
    const without = estimateAvailability(
      { appZones: 2, databaseHa: 'multi-az', cacheHa: true, regions: 1 },
      { cache: true, cdn: false, appServers: 2, independentRegions: false, cacheSurvivable: null },
      book,
    );
    const withCdn = estimateAvailability(
      { appZones: 2, databaseHa: 'multi-az', cacheHa: true, regions: 1 },
      { cache: true, cdn: true, appServers: 2, independentRegions: false, cacheSurvivable: null },
      book,
    );
    expect(withCdn.estimated).toBe(without.estimated);
    expect(withCdn.components.find((c) => c.component === 'cdn')?.inCriticalPath).toBe(false);
  });

  it('active-active regions behind DNS: A = (1 − (1 − A_region)^R) × A_router', () => {
    const one = estimateAvailability(
      { appZones: 2, databaseHa: 'multi-az', cacheHa: true, regions: 1 },
      { cache: true, cdn: false, appServers: 2, independentRegions: false, cacheSurvivable: null },
      book,
    );
    const two = estimateAvailability(
      { appZones: 2, databaseHa: 'multi-az', cacheHa: true, regions: 2 },
      { cache: true, cdn: false, appServers: 2, independentRegions: false, cacheSurvivable: null },
      book,
    );
    expect(two.estimated).toBeCloseTo(1 - (1 - one.estimated) ** 2, 12);
  });

  it('downtime per month: 99.9 % is about 43.8 minutes in an average month', () => {
    expect(downtimeMinutesPerMonth(0.999)).toBeCloseTo(43.83, 2);
    expect(downtimeMinutesPerMonth(0.9999)).toBeCloseTo(4.38, 2);
  });
});

describe('redundancy inside a region', () => {
  it('two instances at 99.5 % in parallel are 0.999975, then capped by the 99.99 % region-level figure', () => {
    const e = estimateAvailability(
      { appZones: 2, databaseHa: 'aurora', cacheHa: true, regions: 1 },
      { cache: false, cdn: false, appServers: 2, independentRegions: false, cacheSurvivable: null },
      book,
    );
    const app = e.components.find((c) => c.component === 'app servers')!;
    expect(app.redundancy).toMatch(/1 − \(1 − 0.995\)\^2/);
    expect(app.effective).toBe(99.99);
    expect(1 - (1 - 0.995) ** 2).toBeCloseTo(0.999975, 12);
  });
  it('with data residency, regions do not back each other up', () => {
    const r = { appZones: 2, databaseHa: 'multi-az', cacheHa: true, regions: 2 } as const;
    const shared = estimateAvailability(
      r,
      { cache: true, cdn: false, appServers: 2, independentRegions: false, cacheSurvivable: null },
      book,
    );
    const resident = estimateAvailability(
      r,
      { cache: true, cdn: false, appServers: 2, independentRegions: true, cacheSurvivable: null },
      book,
    );
    expect(resident.estimated).toBe(resident.perRegion);
    expect(shared.estimated).toBeGreaterThan(resident.estimated);
  });
});

describe('a cache whose loss the app survives', () => {
  it('is not multiplied in as downtime, and says so', () => {
    const r = { appZones: 2, databaseHa: 'single-az' as const, cacheHa: false, regions: 1 };
    const parts = { cache: true, cdn: false, appServers: 2, independentRegions: false };
    const hard = estimateAvailability(
      r,
      { ...parts, cacheSurvivable: { survivable: false, why: 'too many reads' } },
      book,
    );
    const soft = estimateAvailability(
      r,
      { ...parts, cacheSurvivable: { survivable: true, why: 'replicas carry them' } },
      book,
    );
    expect(soft.estimated).toBeCloseTo(hard.estimated / 0.995, 9);
    const cache = soft.components.find((c) => c.component === 'cache')!;
    expect(cache.inCriticalPath).toBe(false);
    expect(cache.redundancy).toContain('not counted as downtime');
  });

  it('moving up a tier never lowers availability at the 10k boundary', () => {
    const below = planOf({ users: 9999, simulate: false }).availability.estimated;
    const above = planOf({ users: 10_000, simulate: false }).availability.estimated;
    expect(above).toBeGreaterThanOrEqual(below);
  });
});
