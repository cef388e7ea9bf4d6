import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputSchema } from '../../src/core/input.js';
import { plainInput } from '../../src/schema/input-fast.js';

/** Values near every bound the schema has, in the forms flags, variables and files give them. */
const NUMBERS = [
  -101,
  -100,
  -99.5,
  -1,
  -0,
  0,
  0.0005,
  0.001,
  0.5,
  1,
  1.5,
  2,
  49.9,
  50,
  50.1,
  89.9,
  90,
  99.9,
  99.99,
  99.9999,
  100,
  119,
  120,
  121,
  200,
  999,
  1000,
  1001,
  9999,
  10_000,
  10_001,
  60_000,
  60_001,
  600_000,
  600_001,
  1_000_000,
  1_000_001,
  10_000_000_000,
  10_000_000_001,
  1e12,
  1e12 + 1,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1e300,
];
const TEXTS = [
  '',
  ' ',
  '1',
  '0',
  '50k',
  '250K',
  '1.5M',
  '2B',
  '50,000',
  '50_000',
  '1e3',
  ' 42 ',
  'abc',
  '99.95',
  '-5',
  '1.5',
  'true',
  'FALSE',
  ' yes ',
  'off',
  'on',
  'no',
  'maybe',
  'web-app',
  'saas',
  'Saas',
  'aws',
  'gcp',
  'azure',
  'all',
  'moon',
  'us-east-1',
  'eu-west-1',
  'US-EAST-1',
  'x'.repeat(65),
  'similar',
  'variable',
  'auto',
  'canary',
  'on-demand',
  '1y',
  '3y',
  'my app',
  '  trimmed  ',
  'a'.repeat(201),
  'toString',
  '__proto__',
  'constructor',
];
const VALUES = fc.oneof(
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...TEXTS),
  fc.constantFrom(true, false, null, undefined, [], {}, ['us-east-1']),
  fc.double(),
  fc.integer(),
);
const KEYS = [...Object.keys(inputSchema.shape), 'unknownKey', 'users', 'users', 'availability', 'provider'];

const parse = (raw: Record<string, unknown>) => {
  const result = inputSchema.safeParse(raw);
  return result.success ? result.data : null;
};

describe('the input fast path', () => {
  it('returns exactly what the schema returns, or null (never accepts what the schema rejects)', () => {
    let fast = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('50k', 1200, '3M', 1, '1e10'),
        fc.dictionary(fc.constantFrom(...KEYS), VALUES, { maxKeys: 3 }),
        (users, rest) => {
          const raw = { users, ...rest };
          const mine = plainInput(raw);
          if (mine === null) return;
          fast++;
          const theirs = parse(raw);
          expect(theirs).not.toBeNull();
          expect(Object.keys(mine)).toEqual(Object.keys(theirs!));
          expect(mine).toEqual(theirs);
        },
      ),
      { numRuns: 20_000 },
    );
    expect(fast).toBeGreaterThan(500);
  });

  it('takes the inputs the CLI gives every day', () => {
    for (const raw of [
      { users: '500k' },
      { users: '50000', profile: 'saas', availability: '99.95', provider: 'all', simulate: false },
      { users: 1_500_000, commitment: '1y', spot: '0.5', growth: '10', months: '120', region: 'eu-west-1' },
    ]) {
      expect(plainInput(raw)).toEqual(inputSchema.parse(raw));
      expect(Object.keys(plainInput(raw)!)).toEqual(Object.keys(inputSchema.parse(raw)));
    }
  });
});
