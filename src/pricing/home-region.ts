import type { Catalog } from './catalog-schema.js';

/** A catalog's home region: its first region, the one plans use when no region is asked for. */
export function homeRegion(catalog: Catalog): string {
  const first = Object.keys(catalog.regions)[0];
  if (!first) throw new Error(`the ${catalog.provider} catalog has no regions`);
  return first;
}
