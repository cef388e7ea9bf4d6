import type { DatabaseSizing } from './database.js';
import { groupDigits } from './group-digits.js';
import type { PriceBook } from './price-book.js';

/** Connections each app server's pool holds open to every primary (a typical 2 × vCPU + spare pool). */
export const POOL_PER_SERVER = 20;

/**
 * Whether the fleet at its maximum opens more connections than the primary accepts (the engine's
 * max_connections, a catalog limit); past it, a pooler in transaction mode multiplexes them.
 */
export function connectionReason(book: PriceBook, db: DatabaseSizing, maxServers: number): string | null {
  const limit = book.limit('database-max-connections', db.instance.id);
  if (!limit) return null;
  const wanted = maxServers * POOL_PER_SERVER;
  const figures = `${groupDigits(maxServers)} server${maxServers === 1 ? '' : 's'} at the fleet's maximum × ${POOL_PER_SERVER} pooled connections = ${groupDigits(wanted)}, against ${db.instance.id}'s ${groupDigits(limit.value)} max_connections (${limit.source})`;
  if (wanted <= limit.value * 0.8) return `Connections fit: ${figures}`;
  const pooler =
    book.catalog.provider === 'aws'
      ? 'PgBouncer on each app server or RDS Proxy'
      : book.catalog.provider === 'azure'
        ? "the server's built-in PgBouncer"
        : 'PgBouncer (or managed connection pooling on Enterprise Plus)';
  return `Connections are a limit here: ${figures} — put ${pooler} in front of the primary in transaction mode, so a few hundred server connections carry them`;
}
