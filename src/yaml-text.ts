import { Document, stringify } from 'yaml';

/**
 * YAML text every parser reads the same way: strings that YAML 1.1 parsers would take for dates,
 * booleans or numbers ("2026-09-01", "on", "0.1") are quoted, and repeated objects are written out
 * in full instead of as anchors and aliases.
 */
export function toYaml(value: unknown): string {
  return stringify(value, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false });
}

/** toYaml with a comment block at the top. */
export function toYamlWithComment(value: unknown, comment: string): string {
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  doc.commentBefore = comment;
  return doc.toString({ lineWidth: 0 });
}
