import { providerPack } from '../providers/registry.js';
import { CANARY_PERCENT } from './deployment.js';

export const STRATEGIES = ['none', 'round-robin', 'least-connections', 'ip-hash', 'weighted'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** The seed's five rules for stateless applications. */
export const STATELESS_RULES = [
  'No in-memory state: use Redis or the database for session data',
  'No local file storage: use object storage and a CDN for uploads',
  'No server affinity: any server can handle any request',
  'Idempotent operations: the same request gives the same result',
  'Externalize config: use environment variables or a config service',
] as const;

export interface BalancerSetting {
  /** The provider's balancer and how to set the strategy on it. */
  provider: { service: string; setting: string };
  nginx: string;
  haproxy: string;
}

export interface LoadBalancingDecision {
  strategy: Strategy;
  reasons: string[];
  /** Statelessness rules a --stateful app breaks (empty for stateless apps). */
  breaksRules: string[];
  configuration: BalancerSetting | null;
}

export interface LoadBalancingFacts {
  servers: number;
  stateful: boolean;
  mixedHardware: boolean;
  canary: boolean;
  requestDurations: 'similar' | 'variable';
  requestDurationsFrom: 'profile' | 'flag';
  profile: string;
}

export function chooseStrategy(
  f: LoadBalancingFacts,
): Pick<LoadBalancingDecision, 'strategy' | 'reasons' | 'breaksRules'> {
  const durationSource = f.requestDurationsFrom === 'flag' ? '--request-durations' : `the ${f.profile} profile`;
  if (f.servers <= 1) {
    return {
      strategy: 'none',
      reasons: [
        "One server: the scaling guide's single-server tier needs no load balancer",
        'Add one (and a second server) when the availability target or growth calls for it',
      ],
      breaksRules: f.stateful ? [...STATELESS_RULES.slice(0, 3)] : [],
    };
  }
  if (f.stateful) {
    return {
      strategy: 'ip-hash',
      reasons: [
        '--stateful: the app keeps state on the server, so each user must keep reaching the same one — IP hash (sticky sessions) does that',
        'Use it only while migrating to a stateless design: the scaling guide says to avoid it for new systems',
        "Its costs: uneven distribution when users are clustered (offices, mobile carriers behind NAT), and a server failure loses that server's sessions",
      ],
      breaksRules: [...STATELESS_RULES.slice(0, 3)],
    };
  }
  if (f.mixedHardware || f.canary) {
    const why = [
      f.mixedHardware
        ? '--mixed-hardware: servers of different sizes should get traffic in proportion to their capacity'
        : null,
      f.canary
        ? `canary deployment: ${CANARY_PERCENT} % of traffic goes to the new version first, which needs weighted routing`
        : null,
    ].filter((x): x is string => x !== null);
    return {
      strategy: 'weighted',
      reasons: [...why, 'Weighted balancing handles heterogeneous hardware, canary releases and A/B tests'],
      breaksRules: [],
    };
  }
  if (f.requestDurations === 'variable') {
    return {
      strategy: 'least-connections',
      reasons: [
        `Request durations vary (${durationSource}): least connections sends each request to the server with the fewest in flight, so a slow request does not queue fast ones behind it`,
        'Round robin would ignore server load and request complexity',
      ],
      breaksRules: [],
    };
  }
  return {
    strategy: 'round-robin',
    reasons: [
      `Servers are identical and request durations are similar (${durationSource}): round robin is simple and fair`,
      'Switch to least connections if slow requests (reports, uploads, exports) appear',
    ],
    breaksRules: [],
  };
}

const NGINX: Record<Exclude<Strategy, 'none'>, string> = {
  'round-robin': 'upstream app { server app1:8080; server app2:8080; }  # round robin is the default',
  'least-connections': 'upstream app { least_conn; server app1:8080; server app2:8080; }',
  'ip-hash': 'upstream app { ip_hash; server app1:8080; server app2:8080; }',
  weighted: 'upstream app { server app1:8080 weight=5; server app2:8080 weight=3; }',
};
const HAPROXY: Record<Exclude<Strategy, 'none'>, string> = {
  'round-robin': 'balance roundrobin',
  'least-connections': 'balance leastconn',
  'ip-hash': 'balance source',
  weighted: 'balance roundrobin with server ... weight N',
};

export function balancerSetting(strategy: Strategy, provider: string): BalancerSetting | null {
  if (strategy === 'none') return null;
  const { service, setting } = providerPack(provider).balancer[strategy];
  return { provider: { service, setting }, nginx: NGINX[strategy], haproxy: HAPROXY[strategy] };
}
