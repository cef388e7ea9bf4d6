import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import { findObjectEnd, stringEnd, type ObjectScan } from './offer-scan-text.js';

export interface AwsProduct {
  sku: string;
  productFamily?: string;
  attributes: Record<string, string>;
}

export interface AwsPriceDimension {
  unit: string;
  beginRange?: string;
  endRange?: string;
  description?: string;
  pricePerUnit: Record<string, string>;
}

export interface OfferScan<K> {
  publicationDate: string | null;
  /** Matched products by SKU, with the key the caller gave them. */
  matched: Map<string, { key: K; product: AwsProduct }>;
  /** On-demand price dimensions of the matched SKUs. */
  onDemand: Map<string, AwsPriceDimension[]>;
  productsSeen: number;
}

/** A product or a SKU's terms larger than this is not an offer file (a real one is a few kilobytes). */
export const MAX_OFFER_OBJECT = 4 << 20;

/**
 * Streams one AWS offer file (hundreds of megabytes for EC2), keeping only the products `match` accepts
 * and their on-demand terms. Outside products and terms it follows the JSON token by token, keeping the
 * keys of the outer three levels; each product (`products.<sku>`) and term map (`terms.OnDemand.<sku>`) —
 * a couple of kilobytes — is found by brace counting that jumps over strings with indexOf, then parsed
 * on its own; the terms of SKUs that did not match are skipped without parsing. Memory follows what is
 * kept, never the file size. Products come before terms in the file, so a term is kept only when its SKU
 * matched.
 */
export async function scanAwsOffer<K>(
  source: Readable,
  match: (product: AwsProduct) => K | null,
  onBytes?: (bytes: number) => void,
): Promise<OfferScan<K>> {
  const scanner = new OfferScanner(match);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of source) {
      const buffer = chunk as Buffer;
      onBytes?.(buffer.length);
      scanner.feed(decoder.write(buffer));
    }
    scanner.feed(decoder.end());
  } catch (error) {
    if (error instanceof RefreshError) throw error;
    throw new RefreshError(`the offer download failed: ${(error as Error).message}`);
  }
  return scanner.finish();
}

class OfferScanner<K> {
  readonly scan: OfferScan<K> = { publicationDate: null, matched: new Map(), onDemand: new Map(), productsSeen: 0 };
  private text = '';
  private pos = 0;
  private depth = 0;
  private afterColon = false;
  private lastString = '';
  private readonly keys: string[] = [];
  /** The product or term map being cut out, when it runs past the text received so far. */
  private object: (ObjectScan & { kind: 'product' | 'term' | 'skip' }) | null = null;

  constructor(private readonly match: (product: AwsProduct) => K | null) {}

  feed(chunk: string): void {
    this.text = this.text.length === 0 ? chunk : this.text + chunk;
    for (;;) {
      if (this.object && !this.continueObject()) break;
      if (!this.outerTokens()) break;
    }
    // Keep only what is not consumed: the object being cut out, or a token cut by the chunk's end.
    const keep = this.object ? this.object.start : this.pos;
    if (this.text.length - keep > MAX_OFFER_OBJECT)
      throw new RefreshError(`the offer file holds an object over ${MAX_OFFER_OBJECT >> 20} MB: not an AWS offer file`);
    this.text = this.text.slice(keep);
    this.pos -= keep;
    if (this.object) {
      this.object.at -= keep;
      this.object.start = 0;
    }
  }

  finish(): OfferScan<K> {
    if (this.depth !== 0 || this.object || this.text.slice(this.pos).trim() !== '')
      throw new RefreshError('the offer file ends in the middle of its JSON: the download was cut short');
    return this.scan;
  }

  /** Runs the outer tokens until an object to cut out starts (true) or the text runs out (false). */
  private outerTokens(): boolean {
    const text = this.text;
    let pos = this.pos;
    for (; pos < text.length; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        const end = stringEnd(text, pos + 1);
        if (end < 0) break;
        const raw = text.slice(pos + 1, end);
        this.lastString = raw.includes('\\') ? (JSON.parse(text.slice(pos, end + 1)) as string) : raw;
        if (this.afterColon && this.depth === 1 && this.keys[1] === 'publicationDate')
          this.scan.publicationDate = this.lastString;
        pos = end;
      } else if (c === 58) {
        this.keys[this.depth] = this.lastString;
        this.afterColon = true;
      } else if (c === 44) this.afterColon = false;
      else if (c === 123 || c === 91) {
        this.depth++;
        this.afterColon = false;
        const kind = c === 123 ? this.captureKind() : null;
        if (kind) {
          this.object = { kind, start: pos, at: pos + 1, depth: 1 };
          this.pos = pos + 1;
          return true;
        }
      } else if (c === 125 || c === 93) {
        if (--this.depth < 0) throw new RefreshError('the offer file closes more brackets than it opens');
      }
    }
    this.pos = pos;
    return false;
  }

  private captureKind(): 'product' | 'term' | 'skip' | null {
    const keys = this.keys;
    if (this.depth === 3 && keys[1] === 'products') return 'product';
    if (this.depth === 4 && keys[1] === 'terms' && keys[2] === 'OnDemand')
      return this.scan.matched.has(keys[3]!) ? 'term' : 'skip';
    return null;
  }

  /** Carries on cutting out the current object; false when the text ends first. */
  private continueObject(): boolean {
    const object = this.object!;
    const end = findObjectEnd(this.text, object);
    if (end < 0) return false;
    if (object.kind !== 'skip') this.take(object.kind, this.text.slice(object.start, end + 1));
    this.object = null;
    this.depth--;
    this.pos = end + 1;
    return true;
  }

  private take(kind: 'product' | 'term', text: string): void {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new RefreshError(`the offer file holds an object that is not valid JSON near "${text.slice(0, 80)}"`);
    }
    if (kind === 'product') {
      const product = value as AwsProduct;
      if (typeof product?.sku !== 'string' || typeof product.attributes !== 'object') return;
      this.scan.productsSeen++;
      const key = this.match(product);
      if (key !== null) this.scan.matched.set(product.sku, { key, product });
      return;
    }
    for (const term of Object.values(
      value as Record<string, { sku?: string; priceDimensions?: Record<string, AwsPriceDimension> }>,
    )) {
      if (term?.sku && term.priceDimensions && this.scan.matched.has(term.sku))
        this.scan.onDemand.set(term.sku, Object.values(term.priceDimensions));
    }
  }
}
