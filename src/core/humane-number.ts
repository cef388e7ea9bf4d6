const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };
import { groupDigits } from './group-digits.js';

/**
 * Reads "250000", "250k", "1.5M", "2B", "50,000" or "50_000" as a number.
 * Returns NaN for anything else so the schema can report the field.
 */
export function parseHumaneNumber(text: string): number {
  const cleaned = text.trim().replace(/[,_](?=\d{3}\b)/g, '');
  const match = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([kmb])?$/i.exec(cleaned);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  const suffix = match[2]?.toLowerCase();
  return suffix ? value * (SUFFIX[suffix] ?? 1) : value;
}

/** "250k", "1.5M" or "99,999": the shortest exact form of a user count, for reasons and tables. */
export function formatUsers(users: number): string {
  if (users >= 1e9) return `${Number((users / 1e9).toPrecision(4))}B`;
  if (users >= 1e6 && users % 1e4 === 0) return `${users / 1e6}M`;
  if (users >= 1e3 && users % 100 === 0) return `${users / 1e3}k`;
  return groupDigits(Math.round(users));
}
