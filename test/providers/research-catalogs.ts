import type { Catalog, CatalogItem } from '../../src/pricing/catalog-schema.js';

/**
 * Catalogs in the format of /work/main/research/prices/<provider>/regions.yaml (the ids, kinds, variants,
 * units and tiers h-catalog is converting into pricing/<provider>.yaml), a few items each, with prices
 * that no refresh fixture serves, so every refreshed price is visibly the API's. Tests build them here
 * so they do not wait on the bundled catalogs' conversion. Units the schema may not know yet (vCPU-hour,
 * GB-hour, node-hour) are kept as the research files write them.
 */
type Loose = Omit<CatalogItem, 'unit' | 'kind' | 'source' | 'date' | 'confidence'> & { unit: string; kind: string };
const item = (i: Omit<Loose, 'price'> & { price?: number }) =>
  ({ price: 9.99, source: 'research fixture', date: '2026-11-29', confidence: 'U', ...i }) as CatalogItem;

function catalog(provider: string, regions: Record<string, CatalogItem[]>): Catalog {
  return {
    provider,
    name: `${provider} research fixture`,
    currency: 'USD',
    hoursPerMonth: 730,
    date: '2026-11-29',
    source: 'test fixture in the research format',
    regions: Object.fromEntries(Object.entries(regions).map(([code, items]) => [code, { name: code, items }])),
  } as unknown as Catalog;
}

const awsItems = (): CatalogItem[] => [
  item({ id: 'm7i.large', kind: 'compute', shape: 'general-2', unit: 'hour', vcpus: 2, memoryGb: 8 }),
  item({ id: 'm7g.large', kind: 'compute', shape: 'general-2', unit: 'hour', vcpus: 2, memoryGb: 8 }),
  item({ id: 'db.t4g.medium', kind: 'database', variant: 'single-az', unit: 'hour' }),
  item({ id: 'db.t4g.medium', kind: 'database', variant: 'multi-az', unit: 'hour' }),
  item({ id: 'db.r7g.large', kind: 'database', variant: 'multi-az-cluster', unit: 'hour' }),
  item({ id: 'db.r7g.large', kind: 'database', variant: 'aurora', unit: 'hour' }),
  item({ id: 'db.r7g.large', kind: 'database', variant: 'aurora-io-optimized', unit: 'hour' }),
  item({ id: 'rds-gp3', kind: 'database-storage', unit: 'GB-month' }),
  item({ id: 'rds-gp3', kind: 'database-storage', variant: 'multi-az', unit: 'GB-month' }),
  item({ id: 'aurora-storage', kind: 'database-storage', variant: 'aurora', unit: 'GB-month' }),
  item({ id: 'aurora-io', kind: 'database-io', variant: 'aurora', unit: 'million requests' }),
  item({
    id: 'aurora-io-optimized-storage',
    kind: 'database-storage',
    variant: 'aurora-io-optimized',
    unit: 'GB-month',
  }),
  item({ id: 'cache.r7g.large', kind: 'cache', variant: 'redis', unit: 'hour' }),
  item({ id: 'cache.r7g.large', kind: 'cache', variant: 'valkey', unit: 'hour' }),
  item({ id: 'application-load-balancer', kind: 'load-balancer', unit: 'hour' }),
  item({ id: 'alb-lcu', kind: 'load-balancer-capacity', unit: 'LCU-hour' }),
  item({ id: 'nat-gateway-data', kind: 'nat-data', unit: 'GB' }),
  item({
    id: 'internet-egress',
    kind: 'egress',
    unit: 'GB',
    freePerMonth: 100,
    tiers: [10240, 51200, 153600, null].map((upTo) => ({ upTo, price: 9.99 })),
  }),
  item({
    id: 'cloudfront-transfer',
    kind: 'cdn-transfer',
    unit: 'GB',
    tiers: [10240, 51200, 153600, 512000, 1048576, 5242880, null].map((upTo) => ({ upTo, price: 9.99 })),
  }),
  item({ id: 'cloudfront-https-requests', kind: 'cdn-requests', unit: '10k requests' }),
  item({
    id: 'route53-hosted-zone',
    kind: 'dns-zone',
    unit: 'zone-month',
    tiers: [
      { upTo: 25, price: 9.99 },
      { upTo: null, price: 9.99 },
    ],
  }),
  item({
    id: 'route53-queries',
    kind: 'dns-queries',
    unit: 'million queries',
    tiers: [
      { upTo: 1000, price: 9.99 },
      { upTo: null, price: 9.99 },
    ],
  }),
  item({
    id: 'route53-alias-queries',
    kind: 'dns-queries',
    variant: 'alias-aws-resource',
    unit: 'million queries',
    price: 0,
  }),
  item({
    id: 'sqs-standard',
    kind: 'queue-requests',
    unit: 'million requests',
    freePerMonth: 1,
    tiers: [100000, 200000, null].map((upTo) => ({ upTo, price: 9.99 })),
  }),
];

/** AWS in two of its seven research regions (us-east-1 and Frankfurt). */
export const awsResearch = () => catalog('aws', { 'us-east-1': awsItems(), 'eu-central-1': awsItems() });

const azureItems = (): CatalogItem[] => [
  item({ id: 'Standard_D2ps_v5', kind: 'compute', shape: 'general-2', unit: 'hour', vcpus: 2, memoryGb: 8 }),
  item({ id: 'Standard_D2ds_v5', kind: 'database', variant: 'multi-az', unit: 'hour', vcpus: 2, memoryGb: 8 }),
  item({ id: 'C1-basic', kind: 'cache', variant: 'single-az', unit: 'hour', billedNodes: 1 }),
  item({ id: 'C1-standard', kind: 'cache', variant: 'multi-az', unit: 'hour', billedNodes: 2 }),
  item({ id: 'P1-premium', kind: 'cache', variant: 'premium', unit: 'hour', billedNodes: 2 }),
  item({ id: 'application-gateway-v2', kind: 'load-balancer', unit: 'hour' }),
  item({ id: 'application-gateway-capacity-unit', kind: 'load-balancer-capacity', unit: 'LCU-hour' }),
  item({ id: 'application-gateway-waf-v2', kind: 'load-balancer', variant: 'waf', unit: 'hour' }),
  item({ id: 'nat-gateway', kind: 'nat-gateway', unit: 'hour' }),
  item({ id: 'nat-gateway-data', kind: 'nat-data', unit: 'GB' }),
  item({
    id: 'internet-egress',
    kind: 'egress',
    variant: 'routing-internet',
    unit: 'GB',
    freePerMonth: 100,
    tiers: [10100, 50100, 150100, null].map((upTo) => ({ upTo, price: 9.99 })),
  }),
  item({
    id: 'dns-queries',
    kind: 'dns-queries',
    unit: 'million queries',
    tiers: [
      { upTo: 1000, price: 9.99 },
      { upTo: null, price: 9.99 },
    ],
  }),
];

/** Azure in two of its seven research regions (East US and Germany West Central). */
export const azureResearch = () => catalog('azure', { eastus: azureItems(), germanywestcentral: azureItems() });

const gcpItems = (): CatalogItem[] => [
  item({ id: 'e2-standard-2', kind: 'compute', shape: 'general-2', unit: 'hour', vcpus: 2, memoryGb: 8 }),
  item({ id: 'c4a-standard-2', kind: 'compute', shape: 'general-2', unit: 'hour', vcpus: 2, memoryGb: 8 }),
  item({ id: 'cloudsql-enterprise-vcpu', kind: 'database', variant: 'single-az', unit: 'vCPU-hour' }),
  item({ id: 'cloudsql-enterprise-memory', kind: 'database', variant: 'multi-az', unit: 'GB-hour' }),
  item({ id: 'cloudsql-enterprise-plus-vcpu', kind: 'database', variant: 'aurora', unit: 'vCPU-hour' }),
  item({ id: 'db-custom-2-8192', kind: 'database', variant: 'multi-az', unit: 'hour', vcpus: 2, memoryGb: 8 }),
  item({ id: 'cloud-sql-ssd', kind: 'database-storage', unit: 'GB-month' }),
  item({ id: 'cloud-sql-ssd', kind: 'database-storage', variant: 'multi-az', unit: 'GB-month' }),
  item({ id: 'memorystore-redis-basic-m1', kind: 'cache', variant: 'basic', unit: 'GB-hour' }),
  item({ id: 'memorystore-redis-standard-m3', kind: 'cache', variant: 'standard', unit: 'GB-hour' }),
  item({ id: 'memorystore-basic-4gb', kind: 'cache', variant: 'single-az', unit: 'hour', memoryGb: 4 }),
  item({
    id: 'memorystore-standard-13gb',
    kind: 'cache',
    variant: 'multi-az',
    unit: 'hour',
    memoryGb: 13,
    billedNodes: 1,
  }),
  ...['north-america', 'oceania'].map((variant) =>
    item({
      id: 'cloud-cdn-transfer',
      kind: 'cdn-transfer',
      variant,
      unit: 'GB',
      tiers: [10240, 153600, null].map((upTo) => ({ upTo, price: 9.99 })),
    }),
  ),
  item({ id: 'cloud-cdn-lookups', kind: 'cdn-requests', unit: '10k requests' }),
  item({
    id: 'internet-egress-premium',
    kind: 'egress',
    unit: 'GB',
    tiers: [1024, 10240, null].map((upTo) => ({ upTo, price: 9.99 })),
  }),
  item({
    id: 'cloud-dns-queries',
    kind: 'dns-queries',
    variant: 'tiered',
    unit: 'million queries',
    tiers: [
      { upTo: 1000, price: 9.99 },
      { upTo: null, price: 9.99 },
    ],
  }),
  item({
    id: 'cloud-dns-zone',
    kind: 'dns-zone',
    variant: 'tiered',
    unit: 'zone-month',
    tiers: [25, 100000, null].map((upTo) => ({ upTo, price: 9.99 })),
  }),
];

/** GCP in two of its seven research regions (Iowa and Frankfurt). */
export const gcpResearch = () => catalog('gcp', { 'us-central1': gcpItems(), 'europe-west3': gcpItems() });
