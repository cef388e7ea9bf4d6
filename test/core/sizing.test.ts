import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sizeFleet } from '../../src/core/fleet-sizing.js';
import { priceBook } from '../../src/core/price-book.js';
import { responsePercentile } from '../../src/core/queueing.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { planOf } from '../helpers.js';

const book = priceBook(bundledCatalogs().aws!, 'us-east-1');
const xlarge = book.item('compute', 'm7i.xlarge');

describe('queueing-based fleet sizing', () => {
  it('the fleet meets the p95 target at peak and after losing one zone', () => {
    for (const [users, profile] of [
      [50_000, 'web-app'],
      [500_000, 'saas'],
      [3_000_000, 'api'],
      [800_000, 'media'],
    ] as const) {
      const p = planOf({ users, profile });
      const k = p.compute.vcpus;
      const perServer = (p.demand.peakRps * p.input.parameters.serviceTimeMs) / 1000 / p.compute.instances.expected;
      const s = p.input.parameters.serviceTimeMs / 1000;
      // Each region's fleet is sized on its own; these are single-region plans.
      expect(responsePercentile(k, perServer, s, 0.95) * 1000).toBeLessThanOrEqual(
        p.input.parameters.latencyTargetMs + 1e-6,
      );
      expect(p.compute.p95AtPeakMs).toBeLessThanOrEqual(p.compute.latencyTargetMs);
      expect(p.compute.p95AfterZoneLossMs!).toBeLessThanOrEqual(p.compute.latencyTargetMs);
    }
  });

  it('reports which constraint bound, and the count each constraint alone needs', () => {
    const p = planOf({ users: 500_000 });
    const needs = p.compute.serversNeeded;
    expect(p.compute.instances.expected).toBe(
      Math.max(needs.latency, needs.scaleOutLine, needs.zoneFailure, needs.minimum),
    );
    const bound = {
      latency: needs.latency,
      'scale-out line': needs.scaleOutLine,
      'zone failure': needs.zoneFailure,
      minimum: needs.minimum,
    }[p.compute.boundBy];
    expect(bound).toBe(p.compute.instances.expected);
    expect(p.compute.reasons.join(' ')).toMatch(/Erlang C/);
  });

  it('a tight latency target binds: more servers than the 70 % rule alone would give', () => {
    const loose = sizeFleet(xlarge, { rps: 400, serviceTimeMs: 50, latencyTargetMs: 1000 }, 1, 1);
    const tight = sizeFleet(xlarge, { rps: 400, serviceTimeMs: 50, latencyTargetMs: 160 }, 1, 1);
    expect(loose.bound).toBe('scale-out line');
    expect(tight.bound).toBe('latency');
    expect(tight.servers).toBeGreaterThan(loose.servers);
    expect(tight.p95Ms).toBeLessThanOrEqual(160);
  });

  it('losing a zone: with 2 zones the survivors are half the fleet, with 3 zones two thirds', () => {
    const two = sizeFleet(xlarge, { rps: 400, serviceTimeMs: 50, latencyTargetMs: 500 }, 2, 2);
    const three = sizeFleet(xlarge, { rps: 400, serviceTimeMs: 50, latencyTargetMs: 500 }, 3, 3);
    expect(two.servers).toBeGreaterThan(three.servers);
    expect(two.p95AfterZoneLossMs!).toBeLessThanOrEqual(500);
    expect(three.p95AfterZoneLossMs!).toBeLessThanOrEqual(500);
  });

  it('property: a tighter latency target never needs fewer servers', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 160, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (rps, target, extra) => {
          const a = sizeFleet(xlarge, { rps, serviceTimeMs: 50, latencyTargetMs: target + extra }, 3, 3);
          const b = sizeFleet(xlarge, { rps, serviceTimeMs: 50, latencyTargetMs: target }, 3, 3);
          expect(b.servers).toBeGreaterThanOrEqual(a.servers);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a target below what one request alone takes (S·ln 20) is refused with the reason', () => {
    expect(() => planOf({ users: 1000, serviceTime: 200, latencyTarget: 500 })).toThrow(
      /p95 is at least 599 ms even on idle servers/,
    );
  });
});

describe('availability that adds up', () => {
  it('the cost of each extra nine: 99.9, 99.95, 99.99 and 99.999 with the design change and monthly cost', () => {
    const p = planOf({ users: 50_000 });
    expect(p.availability.costOfNines.map((n) => n.target)).toEqual([99.9, 99.95, 99.99, 99.999]);
    for (const n of p.availability.costOfNines) {
      if (n.met) expect(n.estimated).toBeGreaterThanOrEqual(n.target);
      expect(n.change.length).toBeGreaterThan(0);
      expect(n.deltaMonthly).toBeCloseTo(n.monthly - p.cost.monthly.expected, 1);
    }
  });

  it('a target is met by the cheapest design that reaches it', () => {
    const p = planOf({ users: 50_000, availability: 99.95 });
    const nine = p.availability.costOfNines.find((n) => n.target === 99.95)!;
    expect(p.availability.meetsTarget).toBe(true);
    expect(p.cost.monthly.expected).toBe(nine.monthly);
  });

  it('property: a higher target never lowers the cost', () => {
    const targets = [99, 99.5, 99.9, 99.95, 99.99, 99.999];
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 3_000_000 }),
        fc.constantFrom('web-app', 'saas', 'api'),
        (users, profile) => {
          let last = 0;
          for (const availability of targets) {
            const cost = planOf({ users, profile, availability }).cost.monthly.expected;
            expect(cost + 0.01).toBeGreaterThanOrEqual(last);
            last = cost;
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('an unreachable target is said plainly and the plan still exits 0 (a warning)', () => {
    const p = planOf({
      users: 50_000,
      availability: 99.99999,
      dataResidency: true,
      regions: 'us-east-1=50,eu-west-1=50',
    });
    expect(p.availability.meetsTarget).toBe(false);
    expect(p.warnings.join(' ')).toMatch(/cannot be met/);
  });
});

describe('geography', () => {
  it('a stack per region sized for its share; the primary database in the largest region; latency routing; replication priced', () => {
    const p = planOf({ users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30' });
    const [us, eu] = p.availability.regions;
    expect(us).toMatchObject({ code: 'us-east-1', role: 'primary', database: 'primary' });
    expect(eu).toMatchObject({ code: 'eu-west-1', role: 'secondary', database: 'read replica (promotable)' });
    // Each region carries its share, and at failover the other's: provisioned, both run that fleet at peak.
    const failover = p.availability.failover!;
    if (failover.mode === 'auto-scaling') expect(us!.instances.expected).toBeGreaterThan(eu!.instances.expected);
    else
      failover.regions.forEach((r, i) =>
        expect(p.availability.regions[i]!.instances.expected).toBeGreaterThanOrEqual(r.serversNeededAtFailover),
      );
    expect(p.availability.routing).toMatch(/latency/);
    expect(p.cost.lineItems.some((l) => l.itemId === 'inter-region-transfer')).toBe(true);
    expect(p.cost.lineItems.some((l) => l.id.startsWith('compute@eu-west-1'))).toBe(true); // billed at eu-west-1's own prices
  });

  it('--data-residency: GeoDNS, a primary database in every region, no user data crossing regions', () => {
    const p = planOf({ users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30', dataResidency: true });
    expect(p.availability.routing).toMatch(/GeoDNS/);
    expect(p.availability.regions[1]!.database).toMatch(/^primary/);
    expect(p.cost.lineItems.some((l) => l.itemId === 'inter-region-transfer')).toBe(false);
    expect(p.cost.lineItems.filter((l) => l.kind === 'database-primary')).toHaveLength(2);
  });
});

describe('growth projection at the planner limit', () => {
  it('stops at the month users would pass 10B, with a note, instead of planning past the limit', () => {
    const p = planOf({ users: 50_000, growth: 100, months: 60, simulate: false });
    expect(p.projection!.months.length).toBe(18);
    expect(p.projection!.months.at(-1)!.users).toBeLessThanOrEqual(10_000_000_000);
    expect(p.projection!.stopped).toMatch(/month 18 would have 13\.11B users, past the planner's limit of 10B/);
  });
});
