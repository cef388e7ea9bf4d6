import type { Catalog } from '../pricing/catalog-schema.js';

/**
 * Where each priced region's data centres are (latitude, longitude of the metro the provider names): how
 * another provider's plan finds the region its users would use instead (`--provider all` with a split or a
 * home region from one provider's codes).
 */
const LOCATIONS: Readonly<Record<string, readonly [number, number]>> = {
  // AWS
  'us-east-1': [38.9, -77.4], // N. Virginia
  'us-west-2': [45.8, -119.7], // Oregon
  'eu-west-1': [53.3, -6.3], // Ireland
  'eu-central-1': [50.1, 8.7], // Frankfurt
  'ap-northeast-1': [35.7, 139.7], // Tokyo
  'ap-southeast-1': [1.35, 103.8], // Singapore
  'ap-southeast-2': [-33.9, 151.2], // Sydney
  // Google Cloud
  'us-central1': [41.3, -95.9], // Council Bluffs, Iowa
  'us-east1': [33.2, -80.0], // Moncks Corner, South Carolina
  'europe-west1': [50.45, 3.8], // St. Ghislain, Belgium
  'europe-west3': [50.1, 8.7], // Frankfurt
  'asia-northeast1': [35.7, 139.7], // Tokyo
  'asia-southeast1': [1.35, 103.7], // Jurong West, Singapore
  'australia-southeast1': [-33.9, 151.2], // Sydney
  // Azure
  eastus: [36.7, -78.4], // Virginia
  westus2: [47.2, -119.9], // Washington
  westeurope: [52.4, 4.9], // Netherlands
  northeurope: [53.3, -6.3], // Ireland
  germanywestcentral: [50.1, 8.7], // Frankfurt
  japaneast: [35.7, 139.7], // Tokyo, Saitama
  southeastasia: [1.3, 103.8], // Singapore
  // Other regions users name, priced at the nearest region a catalog has.
  'us-east-2': [40.0, -83.0], // Ohio
  'us-west-1': [37.4, -121.9], // N. California
  'ca-central-1': [45.5, -73.6], // Montreal
  'sa-east-1': [-23.5, -46.6], // São Paulo
  'eu-west-2': [51.5, -0.1], // London
  'eu-west-3': [48.9, 2.3], // Paris
  'eu-north-1': [59.3, 18.1], // Stockholm
  'eu-south-1': [45.5, 9.2], // Milan
  'ap-south-1': [19.1, 72.9], // Mumbai
  'ap-northeast-2': [37.6, 127.0], // Seoul
  'ap-northeast-3': [34.7, 135.5], // Osaka
  'ap-east-1': [22.3, 114.2], // Hong Kong
  'me-central-1': [24.5, 54.4], // UAE
  'af-south-1': [-33.9, 18.4], // Cape Town
  'us-east4': [39.0, -77.5], // Ashburn, Virginia
  'us-west1': [45.6, -121.2], // The Dalles, Oregon
  'us-west2': [34.1, -118.2], // Los Angeles
  'northamerica-northeast1': [45.5, -73.6], // Montreal
  'southamerica-east1': [-23.5, -46.6], // São Paulo
  'europe-west2': [51.5, -0.1], // London
  'europe-west4': [53.4, 6.8], // Eemshaven, Netherlands
  'europe-west9': [48.9, 2.3], // Paris
  'europe-north1': [60.6, 27.2], // Hamina, Finland
  'asia-east1': [24.1, 120.7], // Changhua County, Taiwan
  'asia-east2': [22.3, 114.2], // Hong Kong
  'asia-south1': [19.1, 72.9], // Mumbai
  'asia-northeast3': [37.6, 127.0], // Seoul
  westus: [37.8, -122.4], // California
  westus3: [33.4, -112.1], // Arizona
  centralus: [41.6, -93.6], // Iowa
  eastus2: [36.7, -78.4], // Virginia
  southcentralus: [29.4, -98.5], // Texas
  westcentralus: [41.1, -104.8], // Wyoming
  canadacentral: [43.7, -79.4], // Toronto
  brazilsouth: [-23.5, -46.6], // São Paulo
  uksouth: [51.5, -0.1], // London
  francecentral: [48.9, 2.3], // Paris
  swedencentral: [60.7, 17.1], // Gävle
  germanynorth: [52.5, 13.4], // Berlin
  japanwest: [34.7, 135.5], // Osaka
  eastasia: [22.3, 114.2], // Hong Kong
  australiaeast: [-33.9, 151.2], // Sydney
  centralindia: [18.6, 73.9], // Pune
  koreacentral: [37.6, 127.0], // Seoul
};

const RADIANS = Math.PI / 180;

/** Great-circle distance in km between two points. */
function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const [lat1, lon1] = [a[0] * RADIANS, a[1] * RADIANS];
  const [lat2, lon2] = [b[0] * RADIANS, b[1] * RADIANS];
  const h = Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The catalog's region nearest to where a code's data centres are, other than those `taken` (the first listed on a tie). */
function nearest(catalog: Catalog, code: string, taken: ReadonlySet<string>): string | null {
  const at = LOCATIONS[code];
  if (!at) return null;
  let best: { code: string; km: number } | null = null;
  for (const candidate of Object.keys(catalog.regions)) {
    const where = LOCATIONS[candidate];
    if (!where || taken.has(candidate)) continue;
    const km = distanceKm(at, where);
    if (!best || km < best.km) best = { code: candidate, km };
  }
  return best?.code ?? null;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The catalog's region for a region code: the code itself when the catalog prices it, else the catalog's
 * region nearest to where that code's data centres are, leaving out regions already `taken` by a split
 * while any other is left, else null.
 */
export function localRegion(catalog: Catalog, code: string, taken: ReadonlySet<string> = NONE): string | null {
  if (catalog.regions[code]) return code;
  return nearest(catalog, code, taken) ?? nearest(catalog, code, NONE);
}

/** The priced region nearest to a home region, for a second region when the provider's pair is not priced. */
export function nearestOtherRegion(catalog: Catalog, home: string): string | null {
  return nearest(catalog, home, new Set([home]));
}

/**
 * A `--regions` split in a catalog's regions, largest share first: each code priced where the catalog
 * prices it, else at its nearest region no other region of the split already uses (so a split keeps its
 * regions); codes that still land on one region merge.
 */
export function localSplit(
  catalog: Catalog,
  split: readonly { region: string; share: number }[],
  fallback: string,
): { code: string; share: number; asked: string[] }[] {
  const sorted = [...split].sort((a, b) => b.share - a.share || a.region.localeCompare(b.region));
  const taken = new Set(sorted.filter((r) => catalog.regions[r.region]).map((r) => r.region));
  const regions = new Map<string, { code: string; share: number; asked: string[] }>();
  for (const r of sorted) {
    const code = localRegion(catalog, r.region, taken) ?? fallback;
    taken.add(code);
    const entry = regions.get(code) ?? { code, share: 0, asked: [] };
    entry.share += r.share / 100;
    entry.asked.push(r.region);
    regions.set(code, entry);
  }
  return [...regions.values()].sort((a, b) => b.share - a.share || a.code.localeCompare(b.code));
}
