import type { Catalog } from '../pricing/catalog-schema.js';
import { isProvider, providerPack } from './registry.js';

/**
 * The region a home region fails over to: the provider's own pairing, else another region the catalog
 * prices, else none (then no design can add a second region, and the plan says so).
 */
export function pairedRegion(catalog: Catalog, home: string): string | null {
  const paired = isProvider(catalog.provider) ? providerPack(catalog.provider).pairedRegions[home] : undefined;
  return paired ?? Object.keys(catalog.regions).find((code) => code !== home) ?? null;
}
