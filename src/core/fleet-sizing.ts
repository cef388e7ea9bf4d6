import type { CatalogItem } from '../pricing/catalog-schema.js';
import { PlanInputError } from './input-error.js';
import { responsePercentile } from './queueing.js';

/** The seed's scale-out line: a fleet sized so that peak CPU stays at or below it. */
export const SCALE_OUT_CPU = 0.7;

/**
 * The planner's maximum: a fleet needing more than this many vCPUs at the scale-out line is not planned
 * (it is exit 2 naming the input). It bounds every search below, whatever instance type is tried.
 */
export const MAX_FLEET_VCPUS = 10_000_000;

export type SizingBound = 'latency' | 'scale-out line' | 'zone failure' | 'minimum';

export interface FleetSize {
  servers: number;
  bound: SizingBound;
  /** Servers each constraint alone would need. */
  needs: Record<SizingBound, number>;
  utilization: number;
  /** Predicted p95 response time with every server up, in ms. */
  p95Ms: number;
  /** Predicted p95 after losing the largest zone, in ms (null with one zone). */
  p95AfterZoneLossMs: number | null;
}

export interface Load {
  rps: number;
  serviceTimeMs: number;
  latencyTargetMs: number;
}

/**
 * Each server is an M/M/k queue (k = its vCPUs) taking an equal share of the arrivals, which is what a
 * balancer gives identical servers. The fleet is the smallest that meets the p95 target, keeps CPU at or
 * below the scale-out line, and still meets the target after losing one of `zones` zones.
 */
export function sizeFleet(instance: CatalogItem, load: Load, zones: number, minServers: number): FleetSize {
  const k = instance.vcpus ?? 1;
  const s = load.serviceTimeMs / 1000;
  const offered = load.rps * s;
  const ceiling = Math.min(SCALE_OUT_CPU, instance.baselineCpu ?? SCALE_OUT_CPU);
  checkLoad(load, offered);
  const p95 = (servers: number) =>
    offered === 0 ? bestPossibleP95Ms(load.serviceTimeMs) : responsePercentile(k, offered / servers, s, 0.95) * 1000;
  const meets = (servers: number) => servers >= 1 && offered / servers < k && p95(servers) <= load.latencyTargetMs;

  const byCpu = Math.max(1, Math.ceil(offered / (k * ceiling) - 1e-9));
  const limit = Math.ceil(MAX_FLEET_VCPUS / k / ceiling) * 4;
  const unmet = () =>
    new PlanInputError(
      'latencyTarget',
      `a p95 target of ${load.latencyTargetMs} ms cannot be met by any fleet the planner allows`,
    );
  const byLatency = smallest(Math.max(1, Math.floor(offered / k) + 1), meets, limit) ?? throwError(unmet());
  const byZone =
    zones >= 2
      ? (smallest(Math.max(2, byLatency), (n) => meets(n - Math.ceil(n / zones)), limit) ?? throwError(unmet()))
      : 0;
  const needs: Record<SizingBound, number> = {
    latency: byLatency,
    'scale-out line': byCpu,
    'zone failure': byZone,
    minimum: minServers,
  };
  const order: SizingBound[] = ['latency', 'zone failure', 'scale-out line', 'minimum'];
  const servers = Math.max(...Object.values(needs));
  const bound = order.find((b) => needs[b] === servers)!;
  return {
    servers,
    bound,
    needs,
    utilization: offered / (servers * k),
    p95Ms: p95(servers),
    p95AfterZoneLossMs: zones >= 2 ? p95(servers - Math.ceil(servers / zones)) : null,
  };
}

const throwError = (error: Error): never => {
  throw error;
};

/** A load the planner can size: finite, and within its maximum fleet; otherwise exit 2 naming what drove it. */
function checkLoad(load: Load, offered: number): void {
  const field = load.serviceTimeMs > 1000 ? 'serviceTime' : 'users';
  if (!Number.isFinite(offered) || offered < 0)
    throw new PlanInputError(
      field,
      `the peak load (${load.rps} requests/s × ${load.serviceTimeMs} ms) is not a number the planner can size`,
    );
  if (offered / SCALE_OUT_CPU > MAX_FLEET_VCPUS)
    throw new PlanInputError(
      field,
      `the peak of ${load.rps.toPrecision(3)} requests/s × ${load.serviceTimeMs} ms of CPU needs ${(offered / SCALE_OUT_CPU).toPrecision(3)} vCPUs, over the planner's maximum of ${MAX_FLEET_VCPUS.toLocaleString('en-US')}: lower users, requestsPerUser, peakFactor or serviceTime`,
    );
}

/**
 * The smallest n in [from, limit] for which a test that stays true once true (more servers never hurt)
 * holds: doubling, then bisection; null when even `limit` fails. Every step works on whole numbers below
 * 2^53 and halves the gap, so it ends for every input (a NaN `from` is null at once).
 */
export function smallest(from: number, holds: (n: number) => boolean, limit: number): number | null {
  const cap = Math.min(Math.floor(limit), Number.MAX_SAFE_INTEGER / 4);
  if (!(from >= 1 && from <= cap)) return null;
  const start = Math.ceil(from);
  if (holds(start)) return start;
  let lo = start;
  let hi = Math.min(start * 2, cap);
  while (!holds(hi)) {
    if (hi >= cap) return null;
    lo = hi;
    hi = Math.min(hi * 2, cap);
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The lowest p95 any fleet can reach: one request alone, exponential service (S·ln 20). */
export function bestPossibleP95Ms(serviceTimeMs: number): number {
  return serviceTimeMs * Math.log(20);
}
