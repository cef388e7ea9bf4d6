import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import { AttributeReader, lazyProduct, productHead, type ProductSpan } from './offer-product.js';
import type { AwsPriceDimension, AwsProduct, OfferMatch, OfferScan } from './offer-stream.js';

function parseObject(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new RefreshError(`the offer file holds an object that is not valid JSON near "${text.slice(0, 80)}"`);
  }
}

/** Shows the matcher every product and keeps what it accepts, then the on-demand terms of those SKUs. */
export class OfferMatches<K> {
  readonly scan: OfferScan<K> = { publicationDate: null, byKey: new Map(), matchedCount: 0, productsSeen: 0 };
  private readonly bySku = new Map<string, OfferMatch<K>[]>();
  private readonly reader = new AttributeReader();

  constructor(private readonly match: (product: AwsProduct) => K | null) {}

  /** Whether a SKU's terms are worth parsing. */
  wants(sku: string): boolean {
    return this.bySku.has(sku);
  }

  /**
   * One product, `text.slice(span.start, span.end + 1)`. With a single nested object (its attributes) and
   * no backslash in it, the matcher reads it lazily; otherwise it is parsed first.
   */
  product(text: string, span: ProductSpan, lazy: boolean): void {
    const head = lazy ? productHead(text, span) : null;
    let whole: AwsProduct | null = null;
    const parse = () => (whole ??= parseObject(text.slice(span.start, span.end + 1)) as AwsProduct);
    const reads: [string, string | undefined][] = [];
    let product: AwsProduct;
    if (head) product = lazyProduct(text, span, head, this.reader, parse, reads);
    else {
      product = parse();
      if (typeof product?.sku !== 'string' || typeof product.attributes !== 'object' || product.attributes === null)
        return;
    }
    this.scan.productsSeen++;
    const key = this.match(product);
    if (key === null) return;
    const kept = parse();
    for (const [name, value] of reads)
      if ((Object.hasOwn(kept.attributes, name) ? kept.attributes[name] : undefined) !== value)
        throw new RefreshError(`the offer file's product ${kept.sku} names the attribute "${name}" more than once`);
    this.keep({ sku: kept.sku, key, product: kept, onDemand: null });
  }

  private keep(m: OfferMatch<K>): void {
    const { byKey } = this.scan;
    byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
    this.bySku.set(m.sku, [...(this.bySku.get(m.sku) ?? []), m]);
    this.scan.matchedCount++;
  }

  /** The on-demand terms of one SKU (`terms.OnDemand.<sku>`), as JSON text. */
  terms(text: string): void {
    const value = parseObject(text) as Record<
      string,
      { sku?: string; priceDimensions?: Record<string, AwsPriceDimension> }
    >;
    for (const term of Object.values(value ?? {})) {
      if (typeof term?.sku !== 'string' || !term.priceDimensions || typeof term.priceDimensions !== 'object') continue;
      const dimensions = Object.values(term.priceDimensions);
      for (const m of this.bySku.get(term.sku) ?? []) m.onDemand = dimensions;
    }
  }
}
