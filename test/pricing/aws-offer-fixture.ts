import type { AwsPriceDimension, AwsProduct, OfferMatch, OfferScan } from '../../src/providers/aws/offer-stream.js';

export type Matcher = (p: AwsProduct) => string | null;

/** JSON as AWS's Price List writes it: two-space indents, `"key" : value`, `{ }` for an empty object. */
export function jacksonJson(value: unknown, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value))
    return value.length === 0 ? '[ ]' : `[ ${value.map((v) => jacksonJson(v, inner)).join(', ')} ]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return '{ }';
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)} : ${jacksonJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

const dimension = (rate: string, unit: string, usd: string, extra: Record<string, unknown> = {}) => ({
  [rate]: { rateCode: rate, description: `$${usd} per ${unit}`, beginRange: '0', endRange: 'Inf', unit, pricePerUnit: { USD: usd }, appliesTo: [], ...extra },
});
const onDemand = (sku: string, usd: string, unit = 'Hrs') => ({
  [`${sku}.JRTCKXETXF`]: {
    offerTermCode: 'JRTCKXETXF',
    sku,
    effectiveDate: '2026-10-01T00:00:00Z',
    priceDimensions: dimension(`${sku}.JRTCKXETXF.6YS6EN2CT7`, unit, usd),
    termAttributes: {},
  },
});
const reserved = (sku: string) => ({
  [`${sku}.4NA7Y494T4`]: {
    offerTermCode: '4NA7Y494T4',
    sku,
    effectiveDate: '2026-10-01T00:00:00Z',
    priceDimensions: { ...dimension(`${sku}.4NA7Y494T4.2TG2D8R56U`, 'Quantity', '500'), ...dimension(`${sku}.4NA7Y494T4.6YS6EN2CT7`, 'Hrs', '0.02') },
    termAttributes: { LeaseContractLength: '1yr', OfferingClass: 'standard', PurchaseOption: 'Partial Upfront' },
  },
});
const linux = { operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', licenseModel: 'No License required', capacitystatus: 'Used', marketoption: 'OnDemand' };
const ec2 = (sku: string, family: string, attributes: Record<string, string>) => ({
  sku,
  productFamily: family,
  attributes: { servicecode: 'AmazonEC2', location: 'US East (N. Virginia)', locationType: 'AWS Region', regionCode: 'us-east-1', ...attributes },
});

/** A small EC2 offer in the real shape: instances in several variants, NAT, IP, odd strings, Reserved terms. */
export const REAL_FORMAT_OFFER = (() => {
  const products: Record<string, unknown> = {
    M7IL: ec2('M7IL', 'Compute Instance', { instanceType: 'm7i.large', ...linux, usagetype: 'BoxUsage:m7i.large' }),
    M7ILW: ec2('M7ILW', 'Compute Instance', { instanceType: 'm7i.large', ...linux, operatingSystem: 'Windows' }),
    M7ILC: ec2('M7ILC', 'Compute Instance', { ...linux, capacitystatus: 'UnusedCapacityReservation', instanceType: 'm7i.large' }),
    M7IXL: ec2('M7IXL', 'Compute Instance', { instanceType: 'm7i.xlarge', ...linux, note: 'a "quoted" {brace} and \\ backslash' }),
    C7IL: ec2('C7IL', 'Compute Instance', { instanceType: 'c7i.large', ...linux, 'key:': 'value, with } and :' }),
    EU: { sku: 'EU', productFamily: 'Compute Instance', attributes: { instanceType: 'm7i.large', ...linux, regionCode: 'eu-west-1' } },
    NATH: ec2('NATH', 'NAT Gateway', { usagetype: 'USE1-NatGateway-Hours', operation: 'NatGateway' }),
    NATB: ec2('NATB', 'NAT Gateway', { usagetype: 'USE1-NatGateway-Bytes', operation: 'NatGateway' }),
    IP: ec2('IP', 'IP Address', { usagetype: 'USE1-PublicIPv4:InUseAddress', group: 'ElasticIP:Address' }),
    NOFAMILY: { sku: 'NOFAMILY', attributes: { instanceType: 'm7i.metal', ...linux, regionCode: 'us-east-1' } },
    ORDER: { attributes: { instanceType: 't3.nano', ...linux, regionCode: 'us-east-1' }, productFamily: 'Compute Instance', sku: 'ORDER' },
    NUMBERS: { sku: 'NUMBERS', productFamily: 'Compute Instance', attributes: { instanceType: 'm7i.2xlarge', vcpu: 8, ...linux, regionCode: 'us-east-1' } },
    ESCAPED: ec2('ESCAPED', 'Compute Instance', { instanceType: 'm7i.4xlarge', ...linux, note: 'C:\\temp\\ and "x" \t' }),
    UNICODE: ec2('UNICODE', 'Compute Instance', { instanceType: 'r7i.large', ...linux, location: 'São Paulo – 東京 😀' }),
    NOSKU: { productFamily: 'Compute Instance', attributes: { instanceType: 'm7i.large' } },
  };
  const skus = Object.keys(products).filter((k) => k !== 'NOSKU');
  return {
    formatVersion: 'v1.0',
    disclaimer: 'This pricing list is for informational purposes only.',
    offerCode: 'AmazonEC2',
    version: '20261001000000',
    publicationDate: '2026-10-01T00:00:00Z',
    products,
    terms: {
      OnDemand: Object.fromEntries(skus.map((sku, i) => [sku, onDemand(sku, (0.01 * (i + 1)).toFixed(10))])),
      Reserved: Object.fromEntries(skus.map((sku) => [sku, reserved(sku)])),
    },
  };
})();

/** What the scanner must give, worked out from JSON.parse of the whole file. */
export function referenceScan(offer: unknown, matcher: Matcher): OfferScan<string> {
  const parsed = JSON.parse(jacksonJson(offer)) as {
    publicationDate?: string;
    products: Record<string, AwsProduct>;
    terms: { OnDemand: Record<string, Record<string, { sku?: string; priceDimensions?: Record<string, AwsPriceDimension> }>> };
  };
  const scan: OfferScan<string> = { publicationDate: parsed.publicationDate ?? null, byKey: new Map(), matchedCount: 0, productsSeen: 0 };
  const bySku = new Map<string, OfferMatch<string>[]>();
  for (const p of Object.values(parsed.products)) {
    if (typeof p.sku !== 'string' || typeof p.attributes !== 'object') continue;
    scan.productsSeen++;
    const key = matcher(p);
    if (key === null) continue;
    const m: OfferMatch<string> = { sku: p.sku, key, product: p, onDemand: null };
    scan.byKey.set(key, [...(scan.byKey.get(key) ?? []), m]);
    bySku.set(p.sku, [...(bySku.get(p.sku) ?? []), m]);
    scan.matchedCount++;
  }
  for (const [sku, terms] of Object.entries(parsed.terms.OnDemand))
    if (bySku.has(sku))
      for (const t of Object.values(terms))
        if (typeof t.sku === 'string' && t.priceDimensions)
          for (const m of bySku.get(t.sku) ?? []) m.onDemand = Object.values(t.priceDimensions);
  return scan;
}
