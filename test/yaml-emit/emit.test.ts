import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../../src/yaml-emit/emit.js';

describe('YAML emitter', () => {
  it('quotes every string a YAML 1.1 or 1.2 reader would take for something else, and no other', () => {
    const words = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO']
      .concat(['false', 'False', 'FALSE', 'off', 'Off', 'OFF', '~', 'null', 'Null', 'NULL', ''])
      .concat(['42', '-1', '0.5', '.5', '1e3']);
    const readAsOther = words
      .concat(['E0', '1_000', '0x1F', '0b11', '017', '0o17', '1:30', '2026-09-01', '.inf', '.NaN', '<<', '='])
      .concat(['- a', 'a: b', 'a #b', '#a', '&a', '*a', '!a', '|', '>', '%a', '@a', '`a', '[a', '{a', ',a', 'a:'])
      .concat([' a', 'a ', '-', '?', '? a']);
    for (const text of readAsOther) expect(toYaml({ k: text }), text).toMatch(/^k: ["'].*["']\n$/s);
    const plain = [
      'shop',
      'a:b',
      'a#b',
      'us-east-1',
      '500k',
      '99.99 %',
      '-a',
      'a - b',
      'ghcr.io/your-org/app:1.0.1',
    ].concat(['yess', 'On-demand', 'nulls', 'e', 'E5x', '1.0.1', '2026-09', '.infinity', '<<<', '==', 'Truee']);
    for (const text of plain) expect(toYaml({ k: text }), text).toBe(`k: ${text}\n`);
  });

  it('single quotes for a double quote, double quotes (with escapes) otherwise', () => {
    expect(toYaml({ a: 'say "hi": x', b: "it's: x", c: `"'`, d: 'tab\there\u0007' })).toBe(
      `a: 'say "hi": x'\nb: "it's: x"\nc: "\\"'"\nd: "tab\\there\\a"\n`,
    );
  });

  it('text over several lines as a literal block, with chomping and indentation indicators', () => {
    expect(toYaml({ a: 'one\ntwo', b: ['one\ntwo\n', 'one\n\n\n'], c: { d: '  indented\nx' } })).toBe(
      'a: |-\n  one\n  two\nb:\n  - |\n    one\n    two\n  - |+\n    one\n\n\nc:\n  d: |2-\n      indented\n    x\n',
    );
  });

  it('block collections, empty ones inline, undefined properties left out, undefined items null', () => {
    const doc = { a: [], b: {}, c: [[1, 2], { d: [] }], e: undefined, f: [undefined, null, true, -0, 1e21, NaN] };
    expect(toYaml(doc)).toBe(
      'a: []\nb: {}\nc:\n  - - 1\n    - 2\n  - d: []\nf:\n  - null\n  - null\n  - true\n  - -0\n  - 1e+21\n  - .nan\n',
    );
  });

  it('keys quoted as values are, a key over 1,024 characters written explicitly', () => {
    const long = 'k'.repeat(1025);
    expect(toYaml({ yes: 1, '': 2, '--- a': 3, 'a\nb': 4 })).toBe('"yes": 1\n"": 2\n"--- a": 3\n"a\\nb": 4\n');
    expect(toYaml({ [long]: { a: 1 } })).toBe(`? ${long}\n: a: 1\n`);
    expect(parse(toYaml({ [long]: { a: 1 } }))).toEqual({ [long]: { a: 1 } });
  });

  it('a comment above the document, `#` on each line but empty ones', () => {
    expect(toYaml({ a: 1 }, ' Generated\n\n by us')).toBe('# Generated\n\n# by us\n\na: 1\n');
    expect(toYaml({ a: 1 }, '')).toBe('a: 1\n');
  });

  it('refuses what no document of ours holds, rather than writing something else', () => {
    class Box {
      a = 1;
    }
    expect(() => toYaml({ a: new Date(0) })).toThrow(/Date is not a plain object/);
    expect(() => toYaml({ a: new Map() })).toThrow(/Map is not a plain object/);
    expect(() => toYaml([new Box()])).toThrow(/Box is not a plain object/);
    expect(() => toYaml({ a: () => 1 })).toThrow(/cannot write a function/);
    expect(() => toYaml({ a: 1n })).toThrow(/cannot write a bigint/);
    expect(() => toYaml('text' as unknown as object)).toThrow(/a document is an object or an array/);
  });
});
