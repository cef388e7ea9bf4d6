import { groupDigits, groupDigitsFixed } from '../core/group-digits.js';
import { isProvider, providerPack } from '../providers/registry.js';
import { ASCII_CHARS, COMPACT_CHARS } from './plain-table.js';

export const usd = (n: number, digits = 0) => `${n < 0 ? '-' : ''}$${groupDigitsFixed(Math.abs(n), digits)}`;

export const num = (n: number, digits = 0) => groupDigits(n, digits);

export const pct = (share: number, digits = 0) => `${num(share * 100, digits)} %`;

export function gb(n: number): string {
  if (n >= 1000) return `${num(n / 1000, 1)} TB`;
  return `${num(n, 1)} GB`;
}

/** A provider as people write it: AWS, GCP, Azure. */
export const providerLabel = (id: string) => (isProvider(id) ? providerPack(id).label : id);

/** How every table looks: compact borders, and cyan heads on grey borders when colour is on. */
export function tableLook(color: boolean, ascii = false) {
  return {
    style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] },
    chars: ascii ? ASCII_CHARS : COMPACT_CHARS,
  };
}
