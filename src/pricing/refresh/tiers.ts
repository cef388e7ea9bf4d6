import type { CatalogItem } from '../catalog-schema.js';
import { RefreshError } from './refresh-error.js';

/** One rate of a provider's volume-tiered price: from `begin` up to `end` (null: no end), in the item's unit. */
export interface Band {
  begin: number;
  end: number | null;
  price: number;
}

export interface TieredPrice {
  /** The first paid tier's rate (the catalog's `price` of a tiered item). */
  price: number;
  tiers?: { upTo: number | null; price: number }[];
}

const label = (item: Pick<CatalogItem, 'id' | 'variant'>) => `${item.id}${item.variant ? ` (${item.variant})` : ''}`;
/** Boundaries are compared with this tolerance: 10 TB is 10,240 GB in one API and 10,240.000001 after a unit change. */
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The provider's own tiers, when the catalog's do not line up with them (a band splits a catalog tier):
 * contiguous bands from 0, the $0 allowance the catalog already holds as `freePerMonth` left out.
 */
function providerTiers(item: Pick<CatalogItem, 'id' | 'variant' | 'freePerMonth'>, sorted: Band[], source: string) {
  const contiguous = sorted.every((b, i) => (i === 0 ? b.begin === 0 : near(b.begin, sorted[i - 1]!.end ?? NaN)));
  if (!contiguous || sorted.at(-1)!.end !== null)
    throw new RefreshError(
      `${label(item)}: ${source}'s tiers (${sorted.map((b) => `${b.begin}–${b.end ?? '∞'}`).join(', ')}) are not one run from 0 to no end`,
    );
  const free = item.freePerMonth ?? 0;
  const paid = sorted.filter((b, i) => !(i === 0 && b.price === 0 && b.end !== null && free > 0));
  return paid.map((b) => ({ upTo: b.end, price: b.price }));
}

/**
 * The catalog item's tiers with each rate read from the provider's bands. The catalog keeps its tier
 * boundaries (cumulative `upTo` in the item's unit) when the provider's bands line up with them, each tier
 * taking the rate of the one band that covers it whole (after a $0 free allowance the provider lists as a
 * band of its own, which the catalog holds as `freePerMonth`). When a band splits a catalog tier, the
 * provider's own tiers replace the catalog's: never one rate spread over a tier that has several. An
 * untiered item takes the rate at the start of paid use.
 */
export function tieredPrice(
  item: Pick<CatalogItem, 'id' | 'variant' | 'tiers' | 'freePerMonth'>,
  bands: Band[],
  source: string,
): TieredPrice {
  const sorted = [...bands].sort((a, b) => a.begin - b.begin);
  if (sorted.length === 0) throw new RefreshError(`${label(item)}: ${source} has no rate`);
  if (!item.tiers) {
    const paid = sorted.find((b) => b.price > 0 || b.end === null) ?? sorted[0]!;
    return { price: paid.price };
  }
  const free = item.freePerMonth ?? 0;
  const allowance = free > 0 && sorted[0]!.price === 0 && sorted[0]!.end !== null ? sorted[0]!.end : 0;
  const aligned = item.tiers.map((tier, i) => {
    const from = Math.max(i === 0 ? 0 : item.tiers![i - 1]!.upTo!, allowance);
    const upTo = tier.upTo;
    const reaches = (b: Band) => b.end === null || (upTo !== null && (b.end > upTo || near(b.end, upTo)));
    const band = sorted.filter((b) => b.begin <= from + 1e-9 && reaches(b)).at(-1);
    return band ? { upTo: tier.upTo, price: band.price } : null;
  });
  const tiers = aligned.every((t) => t !== null) ? aligned : providerTiers(item, sorted, source);
  return { price: tiers[0]!.price, tiers };
}
