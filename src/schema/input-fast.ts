import { parseHumaneNumber } from '../core/humane-number.js';
import { ARCH_CHOICES, CACHE_ENGINE_CHOICES, DATABASE_CHOICES, type PlanInput } from '../core/input.js';
import { PROFILE_NAMES } from '../core/profiles.js';
import { isProvider } from '../providers/registry.js';

/**
 * The common input, validated without zod: what the input schema (src/core/input.ts) returns for a raw
 * input whose every field is plainly valid, or null to let the schema decide (and word the error). It
 * never accepts what the schema rejects and returns the same object, key for key and in the same order
 * (test/core/input-fast.test.ts checks both over generated inputs), so the plan path does not load zod.
 */
type Check = (value: unknown) => unknown;
const NO = Symbol('not plainly valid');

interface Bounds {
  min?: number;
  above?: number;
  max?: number;
  below?: number;
  int?: boolean;
}
const number =
  (b: Bounds): Check =>
  (value) => {
    const n = typeof value === 'string' ? parseHumaneNumber(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) return NO;
    if (b.min !== undefined && !(n >= b.min)) return NO;
    if (b.above !== undefined && !(n > b.above)) return NO;
    if (b.max !== undefined && !(n <= b.max)) return NO;
    if (b.below !== undefined && !(n < b.below)) return NO;
    if (b.int && !Number.isSafeInteger(n)) return NO;
    return n;
  };
const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && values.includes(value) ? value : NO;
const FLAG_TEXT: Record<string, boolean> = {
  true: true,
  yes: true,
  on: true,
  1: true,
  false: false,
  no: false,
  off: false,
  0: false,
};
const flag: Check = (value) => {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return NO;
  const text = value.trim().toLowerCase();
  return Object.hasOwn(FLAG_TEXT, text) ? FLAG_TEXT[text] : NO;
};
const REGION_CODE = /^[a-z]{2,}(?:-[a-z0-9]+)*\d?$/;
const name: Check = (value) => {
  if (typeof value !== 'string') return NO;
  const text = value.trim();
  return text.length >= 1 && text.length <= 200 ? text : NO;
};
const region: Check = (value) =>
  typeof value === 'string' && value.length <= 64 && REGION_CODE.test(value) ? value : NO;
const provider: Check = (value) => (typeof value === 'string' && (isProvider(value) || value === 'all') ? value : NO);
const ratio = number({ min: 0, max: 1 });

/** The schema's fields in its order: how each is checked, and its default (undefined: optional). */
const FIELDS: [string, Check, unknown][] = [
  ['name', name, 'app'],
  ['users', number({ max: 10_000_000_000, min: 1, int: true }), undefined],
  ['profile', oneOf(PROFILE_NAMES), 'web-app'],
  ['dauRatio', ratio, undefined],
  ['requestsPerUser', number({ max: 1_000_000, min: 0.001 }), undefined],
  ['peakFactor', number({ min: 1, max: 50 }), undefined],
  ['readRatio', ratio, undefined],
  ['serviceTime', number({ max: 60_000, min: 0.001 }), undefined],
  ['payloadKb', number({ max: 1_000_000, min: 0.001 }), undefined],
  ['storagePerUserMb', number({ max: 1_000_000, min: 0 }), undefined],
  ['latencyTarget', number({ max: 600_000, min: 1 }), undefined],
  ['availability', number({ min: 90, below: 100 }), undefined],
  ['provider', provider, 'aws'],
  ['region', region, undefined],
  ['regions', () => NO, undefined],
  ['database', oneOf(DATABASE_CHOICES), 'any'],
  ['dataResidency', flag, false],
  ['stateful', flag, false],
  ['requestDurations', oneOf(['similar', 'variable']), undefined],
  ['mixedHardware', flag, false],
  ['deploy', oneOf(['auto', 'blue-green', 'rolling', 'canary']), 'auto'],
  ['deploysPerMonth', number({ min: 0, max: 10_000 }), undefined],
  ['growth', number({ above: -100, max: 1000 }), undefined],
  ['months', number({ int: true, min: 1, max: 120 }), undefined],
  ['commitment', oneOf(['on-demand', '1y', '3y']), 'on-demand'],
  ['spot', ratio, 0],
  ['arch', oneOf(ARCH_CHOICES), 'any'],
  ['cacheEngine', oneOf(CACHE_ENGINE_CHOICES), 'any'],
  ['discount', number({ min: 0, below: 100 }), 0],
  ['maxMonthlyCost', number({ max: 1e12, above: 0 }), undefined],
  ['simulate', flag, true],
];
const KNOWN = new Set(FIELDS.map(([key]) => key));

export function plainInput(raw: unknown): PlanInput | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const given = raw as Record<string, unknown>;
  for (const key of Object.keys(given)) if (!KNOWN.has(key) || given[key] === undefined) return null;
  if (Object.getOwnPropertySymbols(given).length > 0) return null;
  if (!Object.hasOwn(given, 'users')) return null;
  const out: Record<string, unknown> = {};
  for (const [key, check, fallback] of FIELDS) {
    if (!Object.hasOwn(given, key)) {
      if (fallback !== undefined) out[key] = fallback;
      continue;
    }
    const value = check(given[key]);
    if (value === NO) return null;
    out[key] = value;
  }
  return out as unknown as PlanInput;
}
