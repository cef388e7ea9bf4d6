import type { Catalogs } from '../core/plan.js';
import { providerIds, providerPack } from '../providers/registry.js';

/**
 * The catalogs shipped with each registered provider pack, validated against the schema at build time.
 * Each is read from its pack when first used (the built CLI parses a provider's catalog on first use).
 */
export function bundledCatalogs(): Catalogs {
  const catalogs: Catalogs = {};
  for (const id of providerIds())
    Object.defineProperty(catalogs, id, { enumerable: true, get: () => providerPack(id).catalog });
  return catalogs;
}
