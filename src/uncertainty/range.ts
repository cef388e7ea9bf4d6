import { parseHumaneNumber } from '../core/humane-number.js';
import { inputSchema } from '../core/input.js';
import { DISTRIBUTIONS, endsProblem, type Distribution, type Interval } from './distribution.js';
import { RANGE_FIELDS, SINGLE_VALUE_FIELDS } from './range-fields.js';

/** A range given for one input field. */
export interface InputRange extends Interval {
  field: string;
  /** How the user wrote it, for messages ("40k..80k"). */
  text: string;
}

/** Thrown with the field it is about; the CLI names the flag, the variable or the file's field. */
export class RangeInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RangeInputError';
  }
}

// `…` as \u2026: the CLI bundle then has no character outside ASCII, so V8 keeps its source in one byte a character.
const TEXT = /^\s*(\S+?)\s*(?:\.\.|\u2026)\s*(\S+?)(?:\s+(lognormal|log-normal|logit-normal|normal|uniform))?\s*$/i;

/** True when a raw value is written as a range: "40k..80k", "20..80 uniform", or {low, high[, distribution]}. */
export function looksLikeRange(value: unknown): boolean {
  if (typeof value === 'string') return TEXT.test(value);
  return value !== null && typeof value === 'object' && !Array.isArray(value) && ('low' in value || 'high' in value);
}

/** Reads one field's range, or fails naming the field. The distribution defaults to the field's own. */
export function parseRange(field: string, value: unknown): InputRange {
  const spec = RANGE_FIELDS[field];
  if (!spec) {
    const why = SINGLE_VALUE_FIELDS[field];
    throw new RangeInputError(
      field,
      `takes one value, not a range${why ? ` (${why})` : ''}; ranges are for ${Object.keys(RANGE_FIELDS).join(', ')}`,
    );
  }
  let low: number;
  let high: number;
  let distribution: Distribution = spec.distribution;
  let text: string;
  if (typeof value === 'string') {
    const m = TEXT.exec(value)!;
    // "40k...80k": a third dot would make the high end ".80k" (800); say so rather than read it.
    if (/^[.\u2026]/.test(m[2]!) || /[.\u2026]$/.test(m[1]!))
      throw new RangeInputError(field, `"${value}": write a range as low..high, with two dots (40k..80k)`);
    low = parseHumaneNumber(m[1]!);
    high = parseHumaneNumber(m[2]!);
    if (m[3]) distribution = normaliseDistribution(field, m[3]);
    text = value.trim();
  } else {
    const o = value as Record<string, unknown>;
    const unknown = Object.keys(o).filter((k) => !['low', 'high', 'distribution'].includes(k));
    if (unknown.length > 0)
      throw new RangeInputError(field, `a range has low, high and distribution, not ${unknown.join(', ')}`);
    low = toNumber(o.low);
    high = toNumber(o.high);
    if (o.distribution !== undefined) distribution = normaliseDistribution(field, o.distribution);
    text = `${String(o.low)}..${String(o.high)}`;
  }
  if (!Number.isFinite(low) || !Number.isFinite(high))
    throw new RangeInputError(field, `"${text}" is not a range of two numbers, as in 40k..80k`);
  const range: InputRange = { field, low, high, distribution, text, ...(spec.scale ? { scale: spec.scale } : {}) };
  checkEnds(range);
  const problem = endsProblem(range);
  if (problem) throw new RangeInputError(field, `${text}: ${problem}`);
  return range;
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return parseHumaneNumber(v);
  return Number.NaN;
}

function normaliseDistribution(field: string, v: unknown): Distribution {
  const text = String(v)
    .toLowerCase()
    .replace(/^log-normal$/, 'lognormal');
  if ((DISTRIBUTIONS as readonly string[]).includes(text)) return text as Distribution;
  throw new RangeInputError(field, `distribution: expected one of ${DISTRIBUTIONS.join(', ')}, not "${String(v)}"`);
}

/** Each end must pass the input schema's own rule for the field (a share stays a share). */
function checkEnds(range: InputRange): void {
  const shape = inputSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; error?: unknown } }>;
  const rule = shape[range.field];
  if (!rule) return;
  for (const [end, value] of [
    ['low', range.low],
    ['high', range.high],
  ] as const) {
    const result = rule.safeParse(value) as { success: boolean; error?: { issues: { message: string }[] } };
    if (!result.success)
      throw new RangeInputError(
        range.field,
        `${range.text}: the ${end} end ${value}: ${result.error?.issues[0]?.message ?? 'is not valid'}`,
      );
  }
}
