import { parseDocument } from 'yaml';
import { usageError } from './exit-error.js';

/** Parses a YAML file's text, or fails with one line naming the file and the line. Loaded only when a file is read. */
export function parseYamlFile(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const problem = doc.errors[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line;
    const what = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw usageError(`${file}${line ? `: line ${line}` : ''}: not valid YAML (${what})`);
  }
  return doc.toJS();
}
