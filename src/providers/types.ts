import type { InfracostUsageMapper } from '../export/infracost-usage-figures.js';
import type { IngressBuilder } from '../export/ingress-types.js';
import type { PriceBook } from '../core/price-book.js';
import type { Catalog, CatalogItem } from '../pricing/catalog-schema.js';
import type { CommitmentBook } from '../pricing/commitment-schema.js';
import type { RefreshedPrice } from '../pricing/refresh/apply.js';
import type { Progress } from '../pricing/refresh/progress.js';
import type { HardwareReader } from './hardware.js';

/** The balancing strategies a provider's balancer is configured for (`none` needs no balancer). */
export type BalancedStrategy = 'round-robin' | 'least-connections' | 'ip-hash' | 'weighted';

/** How one strategy is set on the provider's own balancer. */
export interface BalancerSetting {
  service: string;
  setting: string;
  /** The balancer's own attribute names and values, for exporters (ALB target-group attributes, …). */
  attributes: Readonly<Record<string, string>>;
}

export interface RefreshOptions {
  endpoint: string;
  region: string;
  idleMs: number;
  progress: Progress;
  /** A credential the price API needs (GCP's API key); undefined where the API is public. */
  apiKey: string | undefined;
}

export interface RefreshResult {
  found: Map<string, RefreshedPrice>;
  buying: Partial<Catalog['buyingOptions']>;
}

/** One cache line: the item it is priced on, how many of its units an hour, and what is bought, in words. */
export interface CacheBill {
  item: CatalogItem;
  perHour: number;
  text: string;
}

/**
 * How a provider bills its managed Redis: the sizes a design may choose (smallest first) and what a cache of
 * `shards` shards costs. Node-based (ElastiCache) when a pack has none; Memorystore bills provisioned GB at a
 * capacity tier's rate, Azure Cache bills nodes per tier (Standard two, Premium two per shard).
 */
export interface CacheBilling {
  sizes(book: PriceBook, shapes: readonly string[], ha: boolean): CatalogItem[];
  bill(book: PriceBook, node: CatalogItem, shards: number, replicasPerShard: number): CacheBill;
}

/**
 * Where a region's public IPv4 addresses and NAT gateways are, for the bill's network lines. AWS puts an
 * Application Load Balancer node, and a NAT gateway with its Elastic IP, in each zone; Azure's Application
 * Gateway has one frontend address, its NAT gateway is zonal; Google's load balancer has one anycast address
 * and Cloud NAT is one regional gateway, billed per VM using it up to a cap.
 */
export interface NetworkShape {
  /** The balancer's public IPv4 addresses in a region: one in each zone, or one. */
  balancerIps: 'per-zone' | 'one';
  /** NAT gateways: one per zone billed by the hour, or one per region billed per VM-hour up to `vmsAtCap` VMs. */
  nat: { gateways: 'per-zone' } | { gateways: 'regional'; vmsAtCap: number };
}

/** One signature for every provider's price refresher. */
export type Refresher = (base: Catalog, opts: RefreshOptions) => Promise<RefreshResult>;

/**
 * Everything a cloud provider owns: its bundled catalog, the region a home region fails over to, how
 * each balancing strategy is set on its balancer, and its price refresher (loaded only when used).
 */
export interface ProviderPack {
  id: string;
  /** How people write its name: AWS, GCP, Azure. */
  label: string;
  catalog: Catalog;
  /** Its commitment products (pricing/commitments/<id>.yaml); without them `--commitment` uses the catalog's buyingOptions on compute. */
  commitments?: CommitmentBook;
  /** How its items say their CPU architecture and cache engine (default: only what the items state). */
  hardware?: HardwareReader;
  /** The second region a home region pairs with when a design needs one (the provider's own pairing). */
  pairedRegions: Readonly<Record<string, string>>;
  balancer: Readonly<Record<BalancedStrategy, BalancerSetting>>;
  /** How its managed cache is billed, where that is not one node-hour per primary and replica. */
  cacheBilling?: CacheBilling;
  /** Where its balancer and NAT hold public addresses and how NAT is billed (default: a gateway and an address per zone). */
  network?: NetworkShape;
  /**
   * Where its high-availability-plus database option (the catalog's `aurora` slot) is not Aurora: an
   * instance whose price holds its HA standby (storage on the plain rows, two copies) with read replicas
   * billed at the `aurora-replica` rows, not a cluster volume whose replicas are its standbys; `why` says
   * what it is, in a sentence.
   */
  databaseHaPlusInstance?: { why: string };
  /** The Kubernetes objects that put the plan's strategy, weights and health check on its load balancer. */
  ingress: IngressBuilder;
  /** The plan's usage under Infracost's keys for this provider's resources. */
  infracostUsage: InfracostUsageMapper;
  refresher: {
    /** The public price API's base URL (`pricing update --endpoint` replaces it). */
    endpoint: string;
    /** The environment variable holding the API's credential, when it needs one. */
    apiKeyEnv?: string;
    load(): Promise<Refresher>;
  };
}
