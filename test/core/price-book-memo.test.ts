import { describe, expect, it } from 'vitest';
import type { ItemKind } from '../../src/pricing/catalog-schema.js';
import { bundledCatalogs } from '../../src/pricing/bundled.js';
import { priceBook } from '../../src/core/price-book.js';
import { hardwareBook, pick } from '../../src/core/hardware-book.js';

const catalogs = Object.values(bundledCatalogs());

/**
 * The price book remembers its lookups (nested maps by kind, id and variant; limits by id and shape) and the
 * hardware book is made once per price book and choice: every answer must be the one a plain scan gives.
 */
describe('remembered price-book lookups', () => {
  it('find every item as a scan of the region finds it, asked twice', () => {
    for (const catalog of catalogs) {
      const book = priceBook(catalog!, undefined);
      for (const item of book.items) {
        const kind = item.kind as ItemKind;
        const scan = book.items.find(
          (i) => i.kind === kind && i.id === item.id && (item.variant === undefined || i.variant === item.variant),
        );
        expect(book.item(kind, item.id, item.variant)).toBe(scan);
        expect(book.item(kind, item.id, item.variant)).toBe(scan);
        expect(book.has(kind, item.id, `${item.variant ?? ''}-not-sold`)).toBe(false);
        expect(book.has(kind, item.id, `${item.variant ?? ''}-not-sold`)).toBe(false);
      }
    }
  });
  it('give each limit as the rows say: the shape or variant row, else the provider-wide one', () => {
    for (const catalog of catalogs) {
      const book = priceBook(catalog!, undefined);
      const rows = (catalog!.limits ?? []).filter((l) => l.value !== undefined);
      for (const row of rows) {
        const which = row.shape ?? row.variant;
        const wide = rows.find((l) => l.id === row.id && l.shape === undefined && l.variant === undefined);
        const mine = rows.find(
          (l) => l.id === row.id && which !== undefined && (l.shape === which || l.variant === which),
        );
        expect(book.limit(row.id, which)).toBe(mine ?? wide);
        expect(book.limit(row.id, which)).toBe(mine ?? wide);
        expect(book.limit(row.id)).toBe(wide);
        expect(book.limit(row.id, 'no-such-shape')).toBe(wide);
      }
    }
  });
  it('make one hardware book per price book and choice, picking as pick() does', () => {
    for (const catalog of catalogs) {
      const base = priceBook(catalog!, undefined);
      const any = hardwareBook(base, { arch: 'any', cacheEngine: 'any' });
      expect(hardwareBook(base, { arch: 'any', cacheEngine: 'any' })).toBe(any);
      const arm = hardwareBook(base, { arch: 'arm', cacheEngine: 'any' });
      expect(arm).not.toBe(any);
      const shapes = ['general-2', 'general-4', 'general-8', 'compute-4'];
      for (const book of [any, arm]) {
        const expected = base.computeTypes(shapes).map((i) => pick(book.hardware, i));
        expect(expected.length).toBeGreaterThan(1);
        expect(book.computeTypes(shapes)).toEqual(expected);
        expect(book.computeTypes(shapes)).toBe(book.computeTypes(shapes));
      }
    }
  });
});
