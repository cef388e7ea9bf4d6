import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../src/pricing/catalog-schema.js';
import { MINUTES_PER_MONTH } from '../../src/core/availability.js';
import type { RawInput } from '../../src/core/input.js';
import { USAGE_ASSUMPTIONS as A } from '../../src/core/cost/usage-assumptions.js';
import { sizeFleet } from '../../src/core/fleet-sizing.js';
import { WRITER_RECOVERY_SECONDS } from '../../src/core/writer-loss.js';
import {
  DNS_FAILOVER_SECONDS,
  INSTANCE_READY_SECONDS,
  SCALE_OUT,
  scaleOutMinutes,
} from '../../src/core/region-failover.js';
import { planOf } from '../helpers.js';

const PROVIDERS = ['aws', 'gcp', 'azure'] as const;
/** Two regions from --availability, a user split, and a target only provisioned headroom meets. */
const INPUTS: RawInput[] = [
  { users: 500_000, availability: 99.99 },
  { users: 500_000, regions: 'A=60,B=40' },
  { users: 5_000_000, availability: 99.99 },
];
const regionsFor = (provider: string, input: RawInput): RawInput => {
  if (typeof input.regions !== 'string') return input;
  const pair = { aws: ['us-east-1', 'us-west-2'], gcp: ['us-central1', 'us-east1'], azure: ['eastus', 'westus'] }[
    provider
  ]!;
  return { ...input, regions: `${pair[0]}=60,${pair[1]}=40` };
};
const CASES = PROVIDERS.flatMap((provider) =>
  INPUTS.map((input) => ({ ...regionsFor(provider, input), provider, simulate: false })),
);

describe("multi-region failover: each surviving region takes the lost region's traffic", () => {
  it.each(CASES)('%j', (input) => {
    const p = planOf(input);
    const f = p.availability.failover!;
    expect(p.availability.regions).toHaveLength(2);
    expect(f.regions).toHaveLength(2);
    const peakRps = p.demand.peakRps;
    p.availability.regions.forEach((r, i) => {
      const survivor = f.regions[i]!;
      const otherShare = p.availability.regions[1 - i]!.share;
      // What the survivor needs: its share and the other's at the p95 target, on the plan's instance.
      const instance: CatalogItem = {
        ...{ id: p.compute.instanceType, kind: 'compute', unit: 'hour', price: 1 },
        ...{ vcpus: p.compute.vcpus, memoryGb: p.compute.memoryGb, source: 'plan', date: '2026-01-01' },
        confidence: 'V',
      };
      const { serviceTimeMs, latencyTargetMs } = p.input.parameters;
      const load = { rps: (peakRps * (r.share + otherShare)) / 100, serviceTimeMs, latencyTargetMs };
      const need = sizeFleet(instance, load, 1, 1).needs.latency;
      expect(survivor.serversNeededAtFailover).toBeGreaterThanOrEqual(need);
      if (f.mode === 'provisioned') {
        // Provisioned: the region runs the servers for the whole load at peak, nothing to wait for.
        expect(survivor.serversAtPeak).toBeGreaterThanOrEqual(need);
        expect(survivor.scaleOutMinutes).toBe(0);
      } else {
        expect(survivor.scaleOutMinutes).toBeCloseTo(
          scaleOutMinutes(survivor.serversNeededAtFailover - survivor.serversAtPeak),
          2,
        );
      }
    });
    // The counted downtime is in the estimate: DNS failover, plus every region's writes while the single
    // writer recovers (its in-region failover, or another region's replica promoted), more while
    // auto-scaling catches up.
    const dnsMinutes = DNS_FAILOVER_SECONDS / 60;
    const writerMinutes = (WRITER_RECOVERY_SECONDS[p.database.deployment] / 60) * (1 - p.input.parameters.readRatio);
    expect(f.countedDowntimeMinutesPerMonth).toBeGreaterThanOrEqual(dnsMinutes + writerMinutes - 0.01);
    if (f.mode === 'provisioned') expect(f.countedDowntimeMinutesPerMonth).toBeCloseTo(dnsMinutes + writerMinutes, 2);
    expect(f.counting).toMatch(/writes failing in every region while the primary region's database recovers/);
    expect(p.availability.estimated).toBeLessThanOrEqual(100 - (100 * dnsMinutes) / MINUTES_PER_MONTH + 1e-6);
    // The cheaper that meets the target was taken, and the other is stated.
    const own = { estimated: p.availability.estimated, monthly: p.cost.monthly.expected };
    const alt = f.alternative;
    expect(alt.mode).not.toBe(f.mode);
    const target = p.availability.target;
    if (target === null || (own.estimated >= target && alt.estimated >= target))
      expect(own.monthly).toBeLessThanOrEqual(alt.monthly);
    if (target !== null && own.estimated < target) expect(alt.estimated).toBeLessThan(target);
    if (f.mode === 'provisioned' && target !== null && own.estimated >= target)
      expect(alt.estimated).toBeLessThan(target);
    expect(p.availability.reasons.join(' ')).toMatch(/Counted as downtime: [\d.]+ min\/month/);
  });

  it('the scale-out window follows the auto-scaling rules: detect, +2 a step one cooldown apart, boot', () => {
    expect(scaleOutMinutes(0)).toBe(0);
    expect(scaleOutMinutes(2)).toBe((SCALE_OUT.detectSeconds + INSTANCE_READY_SECONDS) / 60);
    expect(scaleOutMinutes(5)).toBe(
      (SCALE_OUT.detectSeconds + 2 * SCALE_OUT.cooldownSeconds + INSTANCE_READY_SECONDS) / 60,
    );
  });

  it('a target auto-scaling cannot meet takes the provisioned headroom on every provider', () => {
    for (const provider of PROVIDERS) {
      const p = planOf({ users: 5_000_000, availability: 99.99, provider, simulate: false });
      expect(p.availability.failover!.mode).toBe('provisioned');
      expect(p.availability.meetsTarget).toBe(true);
      expect(p.availability.failover!.alternative.estimated).toBeLessThan(99.99);
    }
  });
});

describe("multi-region lines: the other region's database like the primary, replication and health checks priced", () => {
  it.each(CASES)('%j', (input) => {
    const p = planOf(input);
    const lines = p.cost.lineItems;
    const line = (kind: string) => lines.filter((l) => l.kind === kind);
    const priced = [
      'database-region-replica',
      'database-region-read-replicas',
      'database-region-replica-storage',
      'database-region-io',
      'cross-region',
      'object-storage-replica',
      'object-storage-replication',
      'dns-health-check',
    ];
    for (const l of lines.filter((x) => priced.includes(x.kind)))
      expect(l.monthly).toBeCloseTo(l.quantity * l.unitPrice, 1);
    const [, other] = p.availability.regions;
    // The promotable copy has the primary's instance and deployment, and the primary's read replicas.
    const replica = line('database-region-replica');
    expect(replica).toHaveLength(1);
    expect(replica[0]!.itemId).toBe(p.database.instanceType);
    expect(replica[0]!.description).toContain(other!.code);
    if (p.database.deployment === 'aurora') {
      expect(replica[0]!.quantity).toBe(p.database.shards * (1 + Math.max(1, p.database.readReplicasPerShard)) * 730);
      expect(line('database-region-io')).toHaveLength(p.input.provider === 'aws' ? 1 : 0);
    } else {
      expect(replica[0]!.description).toContain(p.database.deployment === 'multi-az' ? 'Multi-AZ' : 'Single-AZ');
      const reads = line('database-region-read-replicas');
      expect(reads.reduce((a, l) => a + l.quantity, 0)).toBe(p.database.readReplicas * 730);
    }
    // Database writes: write rate × bytes per row change, at the inter-region rate.
    const writes = p.demand.requestsPerDay * (730 / 24) * (1 - p.input.parameters.readRatio);
    expect(line('cross-region')[0]!.quantity).toBeCloseTo((writes * A.bytesPerWriteReplicated) / 1e6, 1);
    // Object storage: a second copy, and the month's written bytes sent across.
    const files = line('object-storage')[0]!.quantity;
    expect(line('object-storage-replica')[0]!.quantity).toBeCloseTo(files, 1);
    expect(line('object-storage-replication')[0]!.quantity).toBeCloseTo(files * A.objectShareWrittenPerMonth, 1);
    // A DNS health check per region endpoint, at the provider's list price.
    const checks = line('dns-health-check');
    expect(checks[0]!.quantity).toBe(2);
    expect(checks[0]!.unitPrice).toBe({ aws: 1.5, gcp: 0, azure: 0.36 }[p.input.provider as 'aws']);
    // The single writer says so.
    expect(p.availability.reasons.join(' ')).toMatch(/Writes go to a single writer in .+ cross regions/);
    expect(p.availability.reasons.join(' ')).toMatch(/RPO/);
  });

  it('--data-residency: no replication, no failover headroom, no health-check failover', () => {
    const p = planOf({ users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30', dataResidency: true, simulate: false });
    expect(p.availability.failover).toBeUndefined();
    for (const kind of [
      'object-storage-replica',
      'object-storage-replication',
      'dns-health-check',
      'database-region-replica',
    ])
      expect(p.cost.lineItems.some((l) => l.kind === kind)).toBe(false);
  });
});
