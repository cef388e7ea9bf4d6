import type { Limit } from '../pricing/limit-schema.js';
import type { PriceBook } from './price-book.js';

/** A limit with a value: the row for this shape or variant, else the provider-wide row (neither shape nor variant). */
export function limitOf(book: PriceBook, id: string, which?: string): (Limit & { value: number }) | undefined {
  const rows = (book.catalog.limits ?? []).filter(
    (l): l is Limit & { value: number } => l.id === id && l.value !== undefined,
  );
  return (
    rows.find((l) => which !== undefined && (l.shape === which || l.variant === which)) ??
    rows.find((l) => l.shape === undefined && l.variant === undefined)
  );
}
