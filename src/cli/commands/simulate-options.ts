import { DAILY_CURVE_NAMES, type DailyCurveName } from '../../core/profiles.js';
import { parseHumaneNumber } from '../../core/humane-number.js';
import { DISTRIBUTIONS, type DistributionName } from '../../simulate/distributions.js';
import { SIM_STRATEGIES, type SimStrategy } from '../../simulate/strategies.js';
import { SIM_LIMITS } from '../../simulate/limits.js';

/**
 * The simulate command's flags, read and checked without a schema library (loading and building one cost
 * the command more than a short simulation): the same values and, for bad input, the same first message
 * as the zod schema it replaces (test/cli/simulate-options.test.ts holds that schema and compares).
 */
export interface SimulateFlags {
  servers?: number;
  speeds?: number[];
  concurrency: number;
  utilization?: number;
  rps?: number;
  serviceTime: number;
  distribution: DistributionName;
  cv: number;
  strategy: 'all' | SimStrategy;
  requests: number;
  warmup?: number;
  seed: number;
  clients: number;
  clientSkew: number;
  curve?: DailyCurveName;
  peakFactor: number;
  allowUnstable: boolean;
  format: 'table' | 'json';
  json?: boolean;
  output?: string;
  force?: boolean;
}

/** A field that failed: its key (the flag in camel case) and why. */
export interface FlagIssue {
  key: string;
  message: string;
}

type Check = readonly [ok: (v: number) => boolean, message: string];
const whole: Check = [Number.isSafeInteger, 'must be a whole number'];
const min = (least: number, message: string): Check => [(v) => v >= least, message];
const max = (most: number, message: string): Check => [(v) => v <= most, message];
const above = (floor: number, message: string): Check => [(v) => v > floor, message];

interface NumberRule {
  expected: string;
  checks: readonly Check[];
  fallback?: number;
}

const NUMBERS: Record<string, NumberRule> = {
  servers: {
    expected: 'a number of servers',
    checks: [whole, min(1, 'must be at least 1'), max(SIM_LIMITS.servers, `must be at most ${SIM_LIMITS.servers}`)],
  },
  concurrency: {
    expected: 'requests a server works on at once',
    checks: [
      whole,
      min(1, 'must be at least 1'),
      max(SIM_LIMITS.concurrency, `must be at most ${SIM_LIMITS.concurrency}`),
    ],
    fallback: 1,
  },
  utilization: { expected: 'a utilisation such as 0.7', checks: [above(0, 'must be above 0')] },
  rps: { expected: 'requests per second', checks: [above(0, 'must be above 0')] },
  serviceTime: {
    expected: 'milliseconds',
    checks: [above(0, 'must be above 0 (a service time cannot be zero or negative)')],
    fallback: 50,
  },
  cv: {
    expected: 'a coefficient of variation such as 3',
    checks: [above(0, 'must be above 0'), max(100, 'must be at most 100')],
    fallback: 3,
  },
  requests: {
    expected: 'a number of requests',
    checks: [
      whole,
      min(1000, 'must be at least 1000 (percentiles need a sample)'),
      max(SIM_LIMITS.requests, 'must be at most 1e8'),
    ],
    fallback: 200_000,
  },
  warmup: {
    expected: 'a number of requests',
    checks: [whole, min(0, 'cannot be negative'), max(SIM_LIMITS.warmup, 'must be at most 1e8')],
  },
  seed: { expected: 'a whole number', checks: [whole, min(0, 'cannot be negative')], fallback: 1 },
  clients: {
    expected: 'a number of clients',
    checks: [whole, min(1, 'must be at least 1'), max(10_000_000, 'must be at most 10M')],
    fallback: 10_000,
  },
  clientSkew: {
    expected: 'a Zipf exponent such as 0.6',
    checks: [min(0, 'cannot be negative'), max(3, 'must be at most 3')],
    fallback: 0.6,
  },
  peakFactor: {
    expected: 'a factor of 1 or more',
    checks: [min(1, 'must be at least 1'), max(20, 'must be at most 20')],
    fallback: 3,
  },
};

interface ChoiceRule {
  values: readonly string[];
  message: string;
  fallback?: string;
}

const CHOICES: Record<string, ChoiceRule> = {
  distribution: {
    values: DISTRIBUTIONS,
    message: `expected one of ${DISTRIBUTIONS.join(', ')}`,
    fallback: 'exponential',
  },
  strategy: {
    values: ['all', ...SIM_STRATEGIES],
    message: `expected all or one of ${SIM_STRATEGIES.join(', ')}`,
    fallback: 'all',
  },
  curve: { values: DAILY_CURVE_NAMES, message: `expected one of ${DAILY_CURVE_NAMES.join(', ')}` },
  format: { values: ['table', 'json'], message: 'expected table or json', fallback: 'table' },
};

/** The keys in the order the schema listed them: a bad flag earlier in this list is the one reported. */
const ORDER = [
  'servers',
  'speeds',
  'concurrency',
  'utilization',
  'rps',
  'serviceTime',
  'distribution',
  'cv',
  'strategy',
  'requests',
  'warmup',
  'seed',
  'clients',
  'clientSkew',
  'curve',
  'peakFactor',
  'allowUnstable',
  'format',
  'json',
  'output',
  'force',
] as const;

const BOOLEANS: Record<string, boolean | undefined> = { allowUnstable: false, json: undefined, force: undefined };

/** Why a value was refused (a class of its own, so that no value read is mistaken for one). */
class Refused {
  constructor(readonly message: string) {}
}

/** Reads commander's options: the flags with their defaults, or the first flag that is wrong and why. */
export function readSimulateFlags(raw: Record<string, unknown>): SimulateFlags | FlagIssue {
  const out: Record<string, unknown> = {};
  for (const key of ORDER) {
    const read = readField(key, raw[key]);
    if (read instanceof Refused) return { key, message: read.message };
    if (read !== undefined) out[key] = read;
  }
  return out as unknown as SimulateFlags;
}

function readField(key: string, value: unknown): unknown {
  if (key === 'speeds') return readSpeeds(value);
  if (key in NUMBERS) return readNumber(value, NUMBERS[key]!);
  if (key in CHOICES) return readChoice(value, CHOICES[key]!);
  return readPlain(value, key === 'output' ? 'string' : 'boolean', BOOLEANS[key]);
}

function readNumber(value: unknown, rule: NumberRule): number | undefined | Refused {
  if (value === undefined) return rule.fallback;
  const v = typeof value === 'string' ? parseHumaneNumber(value) : value;
  if (typeof v !== 'number' || !Number.isFinite(v)) return new Refused(`expected ${rule.expected}`);
  const failed = rule.checks.find(([ok]) => !ok(v));
  return failed ? new Refused(failed[1]) : v;
}

function readSpeeds(value: unknown): number[] | undefined | Refused {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return new Refused(`Invalid input: expected string, received ${typeof value}`);
  const speeds = value.split(',').map((x) => parseHumaneNumber(x));
  if (speeds.length > SIM_LIMITS.servers) return new Refused(`at most ${SIM_LIMITS.servers} servers`);
  for (const speed of speeds) {
    if (!Number.isFinite(speed)) return new Refused('expected numbers such as 1,1,2');
    if (!(speed > 0)) return new Refused('every speed must be above 0');
  }
  return speeds;
}

function readChoice(value: unknown, rule: ChoiceRule): string | undefined | Refused {
  if (value === undefined) return rule.fallback;
  return typeof value === 'string' && rule.values.includes(value) ? value : new Refused(rule.message);
}

function readPlain(value: unknown, type: 'string' | 'boolean', fallback: boolean | undefined): unknown {
  if (value === undefined) return fallback;
  return typeof value === type ? value : new Refused(`Invalid input: expected ${type}, received ${typeof value}`);
}
