import type { CatalogItem } from '../pricing/catalog-schema.js';
import type { PriceBook } from './price-book.js';

/** The cache service's name for the node's engine: "Amazon ElastiCache (Valkey)" for a Valkey node. */
export function cacheServiceName(book: PriceBook, node: CatalogItem): string {
  const name = book.catalog.services.cache;
  if (node.variant !== 'valkey') return name;
  return /\(Redis[^)]*\)/.test(name) ? name.replace(/\(Redis[^)]*\)/, '(Valkey)') : `${name} (Valkey)`;
}
