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
      return { appZones: 3, databaseHa: 'multi-az', cacheHa: true, regions: 1 };
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

export const DATABASE_HA_LEVELS: readonly DatabaseHa[] = ['single-az', 'multi-az', 'aurora'];

/** Every design at least as redundant as `base`, component by component: the candidates an availability target is met from. */
export function strongerDesigns(base: Resilience): Resilience[] {
  const out: Resilience[] = [];
  for (const appZones of [1, 2, 3].filter((z) => z >= base.appZones)) {
    for (const cacheHa of base.cacheHa ? [true] : [false, true]) {
      for (const databaseHa of DATABASE_HA_LEVELS.filter((d) => HA_RANK[d] >= HA_RANK[base.databaseHa])) {
        // A second region backs up a redundant region; two lone servers behind DNS failover are not active-active.
        const regionCounts = appZones >= 2 ? [...new Set([base.regions, Math.max(base.regions, 2)])] : [base.regions];
        for (const regions of regionCounts) out.push({ appZones, cacheHa, databaseHa, regions });
      }
    }
  }
  return out;
}

/** What changed between two designs, in words. */
export function describeChanges(from: Resilience, to: Resilience, dbHaPlus: string): string[] {
  const changes: string[] = [];
  if (to.appZones > from.appZones)
    changes.push(
      from.appZones === 1
        ? `app servers in ${to.appZones} zones behind a load balancer`
        : `app servers spread over ${to.appZones} zones instead of ${from.appZones}`,
    );
  if (to.cacheHa && !from.cacheHa) changes.push('a Redis replica in another zone with automatic failover');
  if (to.databaseHa !== from.databaseHa)
    changes.push(
      to.databaseHa === 'multi-az'
        ? 'a Multi-AZ database with a synchronous standby'
        : `${dbHaPlus} (storage replicated across three zones, higher published SLA)`,
    );
  if (to.regions > from.regions) changes.push(`${to.regions} regions, active-active behind latency-based DNS`);
  return changes;
}
