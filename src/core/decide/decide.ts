import { availabilityText } from '../percent-text.js';
import { groupDigits } from '../group-digits.js';
import { balancerEvidence, type BalancerEvidence } from '../balancer-evidence.js';
import type { Design, DesignContext } from '../design.js';
import type { AvailabilityChoice } from '../design-search.js';
import { regionDatabaseRoles, writePathReasons } from '../region-texts.js';
import { round } from '../round.js';
import { planWarnings } from './warnings.js';

export type Topology = 'single-instance' | 'multi-az' | 'multi-region';

/** What the plan decides about a chosen design beyond its sizing: the shape people talk about, and what to warn of. */
export interface Decisions {
  topology: Topology;
  /** How users reach a region (null in one region). */
  routing: string | null;
  /** Each region's database role, in the regions' order. */
  regionDatabases: string[];
  availabilityReasons: string[];
  evidence: BalancerEvidence | null;
  warnings: string[];
}

function availabilityReasons(ctx: DesignContext, d: Design, choice: AvailabilityChoice): string[] {
  const multiRegion = d.regions.length > 1;
  const residency = ctx.input.dataResidency;
  const reasons = [...choice.reasons];
  if (d.estimate.cappedAt !== null) {
    reasons.push(
      `Inside one region the estimate is capped at the provider's region-level ${round(d.estimate.cappedAt * 100, 4)} %: redundant copies in one region fail together more often than independence says`,
    );
  }
  if (multiRegion && !residency) reasons.push(...(d.failover?.reasons ?? []), ...writePathReasons(ctx, d));
  if (multiRegion && residency) {
    reasons.push(
      "With --data-residency each region serves only its own users, so a region failure is not covered by the others: the estimate is one region's",
    );
  }
  for (const a of choice.alternatives) {
    reasons.push(
      `Not chosen: ${a.design} — ${availabilityText(a.estimated)} %, $${groupDigits(Math.round(a.monthly))}/month: ${a.verdict}`,
    );
  }
  return reasons;
}

/** The simulation that backs the balancer pick, on the primary region's fleet at its peak. */
function evidenceFor(ctx: DesignContext, d: Design): BalancerEvidence | null {
  if (!ctx.input.simulate) return null;
  const fleet = d.regions[0]!.compute;
  return balancerEvidence(d.loadBalancing.strategy, {
    servers: fleet.atPeak,
    vcpus: d.compute.instance.vcpus ?? 1,
    utilization: fleet.utilizationAtPeak,
    serviceTimeMs: ctx.params.serviceTimeMs,
    durations: ctx.params.requestDurations,
    mixedHardware: ctx.input.mixedHardware,
  });
}

export function decide(ctx: DesignContext, d: Design, choice: AvailabilityChoice, today?: string): Decisions {
  const multiRegion = d.regions.length > 1;
  const residency = ctx.input.dataResidency;
  return {
    topology: multiRegion ? 'multi-region' : d.resilience.appZones >= 2 ? 'multi-az' : 'single-instance',
    routing: !multiRegion
      ? null
      : residency
        ? 'GeoDNS: each user is routed to the region that holds their data'
        : 'latency-based DNS routing (GeoDNS or a manual region choice also work)',
    regionDatabases: regionDatabaseRoles(ctx, d),
    availabilityReasons: availabilityReasons(ctx, d, choice),
    evidence: evidenceFor(ctx, d),
    warnings: planWarnings(ctx, d, choice, today),
  };
}
