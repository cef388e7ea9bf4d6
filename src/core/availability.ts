import type { Sla } from '../pricing/catalog-schema.js';
import { optionRule } from './database-options.js';
import type { PriceBook } from './price-book.js';
import type { Resilience } from './resilience.js';
import { round } from './round.js';

/** Minutes in an average month (365.25 × 24 × 60 / 12). */
export const MINUTES_PER_MONTH = 43_830;

export interface AvailabilityComponent {
  component: string;
  service: string;
  /** The published SLA, percent. */
  sla: number;
  /** What this component contributes after its redundancy, percent. */
  effective: number;
  source: string;
  /** Whether a request fails when this component is down (the CDN only serves static files). */
  inCriticalPath: boolean;
  redundancy: string;
}

export interface AvailabilityEstimate {
  /** Fraction, e.g. 0.9993. */
  estimated: number;
  /** One region's serial product, before any multi-region redundancy. */
  perRegion: number;
  /** The region-level ceiling that capped the serial product, if it did. */
  cappedAt: number | null;
  /**
   * The same composition with the cache counted as a dependency whatever the load: what the design's
   * components promise before the database's spare read capacity is credited. The tier's floor is this
   * number for its own design, so the floor does not jump as the load changes.
   */
  conservative: number;
  components: AvailabilityComponent[];
}

export interface EstimateParts {
  cache: boolean;
  /**
   * When the cache can fail without failing requests: the database carries every read while it is down.
   * Null when it cannot, with the reason (the database's read capacity against the reads it would get).
   */
  cacheSurvivable: { survivable: boolean; why: string } | null;
  cdn: boolean;
  /** App servers in the smallest region at its quietest (the copies that must all fail together). */
  appServers: number;
  /** Data residency: each region serves only its own users, so regions do not back each other up. */
  independentRegions: boolean;
}

/**
 * Composite availability from the provider's published SLAs: redundant copies in parallel, components in
 * series, never more than the region-level SLA inside one region, then active-active regions in parallel.
 */
export function estimateAvailability(r: Resilience, parts: EstimateParts, book: PriceBook): AvailabilityEstimate {
  const components: AvailabilityComponent[] = [];
  const add = (component: string, sla: Sla, redundancy: string, effective = sla.sla / 100, inCriticalPath = true) =>
    components.push({
      component,
      service: sla.service,
      sla: sla.sla,
      effective: round(effective * 100, 6),
      source: sla.source,
      inCriticalPath,
      redundancy,
    });

  if (r.appZones >= 2) {
    add('load balancer', book.sla('load-balancer'), `spans ${r.appZones} zones`);
    const single = book.sla('compute-single').sla / 100;
    const regionLevel = book.sla('compute-multi-az');
    const parallel = 1 - (1 - single) ** Math.max(2, parts.appServers);
    // n copies in parallel, but copies in one region fail together more often than that says: the region-level SLA caps it.
    add(
      'app servers',
      regionLevel,
      `${Math.max(2, parts.appServers)} servers over ${r.appZones} zones: 1 − (1 − ${single})^${Math.max(2, parts.appServers)}, capped at the region-level ${regionLevel.sla} %`,
      Math.min(parallel, regionLevel.sla / 100),
    );
  } else {
    add('app server', book.sla('compute-single'), 'one instance');
  }
  const option = optionRule(book, r.databaseHa);
  add(
    'database',
    book.sla(option.sla),
    r.databaseHa === 'single-az'
      ? 'one zone (read replicas do not take writes)'
      : option.readableStandbys > 0
        ? `${option.readableStandbys} readable standbys in other zones, automatic failover`
        : option.replicasAreStandbys
          ? 'a replica in another zone takes over, storage in three zones'
          : 'standby in another zone, automatic failover',
  );
  if (parts.cache) {
    const survivable = parts.cacheSurvivable?.survivable === true;
    const copies = r.cacheHa ? 'replica in another zone, automatic failover' : 'one node';
    const counted = survivable
      ? `; not counted as downtime: ${parts.cacheSurvivable!.why}`
      : parts.cacheSurvivable
        ? `; counted as downtime: ${parts.cacheSurvivable.why}`
        : '';
    add('cache', book.sla(r.cacheHa ? 'cache-ha' : 'cache-single'), copies + counted, undefined, !survivable);
  }
  if (parts.cdn) add('cdn', book.sla('cdn'), 'static assets only; dynamic requests go to the origin', undefined, false);

  const product = (list: AvailabilityComponent[]) => list.reduce((a, c) => a * (c.effective / 100), 1);
  const serial = product(components.filter((c) => c.inCriticalPath));
  const regionCap = r.appZones >= 2 ? book.sla('compute-multi-az').sla / 100 : 1;
  const perRegion = Math.min(serial, regionCap);
  const cappedAt = serial > regionCap ? regionCap : null;
  const countingCache = Math.min(
    product(components.filter((c) => c.inCriticalPath || c.component === 'cache')),
    regionCap,
  );
  if (r.regions <= 1 || parts.independentRegions)
    return { estimated: perRegion, perRegion, cappedAt, components, conservative: countingCache };

  const dns = book.sla('dns');
  components.push({
    component: 'global dns routing',
    service: dns.service,
    sla: dns.sla,
    effective: dns.sla,
    source: dns.source,
    inCriticalPath: true,
    redundancy: `routes between ${r.regions} regions`,
  });
  const across = (one: number) => (1 - (1 - one) ** r.regions) * (dns.sla / 100);
  return { estimated: across(perRegion), perRegion, cappedAt, components, conservative: across(countingCache) };
}

export function downtimeMinutesPerMonth(availability: number): number {
  return round((1 - availability) * MINUTES_PER_MONTH, 2);
}
