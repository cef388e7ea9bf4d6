import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseHumaneNumber } from '../../src/core/humane-number.js';
import { DAILY_CURVE_NAMES } from '../../src/core/profiles.js';
import { readSimulateFlags } from '../../src/cli/commands/simulate-options.js';
import { DISTRIBUTIONS } from '../../src/simulate/distributions.js';
import { SIM_LIMITS } from '../../src/simulate/limits.js';
import { SIM_STRATEGIES } from '../../src/simulate/strategies.js';

// The zod schema the simulate command used to read its flags with (src/cli/commands/simulate.ts before
// readSimulateFlags replaced it), kept here word for word as the reference the replacement must match.
const num = (what: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? parseHumaneNumber(v) : v),
    z.number({ error: `expected ${what}` }).finite(),
  );

/** The fleet and its traffic: servers, speeds, load, service times and the strategies to compare. */
const fleetFields = () => ({
  servers: num('a number of servers')
    .pipe(
      z
        .number()
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(SIM_LIMITS.servers, `must be at most ${SIM_LIMITS.servers}`),
    )
    .optional(),
  speeds: z
    .string()
    .transform((text) => text.split(',').map((x) => parseHumaneNumber(x)))
    .pipe(
      z
        .array(
          z
            .number({ error: 'expected numbers such as 1,1,2' })
            .finite('expected numbers such as 1,1,2')
            .positive('every speed must be above 0'),
        )
        .min(1)
        .max(SIM_LIMITS.servers, `at most ${SIM_LIMITS.servers} servers`),
    )
    .optional(),
  concurrency: num('requests a server works on at once')
    .pipe(
      z
        .number()
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(SIM_LIMITS.concurrency, `must be at most ${SIM_LIMITS.concurrency}`),
    )
    .default(1),
  utilization: num('a utilisation such as 0.7').pipe(z.number().gt(0, 'must be above 0')).optional(),
  rps: num('requests per second').pipe(z.number().gt(0, 'must be above 0')).optional(),
  serviceTime: num('milliseconds')
    .pipe(z.number().gt(0, 'must be above 0 (a service time cannot be zero or negative)'))
    .default(50),
  distribution: z.enum(DISTRIBUTIONS, { error: `expected one of ${DISTRIBUTIONS.join(', ')}` }).default('exponential'),
  cv: num('a coefficient of variation such as 3')
    .pipe(z.number().gt(0, 'must be above 0').max(100, 'must be at most 100'))
    .default(3),
  strategy: z
    .enum(['all', ...SIM_STRATEGIES], { error: `expected all or one of ${SIM_STRATEGIES.join(', ')}` })
    .default('all'),
});

/** How long to run, the client population, the daily curve and the output. */
const runFields = () => ({
  requests: num('a number of requests')
    .pipe(
      z
        .number()
        .int('must be a whole number')
        .min(1000, 'must be at least 1000 (percentiles need a sample)')
        .max(SIM_LIMITS.requests, 'must be at most 1e8'),
    )
    .default(200_000),
  warmup: num('a number of requests')
    .pipe(
      z
        .number()
        .int('must be a whole number')
        .min(0, 'cannot be negative')
        .max(SIM_LIMITS.warmup, 'must be at most 1e8'),
    )
    .optional(),
  seed: num('a whole number').pipe(z.number().int('must be a whole number').min(0, 'cannot be negative')).default(1),
  clients: num('a number of clients')
    .pipe(z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000_000, 'must be at most 10M'))
    .default(10_000),
  clientSkew: num('a Zipf exponent such as 0.6')
    .pipe(z.number().min(0, 'cannot be negative').max(3, 'must be at most 3'))
    .default(0.6),
  curve: z.enum(DAILY_CURVE_NAMES, { error: `expected one of ${DAILY_CURVE_NAMES.join(', ')}` }).optional(),
  peakFactor: num('a factor of 1 or more')
    .pipe(z.number().min(1, 'must be at least 1').max(20, 'must be at most 20'))
    .default(3),
  allowUnstable: z.boolean().default(false),
  format: z.enum(['table', 'json'], { error: 'expected table or json' }).default('table'),
  json: z.boolean().optional(),
  output: z.string().optional(),
  force: z.boolean().optional(),
});

let schema: ReturnType<typeof buildSchema> | undefined;
const buildSchema = () => z.strictObject({ ...fleetFields(), ...runFields() });
const simulateSchema = () => (schema ??= buildSchema());

/** What the zod schema answered: the values, or the first issue as the command reported it. */
function byZod(raw: Record<string, unknown>): unknown {
  const parsed = simulateSchema().safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return { key: String(issue.path[0] ?? ''), message: issue.message };
}

const NUMBER_KEYS = ['servers', 'concurrency', 'utilization', 'rps', 'serviceTime', 'cv', 'requests', 'warmup'];
const MORE_NUMBER_KEYS = ['seed', 'clients', 'clientSkew', 'peakFactor'];
/** Numbers as people type them, and the edges of every check. */
const numberText = fc.oneof(
  fc.constantFrom('0', '-0', '1', '0.5', '-1', '3', '20', '21', '100', '101', '999', '1000', '1e8', '1.5e8', '10000'),
  fc.constantFrom('10001', '1024', '1025', '2M', '10M', '11M', '1,000', '50_000', '1e400', 'NaN', '', ' ', 'x', '9e15'),
  fc.constantFrom('9007199254740993', '1k', '0.0', '.5', '3b', '+2', '1e-3', 'Infinity', '100000', '100001'),
  fc.constantFrom('3.2', '20.5', '100.5', '0.99', '1e-9', '-1e-9', '1e8.5', '100000000', '100000001', '10000001'),
  fc.double({ noNaN: true }).map(String),
  fc.double({ min: -1, max: 1030, noNaN: true }).map(String),
  fc.integer({ min: -10, max: 2e8 }).map(String),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const choice = (values: readonly string[]) => maybe(fc.oneof(fc.constantFrom(...values), fc.string()));
const flags = fc.record({
  ...Object.fromEntries([...NUMBER_KEYS, ...MORE_NUMBER_KEYS].map((key) => [key, maybe(numberText)])),
  speeds: maybe(
    fc.oneof(
      fc.array(numberText, { maxLength: 5 }).map((xs) => xs.join(',')),
      fc.constant('1,1,2'),
    ),
  ),
  distribution: choice(DISTRIBUTIONS),
  strategy: choice(['all', ...SIM_STRATEGIES]),
  curve: choice(DAILY_CURVE_NAMES),
  format: choice(['table', 'json']),
  allowUnstable: maybe(fc.constant(true)),
  json: maybe(fc.constant(true)),
  force: maybe(fc.constant(true)),
  output: maybe(fc.string()),
});
const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined));

describe('the simulate flags, read without zod, as the zod schema read them', () => {
  it('the same values or the same first message for any flags commander passes', () => {
    fc.assert(
      fc.property(flags, (raw) => {
        const input = defined(raw);
        expect(readSimulateFlags(input)).toStrictEqual(byZod(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('the same for each flag alone (so that no flag hides behind an earlier bad one)', () => {
    fc.assert(
      fc.property(flags, fc.nat(), (raw, pick) => {
        const entries = Object.entries(defined(raw));
        const input = Object.fromEntries(entries.length > 0 ? [entries[pick % entries.length]!] : []);
        expect(readSimulateFlags(input)).toStrictEqual(byZod(input));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    [{ servers: '0' }, 'servers', 'must be at least 1'],
    [{ servers: '2.5', requests: '10' }, 'servers', 'must be a whole number'],
    [{ speeds: Array(10_001).fill('1').join(',') }, 'speeds', 'at most 10000 servers'],
    [{ speeds: '1,x,0' }, 'speeds', 'expected numbers such as 1,1,2'],
    [{ seed: '9007199254740993' }, 'seed', 'must be a whole number'],
    [{ requests: '1e400' }, 'requests', 'expected a number of requests'],
  ])('%j: %s, %s', (input, key, message) => {
    expect(readSimulateFlags(input)).toStrictEqual({ key, message });
    expect(byZod(input)).toStrictEqual({ key, message });
  });

  it('defaults as the schema had them', () => {
    expect(readSimulateFlags({})).toStrictEqual(byZod({}));
    expect(readSimulateFlags({})).toMatchObject({ concurrency: 1, requests: 200_000, strategy: 'all', cv: 3 });
  });
});
