/**
 * Plain text a YAML reader would take for something other than a string. A string matching any of these is
 * quoted. These are the implicit tags of YAML 1.1 that the `yaml` package's 1.1 schema tests (so the output
 * is the bytes it writes), plus three it leaves plain: YAML 1.2's `0o` octal integers (a string to a
 * 1.1 reader, a number to a 1.2 one), and `<<` and `=`, the merge and value keys of 1.1 readers (PyYAML
 * refuses a document with a plain `=`). All three are quoted, so every reader gets the same string back.
 */
const IMPLICIT: readonly RegExp[] = [
  // null: ~, null, Null, NULL and the empty string
  /^(?:~|[Nn]ull|NULL)?$/,
  // booleans, YAML 1.1's long list (y, n, yes, no, on, off…)
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  // integers: binary, octal (1.1's leading zero), decimal, hexadecimal
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  // floats: infinities and not-a-number, exponents, decimals
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  // sexagesimal integers and floats (1.1: 1:30 is 90)
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  // timestamps: a date, optionally a time and a zone
  /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\.[0-9]+)?)(?:[ \t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
  // the three the `yaml` package leaves plain: YAML 1.2 octal integers, the merge key and the value key
  /^0o[0-7]+$/,
  /^<<$/,
  /^=$/,
];

/** Whether a reader would resolve this plain text to a non-string (a null, boolean, number, date or merge). */
export function readsAsNonString(text: string): boolean {
  // Every pattern's match starts with one of these (or is empty): most text is ruled out by its first character.
  if (text !== '' && !MAY_START.test(text)) return false;
  for (const pattern of IMPLICIT) if (pattern.test(text)) return true;
  return false;
}

const MAY_START = /^[-+.~<=0-9YyNnTtFfOoEe]/;

/** The plain text this emitter quotes where the `yaml` package (1.1 schema) does not. */
export const QUOTED_BEYOND_YAML_PACKAGE = /^(?:0o[0-7]+|<<|=)$/;
