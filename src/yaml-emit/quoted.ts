/**
 * Quoted YAML strings, as the `yaml` package writes them with no line width: single quotes when the text
 * has a double quote and no single one, double quotes otherwise (and always where single quotes cannot
 * carry the text: control characters, a key with a line break, blanks around a line break).
 */

/** Where a string is written: its block indentation, and whether it is a mapping key on one line. */
export interface ScalarPlace {
  indent: string;
  implicitKey: boolean;
}

/** A line starting `%`, `---` or `...` would be read as a directive or a document marker. */
export const containsDocumentMarker = (text: string): boolean => /^(%|---|\.\.\.)/m.test(text);

/** Below this many characters (of JSON), a double-quoted string keeps its line breaks as `\n`. */
const MIN_MULTILINE_LENGTH = 40;

/** YAML's short escapes for what JSON writes as `\u00XX` or `\uXXXX`. */
const SHORT_ESCAPES: Record<string, string> = {
  '0000': '\\0',
  '0007': '\\a',
  '000b': '\\v',
  '001b': '\\e',
  '0085': '\\N',
  '00a0': '\\_',
  '2028': '\\L',
  '2029': '\\P',
};

/** A run of `\n` escapes (starting at json[i], a backslash) written as real line breaks, as a folded scalar reads them. */
function lineBreaks(json: string, at: number, indent: string): { text: string; next: number } {
  let i = at;
  let text = '\n\n';
  while (json[i + 2] === '\\' && json[i + 3] === 'n' && json[i + 4] !== '"') {
    text += '\n';
    i += 2;
  }
  text += indent;
  // A space after a line break would be folded away: escaped, unless a line break follows it (the caller
  // then escapes it as a space before a line break; the `yaml` package escapes it twice, writing `\\ `).
  if (json[i + 2] === ' ' && !(json[i + 3] === '\\' && json[i + 4] === 'n')) text += '\\';
  return { text, next: i + 2 };
}

/** A double-quoted string: JSON's escapes, with YAML's short forms, and long text's line breaks as real ones. */
export function doubleQuoted(value: string, place: ScalarPlace): string {
  const json = JSON.stringify(value);
  const indent = place.indent || (containsDocumentMarker(value) ? '  ' : '');
  let out = '';
  let start = 0;
  for (let i = 0; i < json.length; i++) {
    let ch = json[i];
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // A space before a line break would be folded away: escaped.
      out += json.slice(start, i) + '\\ ';
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    const escape = json[i + 1];
    if (escape === 'u') {
      out += json.slice(start, i);
      const code = json.substr(i + 2, 4);
      out += SHORT_ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.substr(i, 6));
      i += 5;
      start = i + 1;
    } else if (escape === 'n' && !place.implicitKey && json[i + 2] !== '"' && json.length >= MIN_MULTILINE_LENGTH) {
      const breaks = lineBreaks(json, i, indent);
      out += json.slice(start, i) + breaks.text;
      i = breaks.next - 1;
      start = i + 1;
    } else i += 1;
  }
  return start ? out + json.slice(start) : json;
}

/** A single-quoted string (`''` for a quote), or double-quoted where single quotes cannot carry the text. */
function singleQuoted(value: string, place: ScalarPlace): string {
  if ((place.implicitKey && value.includes('\n')) || /[ \t]\n|\n[ \t]/.test(value)) return doubleQuoted(value, place);
  const indent = place.indent || (containsDocumentMarker(value) ? '  ' : '');
  return `'${value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`)}'`;
}

/** Quoted text: single quotes when that avoids escaping a double quote, double quotes otherwise. */
export function quoted(value: string, place: ScalarPlace): string {
  const hasDouble = value.includes('"');
  const hasSingle = value.includes("'");
  return hasDouble && !hasSingle ? singleQuoted(value, place) : doubleQuoted(value, place);
}
