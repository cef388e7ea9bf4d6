// pricing/extras/<provider>.yaml: items a catalog needs beyond pricing/<provider>.yaml (the multi-region
// lines: DNS health checks, object-storage replication), kept apart so either file can change alone.
// Each item goes into every region; a `regions:` map gives one region its own row (same kind, id, variant).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Extras {
  provider?: string;
  items?: Record<string, unknown>[];
  regions?: Record<string, Record<string, unknown>[]>;
}
type RawCatalog = { provider?: string; regions?: Record<string, { items?: Record<string, unknown>[] }> };

const key = (i: Record<string, unknown>) => `${String(i.kind)}/${String(i.id)}/${String(i.variant ?? '')}`;

/** The catalog with its extras file's items added to each region; unchanged when there is no extras file. */
export function withExtras(raw: unknown, file: string): unknown {
  const path = join('pricing', 'extras', file);
  if (!existsSync(path)) return raw;
  const extras = parse(readFileSync(path, 'utf8')) as Extras;
  const catalog = raw as RawCatalog;
  if (extras.provider !== catalog.provider)
    throw new Error(`${path}: provider ${extras.provider} does not match pricing/${file} (${catalog.provider})`);
  for (const [code, region] of Object.entries(catalog.regions ?? {})) {
    const own = extras.regions?.[code] ?? [];
    const ownKeys = new Set(own.map(key));
    const added = [...(extras.items ?? []).filter((i) => !ownKeys.has(key(i))), ...own];
    const existing = new Set((region.items ?? []).map(key));
    region.items = [...(region.items ?? []), ...added.filter((i) => !existing.has(key(i)))];
  }
  return catalog;
}
