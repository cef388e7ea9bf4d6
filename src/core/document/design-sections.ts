import type { PlanDocument } from '../plan-document.js';
import { architectureReasons, hardwareArchitecture } from '../hardware-reasons.js';
import { round } from '../round.js';
import { scalingReasons, tierRule } from '../tiers.js';
import type { DesignView } from './view.js';

export function tierSection({ design: d, usersReason }: DesignView): PlanDocument['tier'] {
  const rule = tierRule(d.tier);
  return {
    id: d.tier,
    title: rule.title,
    scaling: rule.scaling,
    seedDesign: rule.seedDesign,
    reasons: [usersReason, ...d.tierReasons, ...scalingReasons(rule.scaling)],
  };
}

const SIZING =
  'queueing: each server an M/M/k queue (k = vCPUs) sized by exact Erlang C against the p95 target, under the 70 % scale-out line, surviving the loss of one zone';

export function computeSection({ ctx, design: d }: DesignView): PlanDocument['compute'] {
  const sum = (f: (s: (typeof d.regions)[number]) => number) => d.regions.reduce((a, s) => a + f(s), 0);
  const c = d.compute;
  return {
    instanceType: c.instance.id,
    vcpus: c.instance.vcpus ?? 0,
    memoryGb: c.instance.memoryGb ?? 0,
    instances: {
      min: d.autoscaling?.minInstances ?? 1,
      expected: sum((s) => s.compute.atPeak),
      max: d.autoscaling?.maxInstances ?? 1,
      average: round(
        sum((s) => s.compute.average),
        2,
      ),
    },
    utilizationAtPeak: round(c.utilizationAtPeak, 3),
    p95AtPeakMs: round(c.p95AtPeakMs, 1),
    p95AfterZoneLossMs: c.p95AfterZoneLossMs === null ? null : round(c.p95AfterZoneLossMs, 1),
    latencyTargetMs: ctx.params.latencyTargetMs,
    sizing: SIZING,
    boundBy: c.bound,
    serversNeeded: {
      latency: c.needs.latency,
      scaleOutLine: c.needs['scale-out line'],
      zoneFailure: c.needs['zone failure'],
      minimum: c.needs.minimum,
    },
    reasons: [...c.reasons, ...architectureReasons(ctx.book, c.instance)],
    architecture: hardwareArchitecture(ctx.book, c.instance),
  };
}
