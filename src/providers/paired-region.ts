import type { Catalog } from '../pricing/catalog-schema.js';
import { nearestOtherRegion } from './region-locations.js';
import { isProvider, providerPack } from './registry.js';

/**
 * The region a home region fails over to: the provider's own pairing when the catalog prices it (each
 * region is billed at its own prices), else the nearest region the catalog prices, else none (then no
 * design can add a second region, and the plan says so).
 */
export function pairedRegion(catalog: Catalog, home: string): string | null {
  const paired = isProvider(catalog.provider) ? providerPack(catalog.provider).pairedRegions[home] : undefined;
  if (paired && catalog.regions[paired]) return paired;
  return nearestOtherRegion(catalog, home) ?? Object.keys(catalog.regions).find((code) => code !== home) ?? null;
}
