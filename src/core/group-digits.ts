/**
 * "1,234,567.8": thousands grouped with commas, at most `digits` decimals, trailing zeros dropped. The
 * same text as toLocaleString('en-US') without paying for ICU's start-up on every run of the CLI.
 */
export function groupDigits(value: number, digits = 0): string {
  // A whole number has no decimals to round or drop: the common case (dollars, servers, GB) skips the rest.
  if (Number.isSafeInteger(value)) return `${value < 0 ? '-' : ''}${group(String(Math.abs(value)))}`;
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = roundAbs(value, digits);
  const decimals = fraction.replace(/0+$/, '');
  return `${sign(value, whole, decimals)}${group(whole)}${decimals ? `.${decimals}` : ''}`;
}

/** Like groupDigits, but always `digits` decimals ("1,234.50"). */
export function groupDigitsFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = roundAbs(value, digits);
  return `${sign(value, whole, fraction)}${group(whole)}${fraction ? `.${fraction}` : ''}`;
}

/** "1234567" → "1,234,567": commas every three digits from the right. */
export function group(whole: string): string {
  let i = whole.length % 3 || 3;
  let out = whole.slice(0, i);
  for (; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return out;
}
const sign = (value: number, whole: string, fraction: string) =>
  value < 0 && /[1-9]/.test(whole + fraction) ? '-' : '';

/**
 * |value| rounded half away from zero to `digits` decimals, working on the shortest decimal that reads
 * back as the same number (as ICU does), not on the binary fraction toFixed sees: 0.8595 rounds to 0.860.
 */
function roundAbs(value: number, digits: number): [string, string] {
  const text = String(Math.abs(value));
  if (/e/i.test(text)) {
    // Beyond 1e21 every double is a whole number; below 1e-6 it rounds to zero at any digits we print.
    if (Math.abs(value) >= 1) return [BigInt(Math.abs(value)).toString(), '0'.repeat(digits)];
    const [w, f = ''] = Math.abs(value).toFixed(digits).split('.');
    return [w!, f];
  }
  const [whole, fraction = ''] = text.split('.');
  if (fraction.length <= digits) return [whole!, fraction.padEnd(digits, '0')];
  const kept = BigInt(whole! + fraction.slice(0, digits)) + (fraction[digits]! >= '5' ? 1n : 0n);
  const digitsText = kept.toString().padStart(digits + 1, '0');
  return [digitsText.slice(0, digitsText.length - digits), digits > 0 ? digitsText.slice(-digits) : ''];
}
