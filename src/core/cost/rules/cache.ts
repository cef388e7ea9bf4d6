import { HOURS_PER_MONTH } from '../../demand.js';
import type { CostRule } from '../rule.js';

const s = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Cache nodes in every region; tiers that bill a built-in replica (Azure Standard: 2 nodes) already pay for one per shard. */
export const cacheRule: CostRule = {
  kind: 'cache',
  component: 'cache',
  applies: ({ facts }) => facts.cache !== null,
  line({ facts, book }) {
    const c = facts.cache!;
    const regions = facts.fleets.length;
    const nodes = c.shards * Math.max(c.node.billedNodes ?? 1, 1 + c.replicasPerShard) * regions;
    const shape = `${s(c.shards, 'shard')} × (1 primary + ${s(c.replicasPerShard, 'replica')})`;
    const description = `${book.catalog.services.cache} ${c.node.id}: ${shape}${regions > 1 ? ` in ${regions} regions` : ''}`;
    return { item: c.node, quantity: nodes * HOURS_PER_MONTH, description };
  },
};
