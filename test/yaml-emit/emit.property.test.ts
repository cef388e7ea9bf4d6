import fc from 'fast-check';
import { Document, parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../../src/yaml-emit/emit.js';
import { mayDifferFromYamlPackage as beyond } from '../../src/yaml-emit/differences.js';
import { asRead, yamlDocument, yamlText } from './arbitraries.js';

/** Cases per property; `npm run fuzz` sets FUZZ_RUNS for a longer run. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

const yamlPackage = (value: unknown, comment?: string): string => {
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  if (comment !== undefined) doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0 });
};

/** Whether any string in the value (key or value) is one this emitter may write otherwise than the `yaml` package. */
function quotedBeyond(value: unknown): boolean {
  if (typeof value === 'string') return beyond(value);
  if (Array.isArray(value)) return Array.from(value).some(quotedBeyond);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => beyond(k) || quotedBeyond(v));
  return false;
}

describe('YAML emitter, random documents', () => {
  it('reads back as the same value, by a YAML 1.1 reader (merge keys on) and a YAML 1.2 one', () => {
    fc.assert(
      fc.property(yamlDocument, (doc) => {
        const text = toYaml(doc);
        expect(parse(text, { version: '1.1', merge: true, uniqueKeys: true })).toEqual(asRead(doc));
        expect(parse(text, { version: '1.2', uniqueKeys: true })).toEqual(asRead(doc));
      }),
      { numRuns: RUNS },
    );
  });

  it('writes the bytes the `yaml` package writes (YAML 1.1, no line width, no aliases)', () => {
    fc.assert(
      fc.property(yamlDocument, fc.option(yamlText, { nil: undefined }), (doc, comment) => {
        fc.pre(!quotedBeyond(doc));
        expect(toYaml(doc, comment)).toBe(yamlPackage(doc, comment));
        expect(toYaml(doc)).toBe(stringify(doc, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false }));
      }),
      { numRuns: RUNS },
    );
  });

  it('a comment reads back as nothing: the document under it is the same value', () => {
    fc.assert(
      fc.property(yamlDocument, yamlText, (doc, comment) => {
        fc.pre(!/[\r\u0085\u2028\u2029]/.test(comment));
        expect(parse(toYaml(doc, comment), { version: '1.1' })).toEqual(asRead(doc));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });
});
