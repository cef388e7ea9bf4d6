import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { MAX_OFFER_OBJECT, scanAwsOffer, type AwsProduct } from '../../src/providers/aws/offer-stream.js';
import { jacksonJson, referenceScan, REAL_FORMAT_OFFER, type Matcher } from './aws-offer-fixture.js';

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
const match = (p: AwsProduct) => (p.attributes.instanceType?.startsWith('m7i.') ? p.attributes.instanceType : null);

/** The offer as a stream of byte chunks of the given size (cutting strings, escapes and multi-byte characters). */
const chunked = (text: string, size: number) => {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
};
const SIZES = [1, 2, 3, 7, 64, 1 << 16];

describe('the AWS offer scanner', () => {
  it.each(SIZES)('keeps matched products and their on-demand prices, in chunks of %i bytes', async (size) => {
    for (const text of [JSON.stringify(offer), JSON.stringify(offer, null, 2), jacksonJson(offer)]) {
      const scan = await scanAwsOffer(chunked(text, size), match);
      expect(scan.publicationDate).toBe('2026-10-01T00:00:00Z');
      expect(scan.productsSeen).toBe(3);
      expect(scan.matchedCount).toBe(2);
      expect([...scan.byKey.keys()]).toEqual(['m7i.large', 'm7i.xlarge']);
      expect(scan.byKey.get('m7i.large')).toEqual([
        {
          sku: 'A1',
          key: 'm7i.large',
          product: offer.products.A1,
          onDemand: [{ unit: 'Hrs', pricePerUnit: { USD: '0.1008' }, appliesTo: [] }],
        },
      ]);
      expect(scan.byKey.get('m7i.xlarge')![0]!.onDemand).toEqual([
        { unit: 'Hrs', pricePerUnit: { USD: '0.2016' }, appliesTo: [] },
      ]);
    }
  });

  const matchers: [string, Matcher][] = [
    ['reads a few attributes', (p) => (p.attributes.regionCode === 'us-east-1' ? `${p.attributes.instanceType}` : null)],
    [
      'reads present, absent and odd attributes',
      (p) =>
        p.productFamily === 'Compute Instance' || p.attributes.usagetype?.endsWith('NatGateway-Hours')
          ? [p.sku, p.attributes.operatingSystem, p.attributes.missing, p.attributes.note, p.attributes.toString].join('|')
          : null,
    ],
    ['lists every attribute', (p) => (Object.keys(p.attributes).length > 3 ? JSON.stringify(p.attributes) : null)],
    ['puts several products on one key', (p) => (p.attributes.capacitystatus === 'Used' ? 'one' : null)],
  ];
  it.each(matchers)(
    'gives what JSON.parse of the whole file gives, on a real-format offer, when the matcher %s',
    async (_, matcher) => {
      const text = jacksonJson(REAL_FORMAT_OFFER);
      const expected = referenceScan(REAL_FORMAT_OFFER, matcher);
      expect(expected.matchedCount).toBeGreaterThan(1);
      for (const size of SIZES) {
        const scan = await scanAwsOffer(chunked(text, size), matcher);
        expect({ ...scan, byKey: [...scan.byKey] }).toEqual({ ...expected, byKey: [...expected.byKey] });
      }
    },
  );

  it('parses only the products that match and the terms of their SKUs', async () => {
    const text = jacksonJson(REAL_FORMAT_OFFER);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const scan = await scanAwsOffer(chunked(text, 1 << 16), (p) => (p.attributes.instanceType === 'm7i.large' ? 'one' : null));
      expect(scan.matchedCount).toBe(4);
      // The four m7i.large products (M7IXL and ESCAPED, with a backslash, are parsed to be read; so is the product with no
      // SKU), then the on-demand terms of the four.
      expect(parse.mock.calls.map(([t]) => /"sku" : "(\w+)"/.exec(String(t))?.[1] ?? '(no sku)')).toEqual([
        ...['M7IL', 'M7ILW', 'M7ILC', 'M7IXL', 'EU', 'ESCAPED', '(no sku)'],
        ...['M7IL', 'M7ILW', 'M7ILC', 'EU'],
      ]);
    } finally {
      parse.mockRestore();
    }
  });

  it('keeps every product that maps to one key, in file order, a repeated SKU included', async () => {
    const twice = `{"products": {"A1": ${JSON.stringify(product('A1', 'm7i.large'))}, "Z9": ${JSON.stringify(product('Z9', 'm7i.large'))}, "A1": ${JSON.stringify(product('A1', 'm7i.large', { note: 'again' }))}}, "terms": {"OnDemand": {"A1": ${JSON.stringify(term('A1', '0.5'))}}}}`;
    const scan = await scanAwsOffer(chunked(twice, 64), match);
    const note = offer.products.A1.attributes.note;
    expect(scan.byKey.get('m7i.large')!.map((m) => [m.sku, m.product.attributes.note, m.onDemand?.[0]?.pricePerUnit])).toEqual([
      ['A1', note, { USD: '0.5' }],
      ['Z9', note, undefined],
      ['A1', 'again', { USD: '0.5' }],
    ]);
  });

  it('a file cut short is an error, not a partial scan', async () => {
    for (const text of [JSON.stringify(offer), jacksonJson(REAL_FORMAT_OFFER)])
      for (const share of [0.05, 0.3, 0.5, 0.7, 0.95, 0.999])
        await expect(scanAwsOffer(chunked(text.slice(0, Math.floor(text.length * share)), 64), match)).rejects.toThrow(
          /cut short/,
        );
  });

  const malformed: [string, string, RegExp][] = [
    ['an empty attribute map with a comma', '{"products": {"X": {"sku": "X", "attributes": {,}}}}', /not valid JSON/],
    ['a missing colon at the outer level', '{"products" {}}', /not valid JSON/],
    ['a product with a missing colon (matched)', '{"products": {"X": {"sku": "X", "attributes": {"instanceType": "m7i.large" "a": "b"}}}}', /not valid JSON/],
    ['garbage between products', '{"products": {"X": {"sku": "X", "attributes": {}} oops}}', /not valid JSON/],
    ['a trailing comma', '{"products": {"X": {"sku": "X", "attributes": {"a": "b",}}}}', /not valid JSON/],
    ['a bracket too many', '{"products": {}}}', /after the end/],
    ['text after the end', '{"products": {}} {"products": {}}', /after the end/],
    ['not an object', '["products"]', /not a JSON object/],
    ['a broken term of a matched SKU', `{"products": {"A1": ${JSON.stringify(product('A1', 'm7i.large'))}}, "terms": {"OnDemand": {"A1": {"x": [}}}}`, /not valid JSON/],
    ['an HTML error page', '<html><body>502 Bad Gateway</body></html>', /not valid JSON/],
  ];
  it.each(malformed)('%s is an error naming the place', async (_, text, reason) => {
    for (const size of [1, 5, 1 << 16]) await expect(scanAwsOffer(chunked(text, size), match)).rejects.toThrow(reason);
  });

  it('reads brackets and quotes inside strings as text, escaped or not', async () => {
    const tricky = {
      products: {
        'K"1': { sku: 'K"1', productFamily: 'x}', attributes: { instanceType: 'm7i.large', a: '}', b: '{', c: '\\', d: ':' } },
        K2: { sku: 'K2', attributes: { 'x:': '} ,', instanceType: 'm7i.large', e: '{"nested": "}"}' } },
        K3: { sku: 'K3', attributes: { instanceType: 'm7i.metal', t: '", "instanceType": "m7i.large' } },
        K4: { sku: 'K4', extra: { deeper: ['}', { instanceType: 'm7i.large' }] }, attributes: { instanceType: 'c7i.large' } },
      },
      terms: {
        OnDemand: { 'K"1': term('K"1', '1'), K2: term('K2', '2'), K3: { a: { sku: 'K3', note: '}}}' } } },
        Reserved: { K2: { r: { sku: 'K2', note: '{{{', priceDimensions: { d: { unit: '}' } } } } },
      },
    };
    for (const text of [JSON.stringify(tricky), jacksonJson(tricky)])
      for (const size of SIZES) {
        const scan = await scanAwsOffer(chunked(text, size), match);
        expect(scan.productsSeen).toBe(4);
        expect(scan.byKey.get('m7i.large')!.map((m) => [m.sku, m.onDemand?.[0]?.pricePerUnit.USD])).toEqual([
          ['K"1', '1'],
          ['K2', '2'],
        ]);
        expect(scan.byKey.get('m7i.metal')![0]!.product).toEqual(tricky.products.K3);
      }
  });

  it('an object past the size bound is refused before it fills memory', async () => {
    const huge = `{"products":{"X":{"sku":"X","attributes":{"a":"${'x'.repeat(2 * MAX_OFFER_OBJECT)}"}}}}`;
    await expect(scanAwsOffer(chunked(huge, 1 << 16), match)).rejects.toThrow(/over 4 MB/);
  });
});
