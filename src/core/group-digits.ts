/**
 * "1,234,567.8": thousands grouped with commas, at most `digits` decimals, trailing zeros dropped. The
 * same text as toLocaleString('en-US') without paying for ICU's start-up on every run of the CLI.
 */
export function groupDigits(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(digits);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = fraction?.replace(/0+$/, '') ?? '';
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/** Like groupDigits, but always `digits` decimals ("1,234.50"). */
export function groupDigitsFixed(value: number, digits: number): string {
  const [whole, fraction] = Math.abs(value).toFixed(digits).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 && Number(Math.abs(value).toFixed(digits)) !== 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
