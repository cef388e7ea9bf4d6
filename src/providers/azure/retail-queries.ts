import type { CatalogItem } from '../../pricing/catalog-schema.js';

/** A row of the Retail Prices API, with the fields the refresh reads. */
export interface RetailItem {
  currencyCode: string;
  retailPrice: number;
  unitPrice: number;
  armRegionName: string;
  armSkuName: string;
  skuName: string;
  productName: string;
  meterName: string;
  serviceName: string;
  unitOfMeasure: string;
  type: string;
  tierMinimumUnits?: number;
  meterId?: string;
  savingsPlan?: { term: string; retailPrice: number }[];
}

/** One pinned query per catalog item: a loose filter would match hundreds of unrelated meters. */
export interface Query {
  item: CatalogItem;
  filter: string;
  accept: (row: RetailItem) => boolean;
  /** The price in the catalog's unit, from a row's price in the row's unit. */
  price: (row: RetailItem, rowPrice: number) => number;
}

const q = (v: string) => `'${v.replace(/'/g, "''")}'`;
const asIs = (_row: RetailItem, p: number) => p;

const POSTGRES_SERIES: Record<string, { product: string; perVcore: boolean; meter: (id: string) => string }> = {
  D: {
    product: 'Azure Database for PostgreSQL Flexible Server General Purpose Ddsv5 Series Compute',
    perVcore: true,
    meter: () => 'vCore',
  },
  E: {
    product: 'Azure Database for PostgreSQL Flexible Server Memory Optimized Edsv5 Series Compute',
    perVcore: true,
    meter: () => 'vCore',
  },
  B: {
    product: 'Azure Database for PostgreSQL Flexible Server Burstable BS Series Compute',
    perVcore: false,
    meter: (id) => id.replace('Standard_', ''),
  },
};

/** Azure Cache for Redis tiers by the catalog id's suffix (C1-basic, C3-standard, P2-premium). */
const REDIS_TIERS: Record<string, string> = {
  basic: 'Azure Redis Cache Basic',
  standard: 'Azure Redis Cache Standard',
  premium: 'Azure Redis Cache Premium',
};

function compute(item: CatalogItem, base: string): Query {
  return {
    item,
    filter: `serviceName eq 'Virtual Machines' and ${base} and armSkuName eq ${q(item.id)}`,
    // Linux only: skip Windows rows and the Spot and Low Priority meters.
    accept: (r) =>
      !r.productName.includes(' Windows') &&
      !r.skuName.includes(' Spot') &&
      !r.skuName.includes(' Low Priority') &&
      r.unitOfMeasure === '1 Hour',
    price: asIs,
  };
}

function database(item: CatalogItem, base: string): Query | null {
  const series = POSTGRES_SERIES[item.id.replace('Standard_', '')[0] ?? ''];
  if (!series || (item.variant !== undefined && item.variant !== 'single-az' && item.variant !== 'multi-az'))
    return null;
  // Zone-redundant HA runs a standby of the same size: twice the compute.
  const ha = item.variant === 'multi-az' ? 2 : 1;
  return {
    item,
    filter: `serviceName eq 'Azure Database for PostgreSQL' and ${base} and productName eq ${q(series.product)} and meterName eq ${q(series.meter(item.id))}`,
    accept: (r) => r.unitOfMeasure === '1 Hour',
    price: (_r, p) => p * (series.perVcore ? (item.vcpus ?? 1) : 1) * ha,
  };
}

function cache(item: CatalogItem, base: string): Query | null {
  const m = /^([CP]\d)-(basic|standard|premium)$/.exec(item.id);
  if (!m) return null;
  const [, size, tier] = m as unknown as [string, string, string];
  return {
    item,
    filter: `serviceName eq 'Redis Cache' and ${base} and productName eq ${q(REDIS_TIERS[tier]!)} and skuName eq ${q(size)} and meterName eq ${q(`${size} Cache Instance`)}`,
    accept: (r) => r.unitOfMeasure === '1 Hour',
    // The row is one node; Standard and Premium bill two (the catalog item says billedNodes: 2).
    price: asIs,
  };
}

/** Meters pinned by product and meter name, for the network and balancer items the research catalogs name. */
const PINNED: Record<string, { product: string; meter: RegExp; units: string[]; per?: number }> = {
  'load-balancer|application-gateway-v2|': {
    product: 'Application Gateway Standard v2',
    meter: /Fixed Cost$/,
    units: ['1 Hour', '1/Hour'],
  },
  'load-balancer-capacity|application-gateway-capacity-unit|': {
    product: 'Application Gateway Standard v2',
    meter: /Capacity Units?$/,
    units: ['1 Hour', '1/Hour'],
  },
  'load-balancer|application-gateway-waf-v2|waf': {
    product: 'Application Gateway WAF v2',
    meter: /Fixed Cost$/,
    units: ['1 Hour', '1/Hour'],
  },
  'nat-gateway|nat-gateway|': { product: 'NAT Gateway', meter: /^Standard Gateway$/, units: ['1 Hour', '1/Hour'] },
  'nat-data|nat-gateway-data|': { product: 'NAT Gateway', meter: /^Standard Data Processed$/, units: ['1 GB'] },
  'public-ip|public-ipv4-standard|': {
    product: 'IP Addresses',
    meter: /^Standard IPv4 Static Public IP$/,
    units: ['1 Hour', '1/Hour'],
  },
  'egress|internet-egress|': { product: 'Rtn Preference: MGN', meter: /^Standard Data Transfer Out$/, units: ['1 GB'] },
  'egress|internet-egress|routing-internet': {
    product: 'Rtn Preference: Internet',
    meter: /^Standard Data Transfer Out$/,
    units: ['1 GB'],
  },
  'dns-queries|dns-queries|': { product: 'Azure DNS', meter: /^Public Queries$/, units: ['1M', '1 Million'] },
  'dns-zone|dns-zone|': { product: 'Azure DNS', meter: /^Public Zone$/, units: ['1/Month', '1 Month'] },
};

function pinned(item: CatalogItem, base: string): Query | null {
  const pin = PINNED[`${item.kind}|${item.id}|${item.variant ?? ''}`];
  if (!pin) return null;
  return {
    item,
    filter: `${base} and productName eq ${q(pin.product)}`,
    accept: (r) => pin.meter.test(r.meterName) && pin.units.includes(r.unitOfMeasure),
    price: (_r, p) => p * (pin.per ?? 1),
  };
}

/**
 * Front Door bills transfer and requests by the zone of the edge serving the client (Retail Prices rows are
 * under armRegionName 'Zone 1' for North America and Europe, 'Zone 2' for Asia-Pacific), not by the region.
 */
const FRONT_DOOR_ZONE: Record<string, string> = { japaneast: 'Zone 2', southeastasia: 'Zone 2', eastasia: 'Zone 2' };
const FRONT_DOOR: Record<string, { meter: RegExp; units: string[] }> = {
  'cdn-transfer|front-door-transfer': { meter: /^Standard Data Transfer Out$/, units: ['1 GB'] },
  'cdn-requests|front-door-requests': { meter: /^Standard Requests$/, units: ['10K'] },
};

function frontDoor(item: CatalogItem, region: string): Query | null {
  const pin = FRONT_DOOR[`${item.kind}|${item.id}`];
  if (!pin) return null;
  const zone = FRONT_DOOR_ZONE[region] ?? 'Zone 1';
  return {
    item,
    filter: `serviceName eq 'Azure Front Door Service' and armRegionName eq ${q(zone)} and priceType eq 'Consumption' and productName eq 'Azure Front Door'`,
    accept: (r) => pin.meter.test(r.meterName) && pin.units.includes(r.unitOfMeasure),
    price: asIs,
  };
}

/** The queries for a catalog's items in a region (items no query fits are kept as they are). */
export function queries(items: readonly CatalogItem[], region: string): Query[] {
  const base = `armRegionName eq ${q(region)} and priceType eq 'Consumption'`;
  const out: Query[] = [];
  for (const item of items) {
    const query =
      item.kind === 'compute'
        ? compute(item, base)
        : item.kind === 'database'
          ? database(item, base)
          : item.kind === 'cache'
            ? cache(item, base)
            : item.kind === 'database-storage'
              ? {
                  item,
                  filter: `serviceName eq 'Azure Database for PostgreSQL' and ${base} and productName eq 'Azure Database for PostgreSQL Flexible Server Storage' and meterName eq 'Storage Data Stored'`,
                  accept: (r: RetailItem) => r.unitOfMeasure === '1 GB/Month',
                  price: asIs,
                }
              : (pinned(item, base) ?? frontDoor(item, region));
    if (query) out.push(query);
  }
  return out;
}
