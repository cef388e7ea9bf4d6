import type { PriceBook } from '../../core/price-book.js';
import type { CatalogItem } from '../../pricing/catalog-schema.js';
import type { CacheBilling } from '../types.js';

/**
 * Memorystore for Redis capacity tiers: an instance's every provisioned GB is billed at the rate of the tier
 * its size falls in (M1 1–4 GB … M5 over 100 GB; the catalog's memorystore-capacity-tiers limit). The
 * Standard tier (high availability: a replica in another zone) is ONE instance at the Standard rate, its
 * replica included; Basic has no replica.
 */
const CAPACITY_TIERS = [
  { id: 'm1', upToGb: 4 },
  { id: 'm2', upToGb: 10 },
  { id: 'm3', upToGb: 35 },
  { id: 'm4', upToGb: 100 },
  { id: 'm5', upToGb: 300 },
] as const;

/** Sizes offered, GB (Memorystore takes any whole GB from 1 to 300; these cover each tier's range). */
const SIZES_GB = [1, 2, 3, 4, 5, 6, 8, 10, 11, 13, 16, 20, 26, 35, 36, 52, 64, 80, 100, 101, 128, 160, 200, 256, 300];

const tierName = (ha: boolean) => (ha ? 'standard' : 'basic');

function tierRate(book: PriceBook, ha: boolean, gb: number): CatalogItem {
  const tier = CAPACITY_TIERS.find((t) => gb <= t.upToGb) ?? CAPACITY_TIERS[CAPACITY_TIERS.length - 1]!;
  return book.item('cache', `memorystore-redis-${tierName(ha)}-${tier.id}`, tierName(ha));
}

/** One instance size priced at its capacity tier, as a cache item the sizing can choose. */
function sized(book: PriceBook, ha: boolean, gb: number): CatalogItem {
  const rate = tierRate(book, ha, gb);
  const tier = tierName(ha);
  return {
    id: `memorystore-${tier}-${gb}gb`,
    kind: 'cache',
    variant: ha ? 'multi-az' : 'single-az',
    unit: 'hour',
    price: Math.round(gb * rate.price * 1e6) / 1e6,
    memoryGb: gb,
    billedNodes: 1,
    description: `Memorystore for Redis ${tier === 'standard' ? 'Standard (primary + replica in another zone, one instance)' : 'Basic (no replica)'}, ${gb} GB`,
    source: `${gb} GB × $${rate.price} per GB-hour (${rate.id}): ${rate.source}`,
    date: rate.date,
    confidence: rate.confidence === 'U' ? 'U' : 'M',
  };
}

export const memorystoreBilling: CacheBilling = {
  sizes(book, _shapes, ha) {
    const all = SIZES_GB.map((gb) => sized(book, ha, gb));
    // A larger size at a lower tier rate can cost less than a smaller one: offer only sizes nothing larger undercuts.
    return all.filter((item, i) => all.slice(i + 1).every((larger) => larger.price > item.price));
  },
  bill(book, node, shards, replicasPerShard) {
    const gb = node.memoryGb ?? 1;
    const ha = replicasPerShard > 0;
    const rate = tierRate(book, ha, gb);
    const tier = rate.id.split('-').at(-1)!.toUpperCase();
    const instances = shards === 1 ? 'one instance' : `${shards} instances (one per shard)`;
    const what = ha ? 'Standard tier, replica in another zone included' : 'Basic tier, no replica';
    return {
      item: rate,
      perHour: shards * gb,
      text: `${instances} of ${gb} GB (${what}), every GB at capacity tier ${tier}'s rate`,
    };
  },
};
