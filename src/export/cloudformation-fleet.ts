import type { PlanDocument } from '../core/plan-document.js';
import { getAtt, ref, sub, tags, type CfnResources } from './cloudformation-types.js';
import { targetGroupName } from './cloudformation-balancer.js';
import { classRange, type WeightClass } from './weight-classes.js';

const suffixOf = (c: WeightClass) => (c.id === 'main' ? '' : c.id === 'canary' ? 'Canary' : 'Large');
export const groupName = (c: WeightClass) => `AutoScalingGroup${suffixOf(c)}`;

/** A launch template and an Auto Scaling group for each weight class, sized from the region's fleet. */
export function fleetResources(
  plan: PlanDocument,
  classes: readonly WeightClass[],
  size: { min: number; max: number },
): CfnResources {
  const resources: CfnResources = {};
  const cooldown = plan.autoscaling?.cooldownSeconds ?? 300;
  // The plan buys NAT only from the horizontal tier; below it the servers sit in the public subnets, each
  // with its own address (billed as the plan's public IPv4 line) for its outbound calls.
  const natted = plan.cost.lineItems.some((l) => l.kind === 'nat-gateway');
  const network = natted
    ? { SecurityGroupIds: [ref('AppSecurityGroup')] }
    : { NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: true, Groups: [ref('AppSecurityGroup')] }] };
  for (const c of classes) {
    const template = `LaunchTemplate${suffixOf(c)}`;
    const { min, max } = classRange(c, classes, size);
    resources[template] = {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: {
          ImageId: ref('ImageId'),
          InstanceType: c.instanceType,
          ...network,
          MetadataOptions: { HttpTokens: 'required' },
          TagSpecifications: [{ ResourceType: 'instance', Tags: tags(`app${c.suffix}`) }],
        },
      },
    };
    resources[groupName(c)] = {
      Type: 'AWS::AutoScaling::AutoScalingGroup',
      Properties: {
        MinSize: String(Math.max(1, min)),
        MaxSize: String(Math.max(1, min, max)),
        Cooldown: String(cooldown),
        VPCZoneIdentifier: ref(natted ? 'PrivateSubnetIds' : 'PublicSubnetIds'),
        LaunchTemplate: { LaunchTemplateId: ref(template), Version: getAtt(template, 'LatestVersionNumber') },
        TargetGroupARNs: [ref(targetGroupName(c))],
        HealthCheckType: 'ELB',
        HealthCheckGracePeriod: 60,
        Tags: [{ Key: 'Name', Value: sub(`\${AWS::StackName}-app${c.suffix}`), PropagateAtLaunch: true }],
      },
    };
  }
  return { ...resources, ...(plan.autoscaling ? scalingResources(plan, groupName(classes[0]!)) : {}) };
}

/** The seed's rules on the main group: target tracking at 60 % CPU, +2 above 70 % for 5 min, -1 below 30 % for 10 min. */
function scalingResources(plan: PlanDocument, group: string): CfnResources {
  const a = plan.autoscaling!;
  const out = a.scaleOut.when.find((w) => w.metric === 'cpuPercent');
  const inn = a.scaleIn.when.find((w) => w.metric === 'cpuPercent');
  const cpuAlarm = (threshold: number, minutes: number, operator: string, action: string, what: string) => ({
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: what,
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: ref(group) }],
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: minutes,
      Threshold: threshold,
      ComparisonOperator: operator,
      AlarmActions: [ref(action)],
    },
  });
  return {
    TargetTrackingPolicy: {
      Type: 'AWS::AutoScaling::ScalingPolicy',
      Properties: {
        AutoScalingGroupName: ref(group),
        PolicyType: 'TargetTrackingScaling',
        EstimatedInstanceWarmup: a.cooldownSeconds,
        TargetTrackingConfiguration: {
          PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' },
          TargetValue: a.targetCpuPercent,
        },
      },
    },
    ScaleOutPolicy: {
      Type: 'AWS::AutoScaling::ScalingPolicy',
      Properties: {
        AutoScalingGroupName: ref(group),
        PolicyType: 'StepScaling',
        AdjustmentType: 'ChangeInCapacity',
        EstimatedInstanceWarmup: a.cooldownSeconds,
        StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: a.scaleOut.adjustment }],
      },
    },
    ScaleInPolicy: {
      Type: 'AWS::AutoScaling::ScalingPolicy',
      Properties: {
        AutoScalingGroupName: ref(group),
        PolicyType: 'StepScaling',
        AdjustmentType: 'ChangeInCapacity',
        StepAdjustments: [{ MetricIntervalUpperBound: 0, ScalingAdjustment: a.scaleIn.adjustment }],
      },
    },
    CpuHighAlarm: cpuAlarm(
      out?.threshold ?? 70,
      out?.forMinutes ?? 5,
      'GreaterThanThreshold',
      'ScaleOutPolicy',
      `Scale out by ${a.scaleOut.adjustment} when CPU is above ${out?.threshold ?? 70} % for ${out?.forMinutes ?? 5} minutes`,
    ),
    CpuLowAlarm: cpuAlarm(
      inn?.threshold ?? 30,
      inn?.forMinutes ?? 10,
      'LessThanThreshold',
      'ScaleInPolicy',
      `Scale in by ${Math.abs(a.scaleIn.adjustment)} when CPU is below ${inn?.threshold ?? 30} % for ${inn?.forMinutes ?? 10} minutes`,
    ),
  };
}
