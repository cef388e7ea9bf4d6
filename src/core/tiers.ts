import { formatUsers } from './humane-number.js';

export const TIER_IDS = ['single-server', 'cached-replicas', 'horizontal', 'distributed'] as const;
export type TierId = (typeof TIER_IDS)[number];

export interface TierRule {
  id: TierId;
  /** Lowest user count of this tier in the seed's scaling timeline. */
  fromUsers: number;
  scaling: 'vertical' | 'horizontal';
  title: string;
  /** The seed's list of what this tier has. */
  seedDesign: string[];
  /** The seed's monthly cost band, USD (high null: "and up"). */
  band: { low: number; high: number | null };
  /** Application servers at the daily peak: the seed's range where it gives one. */
  servers: { min: number; max: number | null };
  /** Instance shapes tried for the app servers, smallest first (each catalog maps a shape to its own type). */
  instanceCandidates: readonly string[];
}

export const TIERS: readonly TierRule[] = [
  {
    id: 'single-server',
    fromUsers: 0,
    scaling: 'vertical',
    title: 'Single server (vertical scaling)',
    seedDesign: ['1 application server', '1 database', 'No load balancer needed'],
    band: { low: 50, high: 200 },
    servers: { min: 1, max: 1 },
    instanceCandidates: ['burst-2x4', 'burst-2x8', 'general-2', 'general-4', 'general-8', 'general-16'],
  },
  {
    id: 'cached-replicas',
    fromUsers: 10_000,
    scaling: 'horizontal',
    title: 'Caching and read replicas',
    seedDesign: [
      '1 application server (or 2-3 for redundancy)',
      'Load balancer',
      'Redis cache',
      'Database with read replicas',
      'CDN for static assets',
    ],
    band: { low: 500, high: 1500 },
    servers: { min: 2, max: 3 },
    instanceCandidates: ['general-2', 'general-4', 'general-8'],
  },
  {
    id: 'horizontal',
    fromUsers: 100_000,
    scaling: 'horizontal',
    title: 'Horizontal scaling',
    seedDesign: [
      '5-10 application servers (auto-scaling)',
      'Load balancer with health checks',
      'Redis cluster (primary + replicas)',
      'Database with multiple read replicas',
      'CDN + edge caching',
      'Monitoring and alerting',
    ],
    band: { low: 3000, high: 10000 },
    servers: { min: 2, max: 10 },
    instanceCandidates: ['general-2', 'general-4', 'general-8'],
  },
  {
    id: 'distributed',
    fromUsers: 1_000_000,
    scaling: 'horizontal',
    title: 'Distributed architecture',
    seedDesign: [
      'Auto-scaling (10-100+ servers)',
      'Multiple availability zones',
      'Database sharding',
      'Microservices architecture',
      'Message queues',
      'Distributed caching',
      'Full observability stack',
    ],
    band: { low: 20000, high: 100000 },
    servers: { min: 3, max: null },
    instanceCandidates: ['general-8', 'general-16'],
  },
];

export function tierRule(id: TierId): TierRule {
  const rule = TIERS.find((t) => t.id === id);
  if (!rule) throw new Error(`unknown tier ${id}`);
  return rule;
}

export function nextTier(id: TierId): TierId | null {
  const index = TIER_IDS.indexOf(id);
  return TIER_IDS[index + 1] ?? null;
}

export function tierRank(id: TierId): number {
  return TIER_IDS.indexOf(id);
}

/** The seed's scaling timeline: the tier a user count falls in, and why. */
export function tierForUsers(users: number): { id: TierId; reason: string } {
  const rule = [...TIERS].reverse().find((t) => users >= t.fromUsers) ?? TIERS[0]!;
  const next = TIERS[TIERS.indexOf(rule) + 1];
  const range = next
    ? `${formatUsers(rule.fromUsers)}–${formatUsers(next.fromUsers - 1)}`
    : `${formatUsers(rule.fromUsers)} and up`;
  const span = rule.fromUsers === 0 ? `under ${formatUsers(next!.fromUsers)}` : range;
  return {
    id: rule.id,
    reason: `${formatUsers(users)} monthly users is in the scaling guide's ${span} band: ${rule.title.toLowerCase()}`,
  };
}

/** The seed's "vertical vs horizontal" guidance, as reasons for the tier's scaling direction. */
export function scalingReasons(scaling: 'vertical' | 'horizontal'): string[] {
  if (scaling === 'vertical') {
    return [
      'Start vertical: one bigger server is simple (no code changes), has no distributed-system complexity or network hops between parts, and is easier to debug and monitor',
      'Its limits — a physical ceiling, a single point of failure, high prices at the top end and downtime during upgrades — do not bite at this size',
      'Design stateless from day one anyway (sessions in Redis or the database, uploads in object storage) so the move to horizontal needs no rewrite',
    ];
  }
  return [
    'Scale horizontal: more servers behind a load balancer give room to grow, redundancy with no single point of failure, commodity prices and zero-downtime rolling deployments',
    'It costs stateless code, distributed-system complexity, data-consistency work and network latency between components',
  ];
}
