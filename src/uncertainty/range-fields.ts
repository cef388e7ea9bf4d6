import { MAX_USERS } from '../core/limits.js';
import type { Distribution } from './distribution.js';

/**
 * The plan inputs that accept a range, and how a sample of each is kept valid. A target (availability,
 * the budget) or a horizon (months, growth) is a decision, not an uncertain quantity: those stay one number.
 */
export interface RangeField {
  /** Read as this distribution unless the file says otherwise. */
  distribution: Distribution;
  /** For a share or a percentage: the value that stands for "all". */
  scale?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  /** Higher values mean more demand (used to say which end of a range is the busy one). */
  what: string;
}

/**
 * Each field's min and max are the input schema's own bounds (test/uncertainty/range-bounds.test.ts holds
 * them together): a sample from a distribution's tail past a bound is pulled back to it, so a range whose
 * ends are valid never yields an invalid sample (`--users 1M..5B` drew past the 10B limit).
 */
export const RANGE_FIELDS: Readonly<Record<string, RangeField>> = {
  users: { distribution: 'lognormal', min: 1, max: MAX_USERS, integer: true, what: 'monthly active users' },
  dauRatio: { distribution: 'logit-normal', scale: 1, min: 0, max: 1, what: 'daily share of monthly users' },
  requestsPerUser: { distribution: 'lognormal', max: 1_000_000, what: 'requests per daily user' },
  peakFactor: { distribution: 'lognormal', min: 1, max: 50, what: 'peak hour over the average' },
  readRatio: { distribution: 'logit-normal', scale: 1, min: 0, max: 1, what: 'share of reads' },
  serviceTime: { distribution: 'lognormal', max: 60_000, what: 'CPU ms per request' },
  payloadKb: { distribution: 'lognormal', max: 1_000_000, what: 'KB sent per request' },
  storagePerUserMb: { distribution: 'lognormal', min: 0, max: 1_000_000, what: 'MB stored per user' },
  latencyTarget: { distribution: 'lognormal', min: 1, max: 600_000, what: 'p95 target, ms' },
  deploysPerMonth: { distribution: 'lognormal', min: 0, max: 10_000, what: 'deploys a month' },
  spot: { distribution: 'logit-normal', scale: 1, min: 0, max: 1, what: 'share of scale-out on spot' },
  discount: { distribution: 'logit-normal', scale: 100, min: 0, max: 99.99, what: 'discount, percent' },
};

/** Fields that are numbers but stay single values, and why (for the error message). */
export const SINGLE_VALUE_FIELDS: Readonly<Record<string, string>> = {
  availability: 'an availability target is a decision, not an uncertain quantity',
  maxMonthlyCost: 'a budget gate is one number',
  months: 'the projection horizon is one number',
  growth: 'growth is projected month by month; give one rate (or plan each rate separately)',
};

/** Where a normal or uniform sample of a must-be-positive field (no min given) is clipped. */
export const SMALLEST_POSITIVE = 0.001;

/** A sample pulled inside the field's valid values (the tails of an unbounded distribution can cross them). */
export function clampToField(field: RangeField, value: number): number {
  let v = value;
  if (field.integer) v = Math.round(v);
  if (field.min !== undefined && v < field.min) v = field.min;
  if (field.max !== undefined && v > field.max) v = field.max;
  if (field.min === undefined && v < SMALLEST_POSITIVE) v = SMALLEST_POSITIVE;
  return v;
}
