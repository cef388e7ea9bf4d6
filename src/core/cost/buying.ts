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
function alwaysOn(spec: LineSpec & { buyable?: Buyable }): { alwaysOn: number; spot: boolean } | undefined {
  if (spec.buyable) return spec.buyable;
  // Per node-hour, or per GB-hour of provisioned capacity (Memorystore): either way billed every hour of the month.
  const whole = (spec.item.kind === 'database' || spec.item.kind === 'cache') && /hour$/.test(spec.item.unit);
  return whole ? { alwaysOn: spec.quantity, spot: false } : undefined;
}

/** The line as the bill lists it: without what the buying pass reads (an object rest only when there is one). */
function withoutBuyable(line: PricedLine): LineItem {
  if (!('buyable' in line)) return line;
  const { buyable: _, ...plain } = line;
  return plain;
}

const WORSE: Record<Confidence, number> = { V: 0, M: 1, U: 2 };
const worse = (a: Confidence, b: Confidence): Confidence => (WORSE[a] >= WORSE[b] ? a : b);

/** One part of a bought line: the always-on part under a commitment, the rest on demand, the spot share. */
interface Part {
  suffix: 'committed' | 'on-demand' | 'spot';
  quantity: number;
  unitPrice: number;
}

/** How a line is bought, in figures: null when it passes through as listed. */
interface Bought {
  commit: CommitmentChoice | null;
  parts: Part[];
}

/**
 * The buying pass in figures, shared by the bill's lines and its totals: the always-on part under the
 * commitment product that covers it, the part above split between on-demand and spot. Lines that cannot
 * be bought another way pass through, and so do database and cache lines when nothing is committed.
 */
function bought(
  spec: LineSpec & { buyable?: Buyable },
  listPrice: number,
  ctx: CostContext,
  terms: BuyingTerms,
): Bought | null {
  const scope = alwaysOn(spec);
  if (!scope) return null;
  const commit = commitmentFor(spec.item, ctx, terms);
  const buyable = spec.buyable;
  if (!buyable && !commit) return null;
  const raw = spec.quantity;
  const price = spec.monthly !== undefined && raw > 0 ? spec.monthly / raw : listPrice;
  const above = raw - (commit ? scope.alwaysOn : 0);
  const spotQty = scope.spot && buyable ? Math.max(0, raw - scope.alwaysOn) * ctx.input.spot : 0;
  const parts: Part[] = [];
  const push = (suffix: Part['suffix'], quantity: number, unitPrice: number) => {
    if (quantity > 0) parts.push({ suffix, quantity, unitPrice });
  };
  if (commit) push('committed', scope.alwaysOn, price * (1 - commit.discount));
  push('on-demand', above - spotQty, price);
  push('spot', spotQty, price * (1 - terms.spot));
  return { commit, parts };
}

/**
 * A line's month as bought, part by part (each rounded to the cent as its own line is), handed to `add`
 * one part at a time so a total adds them in the same order as the bill's lines.
 */
export function addBought(
  spec: LineSpec & { buyable?: Buyable },
  ctx: CostContext,
  terms: BuyingTerms,
  add: (monthly: number) => void,
): void {
  const b = bought(spec, spec.item.price, ctx, terms);
  if (!b) add(round(spec.monthly ?? spec.quantity * spec.item.price));
  else for (const p of b.parts) add(round(p.quantity * p.unitPrice));
}

/** The buying pass over a priced line, as the bill lists it: one line per part, each saying how it is bought. */
export function buyLine(line: PricedLine, spec: LineSpec, ctx: CostContext, terms: BuyingTerms): LineItem[] {
  const plain = withoutBuyable(line);
  const b = bought({ ...spec, buyable: line.buyable }, line.unitPrice, ctx, terms);
  if (!b) return [plain];
  const { commit } = b;
  const noun = line.buyable?.noun ?? line.description;
  const spotShare = Math.round(ctx.input.spot * 100);
  const text = {
    committed: () =>
      `${line.buyable ? `${noun}, always-on minimum` : noun} — ${commit!.product.name}, ${TERM_TEXT[commit!.term]}, ${PAYMENT_TEXT[commit!.payment]}: ${round(commit!.discount * 100, 1)} % off`,
    'on-demand': () => (commit ? `${noun} above the minimum, on-demand` : `${noun}, on-demand`),
    spot: () => `${noun} above the minimum on spot (${spotShare} % of scale-out hours; ${terms.spotLabel})`,
  };
  return b.parts.map((p) => ({
    ...plain,
    id: `${line.id}:${p.suffix}`,
    description: text[p.suffix](),
    quantity: round(p.quantity, 2),
    unitPrice: round(p.unitPrice, 6),
    monthly: round(p.quantity * p.unitPrice),
    ...(p.suffix === 'committed' && commit
      ? {
          commitment: {
            product: commit.product.name,
            term: commit.term,
            payment: commit.payment,
            discount: round(commit.discount, 4),
            source: commit.source,
            confidence: commit.confidence,
          },
          confidence: worse(line.confidence, commit.confidence),
        }
      : {}),
  }));
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
