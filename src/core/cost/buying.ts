import type { CatalogItem, Confidence } from '../../pricing/catalog-schema.js';
import type { CommitmentBook, Term } from '../../pricing/commitment-schema.js';
import { statedHardware, type HardwareReader } from '../../providers/hardware.js';
import { isProvider, providerPack } from '../../providers/registry.js';
import { round } from '../round.js';
import { chooseCommitment, commitmentService, type CommitmentChoice } from './commitment-choice.js';
import type { LineSpec } from './rule.js';
import type { Buyable, CostContext, LineItem, PricedLine } from './types.js';

export interface BuyingTerms {
  term: Term | null;
  /** The provider's commitment products; null when its pack has none (then the catalog's one compute discount). */
  book: CommitmentBook | null;
  hw: HardwareReader;
  region: string;
  spot: number;
  spotLabel: string;
  /** What was bought, by product and item, and the always-on items nothing covers: filled while lines are bought, for the notes. */
  used: Map<string, { choice: CommitmentChoice; item: CatalogItem }>;
  unsold: Map<string, string>;
}

export const TERM_TEXT: Record<Term, string> = { '1y': '1 year', '3y': '3 years' };
export const PAYMENT_TEXT = {
  'no-upfront': 'no upfront',
  'partial-upfront': 'partial upfront',
  'all-upfront': 'all upfront',
  monthly: 'billed monthly',
} as const;

export function buyingTerms({ input, book }: CostContext): BuyingTerms {
  const pack = isProvider(book.catalog.provider) ? providerPack(book.catalog.provider) : undefined;
  const opts = book.catalog.buyingOptions;
  return {
    term: input.commitment === 'on-demand' ? null : input.commitment,
    book: pack?.commitments ?? null,
    hw: pack?.hardware ?? statedHardware,
    region: book.region,
    spot: opts.spot.discount,
    spotLabel: opts.spot.label,
    used: new Map(),
    unsold: new Map(),
  };
}

/** The catalog's single compute discount, for a provider pack without commitment products. */
function catalogOption(ctx: CostContext, term: Term): CommitmentChoice {
  const o = ctx.book.catalog.buyingOptions[term === '1y' ? 'commitment1y' : 'commitment3y'];
  const offer = {
    term,
    payment: 'no-upfront' as const,
    discount: o.discount,
    source: o.source,
    date: ctx.book.catalog.date,
    confidence: o.confidence,
  };
  const product = {
    id: 'catalog',
    name: o.label,
    service: 'compute' as const,
    scope: 'the catalog buying option',
    offers: [offer],
  };
  return { product, term, payment: 'no-upfront', discount: o.discount, source: o.source, confidence: o.confidence };
}

function commitmentFor(item: CatalogItem, ctx: CostContext, terms: BuyingTerms): CommitmentChoice | null {
  if (!terms.term) return null;
  if (!terms.book) return item.kind === 'compute' ? catalogOption(ctx, terms.term) : null;
  const choice = chooseCommitment(terms.book, item, ctx.book.region, terms.term, terms.hw);
  if (choice) terms.used.set(`${choice.product.id}|${item.id}`, { choice, item });
  else {
    const why = terms.book.unsold?.find(
      (u) => u.service === commitmentService(item) && new RegExp(u.pattern).test(item.id),
    );
    terms.unsold.set(item.id, why?.why ?? `no ${terms.book.provider} commitment product covers it: it stays on demand`);
  }
  return choice;
}

/** Database instances and cache nodes run all month: the whole line is the always-on part a commitment covers. */
function alwaysOnScope(line: PricedLine, spec: LineSpec): Buyable | undefined {
  if (line.buyable) return line.buyable;
  // Per node-hour, or per GB-hour of provisioned capacity (Memorystore): either way billed every hour of the month.
  const whole = (spec.item.kind === 'database' || spec.item.kind === 'cache') && /hour$/.test(spec.item.unit);
  return whole ? { alwaysOn: spec.quantity, spot: false, noun: line.description } : undefined;
}

/** The line as the bill lists it: without what the buying pass reads (an object rest only when there is one). */
function withoutBuyable(line: PricedLine): LineItem {
  if (!('buyable' in line)) return line;
  const { buyable: _, ...plain } = line;
  return plain;
}

const WORSE: Record<Confidence, number> = { V: 0, M: 1, U: 2 };
const worse = (a: Confidence, b: Confidence): Confidence => (WORSE[a] >= WORSE[b] ? a : b);

/**
 * The buying pass over a priced line: its always-on part under the commitment product that covers it, the
 * part above split between on-demand and spot. Lines that cannot be bought another way pass through, and
 * so do database and cache lines when nothing is committed.
 */
export function buyLine(line: PricedLine, spec: LineSpec, ctx: CostContext, terms: BuyingTerms): LineItem[] {
  const buyable = line.buyable;
  const plain = withoutBuyable(line);
  const scope = alwaysOnScope(line, spec);
  if (!scope) return [plain];
  const commit = commitmentFor(spec.item, ctx, terms);
  if (!buyable && !commit) return [plain];
  const raw = spec.quantity;
  const price = spec.monthly !== undefined && raw > 0 ? spec.monthly / raw : line.unitPrice;
  const above = raw - (commit ? scope.alwaysOn : 0);
  const spotQty = scope.spot && buyable ? Math.max(0, raw - scope.alwaysOn) * ctx.input.spot : 0;
  const out: LineItem[] = [];
  const push = (suffix: string, description: string, qty: number, unitPrice: number, extra: Partial<LineItem> = {}) => {
    if (qty <= 0) return;
    out.push({
      ...plain,
      id: `${line.id}:${suffix}`,
      description,
      quantity: round(qty, 2),
      unitPrice: round(unitPrice, 6),
      monthly: round(qty * unitPrice),
      ...extra,
    });
  };
  if (commit) {
    const pct = round(commit.discount * 100, 1);
    const what = `${commit.product.name}, ${TERM_TEXT[commit.term]}, ${PAYMENT_TEXT[commit.payment]}: ${pct} % off`;
    const commitment = {
      product: commit.product.name,
      term: commit.term,
      payment: commit.payment,
      discount: round(commit.discount, 4),
      source: commit.source,
      confidence: commit.confidence,
    };
    const confidence = worse(line.confidence, commit.confidence);
    const noun = buyable ? `${scope.noun}, always-on minimum` : scope.noun;
    push('committed', `${noun} — ${what}`, scope.alwaysOn, price * (1 - commit.discount), { commitment, confidence });
    push('on-demand', `${scope.noun} above the minimum, on-demand`, above - spotQty, price);
  } else {
    push('on-demand', `${scope.noun}, on-demand`, raw - spotQty, price);
  }
  const spotShare = Math.round(ctx.input.spot * 100);
  const spotText = `${scope.noun} above the minimum on spot (${spotShare} % of scale-out hours; ${terms.spotLabel})`;
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
