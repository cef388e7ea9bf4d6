import { quantile } from './distribution.js';
import { looksLikeRange, parseRange, RangeInputError, type InputRange } from './range.js';
import { clampToField, RANGE_FIELDS, SINGLE_VALUE_FIELDS } from './range-fields.js';
import { tidy } from './tidy.js';

export const DEFAULT_SAMPLES = 1000;
export const DEFAULT_SEED = 1;

export interface Extracted {
  /** The raw input with every range taken out (each ranged field holds its median). */
  base: Record<string, unknown>;
  ranges: InputRange[];
  samples: number;
  seed: number;
}

/**
 * Takes the ranges (and `samples`, `seed`) out of a raw input before the input schema sees it. Each end
 * of a range is checked by the schema's own rule for that field, so "0.1..1.5" as a share fails as a share.
 */
export function extractRanges(raw: Record<string, unknown>): Extracted {
  const base: Record<string, unknown> = { ...raw };
  const samples = wholeNumber('samples', raw.samples, DEFAULT_SAMPLES, 10, 100_000);
  const seed = wholeNumber('seed', raw.seed, DEFAULT_SEED, 0, 2 ** 32 - 1);
  delete base.samples;
  delete base.seed;
  const ranges: InputRange[] = [];
  for (const [field, value] of Object.entries(raw)) {
    // Only a number can be a range: a name or a region written "a..b" is that text, checked as what it is.
    const numeric = field in RANGE_FIELDS || field in SINGLE_VALUE_FIELDS;
    if (field === 'samples' || field === 'seed' || !numeric || !looksLikeRange(value)) continue;
    const range = parseRange(field, value);
    ranges.push(range);
    base[field] = medianOf(range);
  }
  return { base, ranges, samples, seed };
}

/** The value a range takes at probability u, to four significant digits, kept inside the field's valid values. */
export function valueAt(range: InputRange, u: number): number {
  return clampToField(RANGE_FIELDS[range.field]!, tidy(quantile(range, u)));
}

export function medianOf(range: InputRange): number {
  return valueAt(range, 0.5);
}

function wholeNumber(field: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value.replace(/[,_]/g, '')) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max)
    throw new RangeInputError(field, `expected a whole number from ${min} to ${max}, not "${String(value)}"`);
  return n;
}
