/** Rounds for output, so that documents are stable and readable (no 0.30000000000000004). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  const r = Math.round((value + Number.EPSILON * Math.sign(value)) * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
