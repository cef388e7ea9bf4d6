import type { PlanDocument } from '../plan-document.js';
import { architectureReasons, hardwareArchitecture } from '../hardware-reasons.js';
import { largeServers } from '../fleet-sizing.js';
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
    ...(d.mixed ? { sizes: mixedSizes(d) } : {}),
    reasons: [...c.reasons, ...architectureReasons(ctx.book, c.instance), ...(d.mixed ? [mixedReason(d)] : [])],
    architecture: hardwareArchitecture(ctx.book, c.instance),
  };
}

/** --mixed-hardware: each size's servers summed over regions, from the same split the bill and the exports use. */
function mixedSizes(d: DesignView['design']): NonNullable<PlanDocument['compute']['sizes']> {
  const m = d.mixed!;
  const sum = (f: (s: (typeof d.regions)[number]) => number) => d.regions.reduce((a, s) => a + f(s), 0);
  const large = {
    min: sum((s) => largeServers(s.compute.min)),
    expected: sum((s) => largeServers(s.compute.atPeak)),
    max: sum((s) => largeServers(s.compute.max)),
    average: round(
      sum((s) => s.largeAverage ?? largeServers(s.compute.average)),
      2,
    ),
  };
  const all = {
    min: sum((s) => s.compute.min),
    expected: sum((s) => s.compute.atPeak),
    max: sum((s) => s.compute.max),
    average: sum((s) => s.compute.average),
  };
  const size = (item: typeof m.small, weight: number, instances: typeof large) => ({
    instanceType: item.id,
    vcpus: item.vcpus ?? 0,
    memoryGb: item.memoryGb ?? 0,
    weight,
    instances,
  });
  return [
    size(m.small, m.weights.small, {
      min: all.min - large.min,
      expected: all.expected - large.expected,
      max: all.max - large.max,
      average: round(all.average - large.average, 2),
    }),
    size(m.large, m.weights.large, large),
  ];
}

function mixedReason(d: DesignView['design']): string {
  const m = d.mixed!;
  const sum = (f: (c: (typeof d.regions)[number]['compute']) => number) =>
    d.regions.reduce((a, s) => a + f(s.compute), 0);
  const [peak, min, max] = [sum((c) => c.atPeak), sum((c) => c.min), sum((c) => c.max)];
  return `--mixed-hardware: every other server is a ${m.large.id} (${m.large.vcpus} vCPU) beside the ${m.small.id} (${m.small.vcpus} vCPU), weighted ${m.weights.small}:${m.weights.large} by capacity; the fleet carries the same load as ${sum((c) => c.atPeak + largeServers(c.atPeak))} ${m.small.id} at peak. The sizing above counts ${m.small.id}-equivalents; the mixed fleet itself is ${peak} servers at peak, auto-scaling ${min}–${max}`;
}
