import { HOURS_PER_MONTH } from '../../demand.js';
import type { CostRule, CostRuleGroup } from '../rule.js';
import type { CostContext, DatabaseFacts } from '../types.js';
import { USAGE_ASSUMPTIONS as A } from '../usage-assumptions.js';
import { databaseStorage, readReplicaHours } from './database-storage.js';
import { localDatabase, regionShareOf } from '../regional.js';
import { databaseOptionLabel, isClusterVolume, isHaPlus, optionRule } from '../../database-options.js';
import {
  regionReadReplicasRule,
  regionReplicaRule,
  regionReplicaStorageRule,
  regionReplicatedIoRule,
} from './region-database.js';

const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** " in eu-west-1" when the design has databases in several regions. */
const where = (ctx: CostContext, db: DatabaseFacts) => (ctx.facts.databases.length > 1 ? ` in ${db.code}` : '');
const primary = (db: DatabaseFacts) => db.role === 'primary';
const aurora = (ctx: CostContext, db: DatabaseFacts) => isClusterVolume(ctx.book, db.sizing.deployment);
const cluster = (db: DatabaseFacts) => db.sizing.deployment === 'multi-az-cluster';

const primaryRule: CostRule<DatabaseFacts> = {
  kind: 'database-primary',
  component: 'database',
  applies: (_, db) => primary(db),
  line(ctx, db) {
    const { sizing: d } = db;
    const svc = ctx.book.catalog.services;
    if (aurora(ctx, db)) {
      const replicas = Math.max(1, d.readReplicasPerShard);
      const io = d.deployment === 'aurora-io-optimized' ? ' I/O-Optimized' : '';
      const text = `${svc.databaseHaPlus}${io} ${d.instance.id}: ${s(d.shards, 'writer')} + ${s(replicas, 'replica')} each`;
      return {
        item: d.instance,
        quantity: d.shards * (1 + replicas) * HOURS_PER_MONTH,
        description: text + where(ctx, db),
      };
    }
    if (cluster(db)) {
      const shards = d.shards > 1 ? ` × ${d.shards} shards` : '';
      const text = `${databaseOptionLabel(ctx.book, d.deployment)} ${d.instance.id}, priced as three instances${shards}`;
      return { item: d.instance, quantity: d.shards * HOURS_PER_MONTH, description: text + where(ctx, db) };
    }
    const shards = d.shards > 1 ? ` × ${d.shards} shards` : '';
    if (isHaPlus(d.deployment)) {
      const text = `${svc.databaseHaPlus} ${d.instance.id} with HA (primary + standby, one price)${shards}`;
      return { item: d.instance, quantity: d.shards * HOURS_PER_MONTH, description: text + where(ctx, db) };
    }
    const ha = d.deployment === 'multi-az' ? 'Multi-AZ' : 'Single-AZ';
    const description = () => `${svc.database} ${d.instance.id} ${ha} primary${shards}${where(ctx, db)}`;
    return { item: d.instance, quantity: d.shards * HOURS_PER_MONTH, description };
  },
};

const replicasRule: CostRule<DatabaseFacts> = {
  kind: 'database-replicas',
  component: 'database',
  applies: (ctx, db) => primary(db) && !aurora(ctx, db) && db.sizing.readReplicasPerShard > 0,
  line(ctx, db) {
    const { item, quantity, per } = readReplicaHours(ctx, db);
    const description = () =>
      `${item.id} read replicas (${db.sizing.readReplicasPerShard} per ${per ?? 'primary'})${where(ctx, db)}`;
    return { item, quantity, description };
  },
};

const storageRule: CostRule<DatabaseFacts> = {
  kind: 'database-storage',
  component: 'database',
  applies: (_, db) => primary(db),
  line(ctx, db) {
    const { sizing: d } = db;
    const { item, copies, quantity } = databaseStorage(ctx, db);
    if (aurora(ctx, db)) {
      const text = `${ctx.book.catalog.services.databaseHaPlus} storage (replicated across three zones, billed once${d.deployment === 'aurora-io-optimized' ? ', I/O included' : ''})`;
      return { item, quantity, description: text + where(ctx, db) };
    }
    const own = optionRule(ctx.book, d.deployment).storedCopies;
    const standby = own === 3 ? ', 2 standbys' : own === 2 ? ', standby' : '';
    const which = `primary${standby}${d.readReplicasPerShard > 0 ? ' and replicas' : ''}`;
    const on = copies === 1 ? 'on 1 copy' : `on each of ${copies} copies`;
    const description = () => `storage: ${d.storageGbPerShard} GB ${on} (${which})${where(ctx, db)}`;
    return { item, quantity, description };
  },
};

/** Aurora Standard bills I/O: writes, and the reads the cache and the buffer pool both miss. */
const ioRule: CostRule<DatabaseFacts> = {
  kind: 'database-io',
  component: 'database',
  applies: (ctx, db) =>
    primary(db) && db.sizing.deployment === 'aurora' && ctx.book.has('database-io', undefined, 'aurora'),
  line(ctx, db) {
    const { demand, params: p, facts } = ctx;
    // Its region's reads; every write, unless each region keeps its own data (then its region's writes).
    const share = regionShareOf(facts, db.code);
    const writes = (1 - p.readRatio) * A.ioPerWrite * (facts.dataResidency ? share : 1);
    const reads = p.readRatio * (1 - p.cacheHitRatio) * A.ioPerUncachedRead * share;
    const millions = (demand.requestsPerMonth * (writes + reads)) / 1e6;
    const svc = ctx.book.catalog.services.databaseHaPlus;
    const text = `${svc} I/O: ${A.ioPerWrite} per write, ${A.ioPerUncachedRead} per read the cache misses (buffer-pool misses)`;
    return {
      item: ctx.book.item('database-io', undefined, 'aurora'),
      quantity: millions,
      description: text + where(ctx, db),
    };
  },
};

/** Each region's database, all of its lines together, the primary region's first. */
export const databaseRules: CostRuleGroup<DatabaseFacts> = {
  name: 'database',
  each: (ctx) => ctx.facts.databases,
  key: (db) => db.code,
  local: localDatabase,
  rules: [
    primaryRule,
    replicasRule,
    storageRule,
    ioRule,
    regionReplicaRule,
    regionReadReplicasRule,
    regionReplicaStorageRule,
    regionReplicatedIoRule,
  ],
};
