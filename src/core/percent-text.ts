/** How many decimals an availability needs: two, or up to the first digit that is not a nine and one more. */
function digitsFor(percent: number, least: number): number {
  const fraction = String(percent).split('.')[1] ?? '';
  const firstNotNine = [...fraction].findIndex((d) => d !== '9');
  let digits = Math.max(least, firstNotNine < 0 ? fraction.length : firstNotNine + 2);
  while (digits < 15 && Number(percent.toFixed(digits)) >= 100) digits++;
  return digits;
}

/** An availability in percent with as many digits as its nines need (99.93, 99.99998), never "100" below 100. */
export function availabilityText(percent: number): string {
  if (!(percent < 100)) return '100';
  const text = percent.toFixed(digitsFor(percent, 2));
  return text.replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** A fraction as a percent for the plan document: six decimals, or more where the nines need them. */
export function availabilityPercent(fraction: number): number {
  const percent = fraction * 100;
  if (!(percent < 100)) return 100;
  return Number(percent.toFixed(digitsFor(percent, 6)));
}
