import { HOURS_PER_MONTH } from '../../demand.js';
import { optionRule } from '../../database-options.js';
import type { CatalogItem } from '../../../pricing/catalog-schema.js';
import type { CostContext, DatabaseFacts } from '../types.js';

/**
 * What one region's database stores: the higher-SLA engine bills its cluster volume once; an instance
 * deployment bills each copy (primary, standbys, read replicas) at the plain storage row.
 */
export function databaseStorage(
  ctx: CostContext,
  db: DatabaseFacts,
): { item: CatalogItem; copies: number; quantity: number } {
  const d = db.sizing;
  const option = optionRule(ctx.book, d.deployment);
  if (option.clusterVolume) {
    const item = ctx.book.item('database-storage', undefined, option.storageVariant);
    return { item, copies: d.shards, quantity: d.storageGbPerShard * d.shards };
  }
  const copies = d.shards * (option.storedCopies + d.readReplicasPerShard);
  return { item: ctx.book.item('database-storage'), copies, quantity: d.storageGbPerShard * copies };
}

/** A database's read replicas, each shard's, billed as single-AZ instances of its class: the item and the month's hours. */
export function readReplicaHours(ctx: CostContext, db: DatabaseFacts) {
  const { sizing: d } = db;
  const item = ctx.book.item('database', d.instance.id, optionRule(ctx.book, d.deployment).replicaVariant);
  return { item, quantity: d.shards * d.readReplicasPerShard * HOURS_PER_MONTH, per: d.shards > 1 ? 'shard' : null };
}
