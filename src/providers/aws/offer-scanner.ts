import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import { OfferMatches } from './offer-matches.js';
import {
  BRACKET_OPEN,
  CLOSE,
  COLON,
  COMMA,
  OPEN,
  QUOTE,
  nextBackslash,
  nextNonSpace,
  notJson,
  startWalk,
  stringEnd,
  walkToClose,
  type Backslashes,
  type Walk,
} from './offer-scan-text.js';
import { MAX_OFFER_OBJECT, type AwsProduct, type OfferScan } from './offer-stream.js';

/** What the outer levels expect next. */
const VALUE = 0;
const KEY_OR_END = 1;
const KEY = 2;
const AFTER_KEY = 3;
const AFTER_VALUE = 4;
const DONE = 5;

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** An object or array cut out of the outer levels: a product, a SKU's terms, or something skipped whole. */
interface Capture {
  kind: 'product' | 'terms' | 'skip';
  start: number;
  walk: Walk;
}

/**
 * Follows the offer's outer levels (the root, `products`, `terms`, `terms.OnDemand`) token by token and
 * cuts out what lies below them, fed the text in pieces as it arrives.
 */
export class OfferScanner<K> {
  private readonly matches: OfferMatches<K>;
  private text = '';
  private pos = 0;
  private state = VALUE;
  /** The key under which each open container sits (the root's is ''); the last key read. */
  private readonly keys: string[] = [];
  private key = '';
  private capture: Capture | null = null;
  private readonly backslashes: Backslashes = { at: -1 };

  constructor(match: (product: AwsProduct) => K | null) {
    this.matches = new OfferMatches(match);
  }

  feed(chunk: string): void {
    const before = this.text.length;
    this.text = before === 0 ? chunk : this.text + chunk;
    if (this.backslashes.at < 0) this.backslashes.at = this.text.indexOf('\\', before);
    this.run();
    // Keep only what is not consumed: the object being cut out (or, when skipped, from where its walk is).
    const c = this.capture;
    const keep = c ? (c.kind === 'skip' ? c.walk.at : c.start) : this.pos;
    if (this.text.length - keep > MAX_OFFER_OBJECT)
      throw new RefreshError(`the offer file holds an object over ${MAX_OFFER_OBJECT >> 20} MB: not an AWS offer file`);
    if (keep === 0) return;
    this.text = this.text.slice(keep);
    this.pos -= keep;
    const b = this.backslashes;
    b.at = b.at >= keep ? b.at - keep : b.at < 0 ? -1 : this.text.indexOf('\\');
    if (c) {
      c.start -= keep;
      c.walk.at -= keep;
      if (c.walk.innerOpen >= 0) c.walk.innerOpen -= keep;
      if (c.walk.innerClose >= 0) c.walk.innerClose -= keep;
    }
  }

  finish(): OfferScan<K> {
    if (this.state !== DONE || this.capture)
      throw new RefreshError('the offer file ends in the middle of its JSON: the download was cut short');
    return this.matches.scan;
  }

  /** Reads tokens and cut-out objects until the text runs out. */
  private run(): void {
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = this.capture;
      if (c) {
        const end = walkToClose(text, c.walk, this.backslashes);
        if (end < 0) break;
        this.take(c, end);
        this.capture = null;
        pos = end + 1;
        this.state = AFTER_VALUE;
        continue;
      }
      pos = nextNonSpace(text, pos);
      if (pos >= text.length) break;
      const next = this.token(text, pos);
      if (next < 0) break;
      pos = next;
    }
    this.pos = pos;
  }

  /** Reads the token at `pos` (not whitespace); where the next one starts, or −1 when it runs past the text. */
  private token(text: string, pos: number): number {
    const c = text.charCodeAt(pos);
    const state = this.state;
    if (state === AFTER_VALUE) {
      // The outer levels are objects (arrays are cut out whole).
      if (c === COMMA) this.state = KEY;
      else if (c === CLOSE) this.close();
      else throw notJson(text, pos);
      return pos + 1;
    }
    if (state === KEY_OR_END && c === CLOSE) {
      this.close();
      return pos + 1;
    }
    if (state === AFTER_KEY) {
      if (c !== COLON) throw notJson(text, pos);
      this.state = VALUE;
      return pos + 1;
    }
    if (state === DONE) throw new RefreshError('the offer file goes on after the end of its JSON');
    if (c === QUOTE) return this.string(text, pos);
    if (state !== VALUE) throw notJson(text, pos);
    if (c === OPEN || c === BRACKET_OPEN) return this.open(pos, c);
    LITERAL.lastIndex = pos;
    if (!LITERAL.test(text)) throw notJson(text, pos);
    if (LITERAL.lastIndex === text.length) return -1;
    this.state = AFTER_VALUE;
    return LITERAL.lastIndex;
  }

  private string(text: string, pos: number): number {
    const end = stringEnd(text, pos + 1);
    if (end < 0) return -1;
    if (this.state !== VALUE && this.keys.length === 2 && this.keys[1] === 'products') {
      // A product's SKU as its key: the product says it again.
      this.state = AFTER_KEY;
      return end + 1;
    }
    const backslash = nextBackslash(text, this.backslashes, pos);
    let value = text.slice(pos + 1, end);
    if (backslash >= 0 && backslash < end) {
      try {
        value = JSON.parse(text.slice(pos, end + 1)) as string;
      } catch {
        throw notJson(text, pos);
      }
    }
    if (this.state !== VALUE) {
      this.key = value;
      this.state = AFTER_KEY;
    } else {
      if (this.keys.length === 1 && this.key === 'publicationDate') this.matches.scan.publicationDate = value;
      this.state = AFTER_VALUE;
    }
    return end + 1;
  }

  /** An object or array as a value: entered when it is one of the outer levels, cut out otherwise. */
  private open(pos: number, c: number): number {
    const keys = this.keys;
    const depth = keys.length;
    const key = this.key;
    if (depth === 0 && c !== OPEN) throw new RefreshError('the offer file is not a JSON object: not an AWS offer file');
    const enter =
      c === OPEN &&
      (depth === 0 ||
        (depth === 1 && (key === 'products' || key === 'terms')) ||
        (depth === 2 && keys[1] === 'terms' && key === 'OnDemand'));
    if (enter) {
      keys.push(depth === 0 ? '' : key);
      this.state = KEY_OR_END;
      return pos + 1;
    }
    const kind =
      c !== OPEN
        ? 'skip'
        : depth === 2 && keys[1] === 'products'
          ? 'product'
          : depth === 3 && keys[2] === 'OnDemand' && this.matches.wants(key)
            ? 'terms'
            : 'skip';
    this.capture = { kind, start: pos, walk: startWalk(c, pos + 1) };
    return pos + 1;
  }

  private close(): void {
    this.keys.pop();
    this.state = this.keys.length === 0 ? DONE : AFTER_VALUE;
  }

  private take(c: Capture, end: number): void {
    const text = this.text;
    if (c.kind === 'terms') this.matches.terms(text.slice(c.start, end + 1));
    else if (c.kind === 'product') {
      const w = c.walk;
      const lazy = w.inner === 1 && w.innerClose >= 0 && !w.escaped;
      const span = { start: c.start, end, attributesOpen: w.innerOpen, attributesClose: w.innerClose };
      this.matches.product(text, span, lazy);
    }
  }
}
