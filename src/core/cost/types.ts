import type { CatalogItem } from '../../pricing/catalog-schema.js';
import type { Payment, Term } from '../../pricing/commitment-schema.js';
import type { CacheSizing } from '../cache.js';
import type { DatabaseSizing } from '../database.js';
import type { Demand } from '../demand.js';
import type { PlanInput } from '../input.js';
import type { PriceBook } from '../price-book.js';
import type { Parameters } from '../resolve.js';

/** One line of the bill. `id` is stable across plans (kind, and the region for per-region lines): diff and exporters match on it. */
export interface LineItem {
  id: string;
  kind: string;
  component: string;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  monthly: number;
  itemId: string;
  confidence: CatalogItem['confidence'];
  /** The commitment product a committed line is bought under: name, term, payment, share off and its source. */
  commitment?: LineCommitment;
}

export interface LineCommitment {
  product: string;
  term: Term;
  payment: Payment;
  discount: number;
  source: string;
  confidence: CatalogItem['confidence'];
}

export interface RegionFleet {
  code: string;
  /** The region's share of the users (and of every rate and volume of the demand). */
  share: number;
  min: number;
  average: number;
  max: number;
  /** Mixed hardware: how many of those servers are the larger size. */
  large?: { min: number; average: number; max: number };
}

export interface DatabaseFacts {
  code: string;
  sizing: DatabaseSizing;
  /** The primary region's database, or per other region its own primary (data residency) or a promotable replica. */
  role: 'primary' | 'standby-region';
}

/** What the design decided that the bill depends on. */
export interface CostFacts {
  instance: CatalogItem;
  /** Mixed hardware: the larger size, priced on its own line. */
  largeInstance?: CatalogItem;
  fleets: RegionFleet[];
  appZones: number;
  balancer: boolean;
  databases: DatabaseFacts[];
  cache: CacheSizing | null;
  /** Data residency: no user data crosses regions. */
  dataResidency: boolean;
  cdn: boolean;
  privateNetworking: boolean;
  queue: boolean;
  deploymentExtra: number;
  deploymentLabel: string;
}

/** Everything a cost rule reads. */
export interface CostContext {
  facts: CostFacts;
  demand: Demand;
  params: Parameters;
  input: PlanInput;
  book: PriceBook;
  /** A line billed in one region of a split: that region's share of the demand (volume tiers apply to the whole). */
  regionShare?: number;
}

/** Which fleet size the compute lines are priced at: the bill's low, expected and high. */
export type FleetSize = 'min' | 'average' | 'max';

/** How a line may be bought other than on demand: the buying pass reads this. */
export interface Buyable {
  /** The part of the quantity that runs all month whatever the traffic (what a commitment covers). */
  alwaysOn: number;
  /** Whether the part above alwaysOn may run on spot capacity. */
  spot: boolean;
  /** What is bought, for the split lines' descriptions ("m7i.xlarge app servers"). */
  noun: string;
}

/** A line before the buying pass: priced at list price, with how it could be bought. */
export interface PricedLine extends LineItem {
  buyable?: Buyable;
}

export interface CostBreakdown {
  lineItems: LineItem[];
  monthly: { low: number; expected: number; high: number };
  buying: { commitment: PlanInput['commitment']; spotShare: number; discountPercent: number; notes: string[] };
}
