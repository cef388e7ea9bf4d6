import type { CatalogItem, Confidence } from '../../pricing/catalog-schema.js';
import { groupDigits } from '../group-digits.js';
import { words, type Words } from './rule.js';

/** One band of a tiered price a quantity used: how much of the quantity fell in it, at which price. */
export interface TierUse {
  /** Start and end of the band in the item's unit per month (end null: no upper end). */
  from: number;
  upTo: number | null;
  quantity: number;
  price: number;
  confidence: Confidence;
}

/** A month's cost of a quantity under an item's free allowance and volume tiers, band by band. */
export interface TieredCost {
  monthly: number;
  /** The free allowance used (in the item's unit). */
  free: number;
  bands: TierUse[];
  /** The weakest confidence of the bands used: a recalled band makes the line recalled. */
  confidence: Confidence;
}

const RANK: Record<Confidence, number> = { V: 0, M: 1, U: 2 };
const weakest = (a: Confidence, b: Confidence): Confidence => (RANK[b] > RANK[a] ? b : a);

/**
 * The one place volume tiers are applied. Tier ends count from zero, the free allowance comes first, and a
 * quantity past the last tier's end is priced at the last tier's rate. An item without tiers is one band.
 */
export function tieredPrice(item: CatalogItem, quantity: number): TieredCost {
  const freeAllowance = item.freePerMonth ?? 0;
  const total = Math.max(0, quantity);
  const free = Math.min(total, freeAllowance);
  const tiers = item.tiers ?? [{ upTo: null, price: item.price }];
  const bands: TierUse[] = [];
  let floor = 0;
  let monthly = 0;
  let confidence: Confidence = total > free ? 'V' : item.confidence;
  tiers.forEach((tier, index) => {
    const last = index === tiers.length - 1;
    const top = last || tier.upTo === null ? Infinity : tier.upTo;
    const from = Math.max(floor, freeAllowance);
    const used = Math.max(0, Math.min(total, top) - from);
    if (used > 0) {
      const tierConfidence = tier.confidence ?? item.confidence;
      bands.push({
        from,
        upTo: last ? null : tier.upTo,
        quantity: used,
        price: tier.price,
        confidence: tierConfidence,
      });
      monthly += used * tier.price;
      confidence = weakest(confidence, tierConfidence);
    }
    if (Number.isFinite(top)) floor = Math.max(floor, top);
  });
  return { monthly, free, bands, confidence };
}

const amount = (n: number) => groupDigits(Math.round(n));

/** "first 1,000 GB free; 9,240 GB at $0.085, 40,960 GB at $0.08": the bands a line used, for its description. */
export function tiersText(cost: TieredCost, unit: string): string {
  const parts: string[] = [];
  if (cost.free > 0) parts.push(`first ${amount(cost.free)} ${unit} free`);
  if (cost.bands.length > 1 || (cost.bands.length === 1 && cost.free > 0)) {
    parts.push(cost.bands.map((b) => `${amount(b.quantity)} ${unit} at $${b.price}`).join(', '));
  }
  return parts.join('; ');
}

/**
 * A usage line priced at the item's tiers: its month's cost, the bands used in its words, their confidence.
 * With `share` (one region's part of a volume the account is billed for as a whole), the tiers and the
 * free allowance apply to the whole volume and the line carries its share of that cost.
 */
export function tieredLine(
  item: CatalogItem,
  quantity: number,
  description: Words,
  share = 1,
): { item: CatalogItem; quantity: number; description: Words; monthly: number; confidence: Confidence } {
  const whole = share < 1 && share > 0 ? quantity / share : quantity;
  const cost = tieredPrice(item, whole);
  return {
    item,
    quantity,
    description: () => {
      const bands = tiersText(cost, item.unit);
      const part =
        whole === quantity
          ? ''
          : `${Math.round(share * 100)} % of ${amount(whole)} ${item.unit} billed at the tiers of the whole`;
      const said = [part, bands].filter((t) => t !== '').join('; ');
      return said ? `${words(description)} (${said})` : words(description);
    },
    monthly: cost.monthly * (whole === quantity ? 1 : share),
    confidence: cost.confidence,
  };
}
