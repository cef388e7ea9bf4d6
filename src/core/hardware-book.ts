import type { CatalogItem } from '../pricing/catalog-schema.js';
import { statedHardware, type HardwareReader } from '../providers/hardware.js';
import { isProvider, providerPack } from '../providers/registry.js';
import type { PlanInput } from './input.js';
import { priceBook, type PriceBook } from './price-book.js';

/** What the user asked for (`--arch`, `--cache-engine`) and how the provider's items say theirs. */
export interface HardwareChoice {
  arch: PlanInput['arch'];
  cacheEngine: PlanInput['cacheEngine'];
  reader: HardwareReader;
  /** The book without the choice: every item of every architecture and engine. */
  base: PriceBook;
  /** Whether the other regions of a split sell the item too: one instance type and node type in every region. */
  soldEverywhere: (item: CatalogItem) => boolean;
}

/** A price book whose shape lookups take the cheapest allowed architecture and cache engine. */
export interface HardwareBook extends PriceBook {
  hardware: HardwareChoice;
}

/** The variant without the cache engine in it: AWS marks ElastiCache rows `redis` / `valkey`. */
const variantKey = (item: CatalogItem) => (item.variant ?? '').replace(/\b(redis|valkey)\b/g, '');

/** A shape without its architecture: catalogs name Arm sizes `arm-general-4` beside the x86 `general-4`. */
const family = (shape: string | undefined) => shape?.replace(/^arm-/, '');

const siblingKey = (i: CatalogItem) => `${i.kind}|${family(i.shape)}|${i.unit}|${variantKey(i)}`;
const siblingGroups = new WeakMap<PriceBook, Map<string, CatalogItem[]>>();

/** A book's items grouped by what makes them swappable, made once per book (a plan picks hundreds of times). */
function groupsOf(book: PriceBook): Map<string, CatalogItem[]> {
  let groups = siblingGroups.get(book);
  if (groups) return groups;
  groups = new Map();
  for (const i of book.items) {
    if (!i.shape) continue;
    const key = siblingKey(i);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  siblingGroups.set(book, groups);
  return groups;
}

/** Items a plan may swap for each other: the same kind, shape, unit and variant; only the architecture or engine differs. */
export function siblings(book: PriceBook, anchor: CatalogItem): CatalogItem[] {
  if (!anchor.shape) return [anchor];
  const same = groupsOf(book).get(siblingKey(anchor)) ?? [];
  return same.includes(anchor) ? same : [anchor, ...same];
}

export const hourly = (item: CatalogItem) => item.price * (item.billedNodes ?? 1);

export function allowed(
  choice: Pick<HardwareChoice, 'arch' | 'cacheEngine' | 'reader'> & Partial<Pick<HardwareChoice, 'soldEverywhere'>>,
  item: CatalogItem,
): boolean {
  if (choice.soldEverywhere && !choice.soldEverywhere(item)) return false;
  if (choice.arch !== 'any' && choice.reader.architecture(item) !== choice.arch) return false;
  return (
    item.kind !== 'cache' || choice.cacheEngine === 'any' || choice.reader.cacheEngine(item) === choice.cacheEngine
  );
}

/**
 * The cheapest allowed sibling of an item (the first on a tie); the item itself when none is allowed. Where
 * no sibling of the asked architecture is sold (a managed cache on Arm only), the architecture steps aside
 * and the other choices (the cache engine, what every region sells) still pick: the provider runs it.
 */
export function pick(choice: HardwareChoice, anchor: CatalogItem): CatalogItem {
  const family = siblings(choice.base, anchor);
  let options = family.filter((i) => allowed(choice, i));
  if (options.length === 0 && choice.arch !== 'any')
    options = family.filter((i) => allowed({ ...choice, arch: 'any' }, i));
  return (
    options.reduce<CatalogItem | null>((best, i) => (!best || hourly(i) < hourly(best) ? i : best), null) ?? anchor
  );
}

const hardwareBooks = new WeakMap<PriceBook, Map<string, HardwareBook>>();

/**
 * The design's price book under `--arch` and `--cache-engine`: everything else reads through to the
 * catalog's. With a split across regions (`elsewhere`, the other regions' books), a shape offers only the
 * types every region sells, so the plan's one instance type is bought at each region's own price. Made once
 * per price book, choice and split, its picks remembered: the base book's lookups return the same list for
 * the same shapes, so each list is mapped once.
 */
export function hardwareBook(
  base: PriceBook,
  input: Pick<PlanInput, 'arch' | 'cacheEngine'>,
  elsewhere: readonly PriceBook[] = [],
): HardwareBook {
  const key = `${input.arch}|${input.cacheEngine}|${elsewhere.map((b) => b.region).join(',')}`;
  const known = hardwareBooks.get(base) ?? new Map<string, HardwareBook>();
  hardwareBooks.set(base, known);
  const book = known.get(key) ?? makeHardwareBook(base, input, elsewhere);
  known.set(key, book);
  return book;
}

function makeHardwareBook(
  base: PriceBook,
  input: Pick<PlanInput, 'arch' | 'cacheEngine'>,
  elsewhere: readonly PriceBook[],
): HardwareBook {
  const provider = base.catalog.provider;
  const reader = (isProvider(provider) ? providerPack(provider).hardware : undefined) ?? statedHardware;
  const soldEverywhere = (item: CatalogItem) => elsewhere.every((b) => b.has(item.kind, item.id, item.variant));
  const hardware: HardwareChoice = { arch: input.arch, cacheEngine: input.cacheEngine, reader, base, soldEverywhere };
  const mapped = new WeakMap<readonly CatalogItem[], CatalogItem[]>();
  const each = (items: CatalogItem[]) => {
    const known = mapped.get(items);
    if (known) return known;
    const picked = items.map((i) => pick(hardware, i)).filter(soldEverywhere);
    mapped.set(items, picked);
    return picked;
  };
  return {
    ...base,
    hardware,
    computeTypes: (shapes) => each(base.computeTypes(shapes)),
    databaseTypes: (shapes, variant) => each(base.databaseTypes(shapes, variant)),
    cacheTypes: (shapes) => each(base.cacheTypes(shapes)),
    // Sizes as the provider bills them (node types, Memorystore capacity, Azure tiers), each the cheapest allowed engine.
    cacheSizes: (shapes, ha) => each(base.cacheSizes(shapes, ha)),
  };
}

/** The book a design across these regions chooses hardware from: types every one of them sells. */
export function splitBook(book: PriceBook, codes: readonly string[]): PriceBook {
  const others = codes.filter((c) => c !== book.region);
  if (others.length === 0 || !isHardwareBook(book)) return book;
  const { base, arch, cacheEngine } = book.hardware;
  return hardwareBook(
    base,
    { arch, cacheEngine },
    others.map((c) => priceBook(base.catalog, c)),
  );
}

export const isHardwareBook = (book: PriceBook): book is HardwareBook => 'hardware' in book;
