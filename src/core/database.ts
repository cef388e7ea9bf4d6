import type { CatalogItem } from '../pricing/catalog-schema.js';
import { SCALE_OUT_CPU, serversFor } from './compute.js';
import { databaseReasons } from './database-reasons.js';
import { DATABASE_OPTION_RULES, isHaPlus, type DatabaseOption } from './database-options.js';
import type { Demand } from './demand.js';
import type { PriceBook } from './price-book.js';
import type { Resilience } from './resilience.js';
import type { Parameters } from './resolve.js';
import type { TierId } from './tiers.js';

/** Share of the stored data that lives in database rows; the rest is files in object storage. */
export const DATABASE_SHARE_OF_STORAGE = 0.3;
/** The smallest gp3 volume RDS provisions. */
const MIN_STORAGE_GB = 20;

/**
 * Database shapes tried per tier, smallest first. Burstable credits run out under steady load, so only the
 * single server may use one; memory-optimised from 100k users, where the hot rows outgrow 8 GB.
 */
const CANDIDATES: Record<TierId, readonly string[]> = {
  'single-server': ['db-burst-2', 'db-general-2', 'db-memory-2', 'db-memory-4', 'db-memory-8'],
  'cached-replicas': ['db-general-2', 'db-memory-2', 'db-memory-4', 'db-memory-8'],
  horizontal: ['db-memory-2', 'db-memory-4', 'db-memory-8'],
  distributed: ['db-memory-2', 'db-memory-4', 'db-memory-8'],
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
  /** Writes per second one primary of the largest size carries under the scale-out line. */
  maxWritesPerPrimary: number;
  largest: CatalogItem;
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

/** Storage one primary may hold under this option (the engine's maximum), in GB. */
export function maxStorageGb(book: PriceBook, option: DatabaseOption): number {
  const variant = isHaPlus(option) ? 'aurora' : 'instance';
  return book.limit('database-max-storage', variant)?.value ?? Number.POSITIVE_INFINITY;
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
export function sizeDatabase(
  tier: TierId,
  demand: Demand,
  p: Parameters,
  r: Resilience,
  book: PriceBook,
  hasCache: boolean,
): DatabaseSizing | null {
  const option = DATABASE_OPTION_RULES[r.databaseHa];
  const load = databaseLoad(demand, p, hasCache);
  const candidates = book.databaseTypes(CANDIDATES[tier], option.id);
  const largest = candidates[candidates.length - 1];
  if (!largest) return null;
  const replicaLimit = book.limit('database-read-replicas', isHaPlus(option.id) ? 'aurora' : undefined);
  const maxReaders = (replicaLimit?.value ?? Number.POSITIVE_INFINITY) + option.readableStandbys;
  const byWrites = serversFor(load.writeCpuDemand, largest);
  const byStorage = Math.ceil(load.totalStorageGb / maxStorageGb(book, option.id));
  const byReads = Math.ceil(serversFor(load.readCpuDemand, largest) / maxReaders);
  const shards = Math.max(1, byWrites, byStorage, byReads);
  const shardBound: ShardBound =
    shards === 1 ? 'none' : shards === byWrites ? 'write CPU' : shards === byStorage ? 'storage' : 'read replicas';
  const writes = load.writeCpuDemand / shards;
  const reads = load.readCpuDemand / shards;
  const instance = candidates.find((c) => serversFor(writes, c) === 1 && readersFor(writes, reads, c) <= maxReaders);
  if (!instance) return null;
  const readers = readersFor(writes, reads, instance);
  const readableStandbysPerShard = option.readableStandbys;
  const readReplicasPerShard = option.replicasAreStandbys
    ? Math.max(1, readers)
    : Math.max(0, readers - readableStandbysPerShard);
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
      ((largest.vcpus ?? 1) * Math.min(SCALE_OUT_CPU, largest.baselineCpu ?? 1)) / (p.dbTimeMs / 1000),
    largest,
    reasons: [],
  };
  sizing.reasons = databaseReasons({ sizing, demand, p, book, hasCache, readers, load });
  return sizing;
}
