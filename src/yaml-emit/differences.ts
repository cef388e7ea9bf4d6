import { ONLY_BLANK_LINES } from './strings.js';
import { QUOTED_BEYOND_YAML_PACKAGE } from './implicit.js';

/**
 * Where this emitter's output may differ from the `yaml` package's (stringify, YAML 1.1, no line width):
 * only for text it writes so that a reader gets something else back. None is in a document capacity-plan
 * writes (test/export/yaml-emit-sweep.test.ts); the random-document tests leave these out when comparing
 * bytes, and check that they read back.
 * - `0o17` (a number to a YAML 1.2 reader), `<<` and `=` (merge and value keys to 1.1 readers): quoted;
 * - blank lines only (` \n`): quoted, where `yaml` writes a block that reads back without its blanks;
 * - a blank line inside long double-quoted text (`\n \n`): its space escaped once, where `yaml` writes `\\ `.
 */
export function mayDifferFromYamlPackage(text: string): boolean {
  return QUOTED_BEYOND_YAML_PACKAGE.test(text) || ONLY_BLANK_LINES.test(text) || text.includes('\n \n');
}
