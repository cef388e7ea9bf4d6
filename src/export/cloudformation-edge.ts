import type { PlanDocument } from '../core/plan-document.js';
import { getAtt, ref, type CfnOutputs, type CfnResource, type CfnResources } from './cloudformation-types.js';

/** AWS managed CloudFront policies: CachingDisabled and AllViewer for the app, CachingOptimized for static files. */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER = '216adef6-5c7f-47e4-b989-5492eafa07d3';

/** CloudFront in front of the ALB: the app uncached (every viewer header to the origin), /static/* cached. */
function distribution(): CfnResource {
  return {
    Type: 'AWS::CloudFront::Distribution',
    Properties: {
      DistributionConfig: {
        Enabled: true,
        HttpVersion: 'http2and3',
        PriceClass: 'PriceClass_All',
        Origins: [
          {
            Id: 'alb',
            DomainName: getAtt('LoadBalancer', 'DNSName'),
            CustomOriginConfig: { OriginProtocolPolicy: 'http-only', HTTPPort: 80 },
          },
        ],
        DefaultCacheBehavior: {
          TargetOriginId: 'alb',
          ViewerProtocolPolicy: 'redirect-to-https',
          AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          CachePolicyId: CACHING_DISABLED,
          OriginRequestPolicyId: ALL_VIEWER,
        },
        CacheBehaviors: [
          {
            PathPattern: '/static/*',
            TargetOriginId: 'alb',
            ViewerProtocolPolicy: 'redirect-to-https',
            CachePolicyId: CACHING_OPTIMIZED,
          },
        ],
      },
    },
  };
}

/** CloudFront in front of the ALB (when the plan has a CDN), the SQS queue (when it has one) and the seed's p95 and queue alarms. */
export function edgeResources(
  plan: PlanDocument,
  scaleOut: string | null,
): { resources: CfnResources; outputs: CfnOutputs } {
  const resources: CfnResources = {};
  const outputs: CfnOutputs = {};
  const actions = scaleOut ? { AlarmActions: [ref(scaleOut)] } : {};
  const p95 = plan.autoscaling?.scaleOut.when.find((w) => w.metric === 'p95LatencyMs')?.threshold ?? 1000;
  const depth = plan.autoscaling?.scaleOut.when.find((w) => w.metric === 'queueDepth')?.threshold ?? 100;
  if (plan.cdn) {
    resources.Distribution = distribution();
    outputs.CdnDomainName = { Description: 'CloudFront domain name', Value: getAtt('Distribution', 'DomainName') };
  }
  resources.LatencyAlarm = {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmDescription: `p95 response time above ${p95 / 1000} s: scale out`,
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'TargetResponseTime',
      Dimensions: [{ Name: 'LoadBalancer', Value: getAtt('LoadBalancer', 'LoadBalancerFullName') }],
      ExtendedStatistic: 'p95',
      Period: 60,
      EvaluationPeriods: 3,
      Threshold: p95 / 1000,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      ...actions,
    },
  };
  if (plan.queue) {
    resources.DeadLetterQueue = { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1_209_600 } };
    resources.Queue = {
      Type: 'AWS::SQS::Queue',
      Properties: {
        VisibilityTimeout: 60,
        MessageRetentionPeriod: 345_600,
        RedrivePolicy: { deadLetterTargetArn: getAtt('DeadLetterQueue', 'Arn'), maxReceiveCount: 5 },
      },
    };
    resources.QueueDepthAlarm = {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmDescription: `More than ${depth} messages waiting: scale out`,
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: getAtt('Queue', 'QueueName') }],
        Statistic: 'Maximum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: depth,
        ComparisonOperator: 'GreaterThanThreshold',
        ...actions,
      },
    };
    outputs.QueueUrl = { Description: 'SQS queue URL', Value: ref('Queue') };
  }
  return { resources, outputs };
}
