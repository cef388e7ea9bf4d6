import { downtimeMinutesPerMonth } from '../availability.js';
import { healthCheck } from '../health-check.js';
import { balancerSetting } from '../load-balancing.js';
import type { PlanDocument } from '../plan-document.js';
import { availabilityPercent } from '../percent-text.js';
import { round } from '../round.js';
import type { FailoverChoice } from '../region-failover.js';
import type { DesignView } from './view.js';

function failoverSection(f: FailoverChoice): NonNullable<PlanDocument['availability']['failover']> {
  return {
    mode: f.chosen.mode,
    countedDowntimeMinutesPerMonth: round(f.chosen.countedMinutes, 2),
    counting: f.chosen.counting,
    regions: f.chosen.regions.map((r) => ({
      code: r.code,
      serversAtPeak: r.has,
      serversNeededAtFailover: r.needs,
      scaleOutMinutes: round(r.scaleOutMinutes, 2),
    })),
    alternative: {
      mode: f.alternative.mode,
      estimated: availabilityPercent(f.alternative.estimated),
      monthly: round(f.alternative.monthly),
      countedDowntimeMinutesPerMonth: f.alternative.countedMinutes,
    },
  };
}

export function loadBalancingSection({ ctx, design: d, decisions }: DesignView): PlanDocument['loadBalancing'] {
  const lb = d.loadBalancing;
  const evidence = decisions.evidence;
  return {
    strategy: lb.strategy,
    reasons: evidence ? [...lb.reasons, evidence.summary] : lb.reasons,
    breaksStatelessRules: lb.breaksRules,
    configuration: balancerSetting(lb.strategy, ctx.book.catalog.provider),
    simulation: evidence,
  };
}

export function healthCheckSection({ design: d }: DesignView): PlanDocument['healthCheck'] {
  return healthCheck({ balancer: d.resilience.appZones >= 2, cache: d.cache !== null });
}

export function availabilitySection(view: DesignView): PlanDocument['availability'] {
  const { ctx, design: d, decisions, choice } = view;
  return {
    target: ctx.input.availability ?? null,
    estimated: availabilityPercent(d.estimate.estimated),
    meetsTarget: choice.met,
    topology: decisions.topology,
    zones: d.resilience.appZones,
    regions: d.regions.map((s, i) => ({
      code: s.code,
      share: round(s.share * 100, 2),
      role: s.role,
      database: decisions.regionDatabases[i]!,
      instances: { min: s.compute.min, expected: s.compute.atPeak, max: s.compute.max },
    })),
    routing: decisions.routing,
    ...(d.failover ? { failover: failoverSection(d.failover) } : {}),
    dataResidency: ctx.input.dataResidency,
    downtimeMinutesPerMonth: downtimeMinutesPerMonth(d.estimate.estimated),
    changes: choice.changes,
    components: d.estimate.components,
    costOfNines: view.nines,
    alternatives: choice.alternatives,
    reasons: decisions.availabilityReasons,
  };
}
