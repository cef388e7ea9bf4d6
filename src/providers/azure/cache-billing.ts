import type { PriceBook } from '../../core/price-book.js';
import type { CatalogItem } from '../../pricing/catalog-schema.js';
import type { CacheBilling } from '../types.js';

/**
 * Azure Cache for Redis tiers: Basic (one node, no SLA), Standard C0–C6 (primary + replica, two billed nodes,
 * no zone redundancy) and Premium P1–P5 (two nodes per shard and one more per extra replica; clustering and
 * zone redundancy). A design that must survive a zone loss takes Premium; otherwise Standard, the smallest
 * size that fits.
 */
const STANDARD = 'multi-az';
const PREMIUM = 'premium';

const byMemory = (a: CatalogItem, b: CatalogItem) => (a.memoryGb ?? 0) - (b.memoryGb ?? 0) || a.price - b.price;

function sizesOf(book: PriceBook, variant: string, shapes?: readonly string[]): CatalogItem[] {
  return book.items
    .filter((i) => i.kind === 'cache' && i.variant === variant && i.unit === 'hour')
    .filter((i) => !shapes || (i.shape !== undefined && shapes.includes(i.shape)))
    .sort(byMemory);
}

export const azureCacheBilling: CacheBilling = {
  // Standard: every size, C0 to C6, so a small cache buys a small size. Premium (sharded): the tier's node
  // shapes, as on the other providers.
  sizes: (book, shapes, ha) => (ha ? sizesOf(book, PREMIUM, shapes) : sizesOf(book, STANDARD)),
  bill(_, node, shards, replicasPerShard) {
    const premium = node.variant === PREMIUM;
    const perShard = premium ? Math.max(node.billedNodes ?? 2, 1 + replicasPerShard) : (node.billedNodes ?? 1);
    const size = `${node.id.split('-')[0]} (${node.memoryGb} GB)`;
    const text = premium
      ? `Premium ${size}, zone redundant: ${shards === 1 ? '1 shard' : `${shards} shards`} × ${perShard} billed nodes (primary + ${perShard - 1} replica${perShard > 2 ? 's' : ''} in other zones)`
      : `${node.variant === STANDARD ? 'Standard' : 'Basic'} ${size}: ${shards === 1 ? 'one cache' : `${shards} caches`} × ${perShard} billed node${perShard === 1 ? '' : 's'}${perShard === 2 ? ' (primary + replica, one zone)' : ''}`;
    return { item: node, perHour: shards * perShard, text };
  },
};
