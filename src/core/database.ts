import type { CatalogItem } from '../pricing/catalog-schema.js';
import { SCALE_OUT_CPU, serversFor } from './compute.js';
import type { Demand } from './demand.js';
import type { PriceBook } from './price-book.js';
import type { Resilience } from './resilience.js';
import type { Parameters } from './resolve.js';
import { round } from './round.js';
import type { TierId } from './tiers.js';

/** Share of the stored data that lives in database rows; the rest is files in object storage. */
export const DATABASE_SHARE_OF_STORAGE = 0.3;
/** The smallest gp3 volume RDS provisions. */
const MIN_STORAGE_GB = 20;

/** Database shapes tried per tier, smallest first: burstable, general purpose, then memory optimised. */
const CANDIDATES: Record<TierId, readonly string[]> = {
  'single-server': ['db-burst-2', 'db-general-2', 'db-memory-2', 'db-memory-4', 'db-memory-8'],
  'cached-replicas': ['db-general-2', 'db-memory-2', 'db-memory-4', 'db-memory-8'],
  horizontal: ['db-memory-2', 'db-memory-4', 'db-memory-8'],
  distributed: ['db-memory-4', 'db-memory-8'],
};
const TIER_READ_REPLICAS: Record<TierId, number> = {
  'single-server': 0,
  'cached-replicas': 1,
  horizontal: 2,
  distributed: 1,
};

export interface DatabaseSizing {
  instance: CatalogItem;
  deployment: Resilience['databaseHa'];
  shards: number;
  readReplicasPerShard: number;
  storageGbPerShard: number;
  writeCpuDemand: number;
  readCpuDemand: number;
  utilizationAtPeak: number;
  reasons: string[];
}

/** Primary (or shards), read replicas and storage; null when writes outgrow the largest primary the tier allows. */
export function sizeDatabase(
  tier: TierId,
  demand: Demand,
  p: Parameters,
  r: Resilience,
  book: PriceBook,
  hasCache: boolean,
): DatabaseSizing | null {
  const writeCpuDemand = demand.peakRps * (1 - p.readRatio) * (p.dbTimeMs / 1000);
  const hit = hasCache ? p.cacheHitRatio : 0;
  const readCpuDemand = demand.peakRps * p.readRatio * (1 - hit) * (p.dbTimeMs / 1000);
  const minReplicas = TIER_READ_REPLICAS[tier];
  const candidates = book.databaseTypes(CANDIDATES[tier], r.databaseHa);
  const largest = candidates[candidates.length - 1];
  if (!largest) throw new Error(`no ${r.databaseHa} database types in the ${book.catalog.provider} catalog`);

  const shards = tier === 'distributed' ? Math.max(2, serversFor(writeCpuDemand, largest)) : 1;
  // Without read replicas the primary also serves every read.
  const primaryLoad = (writeCpuDemand + (minReplicas === 0 ? readCpuDemand : 0)) / shards;
  const instance = candidates.find((c) => serversFor(primaryLoad, c) === 1);
  if (!instance) return null;

  const readsPerShard = readCpuDemand / shards;
  const readReplicasPerShard = minReplicas === 0 ? 0 : Math.max(minReplicas, serversFor(readsPerShard, instance));
  const totalStorage = demand.storageGb * DATABASE_SHARE_OF_STORAGE;
  const storageGbPerShard = Math.max(MIN_STORAGE_GB, Math.ceil(totalStorage / shards));
  const vcpus = instance.vcpus ?? 1;
  const utilizationAtPeak = primaryLoad / vcpus;

  const reasons = [
    `Writes at peak: ${round(demand.peakRps * (1 - p.readRatio), 1)}/s × ${p.dbTimeMs} ms = ${round(writeCpuDemand, 2)} vCPUs on the primary${shards > 1 ? `, split over ${shards} shards` : ''}; ${instance.id} keeps it at ${Math.round(utilizationAtPeak * 100)} % (under ${Math.round(Math.min(SCALE_OUT_CPU, instance.baselineCpu ?? 1) * 100)} %)`,
  ];
  if (hasCache)
    reasons.push(
      `The cache answers ${Math.round(hit * 100)} % of reads, leaving ${round(readCpuDemand, 2)} vCPUs of reads for the database`,
    );
  if (readReplicasPerShard > 0) {
    reasons.push(
      `${readReplicasPerShard} read replica${readReplicasPerShard === 1 ? '' : 's'}${shards > 1 ? ' per shard' : ''} ${readReplicasPerShard === 1 ? 'carries' : 'carry'} the reads (the scaling guide: ${tier === 'cached-replicas' ? '"database with read replicas"' : tier === 'horizontal' ? '"database with multiple read replicas"' : 'sharded, replicated data'})`,
    );
  } else {
    reasons.push("One database serves reads and writes: the scaling guide's single-server tier has no replicas");
  }
  if (shards > 1)
    reasons.push(
      `Sharded by user id into ${shards} shards (the scaling guide's "database sharding" at 1M+ users): no single primary takes every write`,
    );
  reasons.push(
    r.databaseHa === 'single-az'
      ? 'Single-AZ primary: a zone failure or maintenance takes writes down until it is restored'
      : r.databaseHa === 'multi-az'
        ? 'Multi-AZ: a synchronous standby in another zone takes over automatically'
        : `${book.catalog.services.databaseHaPlus}: storage replicated across three zones and faster failover, for a higher published SLA`,
  );
  reasons.push(
    `Storage ${storageGbPerShard} GB${shards > 1 ? ' per shard' : ''}: ${Math.round(DATABASE_SHARE_OF_STORAGE * 100)} % of ${round(demand.storageGb, 1)} GB of user data is rows; files go to object storage, never the server's disk (statelessness: no local file storage)`,
  );
  return {
    instance,
    deployment: r.databaseHa,
    shards,
    readReplicasPerShard,
    storageGbPerShard,
    writeCpuDemand,
    readCpuDemand,
    utilizationAtPeak,
    reasons,
  };
}
