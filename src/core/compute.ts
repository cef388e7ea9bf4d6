import type { CatalogItem } from '../pricing/catalog-schema.js';
import type { Demand } from './demand.js';
import { fleetServers, SCALE_OUT_CPU, sizeFleet, type FleetSize, type SizingBound } from './fleet-sizing.js';
import type { PriceBook } from './price-book.js';
import { round } from './round.js';
import type { TierRule } from './tiers.js';

export { SCALE_OUT_CPU };

export interface ComputeSizing {
  instance: CatalogItem;
  /** Servers at the daily peak. */
  atPeak: number;
  min: number;
  max: number;
  /** Time-weighted mean fleet over the profile's daily curve. */
  average: number;
  utilizationAtPeak: number;
  p95AtPeakMs: number;
  p95AfterZoneLossMs: number | null;
  bound: SizingBound;
  needs: Record<SizingBound, number>;
  reasons: string[];
}

export interface SizingContext {
  demand: Demand;
  serviceTimeMs: number;
  latencyTargetMs: number;
  curve: readonly number[];
  zones: number;
  minServers: number;
}

/** Servers needed to carry a CPU demand (vCPU-seconds per second) at the scale-out line: the utilisation rule, used for databases. */
export function serversFor(cpuDemand: number, instance: CatalogItem, ceiling = SCALE_OUT_CPU): number {
  const usable = (instance.vcpus ?? 1) * Math.min(ceiling, instance.baselineCpu ?? ceiling);
  return Math.max(1, Math.ceil(cpuDemand / usable - 1e-9));
}

/**
 * The smallest of the tier's instance types whose fleet fits the tier's server range, sized by queueing;
 * null when even the largest needs more servers than the tier allows (the design must move up).
 */
export function sizeCompute(tier: TierRule, ctx: SizingContext, book: PriceBook): ComputeSizing | null {
  const candidates = book.computeTypes(tier.instanceCandidates);
  const peak = { rps: ctx.demand.peakRps, serviceTimeMs: ctx.serviceTimeMs, latencyTargetMs: ctx.latencyTargetMs };
  for (const [index, instance] of candidates.entries()) {
    const fleet = sizeFleet(instance, peak, ctx.zones, ctx.minServers);
    const last = index === candidates.length - 1;
    if (tier.servers.max !== null && fleet.servers > tier.servers.max) continue;
    if (tier.servers.max === null && !last && fleet.servers > 100) continue;
    return describe(tier, ctx, instance, fleet);
  }
  return null;
}

function describe(tier: TierRule, ctx: SizingContext, instance: CatalogItem, fleet: FleetSize): ComputeSizing {
  const vcpus = instance.vcpus ?? 1;
  const { demand } = ctx;
  const atPeak = fleet.servers;
  const reasons = [
    `Peak ${round(demand.peakRps, 1)} requests/s × ${ctx.serviceTimeMs} ms of CPU = ${round(demand.peakCpuDemand, 2)} vCPUs of work; each ${instance.id} (${vcpus} vCPU, ${instance.memoryGb} GiB) is an M/M/${vcpus} queue sized by exact Erlang C`,
    `Needs: ${fleet.needs.latency} for a p95 under ${ctx.latencyTargetMs} ms, ${fleet.needs['scale-out line']} to stay under the ${Math.round(Math.min(SCALE_OUT_CPU, instance.baselineCpu ?? 1) * 100)} % ${instance.baselineCpu ? 'burst baseline' : 'scale-out line'}${ctx.zones >= 2 ? `, ${fleet.needs['zone failure']} to meet the target after losing one of ${ctx.zones} zones` : ''}${ctx.minServers > 1 ? `, at least ${ctx.minServers}` : ''} — the ${fleet.bound} decides: ${atPeak} server${atPeak === 1 ? '' : 's'}`,
    `At peak: ${Math.round(fleet.utilization * 100)} % CPU, predicted p95 ${round(fleet.p95Ms, 0)} ms${fleet.p95AfterZoneLossMs !== null ? ` (${round(fleet.p95AfterZoneLossMs, 0)} ms with a zone down)` : ''}`,
  ];
  if (tier.id === 'horizontal' && atPeak < 5) {
    reasons.push(
      `The scaling guide's 5–10 servers describe its typical traffic; this profile's peak needs ${atPeak}, and auto-scaling adds more when it grows`,
    );
  }
  const base = {
    instance,
    atPeak,
    utilizationAtPeak: fleet.utilization,
    p95AtPeakMs: fleet.p95Ms,
    p95AfterZoneLossMs: fleet.p95AfterZoneLossMs,
    bound: fleet.bound,
    needs: fleet.needs,
    reasons,
  };
  if (tier.servers.max === 1) return { ...base, min: 1, max: 1, average: 1 };
  const hourly = ctx.curve.map((factor) =>
    Math.min(
      atPeak,
      fleetServers(
        instance,
        { rps: demand.averageRps * factor, serviceTimeMs: ctx.serviceTimeMs, latencyTargetMs: ctx.latencyTargetMs },
        ctx.zones,
        ctx.minServers,
      ),
    ),
  );
  const min = Math.max(ctx.minServers, Math.min(...hourly));
  // Twice the daily peak absorbs an unplanned spike (a launch, press) while +2 steps add servers.
  const max = Math.max(atPeak * 2, min + 2);
  const average = hourly.reduce((a, b) => a + b, 0) / hourly.length;
  reasons.push(
    `Auto-scaling range ${min}–${max}: the quietest hour of the daily curve needs ${min}, and twice the peak fleet leaves room for an unplanned spike`,
  );
  return { ...base, min, max, average };
}
