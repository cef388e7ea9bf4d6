import {
  DATABASE_OPTION_RULES,
  databaseOptionLabel,
  offeredDatabaseOptions,
  type DatabaseOption,
} from './database-options.js';
import type { PriceBook } from './price-book.js';
import type { TierId } from './tiers.js';

export type DatabaseHa = DatabaseOption;

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

/** One string per redundancy: the key designs are remembered and compared by. */
export const resilienceKey = (r: Resilience) => `${r.appZones}|${r.databaseHa}|${r.cacheHa}|${r.regions}`;

/** What each tier of the seed has by default: the design whose availability is the tier's floor. */
export function tierResilience(tier: TierId): Resilience {
  switch (tier) {
    case 'single-server':
      return { appZones: 1, databaseHa: 'single-az', cacheHa: false, regions: 1 };
    case 'cached-replicas':
      return { appZones: 2, databaseHa: 'single-az', cacheHa: false, regions: 1 };
    case 'horizontal':
      return { appZones: 3, databaseHa: 'multi-az', cacheHa: true, regions: 1 };
    case 'distributed':
      // At 1M+ users the seed's "multiple availability zones" design takes the provider's highest-SLA database
      // (Aurora, Enterprise Plus) where it sells one: an hour down costs more than the engine's premium.
      return { appZones: 3, databaseHa: 'aurora', cacheHa: true, regions: 1 };
  }
}

/** How much redundancy a database option adds: the SLA it carries (no standby, a standby, the higher-SLA engine). */
const SLA_RANK = { 'database-single': 0, 'database-ha': 1, 'database-ha-plus': 2 } as const;
const haRank = (o: DatabaseHa) => SLA_RANK[DATABASE_OPTION_RULES[o].sla];

/** The stronger of two designs, component by component (at equal rank, `b`'s database option). */
export function strongest(a: Resilience, b: Resilience): Resilience {
  return {
    appZones: Math.max(a.appZones, b.appZones),
    databaseHa: haRank(b.databaseHa) >= haRank(a.databaseHa) ? b.databaseHa : a.databaseHa,
    cacheHa: a.cacheHa || b.cacheHa,
    regions: Math.max(a.regions, b.regions),
  };
}

/**
 * Every design the search prices from a tier's own: app zones and cache failover at least the tier's (its
 * sessions live in the cache), any database option the provider sells, one region or two.
 */
export function candidateDesigns(base: Resilience, book: PriceBook): Resilience[] {
  const out: Resilience[] = [];
  const options = offeredDatabaseOptions(book);
  for (const appZones of [1, 2, 3].filter((z) => z >= base.appZones)) {
    for (const cacheHa of base.cacheHa ? [true] : [false, true]) {
      for (const databaseHa of options) {
        // A second region backs up a redundant region; two lone servers behind DNS failover are not active-active.
        const regionCounts = appZones >= 2 ? [...new Set([base.regions, Math.max(base.regions, 2)])] : [base.regions];
        for (const regions of regionCounts) out.push({ appZones, cacheHa, databaseHa, regions });
      }
    }
  }
  return out;
}

/** What changed between two designs, in words. */
export function describeChanges(from: Resilience, to: Resilience, book: PriceBook): string[] {
  const changes: string[] = [];
  if (to.appZones > from.appZones)
    changes.push(
      from.appZones === 1
        ? `app servers in ${to.appZones} zones behind a load balancer`
        : `app servers spread over ${to.appZones} zones instead of ${from.appZones}`,
    );
  if (to.cacheHa && !from.cacheHa) changes.push('a Redis replica in another zone with automatic failover');
  if (to.databaseHa !== from.databaseHa) changes.push(databaseOptionLabel(book, to.databaseHa));
  if (to.regions > from.regions) changes.push(`${to.regions} regions, active-active behind latency-based DNS`);
  return changes;
}
