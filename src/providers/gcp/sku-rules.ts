import type { CatalogItem } from '../../pricing/catalog-schema.js';

/** The Cloud Billing Catalog services the refresh reads. */
export const GCP_SERVICES = {
  compute: '6F81-5844-456A',
  cloudSql: '9662-B51E-5089',
  networking: 'E505-1604-58F8',
  memorystore: '5AF5-2C11-D467',
  dns: 'FA26-5236-B8B5',
} as const;
export type GcpService = keyof typeof GCP_SERVICES;

/** How one catalog item is read from one SKU: its service, its description, and the units between them. */
export interface SkuRule {
  service: GcpService;
  description: RegExp;
  /** The SKU is priced once for the world (serviceRegions ["global"]), not per region. */
  global?: boolean;
  /** Catalog units per SKU unit: 1e4 for a per-lookup SKU priced per 10k, 1e6 per million. */
  per?: number;
}

/** Cloud CDN cache egress destinations by catalog variant, as the SKU descriptions name them. */
const CDN_DESTINATIONS: Record<string, string> = {
  '': 'North America',
  'north-america': 'North America',
  europe: 'Europe',
  'asia-pacific': 'Asia',
  oceania: 'Oceania',
  'south-america': 'Latin America',
  china: 'China',
};
const SQL = 'Cloud SQL for PostgreSQL';
/** Cloud SQL per-vCPU and per-GiB items by (id, variant): availability (Zonal/Regional) and edition. */
const SQL_RATES: Record<string, { ha: string; plus: boolean; what: 'vCPU' | 'RAM' }> = {
  'cloudsql-enterprise-vcpu|single-az': { ha: 'Zonal', plus: false, what: 'vCPU' },
  'cloudsql-enterprise-memory|single-az': { ha: 'Zonal', plus: false, what: 'RAM' },
  'cloudsql-enterprise-vcpu|multi-az': { ha: 'Regional', plus: false, what: 'vCPU' },
  'cloudsql-enterprise-memory|multi-az': { ha: 'Regional', plus: false, what: 'RAM' },
  // The research catalog files Enterprise Plus (zonal rates; HA doubles) under the "aurora" HA-plus slot.
  'cloudsql-enterprise-plus-vcpu|aurora': { ha: 'Zonal', plus: true, what: 'vCPU' },
  'cloudsql-enterprise-plus-memory|aurora': { ha: 'Zonal', plus: true, what: 'RAM' },
};
/**
 * Enterprise Plus vCPU and RAM SKUs name their machine series: "Zonal - Enterprise Plus N vCPU in Carolina" beside
 * "Zonal - Enterprise Plus C4 vCPU in South Carolina" and "... C4A RAM ...". The catalog's Enterprise Plus rows are
 * the N series (db-perf-optimized-N-*), so exactly that series is read; C4 and C4A are other products, never a fit.
 */
const PLUS_SERIES = 'N';

/** Cloud SQL shapes priced as vCPUs × a vCPU SKU + GiB × a RAM SKU, times the servers billed at those rates. */
export const SQL_SHAPES = [
  { variant: 'single-az', prefix: 'db-custom-', label: 'Zonal', servers: 1, rate: 'Zonal - ' },
  { variant: 'multi-az', prefix: 'db-custom-', label: 'Regional', servers: 1, rate: 'Regional - ' },
  // Enterprise Plus with HA: a primary and a standby, each at the zonal N-series rates (as the catalog composes it).
  {
    variant: 'aurora',
    prefix: 'db-perf-optimized-N-',
    label: 'Enterprise Plus',
    servers: 2,
    rate: `Zonal - Enterprise Plus ${PLUS_SERIES} `,
  },
  // An Enterprise Plus read replica: one zonal instance at the same rates.
  {
    variant: 'aurora-replica',
    prefix: 'db-perf-optimized-N-',
    label: 'Enterprise Plus replica',
    servers: 1,
    rate: `Zonal - Enterprise Plus ${PLUS_SERIES} `,
  },
] as const;
export const sqlShapeRate = (shape: (typeof SQL_SHAPES)[number], what: 'vCPU' | 'RAM') =>
  new RegExp(`^${SQL}: ${shape.rate}${what} in `);

/** The SKU rule for an item priced straight from one SKU, or null (composed items and unknown ones). */
export function skuRule(item: CatalogItem): SkuRule | null {
  const key = `${item.id}|${item.variant ?? ''}`;
  const sql = SQL_RATES[key];
  if (sql)
    return {
      service: 'cloudSql',
      description: new RegExp(
        `^${SQL}: ${sql.ha} - ${sql.plus ? `Enterprise Plus ${PLUS_SERIES} ` : ''}${sql.what} in `,
      ),
    };
  if (item.kind === 'database-storage' && item.id === 'cloud-sql-ssd') {
    const ha = item.variant === 'multi-az' || item.variant === 'aurora' ? 'Regional' : 'Zonal';
    const plus = item.variant === 'aurora' ? 'Enterprise Plus ' : '';
    return { service: 'cloudSql', description: new RegExp(`^${SQL}: ${ha} - ${plus}Standard [Ss]torage in `) };
  }
  const capacity = /^memorystore-redis-(basic|standard)-(m[1-5])$/.exec(item.id);
  if (capacity)
    return {
      service: 'memorystore',
      description: new RegExp(
        `^Redis Capacity ${capacity[1] === 'basic' ? 'Basic' : 'Standard'} ${capacity[2]!.toUpperCase()} `,
      ),
    };
  if (item.kind === 'cdn-transfer' && CDN_DESTINATIONS[item.variant ?? ''])
    return {
      service: 'networking',
      global: true,
      description: new RegExp(
        `^Networking Cloud CDN Traffic Cache Data Transfer to ${CDN_DESTINATIONS[item.variant!]}$`,
      ),
    };
  if (item.kind === 'cdn-requests' && item.id === 'cloud-cdn-lookups')
    return { service: 'networking', global: true, description: /^Networking Cloud Cdn Cache Lookups$/i, per: 1e4 };
  if (item.kind === 'egress' && item.id.startsWith('internet-egress-premium'))
    return {
      service: 'networking',
      description: new RegExp(
        `^Network Internet Data Transfer Out from .+ to ${item.variant === 'to-australia' ? 'Australia' : 'Americas'}$`,
      ),
    };
  if (item.kind === 'dns-queries' && item.id === 'cloud-dns-queries')
    return { service: 'dns', global: true, description: /^DNS Query \(port 53\)$/, per: 1e6 };
  if (item.kind === 'dns-zone' && item.id === 'cloud-dns-zone')
    return { service: 'dns', global: true, description: /^ManagedZone$/ };
  return null;
}

/** Memorystore for Redis capacity tiers: a Basic or Standard instance of this many GB bills every GB at its tier's rate. */
export function capacityTier(gb: number): string {
  return gb <= 4 ? 'm1' : gb <= 10 ? 'm2' : gb <= 35 ? 'm3' : gb <= 100 ? 'm4' : 'm5';
}

/** Machine families priced as vCPUs × the core SKU + GiB × the RAM SKU (Arm ones name "Arm" in the SKU). */
export const MACHINE_FAMILIES = ['E2', 'N2', 'C4A', 'T2A'] as const;
export const machinePattern = (family: string, part: 'Core' | 'Ram') =>
  new RegExp(`^${family} (?:Arm )?Instance ${part} running in `);
