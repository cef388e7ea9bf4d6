import type { CatalogItem } from '../../pricing/catalog-schema.js';
import { itemKey } from '../../pricing/refresh/apply.js';
import type { AwsProduct } from './offer-stream.js';

/** Which catalog item (its key) a product of one offer file is, or null; `region` is the catalog region refreshed. */
export type AwsMatcher = (p: AwsProduct, region: string) => string | null;

/** An offer file read per region (its region index) or once for the world (CloudFront, Route 53). */
export interface AwsOffer {
  code: string;
  scope: 'region' | 'global';
  match: AwsMatcher;
}

type Attrs = Record<string, string>;
const is = (a: Attrs, expected: Attrs) => Object.entries(expected).every(([k, v]) => a[k] === v);
/** A usage type exactly, with or without the region prefix some services put on it ("USE1-", "EU-"). */
const usage = (a: Attrs, name: string) =>
  new RegExp(`^(?:[A-Z0-9]+-)?${name.replace(/[.:]/g, '\\$&')}$`).test(a.usagetype ?? '');

/** The key of the first of these (kind, id, variant) the catalog holds, or null. */
function keyIn(keys: ReadonlySet<string>, kind: CatalogItem['kind'], id: string, variants: (string | undefined)[]) {
  for (const variant of variants) {
    const key = itemKey({ kind, id, variant });
    if (keys.has(key)) return key;
  }
  return null;
}

/** Linux, shared tenancy, no pre-installed software, no licence, capacity in use (not reserved), on demand. */
const LINUX_ON_DEMAND: Attrs = {
  operatingSystem: 'Linux',
  tenancy: 'Shared',
  preInstalledSw: 'NA',
  licenseModel: 'No License required',
  capacitystatus: 'Used',
  marketoption: 'OnDemand',
};

/** RDS for PostgreSQL deployment options as the Price List names them, by catalog variant. */
const RDS_DEPLOYMENTS: Record<string, string> = {
  'Single-AZ': 'single-az',
  'Multi-AZ': 'multi-az',
  'Multi-AZ (readable standbys)': 'multi-az-cluster',
};
/** Aurora's storage configuration is the instance row's `storage` attribute (and an "IOOptimized" usage type). */
const AURORA_STORAGE: Record<string, string> = {
  'EBS Only': 'aurora',
  'Aurora IO Optimization Mode': 'aurora-io-optimized',
};

function ec2(keys: ReadonlySet<string>): AwsMatcher {
  return (p, region) => {
    const a = p.attributes;
    if (a.regionCode !== region) return null;
    if (p.productFamily === 'Compute Instance')
      return is(a, LINUX_ON_DEMAND) && usage(a, `BoxUsage:${a.instanceType}`)
        ? keyIn(keys, 'compute', a.instanceType ?? '', [undefined])
        : null;
    if (p.productFamily === 'NAT Gateway' && usage(a, 'NatGateway-Hours'))
      return keyIn(keys, 'nat-gateway', 'nat-gateway', [undefined]);
    if (p.productFamily === 'NAT Gateway' && usage(a, 'NatGateway-Bytes'))
      return keyIn(keys, 'nat-data', 'nat-gateway-data', [undefined]);
    if (p.productFamily === 'IP Address' && usage(a, 'PublicIPv4:InUseAddress'))
      return keyIn(keys, 'public-ip', 'public-ipv4', [undefined]);
    return null;
  };
}

function rdsInstance(keys: ReadonlySet<string>, a: Attrs): string | null {
  const id = a.instanceType ?? '';
  if (a.databaseEngine === 'PostgreSQL' && a.licenseModel !== 'Bring your own license') {
    const variant = RDS_DEPLOYMENTS[a.deploymentOption ?? ''];
    return variant ? keyIn(keys, 'database', id, [variant]) : null;
  }
  if (a.databaseEngine === 'Aurora PostgreSQL' && a.deploymentOption === 'Single-AZ') {
    const variant = AURORA_STORAGE[a.storage ?? ''];
    return variant ? keyIn(keys, 'database', id, [variant]) : null;
  }
  return null;
}

function rds(keys: ReadonlySet<string>): AwsMatcher {
  return (p, region) => {
    const a = p.attributes;
    if (a.regionCode !== region) return null;
    if (p.productFamily === 'Database Instance') return rdsInstance(keys, a);
    const postgres = a.databaseEngine === undefined || a.databaseEngine === 'PostgreSQL' || a.databaseEngine === 'Any';
    const aurora = a.databaseEngine === undefined || a.databaseEngine === 'Aurora PostgreSQL';
    if (p.productFamily === 'Database Storage') {
      if (postgres && a.deploymentOption === 'Single-AZ' && usage(a, 'RDS:GP3-Storage'))
        return keyIn(keys, 'database-storage', 'rds-gp3', [undefined, 'single-az']);
      if (postgres && a.deploymentOption === 'Multi-AZ' && usage(a, 'RDS:Multi-AZ-GP3-Storage'))
        return keyIn(keys, 'database-storage', 'rds-gp3', ['multi-az']);
      if (aurora && usage(a, 'Aurora:StorageUsage'))
        return keyIn(keys, 'database-storage', 'aurora-storage', ['aurora']);
      if (aurora && usage(a, 'Aurora:IO-OptimizedStorageUsage'))
        return keyIn(keys, 'database-storage', 'aurora-io-optimized-storage', ['aurora-io-optimized']);
    }
    if (p.productFamily === 'System Operation' && aurora && usage(a, 'Aurora:StorageIOUsage'))
      return keyIn(keys, 'database-io', 'aurora-io', ['aurora']);
    return null;
  };
}

function elastiCache(keys: ReadonlySet<string>): AwsMatcher {
  const engines: Record<string, (string | undefined)[]> = { Redis: ['redis', undefined], Valkey: ['valkey'] };
  return (p, region) => {
    const a = p.attributes;
    if (a.regionCode !== region || p.productFamily !== 'Cache Instance') return null;
    // The node itself: not the add-ons listed under the same instance type (data tiering, sync durability…).
    if (!usage(a, `NodeUsage:${a.instanceType}`)) return null;
    const variants = engines[a.cacheEngine ?? ''];
    return variants ? keyIn(keys, 'cache', a.instanceType ?? '', variants) : null;
  };
}

function elb(keys: ReadonlySet<string>): AwsMatcher {
  return (p, region) => {
    const a = p.attributes;
    if (a.regionCode !== region || p.productFamily !== 'Load Balancer-Application') return null;
    if (usage(a, 'LoadBalancerUsage')) return keyIn(keys, 'load-balancer', 'application-load-balancer', [undefined]);
    if (usage(a, 'LCUUsage')) return keyIn(keys, 'load-balancer-capacity', 'alb-lcu', [undefined]);
    return null;
  };
}

/** CloudFront prices by where viewers are; the catalog's rates are for viewers in the United States. */
function cloudFront(keys: ReadonlySet<string>): AwsMatcher {
  return (p) => {
    const a = p.attributes;
    if (
      p.productFamily === 'Data Transfer' &&
      is(a, { transferType: 'CloudFront Outbound', fromLocation: 'United States', toLocation: 'External' })
    )
      return usage(a, 'DataTransfer-Out-Bytes')
        ? keyIn(keys, 'cdn-transfer', 'cloudfront-transfer', [undefined])
        : null;
    if (p.productFamily === 'Request' && a.location === 'United States' && usage(a, 'Requests-Tier2-HTTPS'))
      return keyIn(keys, 'cdn-requests', 'cloudfront-https-requests', [undefined]);
    return null;
  };
}

function dataTransfer(keys: ReadonlySet<string>): AwsMatcher {
  return (p, region) => {
    const a = p.attributes;
    if (p.productFamily !== 'Data Transfer' || a.fromRegionCode !== region) return null;
    if (is(a, { transferType: 'AWS Outbound', toLocation: 'External' }) && usage(a, 'DataTransfer-Out-Bytes'))
      return keyIn(keys, 'egress', 'internet-egress', [undefined]);
    return null;
  };
}

function route53(keys: ReadonlySet<string>): AwsMatcher {
  return (p) => {
    const a = p.attributes;
    if (p.productFamily === 'DNS Query' && usage(a, 'DNS-Queries'))
      return keyIn(keys, 'dns-queries', 'route53-queries', [undefined]);
    if (p.productFamily === 'DNS Zone' && usage(a, 'HostedZone'))
      return keyIn(keys, 'dns-zone', 'route53-hosted-zone', [undefined]);
    return null;
  };
}

function sqs(keys: ReadonlySet<string>): AwsMatcher {
  return (p, region) => {
    const a = p.attributes;
    if (a.regionCode !== region || p.productFamily !== 'API Request' || a.queueType !== 'Standard') return null;
    return usage(a, 'Requests-RBP') ? keyIn(keys, 'queue-requests', 'sqs-standard', [undefined]) : null;
  };
}

/** The offer files a catalog's items are in, each with its matcher (an offer none of whose items the catalog holds is skipped). */
export function awsOffers(items: readonly CatalogItem[]): AwsOffer[] {
  const keys = new Set(items.map(itemKey));
  const kinds = new Set(items.map((i) => i.kind));
  const offers: (AwsOffer & { kinds: CatalogItem['kind'][] })[] = [
    {
      code: 'AmazonEC2',
      scope: 'region',
      match: ec2(keys),
      kinds: ['compute', 'nat-gateway', 'nat-data', 'public-ip'],
    },
    { code: 'AmazonRDS', scope: 'region', match: rds(keys), kinds: ['database', 'database-storage', 'database-io'] },
    { code: 'AmazonElastiCache', scope: 'region', match: elastiCache(keys), kinds: ['cache'] },
    { code: 'AWSELB', scope: 'region', match: elb(keys), kinds: ['load-balancer', 'load-balancer-capacity'] },
    { code: 'AmazonCloudFront', scope: 'global', match: cloudFront(keys), kinds: ['cdn-transfer', 'cdn-requests'] },
    { code: 'AWSDataTransfer', scope: 'region', match: dataTransfer(keys), kinds: ['egress'] },
    { code: 'AmazonRoute53', scope: 'global', match: route53(keys), kinds: ['dns-queries', 'dns-zone'] },
    { code: 'AWSQueueService', scope: 'region', match: sqs(keys), kinds: ['queue-requests'] },
  ];
  return offers
    .filter((o) => o.kinds.some((k) => kinds.has(k)))
    .map(({ code, scope, match }) => ({ code, scope, match }));
}
