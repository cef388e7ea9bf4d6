import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A local HTTP server on 127.0.0.1 answering from a route table; handlers may misbehave on purpose. */
export async function serve(routes: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | void): Promise<{ url: string; server: Server; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.push(url.pathname + url.search);
    if (routes(req, res, url) === false || !res.writableEnded && !res.headersSent) {
      if (!res.headersSent) {
        res.statusCode = 404;
        res.end('not found');
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server, hits };
}

export const json = (res: ServerResponse, body: unknown, status = 200) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body, null, 2));
};

export interface FixtureProduct {
  sku: string;
  productFamily: string;
  attributes: Record<string, string>;
  price: string;
  unit: string;
  /** A tiered price: one dimension per band (beginRange/endRange in the Price List's unit); `price` is then ignored. */
  tiers?: { begin: string; end: string; price: string }[];
}

/** One price dimension in the Price List's shape. */
const dimension = (sku: string, n: number, unit: string, begin: string, end: string, usd: string) => {
  const rateCode = `${sku}.JRTCKXETXF.${n === 0 ? '6YS6EN2CT7' : `T${n}`}`;
  return [rateCode, { rateCode, description: `${unit} price`, beginRange: begin, endRange: end, unit, appliesTo: [], pricePerUnit: { USD: usd } }] as const;
};

/** An AWS offer file of the real shape: products by SKU, then terms.OnDemand by SKU. */
export function awsOffer(offerCode: string, products: FixtureProduct[]) {
  return {
    formatVersion: 'v1.0',
    disclaimer: 'recorded shape for tests',
    offerCode,
    version: '20261101000000',
    publicationDate: '2026-11-01T00:00:00Z',
    products: Object.fromEntries(products.map((p) => [p.sku, { sku: p.sku, productFamily: p.productFamily, attributes: { servicecode: offerCode, ...p.attributes } }])),
    terms: {
      OnDemand: Object.fromEntries(
        products.map((p) => [
          p.sku,
          {
            [`${p.sku}.JRTCKXETXF`]: {
              offerTermCode: 'JRTCKXETXF',
              sku: p.sku,
              effectiveDate: '2026-11-01T00:00:00Z',
              priceDimensions: Object.fromEntries(
                (p.tiers ?? [{ begin: '0', end: 'Inf', price: p.price }]).map((t, n) => dimension(p.sku, n, p.unit, t.begin, t.end, t.price)),
              ),
              termAttributes: {},
            },
          },
        ]),
      ),
      Reserved: {},
    },
  };
}

const linux = { operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', licenseModel: 'No License required', capacitystatus: 'Used', marketoption: 'OnDemand' };

/** EC2 with the real m7i.large and every look-alike that must be ignored, each priced differently. */
export const EC2_PRODUCTS: FixtureProduct[] = [
  { sku: 'M7IL', productFamily: 'Compute Instance', attributes: { ...linux, instanceType: 'm7i.large', regionCode: 'us-east-1', usagetype: 'BoxUsage:m7i.large' }, price: '0.1010000000', unit: 'Hrs' },
  { sku: 'M7IL-WIN', productFamily: 'Compute Instance', attributes: { ...linux, operatingSystem: 'Windows', instanceType: 'm7i.large', regionCode: 'us-east-1', usagetype: 'BoxUsage:m7i.large' }, price: '0.1928000000', unit: 'Hrs' },
  { sku: 'M7IL-DED', productFamily: 'Compute Instance', attributes: { ...linux, tenancy: 'Dedicated', instanceType: 'm7i.large', regionCode: 'us-east-1', usagetype: 'DedicatedUsage:m7i.large' }, price: '0.1109000000', unit: 'Hrs' },
  { sku: 'M7IL-CR', productFamily: 'Compute Instance', attributes: { ...linux, capacitystatus: 'UnusedCapacityReservation', instanceType: 'm7i.large', regionCode: 'us-east-1', usagetype: 'UnusedBox:m7i.large' }, price: '0.1008000000', unit: 'Hrs' },
  { sku: 'M7IL-SQL', productFamily: 'Compute Instance', attributes: { ...linux, preInstalledSw: 'SQL Std', instanceType: 'm7i.large', regionCode: 'us-east-1', usagetype: 'BoxUsage:m7i.large' }, price: '0.5908000000', unit: 'Hrs' },
  { sku: 'M7IL-EU', productFamily: 'Compute Instance', attributes: { ...linux, instanceType: 'm7i.large', regionCode: 'eu-west-1', usagetype: 'EU-BoxUsage:m7i.large' }, price: '0.1120000000', unit: 'Hrs' },
  { sku: 'M7IXL', productFamily: 'Compute Instance', attributes: { ...linux, instanceType: 'm7i.xlarge', regionCode: 'us-east-1', usagetype: 'BoxUsage:m7i.xlarge' }, price: '0.2020000000', unit: 'Hrs' },
  { sku: 'M7GL', productFamily: 'Compute Instance', attributes: { ...linux, instanceType: 'm7g.large', regionCode: 'us-east-1', usagetype: 'BoxUsage:m7g.large' }, price: '0.0817000000', unit: 'Hrs' },
  { sku: 'NATH', productFamily: 'NAT Gateway', attributes: { regionCode: 'us-east-1', usagetype: 'NatGateway-Hours' }, price: '0.0450000000', unit: 'Hrs' },
  { sku: 'NATB', productFamily: 'NAT Gateway', attributes: { regionCode: 'us-east-1', usagetype: 'NatGateway-Bytes' }, price: '0.0460000000', unit: 'GB' },
  // A real decoy: same family and unit, another product (regional NAT), never the one matched.
  { sku: 'RNATB', productFamily: 'NAT Gateway', attributes: { regionCode: 'us-east-1', usagetype: 'RegionalNatGateway-Bytes' }, price: '0.0480000000', unit: 'GB' },
];
const pg = (instanceType: string, deploymentOption: string, usagetype: string) => ({ instanceType, databaseEngine: 'PostgreSQL', deploymentOption, licenseModel: 'No license required', regionCode: 'us-east-1', usagetype });
export const RDS_PRODUCTS: FixtureProduct[] = [
  { sku: 'PG-S', productFamily: 'Database Instance', attributes: pg('db.t4g.medium', 'Single-AZ', 'InstanceUsage:db.t4g.medium'), price: '0.0660000000', unit: 'Hrs' },
  { sku: 'PG-M', productFamily: 'Database Instance', attributes: pg('db.t4g.medium', 'Multi-AZ', 'Multi-AZUsage:db.t4g.medium'), price: '0.1320000000', unit: 'Hrs' },
  { sku: 'PG-R7-C', productFamily: 'Database Instance', attributes: pg('db.r7g.large', 'Multi-AZ (readable standbys)', 'Multi-AZClusterUsage:db.r7g.large'), price: '0.7170000000', unit: 'Hrs' },
  { sku: 'MY-S', productFamily: 'Database Instance', attributes: { ...pg('db.t4g.medium', 'Single-AZ', 'InstanceUsage:db.t4g.medium'), databaseEngine: 'MySQL' }, price: '0.0650000000', unit: 'Hrs' },
  { sku: 'GP3', productFamily: 'Database Storage', attributes: { deploymentOption: 'Single-AZ', databaseEngine: 'PostgreSQL', volumeType: 'General Purpose-GP3', usagetype: 'RDS:GP3-Storage', regionCode: 'us-east-1' }, price: '0.1150000000', unit: 'GB-Mo' },
  { sku: 'GP3-M', productFamily: 'Database Storage', attributes: { deploymentOption: 'Multi-AZ', databaseEngine: 'PostgreSQL', volumeType: 'General Purpose-GP3', usagetype: 'RDS:Multi-AZ-GP3-Storage', regionCode: 'us-east-1' }, price: '0.2300000000', unit: 'GB-Mo' },
  { sku: 'AUR-ST', productFamily: 'Database Storage', attributes: { databaseEngine: 'Aurora PostgreSQL', deploymentOption: 'Single-AZ', usagetype: 'Aurora:StorageUsage', regionCode: 'us-east-1' }, price: '0.1000000000', unit: 'GB-Mo' },
  { sku: 'AUR-IOST', productFamily: 'Database Storage', attributes: { databaseEngine: 'Aurora PostgreSQL', deploymentOption: 'Single-AZ', usagetype: 'Aurora:IO-OptimizedStorageUsage', regionCode: 'us-east-1' }, price: '0.2250000000', unit: 'GB-Mo' },
  { sku: 'AUR-IO', productFamily: 'System Operation', attributes: { databaseEngine: 'Aurora PostgreSQL', usagetype: 'Aurora:StorageIOUsage', regionCode: 'us-east-1' }, price: '0.0000002000', unit: 'IOs' },
];
const cacheNode = (instanceType: string, cacheEngine: string, usagetype = `NodeUsage:${instanceType}`) => ({ instanceType, cacheEngine, regionCode: 'us-east-1', usagetype });
export const CACHE_PRODUCTS: FixtureProduct[] = [
  { sku: 'R7GL', productFamily: 'Cache Instance', attributes: cacheNode('cache.r7g.large', 'Redis'), price: '0.2190000000', unit: 'Hrs' },
  { sku: 'R7GL-V', productFamily: 'Cache Instance', attributes: cacheNode('cache.r7g.large', 'Valkey'), price: '0.1752000000', unit: 'Hrs' },
  // An add-on listed under the same instance type and engine: not the node's price.
  { sku: 'R7GL-SYNC', productFamily: 'Cache Instance', attributes: cacheNode('cache.r7g.large', 'Redis', 'SyncDurability-NodeUsage:cache.r7g.large'), price: '0.0228000000', unit: 'Hrs' },
];
export const ELB_PRODUCTS: FixtureProduct[] = [
  { sku: 'ALBH', productFamily: 'Load Balancer-Application', attributes: { usagetype: 'LoadBalancerUsage', regionCode: 'us-east-1' }, price: '0.0225000000', unit: 'Hrs' },
  { sku: 'ALBL', productFamily: 'Load Balancer-Application', attributes: { usagetype: 'LCUUsage', regionCode: 'us-east-1' }, price: '0.0080000000', unit: 'LCU-Hrs' },
  { sku: 'NLBH', productFamily: 'Load Balancer-Network', attributes: { usagetype: 'LoadBalancerUsage', regionCode: 'us-east-1' }, price: '0.0225000000', unit: 'Hrs' },
];
const cdnOut = (fromLocation: string, prefix: string) => ({ transferType: 'CloudFront Outbound', fromLocation, fromLocationType: 'Edge Location', toLocation: 'External', toLocationType: 'Other', usagetype: `${prefix}-DataTransfer-Out-Bytes` });
/** CloudFront (one global offer file): transfer by viewer location, tiered in GB; requests per request. */
export const CLOUDFRONT_PRODUCTS: FixtureProduct[] = [
  { sku: 'CF-US', productFamily: 'Data Transfer', attributes: cdnOut('United States', 'US'), price: '', unit: 'GB', tiers: [
    { begin: '0', end: '10240', price: '0.0850000000' }, { begin: '10240', end: '51200', price: '0.0800000000' }, { begin: '51200', end: '153600', price: '0.0600000000' },
    { begin: '153600', end: '512000', price: '0.0400000000' }, { begin: '512000', end: '1048576', price: '0.0300000000' }, { begin: '1048576', end: '5242880', price: '0.0250000000' }, { begin: '5242880', end: 'Inf', price: '0.0200000000' }] },
  { sku: 'CF-EU', productFamily: 'Data Transfer', attributes: cdnOut('Europe', 'EU'), price: '', unit: 'GB', tiers: [{ begin: '0', end: '10240', price: '0.0850000000' }, { begin: '10240', end: 'Inf', price: '0.0800000000' }] },
  { sku: 'CF-US-HTTPS', productFamily: 'Request', attributes: { location: 'United States', requestType: 'CloudFront-Request-HTTPS', usagetype: 'US-Requests-Tier2-HTTPS' }, price: '0.0000010000', unit: 'Requests' },
  { sku: 'CF-US-HTTP', productFamily: 'Request', attributes: { location: 'United States', requestType: 'CloudFront-Request-HTTP', usagetype: 'US-Requests-Tier1' }, price: '0.0000007500', unit: 'Requests' },
];
/** AWSDataTransfer for us-east-1: internet egress tiered in GB, and inter-region transfer that is not egress. */
export const DATA_TRANSFER_PRODUCTS: FixtureProduct[] = [
  { sku: 'DT-OUT', productFamily: 'Data Transfer', attributes: { transferType: 'AWS Outbound', fromRegionCode: 'us-east-1', fromLocation: 'US East (N. Virginia)', toLocation: 'External', usagetype: 'DataTransfer-Out-Bytes' }, price: '', unit: 'GB', tiers: [
    { begin: '0', end: '10240', price: '0.0900000000' }, { begin: '10240', end: '51200', price: '0.0850000000' }, { begin: '51200', end: '153600', price: '0.0700000000' }, { begin: '153600', end: 'Inf', price: '0.0500000000' }] },
  { sku: 'DT-IR', productFamily: 'Data Transfer', attributes: { transferType: 'InterRegion Outbound', fromRegionCode: 'us-east-1', toRegionCode: 'eu-west-1', toLocation: 'EU (Ireland)', usagetype: 'USE1-EU-AWS-Out-Bytes' }, price: '0.0200000000', unit: 'GB' },
];
/** Route 53 (one global offer file): queries per query, tiered at a billion; hosted zones tiered at 25. */
export const ROUTE53_PRODUCTS: FixtureProduct[] = [
  { sku: 'R53-Q', productFamily: 'DNS Query', attributes: { usagetype: 'DNS-Queries', routingType: 'Standard' }, price: '', unit: 'Queries', tiers: [{ begin: '0', end: '1000000000', price: '0.0000004000' }, { begin: '1000000000', end: 'Inf', price: '0.0000002000' }] },
  { sku: 'R53-Z', productFamily: 'DNS Zone', attributes: { usagetype: 'HostedZone' }, price: '', unit: 'HostedZone', tiers: [{ begin: '0', end: '25', price: '0.5000000000' }, { begin: '25', end: 'Inf', price: '0.1000000000' }] },
];
/** SQS: standard requests per request, the first million free, then three tiers. */
export const SQS_PRODUCTS: FixtureProduct[] = [
  { sku: 'SQS-STD', productFamily: 'API Request', attributes: { queueType: 'Standard', regionCode: 'us-east-1', usagetype: 'Requests-RBP' }, price: '', unit: 'Requests', tiers: [
    { begin: '0', end: '1000000', price: '0.0000000000' }, { begin: '1000000', end: '100000000000', price: '0.0000004000' }, { begin: '100000000000', end: '200000000000', price: '0.0000003000' }, { begin: '200000000000', end: 'Inf', price: '0.0000002400' }] },
  { sku: 'SQS-FIFO', productFamily: 'API Request', attributes: { queueType: 'FIFO (first-in, first-out)', regionCode: 'us-east-1', usagetype: 'Requests-FIFO-RBP' }, price: '0.0000005000', unit: 'Requests' },
];

export const AWS_OFFERS: Record<string, FixtureProduct[]> = {
  AmazonEC2: EC2_PRODUCTS,
  AmazonRDS: RDS_PRODUCTS,
  AmazonElastiCache: CACHE_PRODUCTS,
  AWSELB: ELB_PRODUCTS,
  AmazonCloudFront: CLOUDFRONT_PRODUCTS,
  AWSDataTransfer: DATA_TRANSFER_PRODUCTS,
  AmazonRoute53: ROUTE53_PRODUCTS,
  AWSQueueService: SQS_PRODUCTS,
};
/** Offers with one file for the world (no region index of their own in this fixture). */
const GLOBAL_OFFERS = new Set(['AmazonCloudFront', 'AmazonRoute53']);

/** The Price List Bulk API's three levels, as served by AWS (offers: which file each offer serves). */
export function awsRoutes(override?: (offer: string, res: ServerResponse) => boolean, offers: Record<string, FixtureProduct[]> = AWS_OFFERS) {
  return (_req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname === '/offers/v1.0/aws/index.json') {
      return void json(res, {
        formatVersion: 'v1.0',
        publicationDate: '2026-11-01T00:00:00Z',
        offers: Object.fromEntries([...Object.keys(offers), 'AmazonS3'].map((o) => [o, { offerCode: o, versionIndexUrl: `/offers/v1.0/aws/${o}/index.json`, currentVersionUrl: GLOBAL_OFFERS.has(o) ? `/offers/v1.0/aws/${o}/20261101000000/index.json` : `/offers/v1.0/aws/${o}/current/index.json`, currentRegionIndexUrl: `/offers/v1.0/aws/${o}/current/region_index.json` }])),
      });
    }
    const m = /^\/offers\/v1\.0\/aws\/(\w+)\/current\/region_index\.json$/.exec(url.pathname);
    if (m) {
      return void json(res, { formatVersion: 'v1.0', regions: Object.fromEntries(['us-east-1', 'eu-west-1', 'eu-central-1'].map((r) => [r, { regionCode: r, currentVersionUrl: `/offers/v1.0/aws/${m[1]}/20261101000000/${r}/index.json` }])) });
    }
    const o = /^\/offers\/v1\.0\/aws\/(\w+)\/20261101000000\/(?:([\w-]+)\/)?index\.json$/.exec(url.pathname);
    if (o) {
      if (override?.(o[1]!, res)) return;
      return void json(res, awsOffer(o[1]!, offers[o[1]!] ?? []));
    }
    return false;
  };
}
