import { HOURS_PER_MONTH } from '../../demand.js';
import type { CostRule } from '../rule.js';
import { cacheServiceName } from '../../cache-service.js';

/**
 * The cache in every region, billed as its provider bills it (the pack's cacheBilling): nodes per primary and
 * replica (ElastiCache), provisioned GB at a capacity tier's rate (Memorystore), or billed nodes per tier
 * (Azure Cache: Standard two, Premium two per shard).
 */
export const cacheRule: CostRule = {
  kind: 'cache',
  component: 'cache',
  scope: 'each-region',
  applies: ({ facts }) => facts.cache !== null,
  line({ facts, book }) {
    const c = facts.cache!;
    const regions = facts.fleets.length;
    const bill = book.cacheBill(c.node, c.shards, c.replicasPerShard);
    const description = () =>
      `${cacheServiceName(book, bill.item)} ${bill.text}${regions > 1 ? ` in ${regions} regions` : ''}`;
    return { item: bill.item, quantity: bill.perHour * regions * HOURS_PER_MONTH, description };
  },
};
