import { sizeCache, type CacheSizing } from './cache.js';
import type { DesignContext, RegionStack } from './design-types.js';
import { groupDigits } from './group-digits.js';
import { scaleDemand } from './regions.js';
import type { Resilience } from './resilience.js';
import type { TierId } from './tiers.js';

/**
 * The cache each region runs. Regions that fail over for one another each keep one for every user (the
 * survivor takes them all). With --data-residency no region serves another's users, so each sizes its own
 * for its users and its rows: the plan's is the first region's, the others' are in `perRegion`.
 */
export function regionCaches(
  ctx: DesignContext,
  tier: TierId,
  resilience: Resilience,
  sized: readonly RegionStack[],
): CacheSizing | null {
  const { demand, params, book } = ctx;
  const own = (s: RegionStack, share: number) =>
    sizeCache(
      tier,
      share === 1 ? demand : scaleDemand(demand, share),
      params,
      resilience,
      book,
      s.database.storageGbPerShard * s.database.shards,
    );
  if (!ctx.input.dataResidency || sized.length < 2) return own(sized[0]!, 1);
  const caches = sized.map((s) => own(s, s.share));
  const first = caches[0];
  if (!first) return null;
  const perRegion = Object.fromEntries(sized.map((s, i) => [s.code, caches[i]!]));
  const others = sized
    .slice(1)
    .map((s, i) => {
      const c = caches[i + 1]!;
      return `${s.code} ${c.node.id}${c.shards > 1 ? ` × ${c.shards} shards` : ''} for ${groupDigits(c.memoryNeededGb, 1)} GB`;
    })
    .join(', ');
  const why = `Each region's cache holds its own users' sessions and hot rows (--data-residency: no region serves another's users): this one in ${sized[0]!.code}; ${others}`;
  return { ...first, reasons: [...first.reasons, why], perRegion };
}
