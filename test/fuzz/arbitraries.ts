import fc from 'fast-check';
import { PLAN_OPTIONS, envName } from '../../src/cli/plan-options.js';

/** Numbers as text at every boundary the schema has, and past them: signs, exponents, suffixes, junk. */
export const numberText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '0',
      '-0',
      '1',
      '-1',
      '0.5',
      '1e308',
      '1e309',
      '-1e309',
      '1e-320',
      '5e-324',
      'NaN',
      'Infinity',
      '-Infinity',
      '9007199254740993',
      '0x10',
      '0b11',
      '1_000',
      '1,000',
      '1.5M',
      '10B',
      '10.000000001B',
      '1e32',
      '1e17',
      '99.999',
      '100',
      '90',
      '89.999',
      '50',
      '50.0001',
      '1000',
      '1001',
      '60000',
      '60000.1',
      '1000000',
      '1000001',
      '1e6',
      '1e12',
      '1e12.5',
      '',
      ' ',
      '١٢',
      '１２',
      '5k',
      '2M',
      '0.001',
      '0.0009',
      '-100',
      '-99.99',
      '120',
      '121',
      '255',
      '1e-7',
    ),
  },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** Values a flag, a variable or a file field might hold. */
const enumText = fc.constantFrom(
  'aws',
  'gcp',
  'azure',
  'all',
  'web-app',
  'saas',
  'ecommerce',
  'api',
  'x',
  'true',
  'off',
  'auto',
  'canary',
  '1y',
  'variable',
  'us-east-1',
  'eu-west-1',
  'us-east-1=60,eu-west-1=40',
  'us-east-1=100',
  'a=1,a=99',
  'ZZ',
);

export const optionValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: numberText },
  { weight: 1, arbitrary: enumText },
);

/** Each flag's documented bounds, just inside and just outside them, and a usual value. */
const EDGES: Record<string, string[]> = {
  '--name': ['shop', 'ünï-cødé ✓', 'x'.repeat(201), ' '],
  '--profile': ['web-app', 'saas', 'ecommerce', 'api', 'blog'],
  '--dau-ratio': ['0', '1', '0.2', '1.0001', '-0.1'],
  '--requests-per-user': ['0.001', '1M', '1000001', '100', '0.0009'],
  '--peak-factor': ['1', '50', '50.1', '0.99', '3'],
  '--read-ratio': ['0', '1', '0.9'],
  '--service-time': ['0.001', '60000', '60001', '50'],
  '--payload-kb': ['0.001', '1000000', '1000001', '100'],
  '--storage-per-user-mb': ['0', '1000000', '1000001', '5'],
  '--latency-target': ['1', '600000', '600001', '500', '0.5'],
  '--availability': ['90', '99.9', '99.95', '99.99', '99.999', '100', '89.9'],
  '--provider': ['aws', 'gcp', 'azure', 'all', 'moon'],
  '--region': ['us-east-1', 'eu-west-1', 'us-central1', 'eastus', 'mars-1', 'US-EAST-1'],
  '--regions': ['us-east-1=60,eu-west-1=40', 'us-east-1=100', 'us-east-1=50,us-east-1=50', 'us-east-1=60'],
  '--request-durations': ['similar', 'variable', 'odd'],
  '--deploy': ['auto', 'blue-green', 'rolling', 'canary', 'yolo'],
  '--deploys-per-month': ['0', '10000', '10001', '30'],
  '--growth': ['-99.9', '-100', '1000', '1001', '10', '0'],
  '--months': ['1', '12', '120', '121', '0', '1.5'],
  '--commitment': ['on-demand', '1y', '3y', '5y'],
  '--spot': ['0', '1', '0.5', '1.1'],
  '--discount': ['0', '99.99', '100', '20'],
  '--max-monthly-cost': ['1', '1e12', '1e13', '5000', '0'],
};
const valueFlags = PLAN_OPTIONS.filter((o) => o.flags.includes('<') && !/^--(input|output)\b/.test(o.flags)).map(
  (o) => o.flags.split(' ')[0]!,
);
const booleanFlags = PLAN_OPTIONS.filter((o) => !o.flags.includes('<') && !/^--(force|dry-run)\b/.test(o.flags)).map(
  (o) => o.flags.split(' ')[0]!,
);
const flagValue = (flag: string) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(EDGES[flag] ?? ['1'])) }, { weight: 1, arbitrary: optionValue });
const users = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('1', '5k', '50000', '1.5M', '10B', '10000000001', '2', '999999') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000_000_000 }).map(String) },
  { weight: 1, arbitrary: numberText },
);

/** A plan command line: users (usually), some flags at their edges or fuzzed, perhaps a typo or a stray word. */
export const planArgv: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.option(users, { nil: undefined, freq: 8 }),
    fc.array(
      fc.constantFrom(...valueFlags).chain((f) => flagValue(f).map((v) => [f, v])),
      { maxLength: 4 },
    ),
    fc.subarray(booleanFlags, { maxLength: 2 }),
    fc.constantFrom(
      [],
      [],
      [],
      ['--json'],
      ['--format', 'yaml'],
      ['--format', 'markdown'],
      ['-q'],
      ['--format', 'xml'],
      ['--usrs', '5'],
      ['extra'],
    ),
  )
  .map(([u, pairs, booleans, tail]) => [
    'plan',
    ...(u === undefined ? [] : ['--users', u]),
    ...pairs.flat(),
    ...booleans,
    ...tail,
    '--no-simulate',
  ]);

/** Other commands and shapes of command line: typos before options, diff gates, pricing, schema, export --dry-run. */
export const otherArgv: fc.Arbitrary<string[]> = fc.oneof(
  fc
    .tuple(fc.constantFrom('plna', 'pla', 'exprt', 'prcing', 'simulat', 'difff', 'ésport'), numberText)
    .map(([c, n]) => [c, '--users', n]),
  fc
    .tuple(fc.constantFrom('--max-increase', '--max-monthly-cost'), numberText)
    .map(([f, n]) => ['diff', 'a.yaml', 'b.yaml', f, n]),
  fc
    .tuple(fc.constantFrom('list', 'show', 'verify'), fc.constantFrom('aws', 'gcp', 'azure', 'moon', ''))
    .map(([c, p]) => ['pricing', c, ...(c === 'show' ? [p] : [])]),
  fc
    .tuple(fc.constantFrom('architecture', 'kubernetes', 'compose', 'all', 'nginx'), numberText)
    .map(([t, n]) => ['export', t, '--users', n, '--dry-run', '--no-simulate']),
  fc
    .constantFrom(
      ['schema', 'input'],
      ['schema', 'nothing'],
      ['--version'],
      ['--help'],
      ['plan', '--help'],
      ['--no-color', 'plan'],
    )
    .map((argv): string[] => [...argv]),
);

/** CAPACITY_PLAN_* variables (and SOURCE_DATE_EPOCH) with fuzzed values. */
export const envVars: fc.Arbitrary<Record<string, string>> = fc
  .array(fc.tuple(fc.constantFrom(...PLAN_OPTIONS.map((o) => envName(o.key)), 'SOURCE_DATE_EPOCH'), optionValue), {
    maxLength: 4,
  })
  .map((pairs) => Object.fromEntries(pairs));

const keys = [
  ...PLAN_OPTIONS.map((o) => o.key),
  'users',
  'users',
  'dau-ratio',
  '__proto__',
  'constructor',
  'toString',
  'ünïcode',
  '',
];
const scalar = fc.oneof(
  numberText.map((t) => JSON.stringify(t)),
  numberText.filter((t) => /^[\d.eE+-]+$/.test(t)),
  fc.constantFrom('true', 'null', '~', '[]', '{}'),
);
/** A YAML input file: known and unknown keys, duplicates, nesting, anchors and aliases, unicode, broken syntax. */
export const inputFile: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.constantFrom(...keys),
          fc.oneof(
            scalar,
            fc.array(scalar, { maxLength: 3 }).map((a) => `[${a.join(', ')}]`),
          ),
        ),
        { maxLength: 6 },
      )
      .map((pairs) => pairs.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join('\n')),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 30 }).map((n) => `users: 5\nx: ${'['.repeat(n)}${']'.repeat(n)}`) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 2, max: 12 }).map((n) =>
      [
        'a: &a [1,1,1,1,1,1,1,1,1,1]',
        ...Array.from(
          { length: n },
          (_, i) =>
            `b${i}: &b${i} [${Array(10)
              .fill(i === 0 ? '*a' : `*b${i - 1}`)
              .join(',')}]`,
        ),
        'users: 5',
      ].join('\n'),
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
);
