import type { CatalogItem } from '../pricing/catalog-schema.js';
import type { CacheEngine } from '../pricing/commitment-schema.js';

export const ARCHITECTURES = ['x86', 'arm'] as const;
export type Architecture = (typeof ARCHITECTURES)[number];

/** How a provider tells an item's CPU architecture and cache engine: one function each, in its pack. */
export interface HardwareReader {
  architecture(item: CatalogItem): Architecture;
  cacheEngine(item: CatalogItem): CacheEngine;
}

/** An item's own `arch` or `engine` field, when a catalog carries one. */
const field = (item: CatalogItem, key: string): unknown => (item as unknown as Record<string, unknown>)[key];

/** The `arch` field ("arm", "arm64", "x86", "x86_64"), else what the description says (Graviton, Ampere, Axion, Arm). */
export function statedArchitecture(item: CatalogItem): Architecture | null {
  const arch = field(item, 'arch');
  if (typeof arch === 'string') return /^(arm|arm64|aarch64)$/i.test(arch) ? 'arm' : 'x86';
  if (/\b(graviton|ampere|axion|arm|arm64)\b/i.test(item.description ?? '')) return 'arm';
  return null;
}

/** The `engine` field, else the variant or the name: Valkey where it says so, Redis otherwise. */
export function statedCacheEngine(item: CatalogItem): CacheEngine {
  const engine = field(item, 'engine');
  if (engine === 'valkey' || engine === 'redis') return engine;
  return /valkey/i.test(`${item.variant ?? ''} ${item.id} ${item.description ?? ''}`) ? 'valkey' : 'redis';
}

/** A reader from a provider's naming rule for Arm families, after what the item itself states. */
export function hardwareReader(armFamily: (id: string) => boolean): HardwareReader {
  return {
    architecture: (item) => statedArchitecture(item) ?? (armFamily(item.id) ? 'arm' : 'x86'),
    cacheEngine: statedCacheEngine,
  };
}

/** For packs that name no rule: only what the items state. */
export const statedHardware: HardwareReader = hardwareReader(() => false);
