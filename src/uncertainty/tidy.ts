import { round } from '../core/round.js';

/** Four significant digits: what a sampled input is rounded to, so plans over ranges read like typed inputs. */
export function tidy(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const digits = 3 - Math.floor(Math.log10(Math.abs(value)));
  return digits >= 0 ? round(value, Math.min(digits, 6)) : Math.round(value / 10 ** -digits) * 10 ** -digits;
}
