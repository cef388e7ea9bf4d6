import { homeRegion } from '../../pricing/home-region.js';
import type { Refresher } from '../types.js';
import type { Catalog, CatalogItem } from '../../pricing/catalog-schema.js';
import { itemKey, type RefreshedPrice } from '../../pricing/refresh/apply.js';
import { scanAwsOffer, type AwsPriceDimension, type AwsProduct } from './offer-stream.js';
import { getJson, under } from '../../pricing/refresh/http.js';
import { RefreshError } from '../../pricing/refresh/refresh-error.js';
import { decimalPrice } from '../../pricing/refresh/sanity.js';
import { openStream } from '../../pricing/refresh/stream.js';
import type { Progress } from '../../pricing/refresh/progress.js';
import { groupDigits } from '../../core/group-digits.js';

type Matcher = (p: AwsProduct, region: string) => string | null;

const is = (a: Record<string, string>, expected: Record<string, string>) =>
  Object.entries(expected).every(([k, v]) => a[k] === v);
const usage = (a: Record<string, string>, suffix: string) => (a.usagetype ?? '').endsWith(suffix);

/** Which catalog item a product is, by the Price List's attributes (keyed on regionCode, never a usagetype prefix). */
function matchers(items: readonly CatalogItem[]): Record<string, Matcher> {
  const ids = (kind: CatalogItem['kind']) => new Set(items.filter((i) => i.kind === kind).map((i) => i.id));
  const compute = ids('compute');
  const database = ids('database');
  const cache = ids('cache');
  return {
    AmazonEC2: (p, region) => {
      const a = p.attributes;
      if (a.regionCode !== region) return null;
      if (p.productFamily === 'Compute Instance' && compute.has(a.instanceType ?? '')) {
        // Linux, shared tenancy, no pre-installed software, no licence, a used (not reserved) capacity, on demand.
        const plain = is(a, {
          operatingSystem: 'Linux',
          tenancy: 'Shared',
          preInstalledSw: 'NA',
          licenseModel: 'No License required',
          capacitystatus: 'Used',
          marketoption: 'OnDemand',
        });
        return plain ? itemKey({ kind: 'compute', id: a.instanceType! }) : null;
      }
      if (p.productFamily === 'NAT Gateway') {
        if (usage(a, 'NatGateway-Hours')) return itemKey({ kind: 'nat-gateway', id: 'nat-gateway' });
        if (usage(a, 'NatGateway-Bytes')) return itemKey({ kind: 'nat-data', id: 'nat-gateway-data' });
      }
      if (p.productFamily === 'IP Address' && usage(a, 'PublicIPv4:InUseAddress'))
        return itemKey({ kind: 'public-ip', id: 'public-ipv4' });
      return null;
    },
    AmazonRDS: (p, region) => {
      const a = p.attributes;
      if (a.regionCode !== region) return null;
      if (p.productFamily === 'Database Instance' && database.has(a.instanceType ?? '')) {
        if (a.databaseEngine === 'PostgreSQL' && a.deploymentOption === 'Single-AZ')
          return itemKey({ kind: 'database', id: a.instanceType!, variant: 'single-az' });
        if (a.databaseEngine === 'PostgreSQL' && a.deploymentOption === 'Multi-AZ')
          return itemKey({ kind: 'database', id: a.instanceType!, variant: 'multi-az' });
        if (a.databaseEngine === 'Aurora PostgreSQL' && a.deploymentOption === 'Single-AZ')
          return itemKey({ kind: 'database', id: a.instanceType!, variant: 'aurora' });
        return null;
      }
      if (p.productFamily === 'Database Storage' && a.deploymentOption === 'Single-AZ' && usage(a, 'RDS:GP3-Storage'))
        return itemKey({ kind: 'database-storage', id: 'rds-gp3' });
      if (p.productFamily === 'Database Storage' && usage(a, 'Aurora:StorageUsage'))
        return itemKey({ kind: 'database-storage', id: 'aurora-storage', variant: 'aurora' });
      if (p.productFamily === 'System Operation' && usage(a, 'Aurora:StorageIOUsage'))
        return itemKey({ kind: 'database-io', id: 'aurora-io', variant: 'aurora' });
      return null;
    },
    AmazonElastiCache: (p, region) => {
      const a = p.attributes;
      if (a.regionCode !== region || p.productFamily !== 'Cache Instance' || !cache.has(a.instanceType ?? ''))
        return null;
      return a.cacheEngine === 'Redis' ? itemKey({ kind: 'cache', id: a.instanceType! }) : null;
    },
    AWSELB: (p, region) => {
      const a = p.attributes;
      if (a.regionCode !== region || p.productFamily !== 'Load Balancer-Application') return null;
      if (usage(a, 'LoadBalancerUsage')) return itemKey({ kind: 'load-balancer', id: 'application-load-balancer' });
      if (usage(a, 'LCUUsage')) return itemKey({ kind: 'load-balancer-capacity', id: 'alb-lcu' });
      return null;
    },
  };
}

const UNITS: Record<string, string[]> = {
  hour: ['Hrs', 'Hours', 'hours'],
  GB: ['GB', 'Quantity'],
  'GB-month': ['GB-Mo', 'GB-month'],
  'LCU-hour': ['LCU-Hrs'],
  'million requests': ['IOs'],
};

/** The on-demand USD price of a product in the catalog's unit (the first tier of a tiered price). */
function priceOf(dimensions: AwsPriceDimension[], item: CatalogItem): number | null {
  const usable = (Array.isArray(dimensions) ? dimensions : []).filter(
    (d) =>
      typeof d?.unit === 'string' && (UNITS[item.unit] ?? []).includes(d.unit) && d.pricePerUnit?.USD !== undefined,
  );
  const first = usable.find((d) => (d.beginRange ?? '0') === '0') ?? usable[0];
  if (!first) return null;
  // Strictly a decimal ("0.0416"): "0x10", "1e9" or " 5" is no price.
  const price = decimalPrice(first.pricePerUnit.USD);
  if (price === null)
    throw new RefreshError(
      `the price "${String(first.pricePerUnit.USD).slice(0, 30)}" of ${item.id} is not a decimal number`,
    );
  // The Price List prices I/O per request; the catalog per million.
  return item.unit === 'million requests' ? price * 1e6 : price;
}

interface OfferIndex {
  offers: Record<string, { currentRegionIndexUrl?: string; currentVersionUrl?: string }>;
}
interface RegionIndex {
  regions: Record<string, { currentVersionUrl: string }>;
}

/** Walks index.json → each offer's region_index.json → the region's offer file, streaming each. */
export async function refreshAws(
  base: Catalog,
  opts: { endpoint: string; region: string; idleMs: number; progress: Progress },
): Promise<Map<string, RefreshedPrice>> {
  const url = (path: string) => under(opts.endpoint, path);
  const index = await getJson<OfferIndex>(url('/offers/v1.0/aws/index.json'), { timeoutMs: opts.idleMs });
  if (!index?.offers || typeof index.offers !== 'object')
    throw new RefreshError('index.json has no "offers": not the AWS Price List Bulk API');
  const home = homeRegion(base);
  const items = base.regions[opts.region]?.items ?? base.regions[home]!.items;
  const byKey = new Map(items.map((i) => [itemKey(i), i]));
  const found = new Map<string, RefreshedPrice>();
  for (const [offer, match] of Object.entries(matchers(items))) {
    const entry = index.offers[offer];
    if (typeof entry?.currentRegionIndexUrl !== 'string')
      throw new RefreshError(`index.json lists no region index for ${offer}`);
    const regions = await getJson<RegionIndex>(url(entry.currentRegionIndexUrl), { timeoutMs: opts.idleMs });
    const target = regions?.regions?.[opts.region];
    if (typeof target?.currentVersionUrl !== 'string')
      throw new RefreshError(`${offer} has no prices for region ${opts.region}`);
    const task = opts.progress.start(`${offer} ${opts.region}`);
    const stream = await openStream(url(target.currentVersionUrl), { idleMs: opts.idleMs, onLength: task.total });
    const scan = await scanAwsOffer(stream, (p) => match(p, opts.region), task.advance);
    task.done(`${groupDigits(scan.productsSeen)} products, ${scan.matchedCount} matched`);
    const published = scan.publicationDate?.slice(0, 10) ?? 'undated';
    for (const [key, matches] of scan.byKey) {
      const item = byKey.get(key);
      for (const { sku, onDemand } of matches) {
        const price = item && onDemand ? priceOf(onDemand, item) : null;
        // Several SKUs can fit one item (e.g. NAT hours in two usage types): keep the first.
        if (price !== null && !found.has(key))
          found.set(key, {
            price,
            source: `AWS Price List Bulk API (${offer}, ${opts.region}, published ${published}, SKU ${sku})`,
          });
      }
    }
  }
  return found;
}

/** The provider pack's refresher: AWS's Price List needs no credential and sets no buying options. */
export const refresh: Refresher = async (base, opts) => ({ found: await refreshAws(base, opts), buying: {} });
