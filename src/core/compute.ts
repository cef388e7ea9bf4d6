import type { CatalogItem } from '../pricing/catalog-schema.js';
import type { Demand } from './demand.js';
import type { PriceBook } from './price-book.js';
import { round } from './round.js';
import type { TierRule } from './tiers.js';

/** The seed's scale-out line: a fleet sized so that peak CPU stays at or below it. */
export const SCALE_OUT_CPU = 0.7;
/** The seed's auto-scaling target. */
export const TARGET_CPU = 0.6;

export interface ComputeSizing {
  instance: CatalogItem;
  /** Servers at the daily peak. */
  atPeak: number;
  min: number;
  max: number;
  /** Time-weighted mean fleet over the profile's daily curve. */
  average: number;
  utilizationAtPeak: number;
  reasons: string[];
}

/** Servers needed to carry a CPU demand (vCPU-seconds per second) on one instance type at the scale-out line. */
export function serversFor(cpuDemand: number, instance: CatalogItem, ceiling = SCALE_OUT_CPU): number {
  const usable = (instance.vcpus ?? 1) * Math.min(ceiling, instance.baselineCpu ?? ceiling);
  return Math.max(1, Math.ceil(cpuDemand / usable - 1e-9));
}

/**
 * The smallest instance of the tier's candidates whose fleet stays within the tier's server range, or
 * null when even the largest needs more servers than the tier allows (the design must move up).
 */
export function sizeCompute(
  tier: TierRule,
  demand: Demand,
  curve: readonly number[],
  book: PriceBook,
  minServers: number,
): ComputeSizing | null {
  const candidates = book.computeTypes(tier.instanceCandidates);
  for (const instance of candidates) {
    const needed = serversFor(demand.peakCpuDemand, instance);
    if (tier.servers.max !== null && needed > tier.servers.max) continue;
    return describe(tier, demand, curve, instance, Math.max(needed, minServers), needed, minServers);
  }
  if (tier.servers.max === null && candidates.length > 0) {
    const largest = candidates[candidates.length - 1]!;
    const needed = serversFor(demand.peakCpuDemand, largest);
    return describe(tier, demand, curve, largest, Math.max(needed, minServers), needed, minServers);
  }
  return null;
}

function describe(
  tier: TierRule,
  demand: Demand,
  curve: readonly number[],
  instance: CatalogItem,
  atPeak: number,
  needed: number,
  minServers: number,
): ComputeSizing {
  const vcpus = instance.vcpus ?? 1;
  const ceiling = Math.min(SCALE_OUT_CPU, instance.baselineCpu ?? SCALE_OUT_CPU);
  const utilizationAtPeak = demand.peakCpuDemand / (atPeak * vcpus);
  const reasons = [
    `Peak demand is ${round(demand.peakRps, 1)} requests/s × ${round((demand.peakCpuDemand / Math.max(demand.peakRps, 1e-12)) * 1000, 1)} ms of CPU = ${round(demand.peakCpuDemand, 2)} vCPUs of work`,
    `${instance.id} (${vcpus} vCPU, ${instance.memoryGb} GiB) at the ${Math.round(ceiling * 100)} % ${instance.baselineCpu ? 'burst baseline' : 'scale-out line'} carries ${round(vcpus * ceiling, 2)} vCPUs, so the peak needs ${needed} server${needed === 1 ? '' : 's'}`,
  ];
  if (atPeak > needed) reasons.push(`${atPeak} servers, not ${needed}: the design keeps at least ${minServers} so that losing one server or zone leaves the service up`);
  if (tier.id === 'horizontal' && atPeak < 5) {
    reasons.push(`The seed's 5–10 servers describe its typical traffic; this profile's peak needs ${atPeak}, and auto-scaling adds more when it grows`);
  }
  if (tier.servers.max === 1) {
    return { instance, atPeak: 1, min: 1, max: 1, average: 1, utilizationAtPeak, reasons };
  }
  const perServer = vcpus * ceiling;
  const hourly = curve.map((factor) => Math.max(minServers, Math.ceil((demand.averageRps * factor * (demand.peakCpuDemand / Math.max(demand.peakRps, 1e-12))) / perServer - 1e-9)));
  const min = Math.max(minServers, Math.min(...hourly));
  // Twice the daily peak absorbs an unplanned spike (a launch, press) while +2 steps add servers.
  const max = Math.max(atPeak * 2, min + 2);
  const average = hourly.reduce((a, b) => a + Math.min(b, atPeak), 0) / hourly.length;
  reasons.push(`Auto-scaling range ${min}–${max}: the quietest hour of the daily curve needs ${min}, and twice the peak fleet leaves room for an unplanned spike`);
  return { instance, atPeak, min, max, average, utilizationAtPeak, reasons };
}
