import { groupDigits, groupDigitsFixed } from '../core/group-digits.js';
import { isProvider, providerPack } from '../providers/registry.js';

export const usd = (n: number, digits = 0) => `${n < 0 ? '-' : ''}$${groupDigitsFixed(Math.abs(n), digits)}`;

export const num = (n: number, digits = 0) => groupDigits(n, digits);

export const pct = (share: number, digits = 0) => `${num(share * 100, digits)} %`;

export function gb(n: number): string {
  if (n >= 1000) return `${num(n / 1000, 1)} TB`;
  return `${num(n, 1)} GB`;
}

/** A provider as people write it: AWS, GCP, Azure. */
export const providerLabel = (id: string) => (isProvider(id) ? providerPack(id).label : id);

/** cli-table3 borders around a table but not between its rows. */
const COMPACT_TABLE = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** How every table looks: compact borders, and cyan heads on grey borders when colour is on. */
export function tableLook(color: boolean) {
  return { style: { head: color ? ['cyan'] : [], border: color ? ['grey'] : [] }, chars: COMPACT_TABLE };
}
