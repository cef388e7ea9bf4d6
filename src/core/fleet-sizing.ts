import type { CatalogItem } from '../pricing/catalog-schema.js';
import { responsePercentile } from './queueing.js';

/** The seed's scale-out line: a fleet sized so that peak CPU stays at or below it. */
export const SCALE_OUT_CPU = 0.7;

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
  const p95 = (servers: number) =>
    offered === 0 ? bestPossibleP95Ms(load.serviceTimeMs) : responsePercentile(k, offered / servers, s, 0.95) * 1000;
  const meets = (servers: number) => servers >= 1 && offered / servers < k && p95(servers) <= load.latencyTargetMs;

  const byCpu = Math.max(1, Math.ceil(offered / (k * ceiling) - 1e-9));
  const byLatency = smallest(Math.max(1, Math.floor(offered / k) + 1), meets);
  const byZone = zones >= 2 ? smallest(Math.max(2, byLatency), (n) => meets(n - Math.ceil(n / zones))) : 0;
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

/** The smallest n ≥ from for which a test that stays true once true (more servers never hurt) holds: doubling, then bisection. */
function smallest(from: number, holds: (n: number) => boolean): number {
  if (holds(from)) return from;
  let lo = from;
  let hi = from * 2;
  while (!holds(hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The lowest p95 any fleet can reach: one request alone, exponential service (S·ln 20). */
export function bestPossibleP95Ms(serviceTimeMs: number): number {
  return serviceTimeMs * Math.log(20);
}
