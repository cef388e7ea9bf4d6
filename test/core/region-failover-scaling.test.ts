import { describe, expect, it } from 'vitest';
import { planOf } from '../helpers.js';

// Provisioned region failover keeps each region's fleet ready for the other's traffic: auto-scaling must
// not scale that away, and the maximum each region may reach is the one the bill's high figure prices.
describe('auto-scaling under provisioned region failover', () => {
  for (const provider of ['gcp', 'azure'] as const) {
    it(`${provider}: the target holds the provisioned fleet, not the guide's 60 %`, () => {
      const p = planOf({ users: 500_000, provider, profile: 'saas', availability: 99.99, simulate: false });
      expect(p.availability.regions.length).toBe(2);
      expect(p.availability.reasons.join('\n')).toMatch(/Region failover provisioned/);
      const util = p.compute.utilizationAtPeak * 100;
      expect(util).toBeLessThan(60);
      expect(p.autoscaling!.targetCpuPercent).toBe(Math.max(31, Math.round(util * 10) / 10));
      expect(p.autoscaling!.reasons.join('\n')).toMatch(/carry the other region's traffic the moment it fails/);
    });
  }

  it("each region's maximum is its fleet's as billed: they add up to the plan's maximum", () => {
    for (const input of [
      { users: 500_000, provider: 'gcp', profile: 'saas', availability: 99.99 },
      { users: 5_000_000, provider: 'gcp', profile: 'saas', regions: 'us-central1=70,europe-west1=30' },
    ] as const) {
      const p = planOf({ ...input, simulate: false });
      const regions = p.availability.regions as unknown as { instances: { max: number; expected: number } }[];
      expect(regions.reduce((a, r) => a + r.instances.max, 0)).toBe(p.compute.instances.max);
      for (const r of regions) expect(r.instances.max).toBeGreaterThanOrEqual(r.instances.expected);
    }
  });
});

describe('going without the cache when the target is out of reach', () => {
  it('is judged on what the plan reaches, not rejected for a target the plan misses too', () => {
    const p = planOf({
      users: 5_000_000,
      provider: 'azure',
      profile: 'saas',
      availability: 99.99,
      regions: 'eastus=60,westeurope=40',
      dataResidency: true,
      simulate: false,
    });
    expect(p.availability.meetsTarget).toBe(false);
    const noCache = p.availability.alternatives.find((a) => /no cache/.test(a.design))!;
    expect(noCache.estimated).toBeGreaterThanOrEqual(p.availability.estimated);
    expect(noCache.verdict).not.toMatch(/^below the/);
    expect(noCache.verdict).toMatch(/neither reaches 99\.99 %/);
    expect(noCache.verdict).toMatch(noCache.deltaMonthly < 0 ? /Kept: / : /dearer/);
  });
});

describe('--data-residency: each region holds its own users’ cache and files', () => {
  it('each region’s cache is sized for its users and rows, and each stores its users’ files', () => {
    const input = {
      users: 5_000_000,
      provider: 'gcp',
      profile: 'saas',
      regions: 'us-central1=70,europe-west1=30',
      simulate: false,
    } as const;
    const resident = planOf({ ...input, dataResidency: true });
    const lines = (kind: string) => resident.cost.lineItems.filter((l) => l.kind === kind);
    const [home, europe] = lines('cache');
    expect(home!.description).toMatch(/^us-central1: /);
    expect(europe!.description).toMatch(/^europe-west1: /);
    expect(europe!.monthly).toBeLessThan(home!.monthly * 0.6);
    expect(resident.cache!.reasons.join('\n')).toMatch(
      /Each region's cache holds its own users' sessions and hot rows/,
    );
    const files = lines('object-storage');
    expect(files.map((l) => l.description.split(':')[0])).toEqual(['us-central1', 'europe-west1']);
    const shared = planOf(input).cost.lineItems.filter((l) => l.kind === 'object-storage');
    expect(shared).toHaveLength(1);
    expect(files.reduce((a, l) => a + l.quantity, 0)).toBeCloseTo(shared[0]!.quantity, 0);
  });
});

describe('--provider all names every region each provider prices', () => {
  it('a two-region design lists both regions of each provider, home first, in the JSON and the table', async () => {
    const p = planOf({ users: 500_000, provider: 'all', profile: 'saas', availability: 99.99, simulate: false });
    for (const side of p.providers!) {
      expect(side.regions[0]).toBe(side.region);
      expect(side.regions.length).toBe(p.availability.regions.length);
    }
    const { renderTable } = await import('../../src/render/table.js');
    const text = renderTable(p, { color: false, reasons: false });
    expect(text).toMatch(/provider and regions/);
    expect(text.replace(/[│\s]+/g, ' ')).toMatch(/GCP us-central1 \+ us-east1/);
  });
});
