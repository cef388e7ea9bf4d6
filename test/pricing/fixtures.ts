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
}

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
              priceDimensions: { [`${p.sku}.JRTCKXETXF.6YS6EN2CT7`]: { rateCode: `${p.sku}.JRTCKXETXF.6YS6EN2CT7`, description: `${p.unit} price`, beginRange: '0', endRange: 'Inf', unit: p.unit, appliesTo: [], pricePerUnit: { USD: p.price } } },
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
  { sku: 'M7IL-WIN', productFamily: 'Compute Instance', attributes: { ...linux, operatingSystem: 'Windows', instanceType: 'm7i.large', regionCode: 'us-east-1' }, price: '0.1928000000', unit: 'Hrs' },
  { sku: 'M7IL-DED', productFamily: 'Compute Instance', attributes: { ...linux, tenancy: 'Dedicated', instanceType: 'm7i.large', regionCode: 'us-east-1' }, price: '0.1109000000', unit: 'Hrs' },
  { sku: 'M7IL-CR', productFamily: 'Compute Instance', attributes: { ...linux, capacitystatus: 'UnusedCapacityReservation', instanceType: 'm7i.large', regionCode: 'us-east-1' }, price: '0.1008000000', unit: 'Hrs' },
  { sku: 'M7IL-SQL', productFamily: 'Compute Instance', attributes: { ...linux, preInstalledSw: 'SQL Std', instanceType: 'm7i.large', regionCode: 'us-east-1' }, price: '0.5908000000', unit: 'Hrs' },
  { sku: 'M7IL-EU', productFamily: 'Compute Instance', attributes: { ...linux, instanceType: 'm7i.large', regionCode: 'eu-west-1', usagetype: 'USE1-BoxUsage:m7i.large' }, price: '0.1120000000', unit: 'Hrs' },
  { sku: 'M7IXL', productFamily: 'Compute Instance', attributes: { ...linux, instanceType: 'm7i.xlarge', regionCode: 'us-east-1' }, price: '0.2020000000', unit: 'Hrs' },
  { sku: 'NATH', productFamily: 'NAT Gateway', attributes: { regionCode: 'us-east-1', usagetype: 'USE1-NatGateway-Hours' }, price: '0.0450000000', unit: 'Hrs' },
  { sku: 'NATB', productFamily: 'NAT Gateway', attributes: { regionCode: 'us-east-1', usagetype: 'USE1-NatGateway-Bytes' }, price: '0.0460000000', unit: 'GB' },
];
export const RDS_PRODUCTS: FixtureProduct[] = [
  { sku: 'PG-S', productFamily: 'Database Instance', attributes: { instanceType: 'db.t4g.medium', databaseEngine: 'PostgreSQL', deploymentOption: 'Single-AZ', regionCode: 'us-east-1' }, price: '0.0660000000', unit: 'Hrs' },
  { sku: 'PG-M', productFamily: 'Database Instance', attributes: { instanceType: 'db.t4g.medium', databaseEngine: 'PostgreSQL', deploymentOption: 'Multi-AZ', regionCode: 'us-east-1' }, price: '0.1320000000', unit: 'Hrs' },
  { sku: 'MY-S', productFamily: 'Database Instance', attributes: { instanceType: 'db.t4g.medium', databaseEngine: 'MySQL', deploymentOption: 'Single-AZ', regionCode: 'us-east-1' }, price: '0.0650000000', unit: 'Hrs' },
  { sku: 'GP3', productFamily: 'Database Storage', attributes: { deploymentOption: 'Single-AZ', usagetype: 'RDS:GP3-Storage', regionCode: 'us-east-1' }, price: '0.1150000000', unit: 'GB-Mo' },
];
export const CACHE_PRODUCTS: FixtureProduct[] = [
  { sku: 'R7GL', productFamily: 'Cache Instance', attributes: { instanceType: 'cache.r7g.large', cacheEngine: 'Redis', regionCode: 'us-east-1' }, price: '0.2190000000', unit: 'Hrs' },
  { sku: 'R7GL-V', productFamily: 'Cache Instance', attributes: { instanceType: 'cache.r7g.large', cacheEngine: 'Valkey', regionCode: 'us-east-1' }, price: '0.1752000000', unit: 'Hrs' },
];
export const ELB_PRODUCTS: FixtureProduct[] = [
  { sku: 'ALBH', productFamily: 'Load Balancer-Application', attributes: { usagetype: 'USE1-LoadBalancerUsage', regionCode: 'us-east-1' }, price: '0.0225000000', unit: 'Hrs' },
  { sku: 'ALBL', productFamily: 'Load Balancer-Application', attributes: { usagetype: 'USE1-LCUUsage', regionCode: 'us-east-1' }, price: '0.0080000000', unit: 'LCU-Hrs' },
  { sku: 'NLBH', productFamily: 'Load Balancer-Network', attributes: { usagetype: 'USE1-LoadBalancerUsage', regionCode: 'us-east-1' }, price: '0.0225000000', unit: 'Hrs' },
];

export const AWS_OFFERS: Record<string, FixtureProduct[]> = { AmazonEC2: EC2_PRODUCTS, AmazonRDS: RDS_PRODUCTS, AmazonElastiCache: CACHE_PRODUCTS, AWSELB: ELB_PRODUCTS };

/** The Price List Bulk API's three levels, as served by AWS. */
export function awsRoutes(override?: (offer: string, res: ServerResponse) => boolean) {
  return (_req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname === '/offers/v1.0/aws/index.json') {
      return void json(res, {
        formatVersion: 'v1.0',
        publicationDate: '2026-11-01T00:00:00Z',
        offers: Object.fromEntries(['AmazonEC2', 'AmazonRDS', 'AmazonElastiCache', 'AWSELB', 'AmazonS3'].map((o) => [o, { offerCode: o, versionIndexUrl: `/offers/v1.0/aws/${o}/index.json`, currentVersionUrl: `/offers/v1.0/aws/${o}/current/index.json`, currentRegionIndexUrl: `/offers/v1.0/aws/${o}/current/region_index.json` }])),
      });
    }
    const m = /^\/offers\/v1\.0\/aws\/(\w+)\/current\/region_index\.json$/.exec(url.pathname);
    if (m) {
      return void json(res, { formatVersion: 'v1.0', regions: Object.fromEntries(['us-east-1', 'eu-west-1'].map((r) => [r, { regionCode: r, currentVersionUrl: `/offers/v1.0/aws/${m[1]}/20261101000000/${r}/index.json` }])) });
    }
    const o = /^\/offers\/v1\.0\/aws\/(\w+)\/20261101000000\/([\w-]+)\/index\.json$/.exec(url.pathname);
    if (o) {
      if (override?.(o[1]!, res)) return;
      return void json(res, awsOffer(o[1]!, AWS_OFFERS[o[1]!] ?? []));
    }
    return false;
  };
}
