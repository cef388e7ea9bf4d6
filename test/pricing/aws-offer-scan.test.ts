import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_OFFER_OBJECT, scanAwsOffer, type AwsProduct } from '../../src/providers/aws/offer-stream.js';

const product = (sku: string, instanceType: string, extra: Record<string, string> = {}) => ({
  sku,
  productFamily: 'Compute Instance',
  attributes: { instanceType, regionCode: 'us-east-1', note: 'braces { [ and "quotes" \\ in text }', ...extra },
});
const term = (sku: string, usd: string) => ({
  [`${sku}.JRTCKXETXF`]: {
    sku,
    offerTermCode: 'JRTCKXETXF',
    priceDimensions: { [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: { unit: 'Hrs', pricePerUnit: { USD: usd }, appliesTo: [] } },
  },
});
const offer = {
  formatVersion: 'v1.0',
  publicationDate: '2026-10-01T00:00:00Z',
  products: {
    A1: product('A1', 'm7i.large'),
    B2: product('B2', 't3.micro', { 'odd\\"key': '\u00e9\u4e2d\ud83d\ude00' }),
    C3: product('C3', 'm7i.xlarge'),
  },
  terms: { OnDemand: { A1: term('A1', '0.1008'), B2: term('B2', '0.0104'), C3: term('C3', '0.2016') }, Reserved: {} },
};
const match = (p: AwsProduct) => (p.attributes.instanceType!.startsWith('m7i.') ? p.attributes.instanceType! : null);

/** The offer as a stream of byte chunks of the given size (cutting strings, escapes and multi-byte characters). */
const chunked = (text: string, size: number) => {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
};

describe('the AWS offer scanner', () => {
  it.each([1, 2, 3, 7, 64, 1 << 16])('keeps matched products and their on-demand prices, in chunks of %i bytes', async (size) => {
    for (const text of [JSON.stringify(offer), JSON.stringify(offer, null, 2)]) {
      const scan = await scanAwsOffer(chunked(text, size), match);
      expect(scan.publicationDate).toBe('2026-10-01T00:00:00Z');
      expect(scan.productsSeen).toBe(3);
      expect([...scan.matched.keys()]).toEqual(['A1', 'C3']);
      expect(scan.matched.get('A1')).toEqual({ key: 'm7i.large', product: offer.products.A1 });
      expect(scan.onDemand.get('C3')).toEqual([{ unit: 'Hrs', pricePerUnit: { USD: '0.2016' }, appliesTo: [] }]);
      expect(scan.onDemand.has('B2')).toBe(false);
    }
  });
  it('a file cut short is an error, not a partial scan', async () => {
    const text = JSON.stringify(offer);
    for (const end of [text.length - 1, text.indexOf('"C3"') + 10, text.indexOf('OnDemand') + 3])
      await expect(scanAwsOffer(chunked(text.slice(0, end), 64), match)).rejects.toThrow(/cut short/);
  });
  it('an object past the size bound is refused before it fills memory', async () => {
    const huge = `{"products":{"X":{"sku":"X","attributes":{"a":"${'x'.repeat(2 * MAX_OFFER_OBJECT)}"}}}}`;
    await expect(scanAwsOffer(chunked(huge, 1 << 16), match)).rejects.toThrow(/over 4 MB/);
  });
});
