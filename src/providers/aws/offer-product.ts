import { COLON, COMMA, CLOSE, OPEN, QUOTE, nextNonSpace, prevNonSpaceCode } from './offer-scan-text.js';
import type { AwsProduct } from './offer-stream.js';

/** Where one product sits in the text: its braces and those of its `attributes` object. */
export interface ProductSpan {
  start: number;
  end: number;
  attributesOpen: number;
  attributesClose: number;
}

/** A key whose quoted form can only be that string in valid JSON (letters, digits, `_ . -`, led by a letter). */
const PLAIN_KEY = /^[A-Za-z_$][\w$.-]*$/;

/**
 * Reads single attributes out of a product's text without parsing it. Products of one offer list their
 * attributes in much the same order, so the offset where a key was last found is tried first. A key the
 * product repeats reads as one of its values (JSON.parse keeps the last); in a product that matches, the
 * difference is caught against the parsed product.
 */
export class AttributeReader {
  private readonly keys = new Map<string, { quoted: string; offset: number }>();

  /** The attribute's string value, undefined when the product has no such key, null when it cannot tell. */
  read(text: string, span: ProductSpan, key: string): string | undefined | null {
    let entry = this.keys.get(key);
    if (!entry) {
      if (!PLAIN_KEY.test(key)) return null;
      entry = { quoted: `"${key}"`, offset: -1 };
      this.keys.set(key, entry);
    }
    const { quoted } = entry;
    const open = span.attributesOpen;
    const close = span.attributesClose;
    let at = open + entry.offset;
    let colon = entry.offset > 0 && text.startsWith(quoted, at) ? keyColon(text, at + quoted.length, close) : -1;
    if (colon < 0) {
      for (at = text.indexOf(quoted, open); ; at = text.indexOf(quoted, at + 1)) {
        if (at < 0 || at > close) return undefined;
        colon = keyColon(text, at + quoted.length, close);
        if (colon >= 0) break;
      }
      entry.offset = at - open;
    }
    const value = nextNonSpace(text, colon + 1);
    if (text.charCodeAt(value) !== QUOTE) return null;
    const valueEnd = text.indexOf('"', value + 1);
    return valueEnd < 0 || valueEnd > close ? null : text.slice(value + 1, valueEnd);
  }
}

/** The colon after a key that ends just before `i`, or −1 when the quoted text there is not a key. */
function keyColon(text: string, i: number, limit: number): number {
  const colon = nextNonSpace(text, i);
  return colon < limit && text.charCodeAt(colon) === COLON ? colon : -1;
}

/**
 * The product's `sku` and `productFamily` from its top level, when that level is exactly string values
 * for those two keys (each at most once) and the `attributes` object at the span's inner braces; null for
 * anything else (the product is then parsed whole). The text of the span holds no backslash.
 */
export function productHead(text: string, span: ProductSpan): { sku: string; productFamily?: string } | null {
  // The attributes open on a key (or close at once) and close after a string (or at once).
  const first = text.charCodeAt(nextNonSpace(text, span.attributesOpen + 1));
  const last = prevNonSpaceCode(text, span.attributesClose);
  if ((first !== QUOTE && first !== CLOSE) || (last !== QUOTE && last !== OPEN)) return null;
  let sku: string | undefined;
  let family: string | undefined;
  let attributes = false;
  for (let i = nextNonSpace(text, span.start + 1); ;) {
    const c = text.charCodeAt(i);
    if (c === CLOSE) return i === span.end && attributes && sku !== undefined ? { sku, productFamily: family } : null;
    if (c !== QUOTE) return null;
    const keyEnd = text.indexOf('"', i + 1);
    if (keyEnd < 0 || keyEnd > span.end) return null;
    const key = keyEnd - i - 1;
    const colon = keyColon(text, keyEnd + 1, span.end);
    if (colon < 0) return null;
    const keyAt = i + 1;
    i = nextNonSpace(text, colon + 1);
    if (key === 10 && text.startsWith('attributes', keyAt)) {
      if (attributes || i !== span.attributesOpen) return null;
      attributes = true;
      i = span.attributesClose + 1;
    } else if (
      (key === 3 && sku === undefined && text.startsWith('sku', keyAt)) ||
      (key === 13 && family === undefined && text.startsWith('productFamily', keyAt))
    ) {
      const valueEnd = text.charCodeAt(i) === QUOTE ? text.indexOf('"', i + 1) : -1;
      if (valueEnd < 0 || valueEnd > span.end) return null;
      if (key === 3) sku = text.slice(i + 1, valueEnd);
      else family = text.slice(i + 1, valueEnd);
      i = valueEnd + 1;
    } else return null;
    i = nextNonSpace(text, i);
    if (text.charCodeAt(i) === COMMA) i = nextNonSpace(text, i + 1);
    else if (text.charCodeAt(i) !== CLOSE) return null;
  }
}

/** The proxy handler of one product's attributes (one small object per product, its methods shared). */
class LazyAttributes implements ProxyHandler<Record<string, string>> {
  private whole: Record<string, string> | null = null;

  constructor(
    private readonly text: string,
    private readonly span: ProductSpan,
    private readonly reader: AttributeReader,
    private readonly parse: () => AwsProduct,
    private readonly reads: [string, string | undefined][],
  ) {}

  private parsed(): Record<string, string> {
    return (this.whole ??= this.parse().attributes);
  }

  get(_target: object, key: string | symbol): unknown {
    if (this.whole || typeof key !== 'string' || key === '__proto__') return Reflect.get(this.parsed(), key);
    const value = this.reader.read(this.text, this.span, key);
    if (value === null) return Reflect.get(this.parsed(), key);
    this.reads.push([key, value]);
    return value ?? (Object.prototype as Record<string, unknown>)[key];
  }
  has(_target: object, key: string | symbol): boolean {
    return Reflect.has(this.parsed(), key);
  }
  ownKeys(): (string | symbol)[] {
    return Reflect.ownKeys(this.parsed());
  }
  getOwnPropertyDescriptor(_target: object, key: string | symbol): PropertyDescriptor | undefined {
    return Reflect.getOwnPropertyDescriptor(this.parsed(), key);
  }
  set(_target: object, key: string | symbol, value: unknown): boolean {
    return Reflect.set(this.parsed(), key, value);
  }
  defineProperty(_target: object, key: string | symbol, descriptor: PropertyDescriptor): boolean {
    return Reflect.defineProperty(this.parsed(), key, descriptor);
  }
  deleteProperty(_target: object, key: string | symbol): boolean {
    return Reflect.deleteProperty(this.parsed(), key);
  }
}

/**
 * A product whose attributes are read from the text one key at a time, as the matcher asks for them;
 * anything else asked of them (listing keys, `in`, a non-string value) parses the product whole, so the
 * matcher always sees what JSON.parse would give. `reads` records what was read, to be checked against
 * the parsed product when it matches.
 */
export function lazyProduct(
  text: string,
  span: ProductSpan,
  head: { sku: string; productFamily?: string },
  reader: AttributeReader,
  parse: () => AwsProduct,
  reads: [string, string | undefined][],
): AwsProduct {
  const attributes = new Proxy({}, new LazyAttributes(text, span, reader, parse, reads)) as Record<string, string>;
  return head.productFamily === undefined
    ? { sku: head.sku, attributes }
    : { sku: head.sku, productFamily: head.productFamily, attributes };
}
