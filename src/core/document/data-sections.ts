import type { PlanDocument } from '../plan-document.js';
import { architectureReasons, cacheEngineOf, cacheEngineReasons } from '../hardware-reasons.js';
import { round } from '../round.js';
import { connectionReason } from '../database-connections.js';
import { isHaPlus } from '../database-options.js';
import { monthReaching, SHARD_KEYS, usersWhenShardingIsNeeded } from '../sharding.js';
import type { DesignContext } from '../design-types.js';
import type { DatabaseSizing } from '../database.js';
import type { DesignView } from './view.js';
import { cacheServiceName } from '../cache-service.js';

export function databaseSection({ ctx, design: d }: DesignView): PlanDocument['database'] {
  const db = d.database;
  const services = ctx.book.catalog.services;
  return {
    engine: 'postgresql',
    service: isHaPlus(db.deployment) ? services.databaseHaPlus : services.database,
    instanceType: db.instance.id,
    deployment: db.deployment,
    primaries: db.shards,
    shards: db.shards,
    readReplicas: db.readReplicasPerShard * db.shards,
    readReplicasPerShard: db.readReplicasPerShard,
    readableStandbysPerShard: db.readableStandbysPerShard,
    sharding: shardingReadiness(ctx, db),
    storageGb: db.storageGbPerShard * db.shards,
    utilizationAtPeak: round(db.utilizationAtPeak, 3),
    reasons: withConnections(
      ctx,
      db,
      d.regions.reduce((a, r) => a + r.compute.max, 0),
    ),
  };
}

function withConnections(ctx: DesignContext, db: DatabaseSizing, maxServers: number): string[] {
  const reason = connectionReason(ctx.book, db, maxServers);
  const own = [...db.reasons, ...architectureReasons(ctx.book, db.instance)];
  return reason ? [...own, reason] : own;
}

/** The shard key, and the users (and month, under --growth) at which one primary meets its first limit. */
function shardingReadiness(ctx: DesignContext, db: DatabaseSizing): PlanDocument['database']['sharding'] {
  const users = usersWhenShardingIsNeeded(ctx.input.users, db);
  return {
    key: SHARD_KEYS[ctx.params.profile].key,
    boundBy: db.shardBound,
    writesPerSecondPerPrimary: round(db.maxWritesPerPrimary, 1),
    necessaryAtUsers: users,
    necessaryBy: db.headroom?.limit ?? null,
    necessaryInMonth: users === null ? null : monthReaching(ctx.input.users, users, ctx.input.growth),
  };
}

export function cacheSection({ ctx, design: d }: DesignView): PlanDocument['cache'] {
  const c = d.cache;
  if (!c) return null;
  return {
    engine: cacheEngineOf(ctx.book, c.node),
    service: cacheServiceName(ctx.book, c.node),
    nodeType: c.node.id,
    shards: c.shards,
    replicasPerShard: c.replicasPerShard,
    nodes: c.shards * (1 + c.replicasPerShard),
    memoryNeededGb: round(c.memoryNeededGb, 2),
    reasons: [...c.reasons, ...cacheEngineReasons(ctx.book, c.node), ...architectureReasons(ctx.book, c.node)],
  };
}

export function cdnSection({ ctx, design: d }: DesignView): PlanDocument['cdn'] {
  if (!d.cdn) return null;
  const offload = ctx.params.cdnOffload;
  return {
    service: ctx.book.catalog.services.cdn,
    offloadShare: offload,
    transferGbPerMonth: round(ctx.demand.egressGbPerMonth * offload, 1),
    reasons: [
      `The scaling guide adds a CDN from 10k users: ${Math.round(offload * 100)} % of the bytes (static assets, images, media) are served from the edge, closer to users and off the servers`,
    ],
  };
}

export function queueSection({ ctx, design: d }: DesignView): PlanDocument['queue'] {
  if (d.tier !== 'distributed') return null;
  return {
    service: ctx.book.catalog.services.queue,
    reasons: [
      "The scaling guide's message queues at 1M+ users: slow work (emails, fan-out, media processing) leaves the request path",
    ],
  };
}
