import type { Catalogs } from '../core/plan.js';
import { providerIds, providerPack } from '../providers/registry.js';

/** The catalogs shipped with each registered provider pack, validated against the schema at build time. */
export function bundledCatalogs(): Catalogs {
  return Object.fromEntries(providerIds().map((id) => [id, providerPack(id).catalog]));
}
