import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RawInput } from '../../src/core/input.js';
import { exportFiles } from '../../src/export/index.js';
import { planOf } from '../helpers.js';
import { cloudFormationProblems } from './cloudformation-spec.js';

const templates = (input: RawInput) =>
  exportFiles('cloudformation', planOf(input), { name: 'shop', version: 't' }).map((f) => ({
    path: f.path,
    t: parse(f.content),
  }));
const only = (input: RawInput) => templates(input)[0]!.t;
const ofType = (t: { Resources: Record<string, { Type: string }> }, type: string) =>
  Object.entries(t.Resources).filter(([, r]) => r.Type === type);

const CASES: RawInput[] = [
  { users: 5000 },
  { users: 50_000 },
  { users: 50_000, stateful: true },
  { users: 500_000, deploy: 'canary' },
  { users: 500_000, availability: 99.95 },
  { users: 300_000, mixedHardware: true },
  { users: 5_000_000 },
  { users: 5_000_000, availability: 99.95 },
  { users: 2_000_000, regions: 'us-east-1=60,eu-west-1=40' },
  { users: 500_000, availability: 99.95, regions: 'us-east-1=60,eu-west-1=40' },
  { users: 500_000, database: 'multi-az-cluster' },
  { users: 500_000, database: 'multi-az-cluster', regions: 'us-east-1=60,eu-west-1=40' },
  { users: 5_000_000, database: 'multi-az' },
  { users: 2_000_000, database: 'multi-az', regions: 'us-east-1=60,eu-west-1=40' },
  { users: 5_000_000, profile: 'api', readRatio: 0.2 },
];

describe('CloudFormation, validated against the CloudFormation resource specification (@aws-cdk/aws-service-spec)', () => {
  it.each(CASES)('%j: every type, property, required property, Ref and GetAtt checks out', (input) => {
    for (const { path, t } of templates(input)) {
      expect(t.AWSTemplateFormatVersion, path).toBe('2010-09-09');
      expect(cloudFormationProblems(t), path).toEqual([]);
    }
  });
  it('the check can fail: an unknown type, an unknown property, a wrong type, a missing required property, a dangling Ref and a bad attribute', () => {
    expect(
      cloudFormationProblems({
        Resources: {
          A: { Type: 'AWS::EC2::Nonsense', Properties: {} },
          B: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: 2, MaxSize: '4', Bogus: 1 } },
          C: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: { Ref: 'Missing' } } },
        },
        Outputs: { X: { Value: { 'Fn::GetAtt': ['C', 'NoSuchAttribute'] } } },
      }),
    ).toEqual([
      'A: AWS::EC2::Nonsense is not a CloudFormation resource type',
      'B (AWS::AutoScaling::AutoScalingGroup).MinSize: expected a string, got 2',
      'B (AWS::AutoScaling::AutoScalingGroup): unknown property Bogus',
      'C.VisibilityTimeout: Ref Missing resolves to nothing',
      'Outputs.X: AWS::SQS::Queue has no attribute NoSuchAttribute',
    ]);
    expect(
      cloudFormationProblems({ Resources: { D: { Type: 'AWS::AutoScaling::ScalingPolicy', Properties: {} } } }),
    ).toEqual(['D (AWS::AutoScaling::ScalingPolicy): required property AutoScalingGroupName is missing']);
  });
  it("the seed's scaling rules: target tracking at 60 %, +2 above 70 % for 5 min, -1 below 30 % for 10 min, min, max and cooldown", () => {
    const plan = planOf({ users: 500_000, deploy: 'canary' });
    const t = only({ users: 500_000, deploy: 'canary' });
    const r = t.Resources;
    expect(r.AutoScalingGroup.Properties).toMatchObject({
      MinSize: String(plan.compute.instances.min),
      MaxSize: String(plan.compute.instances.max),
      Cooldown: '300',
    });
    expect(r.TargetTrackingPolicy.Properties.TargetTrackingConfiguration.TargetValue).toBe(60);
    expect(r.ScaleOutPolicy.Properties.StepAdjustments).toEqual([
      { MetricIntervalLowerBound: 0, ScalingAdjustment: 2 },
    ]);
    expect(r.ScaleInPolicy.Properties.StepAdjustments).toEqual([
      { MetricIntervalUpperBound: 0, ScalingAdjustment: -1 },
    ]);
    expect(r.CpuHighAlarm.Properties).toMatchObject({ Threshold: 70, EvaluationPeriods: 5, Period: 60 });
    expect(r.CpuLowAlarm.Properties).toMatchObject({ Threshold: 30, EvaluationPeriods: 10, Period: 60 });
    expect(r.LatencyAlarm.Properties).toMatchObject({
      ExtendedStatistic: 'p95',
      Threshold: 1,
      MetricName: 'TargetResponseTime',
    });
    const forward = r.Listener.Properties.DefaultActions[0].ForwardConfig.TargetGroups;
    expect(forward.map((g: { Weight: number }) => g.Weight)).toEqual([95, 5]);
    expect(r.Distribution).toBeDefined();
    console.info(`CloudFormation, 500k users with --deploy canary: ${Object.keys(r).length} resources`);
  });
  it('the database and cache the plan chose: RDS Multi-AZ + replicas, Aurora cluster + instances, Redis shards; SQS and its alarm at 1M+', () => {
    const rds = only({ users: 5_000_000, database: 'multi-az' });
    expect(rds.Resources.Database.Properties.MultiAZ).toBe(true);
    const replicas = planOf({ users: 5_000_000, database: 'multi-az' }).database.readReplicas;
    expect(replicas).toBeGreaterThan(0);
    expect(ofType(rds, 'AWS::RDS::DBInstance')).toHaveLength(1 + replicas);
    const cluster = only({ users: 500_000, database: 'multi-az-cluster' });
    expect(cluster.Resources.DatabaseCluster.Properties).toMatchObject({ Engine: 'postgres', StorageType: 'gp3' });
    expect(cluster.Resources.DatabaseCluster.Properties.DBClusterInstanceClass).toMatch(/^db\./);
    const io = only({ users: 5_000_000, profile: 'api', readRatio: 0.2 });
    expect(planOf({ users: 5_000_000, profile: 'api', readRatio: 0.2 }).database.deployment).toBe(
      'aurora-io-optimized',
    );
    expect(
      ofType(io, 'AWS::RDS::DBCluster').every(
        ([, r]) => (r as unknown as { Properties: { StorageType?: string } }).Properties.StorageType === 'aurora-iopt1',
      ),
    ).toBe(true);
    const aurora = only({ users: 500_000, availability: 99.95 });
    expect(ofType(aurora, 'AWS::RDS::DBCluster')).toHaveLength(1);
    expect(aurora.Resources.DatabaseInstance1.Properties.DBClusterIdentifier).toEqual({ Ref: 'DatabaseCluster' });
    expect(ofType(aurora, 'AWS::RDS::DBInstance')).toHaveLength(
      1 + planOf({ users: 500_000, availability: 99.95 }).database.readReplicas,
    );
    const [primary, secondary] = templates({
      users: 500_000,
      availability: 99.95,
      regions: 'us-east-1=60,eu-west-1=40',
    });
    expect(ofType(primary!.t, 'AWS::RDS::GlobalCluster')).toHaveLength(1);
    expect(secondary!.t.Resources.DatabaseCluster.Properties.GlobalClusterIdentifier).toEqual({
      Ref: 'GlobalClusterIdentifier',
    });
    const big = only({ users: 5_000_000 });
    expect(big.Resources.Cache.Properties).toMatchObject({ NumNodeGroups: 9, ReplicasPerNodeGroup: 1 });
    expect(big.Resources.QueueDepthAlarm.Properties).toMatchObject({
      Threshold: 100,
      AlarmActions: [{ Ref: 'ScaleOutPolicy' }],
    });
    const bigDb = planOf({ users: 5_000_000 }).database;
    expect(ofType(big, 'AWS::RDS::DBInstance')).toHaveLength(bigDb.shards * (1 + bigDb.readReplicasPerShard));
  });
  it.each([
    [{ users: 500_000, profile: 'ecommerce' }, 'least_outstanding_requests'],
    [{ users: 500_000 }, 'round_robin'],
  ] as [RawInput, string][])("the target group carries the plan's algorithm (%j)", (input, algorithm) => {
    const attributes = only(input).Resources.TargetGroup.Properties.TargetGroupAttributes;
    expect(attributes).toContainEqual({ Key: 'load_balancing.algorithm.type', Value: algorithm });
  });
  it('two regions: a template each; the secondary follows the primary database', () => {
    const out = templates({ users: 2_000_000, regions: 'us-east-1=60,eu-west-1=40', database: 'multi-az' });
    expect(out.map((o) => o.path)).toEqual(['template-us-east-1.yaml', 'template-eu-west-1.yaml']);
    expect(out[1]!.t.Resources.Database.Properties.SourceRegion).toBe('us-east-1');
  });
});
