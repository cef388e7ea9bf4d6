import type { PlanDocument } from '../core/plan-document.js';
import { ref, tags, type CfnResources } from './cloudformation-types.js';
import type { WeightClass } from './weight-classes.js';

const APP_PORT = 8080;

/** ALB target group attributes for the plan's algorithm: the ALB has round robin, least outstanding requests and stickiness. */
export function targetGroupAttributes(plan: PlanDocument): { Key: string; Value: string }[] {
  const strategy = plan.loadBalancing.strategy;
  const algorithm = strategy === 'least-connections' ? 'least_outstanding_requests' : 'round_robin';
  return [
    { Key: 'load_balancing.algorithm.type', Value: algorithm },
    { Key: 'deregistration_delay.timeout_seconds', Value: '30' },
    ...(strategy === 'ip-hash'
      ? [
          { Key: 'stickiness.enabled', Value: 'true' },
          { Key: 'stickiness.type', Value: 'lb_cookie' },
          { Key: 'stickiness.lb_cookie.duration_seconds', Value: '86400' },
        ]
      : []),
  ];
}

export const targetGroupName = (c: WeightClass) =>
  `TargetGroup${c.id === 'main' ? '' : c.id === 'canary' ? 'Canary' : 'Large'}`;

/** The load balancer's group (HTTP and HTTPS from anywhere) and the app servers' (the app port from the balancer only). */
function securityGroups(): CfnResources {
  return {
    LoadBalancerSecurityGroup: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'HTTP and HTTPS from the internet to the load balancer',
        VpcId: ref('VpcId'),
        SecurityGroupIngress: [80, 443].map((port) => ({
          IpProtocol: 'tcp',
          FromPort: port,
          ToPort: port,
          CidrIp: '0.0.0.0/0',
        })),
        Tags: tags('lb'),
      },
    },
    AppSecurityGroup: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'The app port, from the load balancer only',
        VpcId: ref('VpcId'),
        SecurityGroupIngress: [
          {
            IpProtocol: 'tcp',
            FromPort: APP_PORT,
            ToPort: APP_PORT,
            SourceSecurityGroupId: ref('LoadBalancerSecurityGroup'),
          },
        ],
        Tags: tags('app'),
      },
    },
  };
}

/** Security groups, the internet-facing ALB, one target group per weight class and a listener forwarding by their weights. */
export function balancerResources(plan: PlanDocument, classes: readonly WeightClass[]): CfnResources {
  const h = plan.healthCheck;
  const readiness = h.readiness ?? {
    path: h.path,
    intervalSeconds: h.intervalSeconds,
    timeoutSeconds: h.timeoutSeconds,
  };
  const resources: CfnResources = {
    ...securityGroups(),
    LoadBalancer: {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      Properties: {
        Type: 'application',
        Scheme: 'internet-facing',
        Subnets: ref('PublicSubnetIds'),
        SecurityGroups: [ref('LoadBalancerSecurityGroup')],
        LoadBalancerAttributes: [{ Key: 'idle_timeout.timeout_seconds', Value: '60' }],
        Tags: tags('alb'),
      },
    },
  };
  for (const c of classes) {
    resources[targetGroupName(c)] = {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: {
        Port: APP_PORT,
        Protocol: 'HTTP',
        TargetType: 'instance',
        VpcId: ref('VpcId'),
        HealthCheckEnabled: true,
        HealthCheckPath: readiness.path,
        HealthCheckIntervalSeconds: readiness.intervalSeconds,
        HealthCheckTimeoutSeconds: readiness.timeoutSeconds,
        HealthyThresholdCount: h.healthyThreshold,
        UnhealthyThresholdCount: h.unhealthyThreshold,
        Matcher: { HttpCode: String(h.healthyStatus) },
        TargetGroupAttributes: targetGroupAttributes(plan),
        Tags: tags(`tg${c.suffix}`),
      },
    };
  }
  resources.Listener = {
    Type: 'AWS::ElasticLoadBalancingV2::Listener',
    Properties: {
      LoadBalancerArn: ref('LoadBalancer'),
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [
        {
          Type: 'forward',
          // Weighted target groups carry the plan's shares (canary 95/5, or capacity for mixed hardware).
          ForwardConfig: {
            TargetGroups: classes.map((c) => ({ TargetGroupArn: ref(targetGroupName(c)), Weight: c.percent })),
          },
        },
      ],
    },
  };
  return resources;
}
