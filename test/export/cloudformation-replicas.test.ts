// RDS read replicas take their source's encryption (StorageEncrypted beside SourceDBInstanceIdentifier is
// cfn-lint's E3020), and an encrypted replica in another region names a KMS key of its own region.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawInput } from '../../src/core/input.js';
import { exportFiles } from '../../src/export/index.js';
import { planOf } from '../helpers.js';
import { cloudFormationProblems } from './cloudformation-spec.js';

type Template = {
  Parameters: Record<string, { Default?: string }>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
};
const templates = (input: RawInput): Record<string, Template> =>
  Object.fromEntries(
    exportFiles('cloudformation', planOf(input), { name: 'shop', version: 't' }).map((f) => [f.path, parse(f.content)]),
  );
const instances = (t: Template) => Object.values(t.Resources).filter((r) => r.Type === 'AWS::RDS::DBInstance');

describe('encryption of RDS replicas in the CloudFormation templates', () => {
  it('two regions on RDS: the primary is encrypted, its replicas inherit it, the other region names its key', () => {
    const all = templates({ users: 50_000, availability: 99.99, database: 'single-az' });
    const [home, away] = [all['template-us-east-1.yaml']!, all['template-us-west-2.yaml']!];
    expect(home).toBeDefined();
    expect(away).toBeDefined();
    for (const r of instances(home))
      expect(r.Properties.StorageEncrypted).toBe(r.Properties.SourceDBInstanceIdentifier === undefined || undefined);
    const replica = instances(away).find((r) => r.Properties.SourceRegion === 'us-east-1')!;
    expect(replica.Properties.StorageEncrypted).toBeUndefined();
    expect(replica.Properties.KmsKeyId).toEqual({ Ref: 'DatabaseKmsKeyId' });
    expect(away.Parameters.DatabaseKmsKeyId!.Default).toBe('alias/aws/rds');
    expect(home.Parameters.DatabaseKmsKeyId).toBeUndefined();
    for (const t of [home, away]) expect(cloudFormationProblems(t)).toEqual([]);
  });

  it('in one region, read replicas carry no StorageEncrypted of their own', () => {
    const t = templates({ users: 2_000_000, database: 'multi-az' })['template.yaml']!;
    const replicas = instances(t).filter((r) => r.Properties.SourceDBInstanceIdentifier !== undefined);
    expect(replicas.length).toBeGreaterThan(0);
    for (const r of replicas) expect(r.Properties.StorageEncrypted).toBeUndefined();
  });
});

describe('RDS storage in the CloudFormation templates', () => {
  it('AllocatedStorage is the plan’s GB in GiB, at most the 65,536 RDS takes, on instances and Multi-AZ DB clusters', () => {
    for (const database of ['multi-az', 'multi-az-cluster'] as const) {
      const input = { users: 4_500_000, profile: 'saas' as const, database, simulate: false };
      const plan = planOf(input);
      const perShardGb = plan.database.storageGb / plan.database.shards;
      const t = templates(input)['template.yaml']!;
      const allocated = Object.values(t.Resources)
        .map((r) => r.Properties.AllocatedStorage)
        .filter((a) => a !== undefined)
        .map(Number);
      expect(allocated.length, database).toBeGreaterThan(0);
      for (const gib of allocated) {
        expect(gib, database).toBe(Math.ceil((perShardGb * 1e9) / 2 ** 30));
        expect(gib, database).toBeLessThanOrEqual(65_536);
      }
    }
  });
});

describe('where the servers sit', () => {
  const group = (t: Template) =>
    Object.values(t.Resources).find((r) => r.Type === 'AWS::AutoScaling::AutoScalingGroup')!;
  const launch = (t: Template) => Object.values(t.Resources).find((r) => r.Type === 'AWS::EC2::LaunchTemplate')!;
  it('below the horizontal tier (no NAT in the bill): public subnets, an address each, as the bill prices', () => {
    const input = { users: 50_000, simulate: false };
    const t = templates(input)['template.yaml']!;
    expect(group(t).Properties.VPCZoneIdentifier).toEqual({ Ref: 'PublicSubnetIds' });
    const data = launch(t).Properties.LaunchTemplateData as {
      NetworkInterfaces: { AssociatePublicIpAddress: boolean }[];
    };
    expect(data.NetworkInterfaces[0]!.AssociatePublicIpAddress).toBe(true);
    const ip = planOf(input).cost.lineItems.find((l) => l.kind === 'public-ip')!;
    expect(ip.description).toMatch(/one per app server/);
    expect(cloudFormationProblems(t)).toEqual([]);
  });
  it('from the horizontal tier: private subnets behind the NAT the bill prices', () => {
    const t = templates({ users: 500_000, simulate: false })['template.yaml']!;
    expect(group(t).Properties.VPCZoneIdentifier).toEqual({ Ref: 'PrivateSubnetIds' });
    expect(cloudFormationProblems(t)).toEqual([]);
  });
});
