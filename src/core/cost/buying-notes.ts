import { round } from '../round.js';
import { PAYMENT_TEXT, TERM_TEXT, type BuyingTerms } from './buying.js';
import { alternatives } from './commitment-choice.js';
import type { CostContext } from './types.js';

const pct = (share: number) => `${round(share * 100, 1)} %`;

/** Each commitment bought (product, term, payment, discount, source), what else was sold, and what stays on demand. */
function commitmentNotes(terms: BuyingTerms): string[] {
  const { term, book } = terms;
  if (!term) return [];
  const notes: string[] = [];
  for (const { choice, item } of terms.used.values()) {
    const bought = `${choice.product.name} (${TERM_TEXT[term]}, ${PAYMENT_TEXT[choice.payment]}) on ${item.id}: ${pct(choice.discount)} off the always-on part [${choice.confidence}] — ${choice.product.scope}; source: ${choice.source}`;
    const others = book ? alternatives(book, item, terms.region, term, terms.hw, choice.product.id) : [];
    const also = others.map((o) => `${o.product.name} ${pct(o.discount)} (${o.product.scope})`).join('; ');
    notes.push(also ? `${bought}. Also sold: ${also}` : bought);
  }
  for (const [id, why] of terms.unsold) notes.push(`${id}: ${why}`);
  if (book && terms.used.size > 0) notes.push(`Payment: ${book.payment[term].why}`);
  return notes;
}

export function buyingNotes(ctx: CostContext, terms: BuyingTerms): string[] {
  const { input } = ctx;
  const notes = commitmentNotes(terms);
  if (input.spot > 0) {
    notes.push(
      `spot on ${Math.round(input.spot * 100)} % of the server-hours above the minimum: ${Math.round(terms.spot * 100)} % off (typical); the minimum fleet is never spot`,
    );
  }
  if (input.discount > 0) notes.push(`negotiated discount of ${input.discount} % applied to every line`);
  return notes;
}
