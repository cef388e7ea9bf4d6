import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { usageError } from './exit-error.js';
import { firstDuplicateJsonKey } from './json-duplicate-key.js';

/** Aliases a file may expand to (yaml's guard against "billion laughs"); an input file needs none. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses a YAML (or JSON) file's text, or fails with one line naming the file and the line: not valid
 * YAML, a key given twice (found in one pass with a set per mapping, linear in the file), too many
 * aliases, or nesting too deep to read. Loaded only when a file is read.
 */
export function parseYamlFile(text: string, file: string): unknown {
  const json = parseJson(text, file);
  if (json !== NOT_JSON) return json;
  const lines = new LineCounter();
  const at = (offset: number | undefined) => (offset === undefined ? '' : `: line ${lines.linePos(offset).line}`);
  try {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: false, lineCounter: lines });
    const problem = doc.errors[0];
    if (problem) {
      const line = problem.linePos?.[0]?.line;
      const what = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw usageError(`${file}${line ? `: line ${line}` : ''}: not valid YAML (${what})`);
    }
    const duplicate = firstDuplicateKey(doc);
    if (duplicate) throw usageError(`${file}${at(duplicate.offset)}: ${duplicate.key} is given twice`);
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if ((error as Error).name === 'ExitError') throw error;
    if (error instanceof RangeError) throw usageError(`${file}: nested too deeply to read`);
    if (/alias/i.test((error as Error).message))
      throw usageError(`${file}: too many aliases (more than ${MAX_ALIAS_COUNT} expansions): not an input file`);
    throw usageError(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
}

const NOT_JSON = Symbol('not JSON');

/** JSON text the fast way (a plan document of megabytes in milliseconds), still refusing a key given twice. */
function parseJson(text: string, file: string): unknown {
  if (!/^\s*[{[]/.test(text)) return NOT_JSON;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NOT_JSON; // YAML reads it again and names the line
  }
  const duplicate = firstDuplicateJsonKey(text);
  if (duplicate !== null) throw usageError(`${file}: ${duplicate} is given twice`);
  return value;
}

/** The first key given twice in any mapping of the document, with its offset; one set per mapping, so linear. */
function firstDuplicateKey(doc: Document): { key: string; offset: number | undefined } | null {
  let found: { key: string; offset: number | undefined } | null = null;
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(key)) {
          found = {
            key: isScalar(pair.key) ? String(pair.key.value) : key,
            offset: (pair.key as { range?: number[] }).range?.[0],
          };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}
