import { readsAsNonString } from './implicit.js';
import { containsDocumentMarker, doubleQuoted, quoted, type ScalarPlace } from './quoted.js';

/**
 * Strings as the `yaml` package writes them with no line width: plain where a reader gets the same text
 * back, a literal block (`|`) for text over several lines, quoted otherwise.
 */

/** Characters plain text cannot carry: control characters and unpaired surrogates (double quotes escape them). */
const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/**
 * Plain text that a reader would not read back as it is: a leading indicator (`- `, `? `, `#`, `&`, `*`, `!`,
 * `|`, `>`, quotes, `%`, `@`, a backtick, a flow bracket or comma), `: ` or ` #` inside, blanks at either
 * end or around a line break, a trailing colon.
 */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;

/** Blanks and line breaks only, with at least one blank and one line break. */
export const ONLY_BLANK_LINES = /^(?=.*[\t ])(?=.*\n)[\n\t ]*$/s;

/** Trailing line breaks past the first, when more text follows them (each continued at the block's indent). */
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/** The chomping indicator: strip (`-`) without a final line break, keep (`+`) for more than one, clip otherwise. */
function chomping(value: string, end: string): string {
  const newline = end.indexOf('\n');
  if (newline === -1) return '-';
  return value === end || newline !== end.length - 1 ? '+' : '';
}

/**
 * A literal block scalar, or quoted text where a block cannot carry the text: blanks after its last line
 * break, or blank lines only (where the `yaml` package writes a block that reads back without its blanks:
 * quoted here and not there).
 */
function literalBlock(value: string, place: ScalarPlace): string {
  if (/\n[\t ]+$/.test(value) || ONLY_BLANK_LINES.test(value)) return quoted(value, place);
  const indent = place.indent;
  let endStart = value.length;
  while (endStart > 0 && '\n\t '.includes(value[endStart - 1]!)) endStart--;
  let end = value.substring(endStart);
  const chomp = chomping(value, end);
  let body = value;
  if (end) {
    body = body.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  // Leading blanks need an indentation indicator; leading empty lines are kept as they are.
  let startWithSpace = false;
  let startEnd = 0;
  let startNewline = -1;
  for (; startEnd < body.length; startEnd++) {
    const ch = body[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNewline = startEnd;
    else break;
  }
  let start = body.substring(0, startNewline < startEnd ? startNewline + 1 : startEnd);
  if (start) {
    body = body.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startWithSpace ? '2' : '') + chomp;
  return `|${header}\n${indent}${start}${body.replace(/\n+/g, `$&${indent}`)}${end}`;
}

/** Text without escapes: plain when it reads back as the same string, else a block or quotes. */
function unescaped(value: string, place: ScalarPlace): string {
  const multiline = value.includes('\n');
  if (place.implicitKey && multiline) return quoted(value, place);
  if (NOT_PLAIN.test(value)) return place.implicitKey || !multiline ? quoted(value, place) : literalBlock(value, place);
  if (!place.implicitKey && multiline) return literalBlock(value, place);
  // A top-level key starting `%`, `---` or `...` would read as a directive or a document marker.
  if (place.implicitKey && place.indent === '  ' && containsDocumentMarker(value)) return quoted(value, place);
  return readsAsNonString(value) ? quoted(value, place) : value;
}

/** A string value or key, written where `place` says. */
export function yamlString(value: string, place: ScalarPlace): string {
  return NEEDS_ESCAPES.test(value) ? doubleQuoted(value, place) : unescaped(value, place);
}
