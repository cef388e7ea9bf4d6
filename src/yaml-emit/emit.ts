import { yamlString } from './strings.js';

/**
 * A YAML emitter for the documents capacity-plan writes: plain objects, arrays, strings, finite or infinite
 * numbers, booleans and null, in block style with two-space indentation. Its output is the bytes the `yaml`
 * package's `stringify(value, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false })` gives for
 * the same value (tested over every export of a sweep of plans, and over random documents), except that
 * three strings it leaves plain are quoted here: `0o17`-like text (an integer to a YAML 1.2 reader), `<<`
 * and `=` (src/yaml-emit/implicit.ts). Every string a YAML 1.1
 * or 1.2 reader would take for something else (a number, `yes`, `on`, `null`, `~`, a date) is quoted; a
 * repeated object is written out again, never as an alias. Loading it costs a command next to nothing,
 * where the `yaml` package is ~0.2 MB of code to compile and set up.
 */

/**
 * What a document may hold: null, booleans, numbers, strings, arrays and plain objects of these (keys in
 * their order; a property that is undefined is left out, an undefined array item is null). Anything else
 * (a Date, a Map, a class instance, a function, a bigint) is a TypeError: none is in a document we write.
 */
type YamlObject = Readonly<Record<string, unknown>>;

const STEP = '  ';
/** A key longer than this is written as an explicit key (`? key`), as YAML limits implicit keys to 1,024 characters. */
const IMPLICIT_KEY_LIMIT = 1024;

function yamlNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  return Object.is(value, -0) ? '-0' : JSON.stringify(value);
}

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** A non-empty collection goes on the lines below its key; an empty one (`{}`, `[]`) stays on the key's line. */
const isNonEmptyCollection = (value: unknown, text: string): boolean =>
  typeof value === 'object' && value !== null && text !== '{}' && text !== '[]';

function pair(key: string, value: unknown, indent: string): string {
  const inner = indent + STEP;
  const keyText = yamlString(key, { indent: inner, implicitKey: true });
  const explicit = keyText.length > IMPLICIT_KEY_LIMIT;
  const head = explicit ? `? ${keyText}\n${indent}:` : `${keyText}:`;
  const valueText = node(value, inner);
  const gap = !explicit && isNonEmptyCollection(value, valueText) ? `\n${inner}` : ' ';
  return head + gap + valueText;
}

function mapping(value: YamlObject, indent: string): string {
  let out = '';
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    out += (out ? `\n${indent}` : '') + pair(key, item, indent);
  }
  return out || '{}';
}

function sequence(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  const inner = indent + STEP;
  let out = '';
  // for…of, not forEach: a hole in the array is an item too (null), as undefined is.
  for (const item of items) out += (out ? `\n${indent}` : '') + `- ${node(item ?? null, inner)}`;
  return out;
}

/** One value, its first line continuing the current one, the lines after it at `indent`. */
function node(value: unknown, indent: string): string {
  switch (typeof value) {
    case 'string':
      return yamlString(value, { indent, implicitKey: false });
    case 'number':
      return yamlNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return sequence(value, indent);
      if (isPlainObject(value)) return mapping(value as YamlObject, indent);
      throw new TypeError(`YAML emitter: a ${value.constructor?.name ?? 'object'} is not a plain object or array`);
    default:
      if (value === undefined) return 'null';
      throw new TypeError(`YAML emitter: cannot write a ${typeof value}`);
  }
}

/** A YAML document for a mapping or a sequence (a comment on `#` lines above it, when given). */
export function toYaml(value: object, comment?: string): string {
  if (value === null || typeof value !== 'object')
    throw new TypeError('YAML emitter: a document is an object or an array');
  const body = `${node(value, '')}\n`;
  // An empty comment is no comment (as for the `yaml` package's commentBefore).
  return comment ? `${commentLines(comment)}\n\n${body}` : body;
}

/** A comment's lines, each `#` and its text (a line of one space is just `#`, an empty line stays empty). */
function commentLines(comment: string): string {
  const lines = comment.replace(/^(?!$)(?: $)?/gm, '#');
  return /^\n+$/.test(lines) ? lines.substring(1) : lines;
}
