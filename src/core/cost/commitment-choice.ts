import type { CatalogItem, Confidence } from '../../pricing/catalog-schema.js';
import type {
  CommitmentBook,
  CommitmentProduct,
  CommitmentRate,
  CommitmentService,
  Payment,
  Term,
} from '../../pricing/commitment-schema.js';
import type { HardwareReader } from '../../providers/hardware.js';

/** The commitment bought for one always-on line: which product, how it is paid, and how much it takes off. */
export interface CommitmentChoice {
  product: CommitmentProduct;
  term: Term;
  payment: Payment;
  /** Share off the on-demand price. */
  discount: number;
  source: string;
  confidence: Confidence;
}

const SERVICES: Partial<Record<CatalogItem['kind'], CommitmentService>> = {
  compute: 'compute',
  database: 'database',
  cache: 'cache',
};

/** The service a catalog item's commitment comes from: app servers, database instances and cache nodes. */
export const commitmentService = (item: CatalogItem): CommitmentService | undefined => SERVICES[item.kind];

/** Whether a product covers an item: its service, id pattern, exclusions, variants and cache engines. */
export function covers(product: CommitmentProduct, item: CatalogItem, hw: HardwareReader): boolean {
  if (product.service !== commitmentService(item)) return false;
  const m = product.match;
  if (!m) return true;
  if (m.pattern !== undefined && !new RegExp(m.pattern).test(item.id)) return false;
  if (m.except !== undefined && new RegExp(m.except).test(item.id)) return false;
  if (m.variants && !m.variants.includes(item.variant ?? '')) return false;
  if (m.engines && !m.engines.includes(hw.cacheEngine(item))) return false;
  return true;
}

/** The payment a plan takes for a product and term: the first preferred one the product sells, else its first. */
function paymentFor(book: CommitmentBook, product: CommitmentProduct, term: Term): Payment | null {
  const sold = [...product.offers, ...(product.rates ?? [])].filter((o) => o.term === term).map((o) => o.payment);
  return book.payment[term].prefer.find((p) => sold.includes(p)) ?? sold[0] ?? null;
}

const LOWER: Record<Confidence, Confidence> = { V: 'M', M: 'U', U: 'U' };
const sharedPrefix = (a: string, b: string) => {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return n;
};

/** The item's rate in the region, else the nearest region's (longest shared prefix; the first listed on a tie). */
function rateFor(rates: readonly CommitmentRate[], region: string): { rate: CommitmentRate; exact: boolean } | null {
  const exact = rates.find((r) => r.region === region);
  if (exact) return { rate: exact, exact: true };
  let best: CommitmentRate | null = null;
  for (const r of rates) if (!best || sharedPrefix(r.region, region) > sharedPrefix(best.region, region)) best = r;
  return best ? { rate: best, exact: false } : null;
}

function priced(
  product: CommitmentProduct,
  item: CatalogItem,
  region: string,
  term: Term,
  payment: Payment,
  hw: HardwareReader,
) {
  const rates = (product.rates ?? []).filter(
    (r) =>
      r.item === item.id &&
      r.term === term &&
      r.payment === payment &&
      (!r.variants || r.variants.includes(item.variant ?? '')) &&
      (!r.engine || r.engine === hw.cacheEngine(item)),
  );
  const found = rateFor(rates, region);
  if (found) {
    const { rate, exact } = found;
    const discount = 1 - rate.hourly / rate.onDemand;
    const how = `$${rate.hourly}/h against $${rate.onDemand} on demand in ${rate.region}`;
    if (exact) return { discount, source: `${how}: ${rate.source}`, confidence: rate.confidence };
    const note = `no ${region} rate in the data: the discount of ${rate.region}'s rate (${how}) applied to the local price`;
    return { discount, source: `${note}; ${rate.source}`, confidence: LOWER[rate.confidence] };
  }
  const offer = product.offers.find((o) => o.term === term && o.payment === payment);
  return offer ? { discount: offer.discount, source: offer.source, confidence: offer.confidence } : null;
}

/** What `--commitment` buys for an item in a region: the first product in the book that covers it and sells the term. */
export function chooseCommitment(
  book: CommitmentBook,
  item: CatalogItem,
  region: string,
  term: Term,
  hw: HardwareReader,
): CommitmentChoice | null {
  for (const product of book.products) {
    if (!covers(product, item, hw)) continue;
    const payment = paymentFor(book, product, term);
    if (!payment) continue;
    const price = priced(product, item, region, term, payment, hw);
    if (price) return { product, term, payment, ...price };
  }
  return null;
}

/** The other products sold for the item and term, with their discounts: what a plan names beside its choice. */
export function alternatives(
  book: CommitmentBook,
  item: CatalogItem,
  region: string,
  term: Term,
  hw: HardwareReader,
  chosen: string,
): CommitmentChoice[] {
  const out: CommitmentChoice[] = [];
  for (const product of book.products) {
    if (product.id === chosen || !covers(product, item, hw)) continue;
    const payment = paymentFor(book, product, term);
    const price = payment ? priced(product, item, region, term, payment, hw) : null;
    if (payment && price) out.push({ product, term, payment, ...price });
  }
  return out;
}
