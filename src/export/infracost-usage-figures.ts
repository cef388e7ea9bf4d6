import type { PlanDocument } from '../core/plan-document.js';
import { DAYS_PER_MONTH } from '../core/demand.js';
import { round } from '../core/round.js';

/** An Infracost usage file: `version: 0.1`, defaults per resource type, and usage for named resources. */
export interface InfracostUsage {
  version: 0.1;
  resource_type_default_usage: Record<string, Record<string, unknown>>;
  resource_usage?: Record<string, Record<string, unknown>>;
}

/** The one signature every provider's mapping (src/providers/<id>/infracost-usage.ts) exports. */
export type InfracostUsageMapper = (plan: PlanDocument) => InfracostUsage;

/** The plan's monthly demand in the units Infracost's keys use, shared by every provider's mapping. */
export interface UsageFigures {
  /** Requests a month. */
  requests: number;
  /** Write requests a month. */
  writes: number;
  /** GB a month sent from the origin (what the CDN does not serve). */
  originGb: number;
  /** GB a month the CDN serves. */
  cdnGb: number;
  /** Seconds in the month the plan prices (30.42 days). */
  secondsPerMonth: number;
  /**
   * Regions and zones per region: Infracost applies a type's default usage to every resource of the type,
   * so a mapping divides a whole-plan figure by the resources the exports create (a scale set and a
   * balancer per region, a NAT gateway per zone or per region).
   */
  regions: number;
  zones: number;
  /** The summed quantity of the plan's lines of one kind (nat-data, dns-queries, …): kinds are the same on every provider. */
  line: (kind: string) => number;
}

export function usageFigures(plan: PlanDocument): UsageFigures {
  const requests = plan.demand.requestsPerDay * DAYS_PER_MONTH;
  const cdnShare = plan.cdn ? plan.cdn.offloadShare : 0;
  return {
    requests,
    writes: requests * (1 - plan.input.parameters.readRatio),
    originGb: plan.demand.egressGbPerMonth * (1 - cdnShare),
    cdnGb: plan.demand.egressGbPerMonth * cdnShare,
    secondsPerMonth: DAYS_PER_MONTH * 86_400,
    regions: Math.max(1, plan.availability.regions.length),
    zones: Math.max(1, plan.availability.zones),
    line: (kind) => plan.cost.lineItems.filter((l) => l.kind === kind).reduce((sum, l) => sum + l.quantity, 0),
  };
}

/**
 * A key Infracost declares as an integer (Int64 in its Go schema) gets a whole number, rounded UP: a usage
 * estimate that rounds down prices less than the plan needs (12.08 instances are 13 running at some hour).
 * The 6-decimal round first keeps float noise (12.000000001) from adding one.
 */
export const int = (value: number): number => Math.ceil(round(value, 6));

/** A key Infracost declares as a float keeps one or two decimals. */
export const gb = (value: number): number => round(value, 1);
