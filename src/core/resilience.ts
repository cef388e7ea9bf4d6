import type { TierId } from './tiers.js';

export type DatabaseHa = 'single-az' | 'multi-az' | 'aurora';

/** The redundancy a design has: what the availability estimate composes and the availability target raises. */
export interface Resilience {
  /** Availability zones the app servers spread over (1: a single instance, no balancer). */
  appZones: number;
  databaseHa: DatabaseHa;
  /** Redis with a replica in another zone and automatic failover. */
  cacheHa: boolean;
  /** Full stacks in separate regions behind a global DNS router. */
  regions: number;
}

/** What each tier of the seed has by default. */
export function tierResilience(tier: TierId): Resilience {
  switch (tier) {
    case 'single-server':
      return { appZones: 1, databaseHa: 'single-az', cacheHa: false, regions: 1 };
    case 'cached-replicas':
      return { appZones: 2, databaseHa: 'single-az', cacheHa: false, regions: 1 };
    case 'horizontal':
      return { appZones: 2, databaseHa: 'multi-az', cacheHa: true, regions: 1 };
    case 'distributed':
      return { appZones: 3, databaseHa: 'multi-az', cacheHa: true, regions: 1 };
  }
}

const HA_RANK: Record<DatabaseHa, number> = { 'single-az': 0, 'multi-az': 1, aurora: 2 };

/** The stronger of two designs, component by component. */
export function strongest(a: Resilience, b: Resilience): Resilience {
  return {
    appZones: Math.max(a.appZones, b.appZones),
    databaseHa: HA_RANK[a.databaseHa] >= HA_RANK[b.databaseHa] ? a.databaseHa : b.databaseHa,
    cacheHa: a.cacheHa || b.cacheHa,
    regions: Math.max(a.regions, b.regions),
  };
}

/** Upgrades in rising order of cost, each applied on top of the ones before: the availability target walks this ladder. */
export const UPGRADE_LADDER: readonly { change: string; apply: (r: Resilience) => Resilience }[] = [
  { change: 'app servers in two zones behind a load balancer', apply: (r) => ({ ...r, appZones: Math.max(r.appZones, 2) }) },
  { change: 'a Redis replica in another zone with automatic failover', apply: (r) => ({ ...r, cacheHa: true }) },
  { change: 'a Multi-AZ database with a synchronous standby', apply: (r) => ({ ...r, databaseHa: HA_RANK[r.databaseHa] >= 1 ? r.databaseHa : 'multi-az' }) },
  { change: 'a higher-SLA database engine (Aurora-class, storage replicated across three zones)', apply: (r) => ({ ...r, databaseHa: 'aurora' }) },
  { change: 'a second region, active-active behind latency-based DNS', apply: (r) => ({ ...r, regions: Math.max(r.regions, 2) }) },
];
