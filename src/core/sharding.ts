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
 * The users at which one primary of the largest size stops carrying the writes (demand grows with users),
 * rounded; null when the plan writes nothing.
 */
export function usersWhenShardingIsNeeded(
  users: number,
  db: { writeCpuDemand: number; maxWritesPerPrimary: number },
  dbTimeMs: number,
): number | null {
  const writesNow = db.writeCpuDemand / (dbTimeMs / 1000);
  return writesNow > 0 ? Math.round((users * db.maxWritesPerPrimary) / writesNow) : null;
}
