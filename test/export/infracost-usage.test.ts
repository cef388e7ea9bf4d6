import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawInput } from '../../src/core/input.js';
import { exportFiles } from '../../src/export/index.js';
import { planOf } from '../helpers.js';
import { infracostProblems } from './infracost-check.js';

const usageOf = (input: RawInput) =>
  parse(exportFiles('infracost-usage', planOf(input), { name: 'shop', version: 't' })[0]!.content);

const CASES: RawInput[] = [
  { users: 5000 },
  { users: 50_000 },
  { users: 500_000, deploy: 'canary' },
  { users: 500_000, availability: 99.95 },
  { users: 5_000_000 },
  { users: 2_000_000, regions: 'us-east-1=60,eu-west-1=40' },
  { users: 250_000, commitment: '1y' },
];

describe("Infracost usage file, checked against Infracost's reference usage keys and declared types", () => {
  it.each(CASES.flatMap((c) => (['aws', 'gcp', 'azure'] as const).map((provider) => ({ ...c, provider }))))(
    '%j: every key is one Infracost reads, integers where it declares Int64',
    (input) => {
      const usage = usageOf(input);
      expect(usage.version).toBe(0.1);
      expect(Object.keys(usage.resource_type_default_usage).length).toBeGreaterThan(2);
      expect(infracostProblems(usage)).toEqual([]);
    },
  );
  it('the check can fail: a fraction in an integer key, an unknown key and an unknown resource are each caught', () => {
    expect(
      infracostProblems({
        resource_type_default_usage: {
          aws_autoscaling_group: { instances: 12.08 },
          aws_lb: { new_connection: 3 },
          aws_bogus: { x: 1 },
        },
      }),
    ).toEqual([
      'aws_autoscaling_group.instances: 12.08 is not an integer',
      'aws_lb.new_connection: not a key of aws_lb in the reference',
      'aws_lb.new_connection: no declared type',
      "aws_bogus: not a resource in Infracost's reference usage file",
    ]);
  });
  it('integers are rounded up: instances is the ceiling of the time-weighted average fleet', () => {
    const plan = planOf({ users: 500_000 });
    const usage = usageOf({ users: 500_000 });
    expect(usage.resource_type_default_usage.aws_autoscaling_group.instances).toBe(
      Math.ceil(plan.compute.instances.average),
    );
    expect(usage.resource_type_default_usage.aws_lb.new_connections).toBe(Math.ceil(plan.demand.averageRps / 10));
  });
});

describe('Aurora clusters in the usage file', () => {
  it('sharded: each cluster gets its share of storage and requests (Infracost applies the default to every cluster)', () => {
    const plan = planOf({ users: 20_000_000, profile: 'saas', provider: 'aws', simulate: false });
    expect(plan.database.shards).toBeGreaterThan(1);
    const one = usageOf({ users: 20_000_000, profile: 'saas', provider: 'aws', simulate: false })
      .resource_type_default_usage.aws_rds_cluster;
    expect(one.storage_gb).toBeCloseTo(plan.database.storageGb / plan.database.shards, 1);
  });
  it('I/O-Optimized clusters have their storage in the file too', () => {
    const input = { users: 5_000_000, profile: 'saas', provider: 'aws', database: 'aurora-io-optimized' } as const;
    const usage = usageOf(input);
    expect(usage.resource_type_default_usage.aws_rds_cluster.storage_gb).toBeCloseTo(
      planOf(input).database.storageGb,
      1,
    );
    expect(infracostProblems(usage)).toEqual([]);
  });
});

describe('per-type defaults are per resource: Infracost applies them to every resource of the type', () => {
  it('Azure, two regions: each scale set, gateway and zonal NAT gets its share, summing to the plan', () => {
    const input = { users: 500_000, profile: 'saas', provider: 'azure', regions: 'eastus=60,westeurope=40' } as const;
    const plan = planOf(input);
    const usage = usageOf(input).resource_type_default_usage;
    const regions = plan.availability.regions.length;
    const natGb = plan.cost.lineItems.filter((l) => l.kind === 'nat-data').reduce((a, l) => a + l.quantity, 0);
    expect(regions).toBe(2);
    expect(usage.azurerm_linux_virtual_machine_scale_set.instances).toBe(
      Math.ceil(plan.compute.instances.average / regions),
    );
    expect(usage.azurerm_nat_gateway.monthly_data_processed_gb * plan.availability.zones * regions).toBeCloseTo(
      natGb,
      0,
    );
  });
  it('AWS: the NAT gateway in each zone gets a zone’s share of the data', () => {
    const input = { users: 500_000, provider: 'aws' } as const;
    const plan = planOf(input);
    const natGb = plan.cost.lineItems.filter((l) => l.kind === 'nat-data').reduce((a, l) => a + l.quantity, 0);
    const perGateway = usageOf(input).resource_type_default_usage.aws_nat_gateway.monthly_data_processed_gb;
    expect(perGateway * plan.availability.zones).toBeCloseTo(natGb, 0);
  });
});
