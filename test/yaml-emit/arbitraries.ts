import fc from 'fast-check';

/** Text a YAML writer must quote, block or escape, and text it must leave alone. */
const TRICKY = [
  '',
  ' ',
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'n',
  'Y',
  '~',
  'null',
  'NULL',
  'true',
  'False',
  '0',
  '-0',
  '+1',
  '0.1',
  '.5',
  '.',
  '1e5',
  '1E-3',
  '1_000',
  '0x1F',
  '0b11',
  '0o17',
  '017',
  '1:30',
  '1:30.5',
  '2026-09-01',
  '2026-9-1 10:00:00 +5',
  '.inf',
  '-.Inf',
  '.NaN',
  '<<',
  '=',
  '-',
  '?',
  ':',
  '- a',
  '? a',
  'a: b',
  'a:',
  'a #b',
  'a#b',
  '#a',
  '&a',
  '*a',
  '!a',
  '|',
  '>',
  "'a'",
  '"a"',
  `it's "x"`,
  '%a',
  '@a',
  '`a',
  '[a]',
  '{a}',
  ',a',
  'a ',
  '\ta',
  'a\n',
  'a\n\n',
  '\na',
  '\n\na\n',
  ' a\nb',
  'a\n\nb',
  'a\n ',
  ' \n',
  '\n',
  '---',
  '--- a',
  '...',
  'a\n---\nb',
  'a\n%b',
  'a \nb',
  'a\n b',
  'a\r\nb',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\ud800',
  'é😀',
  'x'.repeat(45) + '\ny',
  '\n'.repeat(3) + 'x'.repeat(40) + ' \n \n',
  // double-quoted (a control character) with a line break, 39, 40 and 41 characters as JSON
  '\u0007\n' + 'x'.repeat(29),
  '\u0007\n' + 'x'.repeat(30),
  '\u0007\n' + 'x'.repeat(31),
];
const UNITS = [...'aZ09 -?:,[]{}#&*!|>\'"%@`\n\t\r~.=<\\', '\u0000', '\u0007', '\u0085', '\u00a0', '\u2028', 'é'];

/** Strings, weighted towards what a YAML writer gets wrong. */
export const yamlText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 60 }) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...TRICKY), { maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string() },
);

/** Keys, with now and then one over YAML's 1,024-character limit for a key on its line. */
const yamlKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 20, arbitrary: yamlText },
  {
    weight: 1,
    arbitrary: fc.constantFrom('k'.repeat(1024), 'k'.repeat(1025), `${'"'.repeat(600)} ${'k'.repeat(600)}`),
  },
);

const yamlNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 1e21, 2 ** 53 + 2, 5e-324, 1.5e-7, NaN, Infinity, -Infinity),
);

/** Documents: plain objects and arrays of strings, numbers, booleans, null and undefined, to a small depth. */
export const yamlDocument: fc.Arbitrary<object> = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      yamlText,
      yamlNumber,
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      tie('array'),
      tie('object'),
    ),
    array: fc.oneof(fc.array(tie('value'), { maxLength: 5 }), fc.sparseArray(tie('value'), { maxLength: 4 })),
    object: fc.dictionary(yamlKey, tie('value'), { maxKeys: 5 }),
  }))
  .value.filter((v): v is object => v !== null && typeof v === 'object');

/** The value a reader gets back: undefined properties left out, undefined array items (and holes) null. */
export function asRead(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from(value, (item) => (item === undefined ? null : asRead(item)));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .map(([key, item]) => [key, asRead(item)]),
    );
  return value;
}
