import type { CatalogItem } from '../pricing/catalog-schema.js';
import { SCALE_OUT_CPU, serversFor } from './compute.js';
import { databaseReasons } from './database-reasons.js';
import { maxReadReplicas, maxStorageGb, optionRule, type DatabaseOption } from './database-options.js';
import type { Demand } from './demand.js';
import type { PriceBook } from './price-book.js';
import type { Resilience } from './resilience.js';
import type { Parameters } from './resolve.js';
import type { TierId } from './tiers.js';
import { shardingHeadroom, type ShardingHeadroom } from './sharding.js';

/** Share of the stored data that lives in database rows; the rest is files in object storage. */
export const DATABASE_SHARE_OF_STORAGE = 0.3;
/** The smallest gp3 volume RDS provisions. */
const MIN_STORAGE_GB = 20;

/**
 * Database shapes tried per tier, smallest first. Burstable credits run out under steady load, so only the
 * single server may use one; memory-optimised from 100k users, where the hot rows outgrow 8 GB. The two
 * large tiers go up to 64 vCPUs before they shard: every provider prices its sizes in proportion to their
 * vCPUs, so a larger primary costs what shards of it would, without cross-shard queries, a routing layer
 * and a failover per shard (the guide's "database sharding" at 1M+ then comes when a limit asks for it).
 */
const SCALE_UP = ['db-memory-16', 'db-memory-32', 'db-memory-64'];
const CANDIDATES: Record<TierId, readonly string[]> = {
  'single-server': ['db-burst-2', 'db-general-2', 'db-memory-2', 'db-memory-4', 'db-memory-8'],
  'cached-replicas': ['db-general-2', 'db-memory-2', 'db-memory-4', 'db-memory-8'],
  horizontal: ['db-memory-2', 'db-memory-4', 'db-memory-8', ...SCALE_UP],
  distributed: ['db-memory-2', 'db-memory-4', 'db-memory-8', ...SCALE_UP],
};

/** What set the number of shards: the first limit a single primary would break. */
export type ShardBound = 'none' | 'write CPU' | 'storage' | 'read replicas';

export interface DatabaseSizing {
  instance: CatalogItem;
  deployment: DatabaseOption;
  shards: number;
  shardBound: ShardBound;
  /** Replicas per shard besides any readable standbys (Aurora: its replicas, which are also its standbys). */
  readReplicasPerShard: number;
  /** Standbys that serve reads (a Multi-AZ DB cluster's two). */
  readableStandbysPerShard: number;
  storageGbPerShard: number;
  writeCpuDemand: number;
  readCpuDemand: number;
  utilizationAtPeak: number;
  /** Writes per second one primary of the ceiling's size carries under the scale-out line. */
  maxWritesPerPrimary: number;
  /** The tier's largest primary: past it, this tier shards. */
  largest: CatalogItem;
  /** The largest primary this option sells at any tier: past it, the design must shard however it grows. */
  ceiling: CatalogItem;
  /** How many times today's load one primary of the ceiling's size takes before a limit shards it (under 1: sharded now). */
  headroom: ShardingHeadroom | null;
  reasons: string[];
}

export interface DatabaseLoad {
  writeCpuDemand: number;
  readCpuDemand: number;
  totalStorageGb: number;
}

export function databaseLoad(demand: Demand, p: Parameters, hasCache: boolean): DatabaseLoad {
  const hit = hasCache ? p.cacheHitRatio : 0;
  return {
    writeCpuDemand: demand.peakRps * (1 - p.readRatio) * (p.dbTimeMs / 1000),
    readCpuDemand: demand.peakRps * p.readRatio * (1 - hit) * (p.dbTimeMs / 1000),
    totalStorageGb: demand.storageGb * DATABASE_SHARE_OF_STORAGE,
  };
}

/** Readers a shard needs: none while the primary carries its reads under the line, else enough for every read. */
function readersFor(writes: number, reads: number, instance: CatalogItem): number {
  if (serversFor(writes + reads, instance) === 1) return 0;
  return reads > 0 ? serversFor(reads, instance) : 0;
}

/**
 * Primaries (shards), readers and storage for one database option. Shards come only from a limit one
 * primary would break (write CPU over the scale-out line on the largest size, storage over the engine's
 * maximum); readers only when the primary cannot carry the reads. Null when the option cannot carry it.
 */
interface Layout {
  shards: number;
  /** Each shard's share of the write and read CPU. */
  writes: number;
  reads: number;
  instance: CatalogItem;
  readers: number;
  replicasPerShard: number;
  /** Instances of every shard (primaries and replicas) at the instance's price: what the layouts are compared on. */
  cost: number;
  /** The layout at the fewest shards, when this one has more. */
  fewest?: Layout;
}

/** A shard count's layout: the smallest class (of `candidates`) whose primary carries its writes, and the readers its reads need. */
function layoutAt(
  shards: number,
  load: { writeCpuDemand: number; readCpuDemand: number },
  candidates: readonly CatalogItem[],
  maxReaders: number,
  replicasAreStandbys: boolean,
  readableStandbys: number,
): Layout | null {
  const writes = load.writeCpuDemand / shards;
  const reads = load.readCpuDemand / shards;
  const instance = candidates.find((c) => serversFor(writes, c) === 1 && readersFor(writes, reads, c) <= maxReaders);
  if (!instance) return null;
  const readers = readersFor(writes, reads, instance);
  const replicasPerShard = replicasAreStandbys ? Math.max(1, readers) : Math.max(0, readers - readableStandbys);
  return {
    shards,
    writes,
    reads,
    instance,
    readers,
    replicasPerShard,
    cost: shards * (1 + replicasPerShard) * instance.price,
  };
}

/**
 * The shard count for a database that is sharded already: the fewest its bound asks for, or more shards of
 * the same class where they cost less with no more instances in all (as many machines to run, patch and
 * fail over). Each shard's replicas are rounded up on their own, so 15 shards of 1 + 8 cost more than 16
 * of 1 + 7, and a plan for more users must not be cheaper than one for fewer, which could have used the
 * 16. For each smaller replica count, the fewest shards that reach it are found by bisection (a shard's
 * replicas only fall as shards are added), so millions of shards cost a few hundred layouts, not millions.
 * An unsharded database stays one: a first split is an architecture change, not a rounding.
 */
function cheapestLayout(fewest: number, at: (shards: number, instance?: CatalogItem) => Layout | null): Layout | null {
  const first = at(fewest);
  if (!first || fewest === 1) return first;
  const instances = (l: Layout) => l.shards * (1 + l.replicasPerShard);
  const most = instances(first);
  const fits = (shards: number, replicas: number) => {
    const layout = at(shards, first.instance);
    return layout !== null && layout.replicasPerShard <= replicas ? layout : null;
  };
  let best = first;
  for (let replicas = first.replicasPerShard - 1; replicas >= 0; replicas--) {
    // More shards than `most / (1 + replicas)` would be more instances than the fewest shards need.
    let lo = fewest + 1;
    let hi = Math.floor(most / (1 + replicas));
    if (lo > hi || !fits(hi, replicas)) continue;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (fits(mid, replicas)) hi = mid;
      else lo = mid + 1;
    }
    const layout = fits(lo, replicas)!;
    if (layout.cost < best.cost) best = layout;
  }
  return best === first ? first : { ...best, fewest: first };
}

/** Why the database has more shards than its bound asks for. */
function moreShardsReason(fewest: number, bound: ShardBound, layout: Layout): string {
  const before = layout.fewest!;
  const replicas = (n: number) => `${n} read replica${n === 1 ? '' : 's'}`;
  const each =
    before.instance.id === layout.instance.id
      ? `${replicas(layout.replicasPerShard)} rather than ${before.replicasPerShard}`
      : `${layout.instance.id} with ${replicas(layout.replicasPerShard)} rather than ${before.instance.id} with ${before.replicasPerShard}`;
  return `${layout.shards} shards rather than the ${fewest} that ${bound} asks for: each shard's read replicas are rounded up on their own, and with ${layout.shards} each needs ${each} — ${layout.shards * (1 + layout.replicasPerShard)} instances in all rather than ${fewest * (1 + before.replicasPerShard)}, for less`;
}

export function sizeDatabase(
  tier: TierId,
  demand: Demand,
  p: Parameters,
  r: Resilience,
  book: PriceBook,
  hasCache: boolean,
): DatabaseSizing | null {
  const option = optionRule(book, r.databaseHa);
  const load = databaseLoad(demand, p, hasCache);
  const candidates = book.databaseTypes(CANDIDATES[tier], option.id);
  const largest = candidates[candidates.length - 1];
  if (!largest) return null;
  const ceiling = book.databaseTypes(CANDIDATES.distributed, option.id).at(-1) ?? largest;
  const maxReaders = maxReadReplicas(book, option.id) + option.readableStandbys;
  const byWrites = serversFor(load.writeCpuDemand, largest);
  const byStorage = Math.ceil(load.totalStorageGb / maxStorageGb(book, option.id));
  const byReads = Math.ceil(serversFor(load.readCpuDemand, largest) / maxReaders);
  const fewest = Math.max(1, byWrites, byStorage, byReads);
  const shardBound: ShardBound =
    fewest === 1 ? 'none' : fewest === byWrites ? 'write CPU' : fewest === byStorage ? 'storage' : 'read replicas';
  const layout = cheapestLayout(fewest, (shards, instance) =>
    layoutAt(
      shards,
      load,
      instance ? [instance] : candidates,
      maxReaders,
      option.replicasAreStandbys,
      option.readableStandbys,
    ),
  );
  if (!layout) return null;
  const { shards, writes, reads, instance, readers } = layout;
  const readableStandbysPerShard = option.readableStandbys;
  const readReplicasPerShard = layout.replicasPerShard;
  const vcpus = instance.vcpus ?? 1;
  const primaryLoad = writes + (readers === 0 ? reads : 0);
  const sizing: DatabaseSizing = {
    instance,
    deployment: option.id,
    shards,
    shardBound,
    readReplicasPerShard,
    readableStandbysPerShard,
    storageGbPerShard: Math.max(MIN_STORAGE_GB, Math.ceil(load.totalStorageGb / shards)),
    writeCpuDemand: load.writeCpuDemand,
    readCpuDemand: load.readCpuDemand,
    utilizationAtPeak: primaryLoad / vcpus,
    maxWritesPerPrimary:
      ((ceiling.vcpus ?? 1) * Math.min(SCALE_OUT_CPU, ceiling.baselineCpu ?? 1)) / (p.dbTimeMs / 1000),
    largest,
    ceiling,
    headroom: shardingHeadroom(load, ceiling, maxStorageGb(book, option.id), maxReaders),
    reasons: [],
  };
  sizing.reasons = databaseReasons({ sizing, demand, p, book, hasCache, readers, load });
  if (shards > fewest) sizing.reasons.push(moreShardsReason(fewest, shardBound, layout));
  return sizing;
}
