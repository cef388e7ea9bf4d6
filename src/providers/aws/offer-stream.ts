import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { RefreshError } from '../../pricing/refresh/refresh-error.js';

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

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COLON = 58;
const COMMA = 44;
/** The longest product or term object (real ones are a few kilobytes) and the longest outer key kept. */
const MAX_OBJECT_CHARS = 4_000_000;
const MAX_KEY_CHARS = 65_536;

/**
 * Streams one AWS offer file (hundreds of megabytes for EC2), keeping only the products `match` accepts
 * and their on-demand terms. It walks the text once, tracking only nesting depth and the keys of the
 * outer three levels; each product (`products.<sku>`) and term map (`terms.OnDemand.<sku>`) — a couple of
 * kilobytes — is cut out and parsed on its own. Memory follows what is kept, never the file size.
 * Products come before terms in the file, so a term is kept only when its SKU matched.
 */
export async function scanAwsOffer<K>(
  source: Readable,
  match: (product: AwsProduct) => K | null,
  onBytes?: (bytes: number) => void,
): Promise<OfferScan<K>> {
  const scan: OfferScan<K> = { publicationDate: null, matched: new Map(), onDemand: new Map(), productsSeen: 0 };
  const decoder = new StringDecoder('utf8');
  const keys: string[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let afterColon = false;
  // The outer keys and the publicationDate value, collected only outside captured objects.
  let stringParts: string[] | null = null;
  let lastString = '';
  // The object being cut out: its depth and its text so far.
  let captureDepth = 0;
  let captureKind: 'product' | 'term' | null = null;
  let captured: string[] = [];
  let capturedChars = 0;
  let stringChars = 0;
  const keep = (parts: string[], text: string, kept: number, max: number, what: string) => {
    if (kept + text.length > max)
      throw new RefreshError(`the offer file holds ${what} longer than ${max.toLocaleString('en-US')} characters`);
    parts.push(text);
    return kept + text.length;
  };

  const finishCapture = (text: string) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new RefreshError(`the offer file holds an object that is not valid JSON near "${text.slice(0, 80)}"`);
    }
    if (captureKind === 'product') {
      const product = value as AwsProduct;
      if (typeof product?.sku !== 'string' || typeof product.attributes !== 'object') return;
      scan.productsSeen++;
      const key = match(product);
      if (key !== null) scan.matched.set(product.sku, { key, product });
    } else {
      for (const term of Object.values(
        value as Record<string, { sku?: string; priceDimensions?: Record<string, AwsPriceDimension> }>,
      )) {
        if (term?.sku && term.priceDimensions && scan.matched.has(term.sku))
          scan.onDemand.set(term.sku, Object.values(term.priceDimensions));
      }
    }
  };

  const consume = (text: string) => {
    let captureFrom = captureKind ? 0 : -1;
    let stringFrom = stringParts ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (stringParts) {
            stringParts.push(text.slice(stringFrom, i));
            lastString = stringParts.join('');
            stringParts = null;
            stringFrom = -1;
            if (afterColon && depth === 1 && keys[1] === 'publicationDate') scan.publicationDate = lastString;
          }
        }
        continue;
      }
      switch (c) {
        case QUOTE:
          inString = true;
          if (!captureKind && depth <= 3) {
            stringParts = [];
            stringChars = 0;
            stringFrom = i + 1;
          }
          break;
        case COLON:
          if (!captureKind) keys[depth] = lastString;
          afterColon = true;
          break;
        case COMMA:
          afterColon = false;
          break;
        case OPEN_OBJECT:
        case OPEN_ARRAY:
          depth++;
          afterColon = false;
          if (!captureKind && c === OPEN_OBJECT) {
            if (depth === 3 && keys[1] === 'products') captureKind = 'product';
            else if (depth === 4 && keys[1] === 'terms' && keys[2] === 'OnDemand') captureKind = 'term';
            if (captureKind) {
              captureDepth = depth;
              captured = [];
              capturedChars = 0;
              captureFrom = i;
            }
          }
          break;
        case CLOSE_OBJECT:
        case CLOSE_ARRAY:
          if (captureKind && depth === captureDepth) {
            keep(captured, text.slice(captureFrom, i + 1), capturedChars, MAX_OBJECT_CHARS, 'an object');
            finishCapture(captured.join(''));
            captured = [];
            capturedChars = 0;
            captureKind = null;
            captureFrom = -1;
          }
          depth--;
          if (depth < 0) throw new RefreshError('the offer file closes more brackets than it opens');
          break;
      }
    }
    if (captureKind && captureFrom >= 0)
      capturedChars = keep(captured, text.slice(captureFrom), capturedChars, MAX_OBJECT_CHARS, 'an object');
    if (stringParts && stringFrom >= 0)
      stringChars = keep(stringParts, text.slice(stringFrom), stringChars, MAX_KEY_CHARS, 'a key');
  };

  try {
    for await (const chunk of source) {
      const buffer = chunk as Buffer;
      onBytes?.(buffer.length);
      consume(decoder.write(buffer));
    }
    consume(decoder.end());
  } catch (error) {
    if (error instanceof RefreshError) throw error;
    throw new RefreshError(`the offer download failed: ${(error as Error).message}`);
  }
  if (depth !== 0 || inString)
    throw new RefreshError('the offer file ends in the middle of its JSON: the download was cut short');
  return scan;
}
