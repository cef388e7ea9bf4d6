import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scanAwsOffer, type AwsProduct } from '../../src/providers/aws/offer-stream.js';
import { jacksonJson, referenceScan, type Matcher } from './aws-offer-fixture.js';

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, pick };
}

/** Strings made of what trips a scanner: brackets, quotes, backslashes, colons, commas, spaces, non-ASCII. */
const PIECES = ['{', '}', '[', ']', '"', '\\', ':', ',', ' ', '\n', 'a', 'Linux', 'us-east-1', 'm7i.large', 'é', '😀', '"x": {', '} ,'];
const KEYS = ['instanceType', 'regionCode', 'operatingSystem', 'usagetype', 'note', 'a:', 'b c', '{', 'x"y'];

function randomOffer(seed: number) {
  const r = random(seed);
  const text = () => Array.from({ length: Math.floor(r.next() * 6) }, () => r.pick(PIECES)).join('');
  const value = () => (r.next() < 0.5 ? r.pick(['m7i.large', 'us-east-1', 'Linux', 'Windows']) : text());
  const products: Record<string, unknown> = {};
  const onDemand: Record<string, unknown> = {};
  for (let i = 0; i < 12; i++) {
    const sku = r.next() < 0.2 ? `S${i}${r.pick(PIECES)}` : `S${i}`;
    const attributes: Record<string, unknown> = {};
    for (let k = 0; k < 6; k++) attributes[r.pick(KEYS)] = r.next() < 0.05 ? { nested: value() } : value();
    const product: Record<string, unknown> = { sku, productFamily: r.pick(['Compute Instance', text()]), attributes };
    if (r.next() < 0.1) product.extra = [text(), { deep: text() }];
    products[sku] = r.next() < 0.1 ? { attributes, sku } : product;
    onDemand[sku] = { [`${sku}.T`]: { sku, priceDimensions: { d: { unit: 'Hrs', pricePerUnit: { USD: '1' }, note: text() } } } };
  }
  return { publicationDate: text(), products, terms: { OnDemand: onDemand, Reserved: { x: { note: text() } } } };
}

const matchers: Matcher[] = [
  (p) => (p.attributes.regionCode === 'us-east-1' ? `r|${p.attributes.instanceType}|${p.attributes.note}` : null),
  (p) => (p.productFamily === 'Compute Instance' ? `${p.sku}|${p.attributes['a:']}|${p.attributes['{']}` : null),
  (p) => (Object.keys(p.attributes).includes('usagetype') ? String(p.attributes.usagetype) : null),
];

const chunked = (text: string, size: number) => {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
};

describe('the AWS offer scanner on random offers full of brackets, quotes and escapes in strings', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('gives what JSON.parse gives (seed %i)', async (seed) => {
    const offer = randomOffer(seed);
    for (const layout of [JSON.stringify(offer), jacksonJson(offer)])
      for (const matcher of matchers) {
        const expected = referenceScan(JSON.parse(layout), matcher);
        for (const size of [1 + (seed % 7), 4096]) {
          const scan = await scanAwsOffer(chunked(layout, size), matcher as (p: AwsProduct) => string | null);
          expect({ ...scan, byKey: [...scan.byKey] }).toEqual({ ...expected, byKey: [...expected.byKey] });
        }
      }
  });
});
