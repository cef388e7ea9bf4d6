import type { CatalogItem } from '../pricing/catalog-schema.js';
import type { CacheEngine } from '../pricing/commitment-schema.js';
import { hourly, isHardwareBook, siblings, type HardwareChoice } from './hardware-book.js';
import type { PriceBook } from './price-book.js';
import { round } from './round.js';

const cost = (item: CatalogItem) => `$${round(hourly(item), 4)}/h`;
const cheaper = (a: CatalogItem, b: CatalogItem) => {
  const share = 1 - hourly(a) / hourly(b);
  return Math.abs(share) < 0.0005
    ? `the same price as`
    : `${Math.abs(round(share * 100, 1))} % ${share > 0 ? 'cheaper' : 'dearer'} than`;
};
const cheapest = (items: CatalogItem[]) => items.reduce((a, b) => (hourly(b) < hourly(a) ? b : a));

export const ARM_CAVEAT =
  'Arm caveat: build the container images for linux/arm64 as well as linux/amd64 (a multi-arch build: docker buildx build --platform linux/amd64,linux/arm64), check that native dependencies and agents ship Arm builds, and measure — the sizing assumes an Arm vCPU does the work of an x86 vCPU';
const ENGINE_NAME: Record<CacheEngine, string> = { redis: 'Redis OSS', valkey: 'Valkey' };

/** Why the item's CPU architecture: the price of the other architecture's sibling, and the Arm caveat for app servers. */
export function architectureReasons(book: PriceBook, item: CatalogItem): string[] {
  if (!isHardwareBook(book)) return [];
  const h: HardwareChoice = book.hardware;
  const arch = h.reader.architecture(item);
  const others = siblings(h.base, item).filter((i) => h.reader.architecture(i) !== arch);
  const flag = `--arch ${h.arch}`;
  if (others.length === 0) {
    // A managed database or cache runs on whatever the provider sells: no image to build, nothing to warn about.
    if (h.arch === 'any' || h.arch === arch || item.kind !== 'compute') return [];
    return [
      `${flag}: the ${book.catalog.name} catalog sells no ${h.arch} ${item.kind} of this size in ${book.region}; ${item.id} (${arch}) kept`,
    ];
  }
  const other = cheapest(others);
  const why = h.arch === 'any' ? `the cheapest that fits (${flag})` : `as asked (${flag})`;
  const reasons = [
    `Architecture: ${arch} — ${item.id} at ${cost(item)} is ${cheaper(item, other)} the ${h.reader.architecture(other)} ${other.id} (${cost(other)}), ${why}`,
  ];
  if (arch === 'arm' && item.kind === 'compute') reasons.push(ARM_CAVEAT);
  if (arch === 'arm' && item.kind !== 'compute')
    reasons.push('A managed service: the provider runs it on Arm, nothing to build; clients connect as before');
  return reasons;
}

/** The cache node's engine. */
export function cacheEngineOf(book: PriceBook, node: CatalogItem): CacheEngine {
  return isHardwareBook(book) ? book.hardware.reader.cacheEngine(node) : 'redis';
}

/** Why the cache engine: the price of the other engine's node, or that the provider sells no Valkey. */
export function cacheEngineReasons(book: PriceBook, node: CatalogItem): string[] {
  if (!isHardwareBook(book)) return [];
  const h = book.hardware;
  const engine = h.reader.cacheEngine(node);
  const others = siblings(h.base, node).filter((i) => h.reader.cacheEngine(i) !== engine);
  const flag = `--cache-engine ${h.cacheEngine}`;
  if (others.length === 0) {
    if (h.cacheEngine === 'any' || h.cacheEngine === engine) return [];
    return [
      `${flag}: ${book.catalog.services.cache} sells no ${ENGINE_NAME[h.cacheEngine]} node of this size in ${book.region}; ${ENGINE_NAME[engine]} kept`,
    ];
  }
  const other = cheapest(others);
  const why = h.cacheEngine === 'any' ? `the cheapest that fits (${flag})` : `as asked (${flag})`;
  return [
    `Engine: ${ENGINE_NAME[engine]} — ${node.id} at ${cost(node)} is ${cheaper(node, other)} ${ENGINE_NAME[h.reader.cacheEngine(other)]} (${cost(other)}), ${why}; Valkey speaks the Redis OSS 7.2 protocol, so Redis clients and commands work unchanged`,
  ];
}

/** What a forced `--arch` or `--cache-engine` could not get on this provider: the plan says so among its warnings. */
export function hardwareWarnings(book: PriceBook, items: readonly (CatalogItem | null)[]): string[] {
  return items
    .filter((i): i is CatalogItem => i !== null)
    .flatMap((i) => (i.kind === 'cache' ? cacheEngineReasons(book, i) : architectureReasons(book, i)))
    .filter((text) => text.startsWith('--'));
}

/** The app servers' architecture, for the plan document. */
export function hardwareArchitecture(book: PriceBook, item: CatalogItem): 'x86' | 'arm' | undefined {
  return isHardwareBook(book) ? book.hardware.reader.architecture(item) : undefined;
}
