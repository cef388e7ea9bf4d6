import type { Sla } from '../pricing/catalog-schema.js';
import type { PriceBook } from './price-book.js';
import { UPGRADE_LADDER, type Resilience } from './resilience.js';
import { round } from './round.js';

/** Minutes in an average month (365.25 × 24 × 60 / 12). */
export const MINUTES_PER_MONTH = 43_830;

export interface AvailabilityComponent {
  component: string;
  service: string;
  sla: number;
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
  components: AvailabilityComponent[];
}

const fraction = (sla: Sla) => sla.sla / 100;

/** Composite availability from the provider's published SLAs: series product, capped at the region level, then regions in parallel. */
export function estimateAvailability(r: Resilience, parts: { cache: boolean; cdn: boolean }, book: PriceBook): AvailabilityEstimate {
  const components: AvailabilityComponent[] = [];
  const add = (component: string, sla: Sla, redundancy: string, inCriticalPath = true) =>
    components.push({ component, service: sla.service, sla: sla.sla, source: sla.source, inCriticalPath, redundancy });

  if (r.appZones >= 2) {
    add('load balancer', book.sla('load-balancer'), `spans ${r.appZones} zones`);
    add('app servers', book.sla('compute-multi-az'), `spread over ${r.appZones} zones`);
  } else {
    add('app server', book.sla('compute-single'), 'one instance');
  }
  const db = r.databaseHa === 'aurora' ? book.sla('database-ha-plus') : r.databaseHa === 'multi-az' ? book.sla('database-ha') : book.sla('database-single');
  add('database', db, r.databaseHa === 'single-az' ? 'one zone (read replicas do not take writes)' : 'standby in another zone, automatic failover');
  if (parts.cache) add('cache', book.sla(r.cacheHa ? 'cache-ha' : 'cache-single'), r.cacheHa ? 'replica in another zone, automatic failover' : 'one node');
  if (parts.cdn) add('cdn', book.sla('cdn'), 'static assets only; dynamic requests go to the origin', false);

  const serial = components.filter((c) => c.inCriticalPath).reduce((a, c) => a * (c.sla / 100), 1);
  // Copies inside one region fail together more often than independence says: never claim more than the region-level SLA.
  const regionCap = r.appZones >= 2 ? fraction(book.sla('compute-multi-az')) : 1;
  const perRegion = Math.min(serial, regionCap);
  if (r.regions <= 1) return { estimated: perRegion, perRegion, components };

  const dns = book.sla('dns');
  components.push({ component: 'global dns routing', service: dns.service, sla: dns.sla, source: dns.source, inCriticalPath: true, redundancy: `routes between ${r.regions} regions` });
  const estimated = (1 - (1 - perRegion) ** r.regions) * fraction(dns);
  return { estimated, perRegion, components };
}

export function downtimeMinutesPerMonth(availability: number): number {
  return round((1 - availability) * MINUTES_PER_MONTH, 2);
}

export interface AvailabilityDecision {
  resilience: Resilience;
  estimate: AvailabilityEstimate;
  met: boolean | null;
  changes: string[];
  reasons: string[];
}

/**
 * Meets an availability target by walking the upgrade ladder from the tier's own design, stopping at the
 * first rung that reaches it; says plainly when even the top rung falls short.
 */
export function planAvailability(
  target: number | undefined,
  base: Resilience,
  parts: { cache: boolean; cdn: boolean },
  book: PriceBook,
): AvailabilityDecision {
  const baseEstimate = estimateAvailability(base, parts, book);
  const pct = (a: number) => `${round(a * 100, 4)} %`;
  if (target === undefined) {
    return {
      resilience: base,
      estimate: baseEstimate,
      met: null,
      changes: [],
      reasons: [`No --availability target: the tier's own design composes to ${pct(baseEstimate.estimated)} from the providers' published SLAs`],
    };
  }
  const goal = target / 100;
  if (baseEstimate.estimated >= goal) {
    return {
      resilience: base,
      estimate: baseEstimate,
      met: true,
      changes: [],
      reasons: [`The tier's own design composes to ${pct(baseEstimate.estimated)}, which meets the ${target} % target`],
    };
  }
  let current = base;
  const changes: string[] = [];
  for (const step of UPGRADE_LADDER) {
    const next = step.apply(current);
    if (JSON.stringify(next) === JSON.stringify(current)) continue;
    current = next;
    changes.push(step.change);
    const estimate = estimateAvailability(current, parts, book);
    if (estimate.estimated >= goal) {
      return {
        resilience: current,
        estimate,
        met: true,
        changes,
        reasons: [
          `The tier's own design composes to ${pct(baseEstimate.estimated)}, short of the ${target} % target`,
          `Added, cheapest first: ${changes.join('; ')} — now ${pct(estimate.estimated)}`,
        ],
      };
    }
  }
  const best = estimateAvailability(current, parts, book);
  return {
    resilience: current,
    estimate: best,
    met: false,
    changes,
    reasons: [
      `The ${target} % target cannot be met on ${book.catalog.name} with managed services: even ${changes.join('; ')} composes to ${pct(best.estimated)}`,
      'The published SLAs are the ceiling: going further needs more regions or components with higher SLAs than the provider publishes',
    ],
  };
}
