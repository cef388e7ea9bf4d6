import type { CatalogItem } from '../pricing/catalog-schema.js';
import { PlanInputError } from './input-error.js';
import { responsePercentile, responseTail } from './queueing.js';

/** The scaling guide's scale-out line: a fleet sized so that peak CPU stays at or below it. */
export const SCALE_OUT_CPU = 0.7;

/**
 * The planner's maximum: a fleet needing more than this many vCPUs at the scale-out line is not planned
 * (it is exit 2 naming the input). It bounds every count below, whatever instance type is tried.
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

const P95 = 0.95;
/** Relative distance from a server's capacity inside which the exact Erlang C check decides. */
const BOUNDARY = 1e-6;

const p95Of = (k: number, perServer: number, serviceTimeMs: number) =>
  responsePercentile(k, perServer, serviceTimeMs / 1000, P95) * 1000;

const capacities = new Map<string, number>();

/**
 * The most offered load (erlangs) one M/M/k server may carry with its p95 at or under the target: p95
 * grows with the load, so a bisection finds it once per (vCPUs, service time, target) and sizing is then
 * a division. Remembered for the process: the design search and growth ask for the same few.
 */
function capacity(k: number, serviceTimeMs: number, targetMs: number): number {
  const key = `${k}|${serviceTimeMs}|${targetMs}`;
  const known = capacities.get(key);
  if (known !== undefined) return known;
  let lo = 0;
  let hi = k;
  // p95 ≤ target exactly when at most 5 % of responses take longer than the target: one evaluation of the
  // tail per step instead of a percentile (itself a bisection) per step.
  const target = targetMs / 1000;
  const service = serviceTimeMs / 1000;
  for (let i = 0; i < 64; i++) {
    const mid = (lo + hi) / 2;
    if (responseTail(k, mid, service, target) <= 1 - P95) lo = mid;
    else hi = mid;
  }
  capacities.set(key, lo);
  return lo;
}

/**
 * The fewest servers whose p95 meets the target: the offered load over each server's capacity, checked
 * exactly (Erlang C) only where a count sits on the boundary, so every double gives an answer at once.
 */
function serversForLatency(k: number, offered: number, load: Load): number {
  const from = Math.max(1, Math.floor(offered / k) + 1);
  const cap = capacity(k, load.serviceTimeMs, load.latencyTargetMs);
  if (!(cap > 0) || !Number.isFinite(offered / cap)) return Number.POSITIVE_INFINITY;
  const meets = (n: number) => {
    const a = offered / n;
    if (a >= k || a > cap * (1 + BOUNDARY)) return false;
    return a < cap * (1 - BOUNDARY) || p95Of(k, a, load.serviceTimeMs) <= load.latencyTargetMs;
  };
  let n = Math.max(from, Math.ceil(offered / cap));
  // Past 2^52 a server more is the same number: no boundary to look for.
  if (n > 2 ** 52) return n;
  while (!meets(n)) n++;
  while (n > from && meets(n - 1)) n--;
  return n;
}

/** The fewest servers that still leave `needed` after the largest of `zones` zones is lost. */
function serversForZoneLoss(needed: number, zones: number): number {
  let n = Math.max(2, needed, Math.floor((needed * zones) / (zones - 1)) - 2);
  if (n > 2 ** 52) return n;
  while (n - Math.ceil(n / zones) < needed) n++;
  return n;
}

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

/** Servers each constraint needs at a load: the fleet is the largest of them. */
function needsAt(instance: CatalogItem, load: Load, zones: number, minServers: number): Record<SizingBound, number> {
  const k = instance.vcpus ?? 1;
  const offered = load.rps * (load.serviceTimeMs / 1000);
  checkLoad(load, offered);
  const ceiling = Math.min(SCALE_OUT_CPU, instance.baselineCpu ?? SCALE_OUT_CPU);
  const latency = offered === 0 ? 1 : serversForLatency(k, offered, load);
  if (!Number.isFinite(latency))
    throw new PlanInputError(
      'latencyTarget',
      `a p95 target of ${load.latencyTargetMs} ms cannot be met by any fleet the planner allows`,
    );
  return {
    latency,
    'scale-out line': Math.max(1, Math.ceil(offered / (k * ceiling) - 1e-9)),
    'zone failure': zones >= 2 ? serversForZoneLoss(latency, zones) : 0,
    minimum: minServers,
  };
}

/** The fleet at a load, without its predicted latencies: what the hour-by-hour curve needs. */
export function fleetServers(instance: CatalogItem, load: Load, zones: number, minServers: number): number {
  const needs = needsAt(instance, load, zones, minServers);
  return Math.max(needs.latency, needs['scale-out line'], needs['zone failure'], needs.minimum);
}

/**
 * Each server is an M/M/k queue (k = its vCPUs) taking an equal share of the arrivals, which is what a
 * balancer gives identical servers. The fleet is the smallest that meets the p95 target, keeps CPU at or
 * below the scale-out line, and still meets the target after losing one of `zones` zones.
 */
export function sizeFleet(instance: CatalogItem, load: Load, zones: number, minServers: number): FleetSize {
  const k = instance.vcpus ?? 1;
  const offered = load.rps * (load.serviceTimeMs / 1000);
  const needs = needsAt(instance, load, zones, minServers);
  const order: SizingBound[] = ['latency', 'zone failure', 'scale-out line', 'minimum'];
  const servers = Math.max(...Object.values(needs));
  const bound = order.find((b) => needs[b] === servers)!;
  const p95 = (n: number) =>
    offered === 0 ? bestPossibleP95Ms(load.serviceTimeMs) : p95Of(k, offered / n, load.serviceTimeMs);
  return {
    servers,
    bound,
    needs,
    utilization: offered / (servers * k),
    p95Ms: p95(servers),
    p95AfterZoneLossMs: zones >= 2 ? p95(servers - Math.ceil(servers / zones)) : null,
  };
}

/** The lowest p95 any fleet can reach: one request alone, exponential service (S·ln 20). */
export function bestPossibleP95Ms(serviceTimeMs: number): number {
  return serviceTimeMs * Math.log(20);
}

/**
 * Mixed hardware: every other server is the size twice the plan's instance (weights 1:2). The larger
 * servers in a fleet of n: ⌊n/2⌋, the odd positions; a fractional (time-averaged) fleet splits in half.
 */
export function largeServers(n: number): number {
  return Number.isInteger(n) ? Math.floor(n / 2) : n / 2;
}

/** Capacity of a mixed fleet of n servers, in servers of the plan's instance. */
export const mixedCapacity = (n: number): number => n + largeServers(n);

/** The fewest mixed servers (at least `minimum`) whose capacity is that of `uniform` servers of the plan's instance. */
export function mixedServers(uniform: number, minimum: number): number {
  let n = Math.max(minimum, Math.ceil(uniform / 1.5));
  while (mixedCapacity(n) < uniform) n++;
  return n;
}

/** Each server's speed relative to the plan's instance, in fleet order: what the simulation runs. */
export function mixedSpeeds(n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 1 ? 2 : 1));
}
