import type { AvailabilityEstimate } from './availability.js';
import type { Autoscaling } from './autoscaling.js';
import type { CacheSizing } from './cache.js';
import type { ComputeSizing } from './compute.js';
import type { CostBreakdown } from './cost/types.js';
import type { DatabaseSizing } from './database.js';
import type { Demand } from './demand.js';
import type { Deployment } from './deployment.js';
import type { PlanInput } from './input.js';
import type { LoadBalancingDecision } from './load-balancing.js';
import type { PriceBook } from './price-book.js';
import type { Resilience } from './resilience.js';
import type { MixedHardware } from './mixed-fleet.js';
import type { FailoverChoice, Headroom } from './region-failover.js';
import type { Parameters } from './resolve.js';
import type { TierId } from './tiers.js';

export interface DesignContext {
  input: PlanInput;
  params: Parameters;
  demand: Demand;
  curve: readonly number[];
  book: PriceBook;
  /** Fleet sizings already computed for this plan: the design search prices many designs that share them. */
  sizings: Map<string, ComputeSizing | null>;
  /** Designs already built for this plan, by tier and redundancy: the cost-of-nines table asks for the same ones four times. */
  designs: Map<string, Design | null>;
  /**
   * How the design's cache is built, when not as usual: `none`, every read and the sessions in the database
   * (the "why not drop the cache?" alternative); `backstop`, the cache kept and the database's readers sized
   * for every read without it, so a cache outage slows reads but fails none.
   */
  cacheDesign?: 'none' | 'backstop';
  /** Database sizings already computed for this plan, by tier, option and load: designs that differ elsewhere share them. */
  databases: Map<string, DatabaseSizing | null>;
  /** Failover headroom already computed for this plan, by the region fleets and zones (region-failover.ts). */
  failovers: Map<string, Headroom>;
}

/** The parts of a design context that remember work for the next design of the same plan. */
export type DesignMemo = Pick<DesignContext, 'sizings' | 'designs' | 'databases' | 'failovers'>;

export const newDesignMemo = (): DesignMemo => ({
  sizings: new Map(),
  designs: new Map(),
  databases: new Map(),
  failovers: new Map(),
});

export interface RegionStack {
  code: string;
  share: number;
  compute: ComputeSizing;
  database: DatabaseSizing;
  role: 'primary' | 'secondary';
  /** The fleet hour by hour when it is not the compute sizing's own (provisioned failover headroom). */
  hourly?: number[];
  /** Mixed hardware: the time-averaged count of the larger servers in this region's fleet. */
  largeAverage?: number;
}

/** One complete design at one tier and level of redundancy: sized, balanced, estimated and priced. */
export interface Design {
  tier: TierId;
  tierReasons: string[];
  resilience: Resilience;
  compute: ComputeSizing;
  database: DatabaseSizing;
  cache: CacheSizing | null;
  cdn: boolean;
  regions: RegionStack[];
  estimate: AvailabilityEstimate;
  /** Active-active regions: how a surviving region takes a lost region's traffic (null otherwise). */
  failover: FailoverChoice | null;
  /** The database's readers carry every read without the cache (built with the context's cacheDesign `backstop`). */
  cacheBackstop?: boolean;
  /** --mixed-hardware: the two sizes and their weights (null otherwise). */
  mixed: MixedHardware | null;
  loadBalancing: Omit<LoadBalancingDecision, 'configuration'>;
  deployment: Deployment;
  autoscaling: Autoscaling | null;
  cost: CostBreakdown;
}
