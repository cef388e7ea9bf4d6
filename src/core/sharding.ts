import type { CatalogItem } from '../pricing/catalog-schema.js';
import { SCALE_OUT_CPU } from './fleet-sizing.js';
import type { DatabaseLoad, ShardBound } from './database.js';
import type { PlanInput } from './input.js';

/** The column each profile's rows are split by, and why it keeps a request on one shard. */
export const SHARD_KEYS: Record<PlanInput['profile'], { key: string; why: string }> = {
  'web-app': {
    key: 'user_id',
    why: "a user's rows (profile, settings, content) live together; a request reads one shard",
  },
  saas: { key: 'tenant_id', why: "a tenant's rows live together; cross-tenant queries are rare and go to reporting" },
  api: { key: 'account_id', why: "an API client's rows live together; each call carries its key" },
  ecommerce: {
    key: 'customer_id',
    why: 'carts and orders live with their customer; the product catalogue is replicated to every shard',
  },
  social: {
    key: 'user_id',
    why: "an author's posts live together; timelines fan out through the queue, not cross-shard joins",
  },
  media: {
    key: 'owner_id',
    why: "an uploader's media metadata lives together; the files themselves are in object storage",
  },
};

/** The month, under a monthly growth rate, when users first reach a level (null: never, or past the horizon). */
export function monthReaching(users: number, level: number, growthPercent: number | undefined): number | null {
  if (level <= users) return 0;
  if (growthPercent === undefined || growthPercent <= 0) return null;
  return Math.ceil(Math.log(level / users) / Math.log(1 + growthPercent / 100) - 1e-9);
}

/**
 * The users at which one primary of the largest size meets the first limit that shards it (demand and data
 * grow with users), rounded (fewer than today's when it is sharded already); null when it never does.
 */
export function usersWhenShardingIsNeeded(users: number, db: { headroom: ShardingHeadroom | null }): number | null {
  return db.headroom ? Math.round(users * db.headroom.times) : null;
}

export interface ShardingHeadroom {
  times: number;
  limit: Exclude<ShardBound, 'none'>;
}

/**
 * The first limit one primary of the ceiling's size meets as the load grows in proportion (writes over the
 * line, rows over the engine's maximum, reads over the readers it may have), and at how many times today's
 * load; null when none ever does (nothing written, stored or read).
 */
export function shardingHeadroom(load: DatabaseLoad, ceiling: CatalogItem, maxStorage: number, maxReaders: number) {
  const usable = (ceiling.vcpus ?? 1) * Math.min(SCALE_OUT_CPU, ceiling.baselineCpu ?? 1);
  const limits: ShardingHeadroom[] = [
    { limit: 'write CPU', times: usable / load.writeCpuDemand },
    { limit: 'storage', times: maxStorage / load.totalStorageGb },
    { limit: 'read replicas', times: (usable * maxReaders) / load.readCpuDemand },
  ];
  const first = limits.reduce((a, b) => (b.times < a.times ? b : a));
  return Number.isFinite(first.times) ? first : null;
}
