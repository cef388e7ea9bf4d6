import { describe, expect, it } from 'vitest';
import { priceBook } from '../../src/core/price-book.js';
import { tieredPrice, tiersText } from '../../src/core/cost/tiers.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';

const catalogs = bundledCatalogs();
const book = (provider: string, region?: string) => priceBook(catalogs[provider]!, region);
const cost = (
  provider: string,
  kind: Parameters<ReturnType<typeof book>['item']>[0],
  q: number,
  id?: string,
  variant?: string,
) => tieredPrice(book(provider).item(kind, id, variant), q);

describe('volume tiers, one table at a time', () => {
  it('CloudFront transfer: 1 TB free, then the bands to 10 TB, 50 TB, 150 TB, 500 TB, 1 PB, 5 PB and beyond', () => {
    expect(cost('aws', 'cdn-transfer', 1000).monthly).toBe(0);
    expect(cost('aws', 'cdn-transfer', 2000).monthly).toBeCloseTo(1000 * 0.085, 6);
    const big = cost('aws', 'cdn-transfer', 212_916.67);
    expect(big.bands.map((b) => b.price)).toEqual([0.085, 0.08, 0.06, 0.04]);
    expect(big.monthly).toBeCloseTo(9240 * 0.085 + 40_960 * 0.08 + 102_400 * 0.06 + (212_916.67 - 153_600) * 0.04, 4);
    // Past the last tier's start every GB is at the last tier's rate.
    const huge = cost('aws', 'cdn-transfer', 6_242_880);
    expect(huge.bands.at(-1)).toMatchObject({ from: 5_242_880, upTo: null, price: 0.02, quantity: 1_000_000 });
  });

  it('CloudFront requests: 10 M a month free (1,000 × 10k), then $0.01 per 10k', () => {
    expect(cost('aws', 'cdn-requests', 1000).monthly).toBe(0);
    expect(cost('aws', 'cdn-requests', 3000).monthly).toBeCloseTo(20, 6);
  });

  it('AWS internet egress: 100 GB free, $0.09 to 10 TB, $0.085 to 50 TB, $0.07 to 150 TB, $0.05 beyond', () => {
    const c = cost('aws', 'egress', 200_000);
    expect(c.bands.map((b) => [b.from, b.price])).toEqual([
      [100, 0.09],
      [10_240, 0.085],
      [51_200, 0.07],
      [153_600, 0.05],
    ]);
    expect(c.monthly).toBeCloseTo(10_140 * 0.09 + 40_960 * 0.085 + 102_400 * 0.07 + 46_400 * 0.05, 4);
  });

  it('Route 53: $0.40 per million to 1 B queries, $0.20 beyond; alias queries to AWS resources free', () => {
    expect(cost('aws', 'dns-queries', 1500, 'route53-queries').monthly).toBeCloseTo(1000 * 0.4 + 500 * 0.2, 6);
    expect(cost('aws', 'dns-queries', 1500, 'route53-alias-queries', 'alias-aws-resource').monthly).toBe(0);
  });

  it('SQS: 1 M free, $0.40 to 100 B, $0.30 to 200 B, $0.24 beyond', () => {
    expect(cost('aws', 'queue-requests', 250_001).monthly).toBeCloseTo(99_999 * 0.4 + 100_000 * 0.3 + 50_001 * 0.24, 3);
  });

  it('Cloud CDN: the region users are in picks the geography (europe-west1: Europe), three bands', () => {
    const item = book('gcp', 'europe-west1').item('cdn-transfer');
    expect(item.variant).toBe('europe');
    expect(book('gcp', 'asia-northeast1').item('cdn-transfer').variant).toBe('asia-pacific');
    const c = tieredPrice(item, 200_000);
    expect(c.monthly).toBeCloseTo(10_240 * 0.08 + 143_360 * 0.055 + 46_400 * 0.03, 4);
  });

  it('GCP premium egress from Iowa: $0.12 to 1 TiB, $0.11 to 10 TiB, $0.08 beyond', () => {
    expect(cost('gcp', 'egress', 20_000).monthly).toBeCloseTo(1024 * 0.12 + 9216 * 0.11 + 9760 * 0.08, 4);
  });

  it('Cloud DNS: $0.40 to 1 B queries, $0.20 beyond, both bands from the Google Cloud DNS page (V)', () => {
    const small = cost('gcp', 'dns-queries', 600);
    expect(small.confidence).toBe('V');
    const large = cost('gcp', 'dns-queries', 1200);
    expect(large.monthly).toBeCloseTo(400 + 40, 6);
    expect(large.confidence).toBe('V');
  });

  it('Front Door Standard: the verified first band for every GB (an upper bound; no dated source gives the bands above 10 TB)', () => {
    const small = cost('azure', 'cdn-transfer', 5000);
    expect(small).toMatchObject({ confidence: 'M' });
    expect(small.monthly).toBeCloseTo(5000 * 0.083, 6);
    const big = cost('azure', 'cdn-transfer', 212_916.67);
    expect(big.bands.map((b) => b.price)).toEqual([0.083]);
    expect(big.monthly).toBeCloseTo(212_916.67 * 0.083, 4);
    expect(big.confidence).toBe('M');
  });

  it('Azure egress, zone 1: 100 GB free, then the Retail Prices API bands from 100, 10,335, 51,295, 153,695 GB', () => {
    const c = cost('azure', 'egress', 200_000);
    expect(c.bands.map((b) => [b.from, b.price])).toEqual([
      [100, 0.087],
      [10_335, 0.083],
      [51_295, 0.07],
      [153_695, 0.05],
    ]);
  });

  it('Service Bus Standard: 13 M operations in the base charge, then $0.80 per M to 100 M, $0.50 to 2,500 M, $0.20 beyond', () => {
    expect(book('azure').item('queue-base').price).toBe(9.81);
    expect(cost('azure', 'queue-requests', 13).monthly).toBe(0);
    const c = cost('azure', 'queue-requests', 3000);
    expect(c.monthly).toBeCloseTo(87 * 0.8 + 2400 * 0.5 + 500 * 0.2, 6);
    expect(tiersText(c, 'million requests')).toBe(
      'first 13 million requests free; 87 million requests at $0.8, 2,400 million requests at $0.5, 500 million requests at $0.2',
    );
  });

  it('Azure DNS: $0.40 per million to 1 B, $0.20 beyond (alias records to Azure resources are billed)', () => {
    expect(cost('azure', 'dns-queries', 2000).monthly).toBeCloseTo(400 + 200, 6);
    expect(book('azure').items.some((i) => i.kind === 'dns-queries' && i.variant?.startsWith('alias'))).toBe(false);
  });

  it('an item without tiers is one band at its price after its free allowance', () => {
    const logs = cost('gcp', 'monitoring-logs', 150);
    expect(logs).toMatchObject({ free: 50, monthly: 50 });
    expect(logs.bands).toHaveLength(1);
  });
});
