import { HOURS_PER_MONTH } from '../../demand.js';
import type { CostContext, DatabaseFacts } from '../types.js';
import type { CostRule } from '../rule.js';
import { USAGE_ASSUMPTIONS as A } from '../usage-assumptions.js';
import { databaseStorage, readReplicaHours } from './database-storage.js';
import { databaseOptionLabel, isClusterVolume, isHaPlus, optionRule } from '../../database-options.js';
import { regionShareOf } from '../regional.js';

/*
 * Another region's copy of the primary region's database, deployed like the primary: the promotable
 * replica has the primary's instance class and HA (a Multi-AZ or HA replica where the primary is one; an
 * Aurora Global Database secondary cluster with as many readers), and the same read replicas per shard,
 * so after promotion it carries every write and read.
 */

const standby = (db: DatabaseFacts) => db.role === 'standby-region';
const aurora = (ctx: CostContext, db: DatabaseFacts) => isClusterVolume(ctx.book, db.sizing.deployment);
const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const shardsText = (n: number) => (n > 1 ? ` × ${n} shards` : '');

export const regionReplicaRule: CostRule<DatabaseFacts> = {
  kind: 'database-region-replica',
  component: 'database',
  applies: (_, db) => standby(db),
  line(ctx, db) {
    const { sizing: d } = db;
    if (aurora(ctx, db)) {
      const readers = Math.max(1, d.readReplicasPerShard);
      const svc = ctx.book.catalog.services.databaseHaPlus;
      const description = () =>
        `${svc} ${d.instance.id} secondary cluster (global database): ${s(d.shards, 'promotable reader')} + ${s(readers, 'reader')} each, like the primary, in ${db.code}`;
      return { item: d.instance, quantity: d.shards * (1 + readers) * HOURS_PER_MONTH, description };
    }
    const ha =
      d.deployment === 'multi-az-cluster'
        ? databaseOptionLabel(ctx.book, d.deployment)
        : isHaPlus(d.deployment)
          ? `${ctx.book.catalog.services.databaseHaPlus} with HA`
          : d.deployment === 'multi-az'
            ? 'Multi-AZ'
            : 'Single-AZ';
    const description = () =>
      `${d.instance.id} ${ha} promotable cross-region replica${shardsText(d.shards)}, like the primary, in ${db.code}`;
    return { item: d.instance, quantity: d.shards * HOURS_PER_MONTH, description };
  },
};

export const regionReadReplicasRule: CostRule<DatabaseFacts> = {
  kind: 'database-region-read-replicas',
  component: 'database',
  applies: (ctx, db) => standby(db) && !aurora(ctx, db) && db.sizing.readReplicasPerShard > 0,
  line(ctx, db) {
    const { item, quantity, per } = readReplicaHours(ctx, db);
    const description = () =>
      `${item.id} read replicas in ${db.code} (${db.sizing.readReplicasPerShard} per ${per ?? 'replica'}, as in the primary region): local reads now, every read after promotion`;
    return { item, quantity, description };
  },
};

export const regionReplicaStorageRule: CostRule<DatabaseFacts> = {
  kind: 'database-region-replica-storage',
  component: 'database',
  applies: (_, db) => standby(db),
  line(ctx, db) {
    const { sizing: d } = db;
    const { item, copies, quantity } = databaseStorage(ctx, db);
    if (aurora(ctx, db)) {
      const description = () =>
        `storage of the secondary cluster in ${db.code} (replicated across its zones, billed once)`;
      return { item, quantity, description };
    }
    const description = () =>
      `storage in ${db.code}: ${d.storageGbPerShard} GB on each of ${copies} ${copies === 1 ? 'copy' : 'copies'} (replica${optionRule(ctx.book, d.deployment).storedCopies === 2 ? ', its standby' : ''}${d.readReplicasPerShard > 0 ? ' and read replicas' : ''})`;
    return { item, quantity, description };
  },
};

/**
 * An Aurora global database's secondary cluster applies every write (replicated write I/O) and serves its
 * region's reads the cache misses, billed in its region.
 */
export const regionReplicatedIoRule: CostRule<DatabaseFacts> = {
  kind: 'database-region-io',
  component: 'database',
  applies: (ctx, db) =>
    standby(db) && db.sizing.deployment === 'aurora' && ctx.book.has('database-io', undefined, 'aurora'),
  line(ctx: CostContext, db) {
    const { demand, params: p, facts } = ctx;
    const share = regionShareOf(facts, db.code);
    const perRequest =
      (1 - p.readRatio) * A.ioPerWrite + p.readRatio * (1 - p.cacheHitRatio) * A.ioPerUncachedRead * share;
    const millions = (demand.requestsPerMonth * perRequest) / 1e6;
    const description = () =>
      `I/O in ${db.code}: ${A.ioPerWrite} per write applied by the secondary cluster, ${A.ioPerUncachedRead} per read of its region the cache misses`;
    return { item: ctx.book.item('database-io', undefined, 'aurora'), quantity: millions, description };
  },
};
