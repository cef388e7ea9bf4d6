import { round } from '../round.js';
import type { CostContext, LineItem, PricedLine } from './types.js';

export interface BuyingTerms {
  /** Share off the list price for the always-on part under the chosen commitment (0 on demand). */
  commitment: number;
  commitmentLabel: string;
  spot: number;
  spotLabel: string;
}

export function buyingTerms({ input, book }: CostContext): BuyingTerms {
  const opts = book.catalog.buyingOptions;
  const term = input.commitment === '1y' ? opts.commitment1y : input.commitment === '3y' ? opts.commitment3y : null;
  return {
    commitment: term?.discount ?? 0,
    commitmentLabel: term?.label ?? '',
    spot: opts.spot.discount,
    spotLabel: opts.spot.label,
  };
}

/**
 * The buying pass over a priced line: its always-on part under the commitment, the part above it split
 * between on-demand and spot. Lines that cannot be bought another way pass through.
 */
export function buyLine(line: PricedLine, raw: number, ctx: CostContext, terms: BuyingTerms): LineItem[] {
  const { buyable, ...plain } = line;
  if (!buyable) return [plain];
  const price = line.unitPrice;
  const above = raw - buyable.alwaysOn;
  const spotQty = buyable.spot ? above * ctx.input.spot : 0;
  const out: LineItem[] = [];
  const push = (suffix: string, description: string, qty: number, unitPrice: number) => {
    if (qty <= 0) return;
    const id = `${line.id}:${suffix}`;
    out.push({
      ...plain,
      id,
      description,
      quantity: round(qty, 2),
      unitPrice: round(unitPrice, 6),
      monthly: round(qty * unitPrice),
    });
  };
  if (terms.commitment > 0) {
    push(
      'committed',
      `${buyable.noun}, always-on minimum, ${terms.commitmentLabel}`,
      buyable.alwaysOn,
      price * (1 - terms.commitment),
    );
    push('on-demand', `${buyable.noun} above the minimum, on-demand`, above - spotQty, price);
  } else {
    push('on-demand', `${buyable.noun}, on-demand`, raw - spotQty, price);
  }
  const spotShare = Math.round(ctx.input.spot * 100);
  const spotText = `${buyable.noun} above the minimum on spot (${spotShare} % of scale-out hours; ${terms.spotLabel})`;
  push('spot', spotText, spotQty, price * (1 - terms.spot));
  return out;
}

/** The negotiated discount on the whole bill, as a line of its own. */
export function discountLine(lines: readonly LineItem[], percent: number): LineItem | null {
  if (percent <= 0) return null;
  const amount = round(-lines.reduce((a, l) => a + l.monthly, 0) * (percent / 100));
  return {
    id: 'discount',
    kind: 'discount',
    component: 'discount',
    description: `negotiated discount of ${percent} % on the whole bill (--discount)`,
    quantity: 1,
    unit: 'month',
    unitPrice: amount,
    monthly: amount,
    itemId: 'discount',
    confidence: 'V',
  };
}

export function buyingNotes(ctx: CostContext, terms: BuyingTerms): string[] {
  const { input, book } = ctx;
  const opts = book.catalog.buyingOptions;
  const notes: string[] = [];
  if (terms.commitment > 0) {
    const source = input.commitment === '1y' ? opts.commitment1y.source : opts.commitment3y.source;
    notes.push(
      `${input.commitment} commitment on the always-on minimum fleet: ${Math.round(terms.commitment * 100)} % off (${source})`,
    );
  }
  if (input.spot > 0) {
    notes.push(
      `spot on ${Math.round(input.spot * 100)} % of the server-hours above the minimum: ${Math.round(terms.spot * 100)} % off (typical); the minimum fleet is never spot`,
    );
  }
  if (input.discount > 0) notes.push(`negotiated discount of ${input.discount} % applied to every line`);
  return notes;
}
