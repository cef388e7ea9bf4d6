/**
 * Plain text a YAML reader would take for something other than a string. A string matching any of these is
 * quoted. These are the implicit tags of YAML 1.1 that the `yaml` package's 1.1 schema tests (so the output
 * is the bytes it writes), plus three it leaves plain: YAML 1.2's `0o` octal integers (a string to a
 * 1.1 reader, a number to a 1.2 one), and `<<` and `=`, the merge and value keys of 1.1 readers (PyYAML
 * refuses a document with a plain `=`). All three are quoted, so every reader gets the same string back.
 */

/** The words YAML 1.1 reads as null or a boolean (the `yaml` package's patterns, written out), and `~`, `<<`, `=`. */
const WORDS = new Set(
  ['', '~', 'null', 'Null', 'NULL', 'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']
    .concat(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
    .concat(['<<', '=']),
);

/** Numbers, dates and times: every such pattern starts with a sign, a dot or a digit, but the exponent-only `E5`. */
const NUMERIC: readonly RegExp[] = [
  // integers: binary, octal (1.1's leading zero; 1.2's 0o), decimal, hexadecimal
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^0o[0-7]+$/,
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
];

/** Whether a reader would resolve this plain text to a non-string (a null, boolean, number, date or merge). */
export function readsAsNonString(text: string): boolean {
  if (WORDS.has(text)) return true;
  const first = text.charCodeAt(0);
  const numeric = first === 43 || first === 45 || first === 46 || (first >= 48 && first <= 57); // + - . 0-9
  if (numeric) return NUMERIC.some((pattern) => pattern.test(text));
  return (first === 69 || first === 101) && /^[eE][-+]?[0-9]+$/.test(text); // E5, e-3
}

/** The plain text this emitter quotes where the `yaml` package (1.1 schema) does not. */
export const QUOTED_BEYOND_YAML_PACKAGE = /^(?:0o[0-7]+|<<|=)$/;
