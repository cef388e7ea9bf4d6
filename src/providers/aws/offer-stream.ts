import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import { OfferScanner } from './offer-scanner.js';

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

/** One product the matcher accepted. */
export interface OfferMatch<K> {
  sku: string;
  key: K;
  /** The product as JSON.parse gives it. */
  product: AwsProduct;
  /** The price dimensions of its on-demand term (the last one, should the file hold several), null when none. */
  onDemand: AwsPriceDimension[] | null;
}

export interface OfferScan<K> {
  publicationDate: string | null;
  /**
   * Every product the matcher accepted, by the key it gave, each list in the file's order: several
   * products on one key are all here (none is dropped), for the caller to decide what that means.
   */
  byKey: Map<K, OfferMatch<K>[]>;
  /** How many products matched (the lengths of byKey's lists added up). */
  matchedCount: number;
  /** How many products the matcher was shown (every product with a string `sku` and an `attributes` object). */
  productsSeen: number;
}

/** A product or a SKU's terms larger than this is not an offer file (a real one is a few kilobytes). */
export const MAX_OFFER_OBJECT = 4 << 20;

/**
 * Streams one AWS offer file (hundreds of megabytes for EC2), calling `match` on every product and
 * keeping those it accepts with their on-demand terms. Memory follows what is kept, never the file size.
 *
 * How it stays near the speed of reading the bytes: the JSON's outer levels are followed token by token;
 * each product and each SKU's terms is cut out by finding its brackets with indexOf (each checked to lie
 * outside strings); a product's attributes are read one key at a time as the matcher asks for them, and
 * only a product that matches is parsed whole (JSON.parse), as are the on-demand terms of matched SKUs;
 * everything else (terms of other SKUs, Reserved terms) is skipped unparsed. Products come before terms
 * in the file, so a term is kept only when its SKU matched.
 *
 * What is checked: the whole file's structure (brackets balanced outside strings, strings closed, the
 * outer levels' syntax, nothing after the end), each product's top level, and everything kept in full;
 * a slip inside an unmatched product's attributes or inside a skipped term is not seen.
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
