import type { CatalogItem } from '../pricing/catalog-schema.js';
import type { Demand } from './demand.js';
import type { PriceBook } from './price-book.js';
import type { Resilience } from './resilience.js';
import type { Parameters } from './resolve.js';
import { groupDigits } from './group-digits.js';
import type { TierId } from './tiers.js';

/** Session and hot per-user objects kept in Redis for each daily active user. */
const KB_PER_DAILY_USER = 20;
/** Share of the database rows hot enough to cache (recent content, popular items). */
const HOT_DATA_SHARE = 0.02;
/** Redis needs headroom for fragmentation, replication buffers and growth. */
const USABLE_MEMORY = 0.75;
/** Operations per second one Redis primary serves comfortably (well under its single-thread ceiling). */
const OPS_PER_SHARD = 80_000;

/** Cache node shapes, by memory: about 3, 13 and 26 GB; the smallest that holds the data is taken. */
const CANDIDATES: readonly string[] = ['cache-3', 'cache-13', 'cache-26'];
/**
 * Larger nodes (about 52 and 105 GB), taken only where shards of the largest candidate would be past one
 * cluster's quota: fewer, larger shards in one cluster rather than clusters split by key prefix. Below that,
 * 26 GB shards are kept: a replica's full resync and a shard's failure stay small.
 */
const ONE_CLUSTER: readonly string[] = ['cache-52', 'cache-105'];

export interface CacheSizing {
  node: CatalogItem;
  shards: number;
  replicasPerShard: number;
  memoryNeededGb: number;
  reasons: string[];
  /** Separate clusters, when the shards are past one cluster's node or shard limit. */
  clusters: number;
  /** With --data-residency, each region's own cache (its users and rows) by region code; the plan's is the first region's. */
  perRegion?: Record<string, CacheSizing>;
}

export function sizeCache(
  tier: TierId,
  demand: Demand,
  p: Parameters,
  r: Resilience,
  book: PriceBook,
  databaseStorageGb: number,
): CacheSizing | null {
  if (tier === 'single-server') return null;
  const memoryNeededGb = (demand.dailyActiveUsers * KB_PER_DAILY_USER) / 1e6 + databaseStorageGb * HOT_DATA_SHARE;
  const peakOps = demand.peakRps * (1 + p.readRatio);
  const candidates = book.cacheSizes(CANDIDATES, r.cacheHa);
  const largest = candidates[candidates.length - 1];
  if (!largest) throw new Error(`no cache node types in the ${book.catalog.provider} catalog`);
  const byOps = Math.ceil(peakOps / OPS_PER_SHARD);
  // Cluster mode only when a limit needs it: the data outgrows one node's memory, or the operations one primary's.
  const shardsOf = (c: CatalogItem) =>
    Math.max(1, Math.ceil(memoryNeededGb / ((c.memoryGb ?? 1) * USABLE_MEMORY)), byOps);
  // One replica per shard, in another zone: it is what the provider's Multi-AZ SLA asks for; a second
  // replica adds a node's cost on every shard without a higher SLA (and made the bill drop at 1M users).
  const replicasPerShard = r.cacheHa ? 1 : 0;
  const quota = clusterQuota(book, replicasPerShard);
  const holding = candidates.find((c) => (c.memoryGb ?? 0) * USABLE_MEMORY >= memoryNeededGb);
  const larger = holding || shardsOf(largest) <= quota.shards ? [] : book.cacheSizes(ONE_CLUSTER, r.cacheHa);
  const node = holding ?? larger.find((c) => shardsOf(c) <= quota.shards) ?? larger.at(-1) ?? largest;
  const byMemory = Math.ceil(memoryNeededGb / ((node.memoryGb ?? 1) * USABLE_MEMORY));
  const shards = shardsOf(node);
  const clusters = Math.ceil(shards / quota.shards);
  const reasons = [
    `${groupDigits(memoryNeededGb, 1)} GB to hold: ${KB_PER_DAILY_USER} KB of sessions and hot objects per daily user, and ${Math.round(HOT_DATA_SHARE * 100)} % of the database's rows`,
    `${node.id} (${node.memoryGb} GiB, ${Math.round(USABLE_MEMORY * 100)} % usable)${shards > 1 ? ` × ${shards} shards (cluster mode, the scaling guide's distributed cache: ${byMemory >= byOps ? `the data is more than one node holds` : `${groupDigits(peakOps)} operations/s is more than one primary serves at ${groupDigits(OPS_PER_SHARD)}/s`})` : `: one shard holds it (cluster mode only when the data or the operations outgrow one node — the scaling guide's distributed cache is readiness until then)`}; ${groupDigits(peakOps)} operations/s at peak`,
    ...(node !== largest && !holding
      ? [
          clusters === 1
            ? `${node.id} rather than ${groupDigits(shardsOf(largest))} shards of ${largest.id}: those are past the ${quota.why}, and one cluster of fewer, larger shards needs no split by key prefix`
            : `${node.id}, the largest node sold, rather than ${groupDigits(shardsOf(largest))} shards of ${largest.id}: ${clusters} clusters rather than ${groupDigits(Math.ceil(shardsOf(largest) / quota.shards))}`,
        ]
      : []),
    ...(clusters > 1
      ? [
          `${groupDigits(shards)} shards is past the ${quota.why}: split into ${groupDigits(clusters)} clusters by key prefix, each under the limit`,
        ]
      : []),
    replicasPerShard > 0
      ? `Primary + ${replicasPerShard} replica in another zone per shard, with automatic failover${tier === 'horizontal' ? ': the scaling guide\'s "Redis cluster (primary + replicas)" read as one replica per shard, which the Multi-AZ SLA needs; a second would add a node per shard and no SLA' : ''}`
      : 'One node: a cache miss falls back to the database, but sessions held here are lost if the node fails',
  ];
  return { node, shards, replicasPerShard, memoryNeededGb, reasons, clusters };
}

/** Shards one cluster may have: the provider's node quota over the nodes per shard, or its shard limit. */
function clusterQuota(book: PriceBook, replicasPerShard: number): { shards: number; why: string } {
  const nodes = book.limit('cache-max-nodes');
  const shards = book.limit('cache-max-shards');
  const byNodes = nodes ? Math.floor(nodes.value / (1 + replicasPerShard)) : Number.POSITIVE_INFINITY;
  const byShards = shards?.value ?? Number.POSITIVE_INFINITY;
  if (byNodes <= byShards && nodes)
    return { shards: byNodes, why: `${groupDigits(nodes.value)}-node limit per cluster (${nodes.source})` };
  if (shards)
    return { shards: byShards, why: `${groupDigits(shards.value)}-shard limit per cluster (${shards.source})` };
  return { shards: Number.POSITIVE_INFINITY, why: 'no limit' };
}
