import type { Command } from 'commander';
import type { PlanDocument } from '../core/plan-document.js';
import { usd } from '../render/format.js';
import { parseHumaneNumber } from '../core/humane-number.js';
import { EXIT, ExitError, usageError } from './exit-error.js';
import type { Io } from './io.js';
import { envName } from './plan-options.js';

/** Money in messages as in the tables: grouped digits, cents (a figure that is no number is shown as it is). */
const money = (n: number) => (Number.isFinite(n) ? usd(n, 2) : `$${String(n)}`);

/** A number a gate flag may hold, within [min, max]; anything else is exit 2 naming the flag. */
export function gateLimit(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = parseHumaneNumber(text);
  if (!Number.isFinite(n) || n < min || n > max)
    throw usageError(`${flag}: expected a number from ${min} to ${max}, not "${text}"`);
  return n;
}

/** Fails closed: a cost that is not a finite number never passes a budget. */
export function budgetFailure(expected: number, max: number, what: string, flag: string): ExitError | null {
  if (Number.isFinite(expected) && Number.isFinite(max) && expected <= max) return null;
  return new ExitError(
    EXIT.gate,
    `budget gate failed: ${what} ${money(expected)}/month${what.startsWith('the ') ? ' is' : ','} over ${flag} ${money(max)}`,
  );
}

/**
 * Exit 3 when the expected cost is over the budget (or not a finite number: fails closed), naming where the
 * budget came from: the flag, the environment or the input file. `plan` and `export` gate the same way.
 */
export function budgetGate(
  plan: PlanDocument,
  max: number | undefined,
  command: Command,
  env: Io['env'],
): ExitError | null {
  if (max === undefined) return null;
  const expected = plan.cost.monthly.expected;
  if (Number.isFinite(expected) && expected <= max) return null;
  const file: unknown = command.opts().input;
  const from =
    command.getOptionValueSource('maxMonthlyCost') === 'cli'
      ? '--max-monthly-cost'
      : env[envName('maxMonthlyCost')]
        ? envName('maxMonthlyCost')
        : `maxMonthlyCost in ${typeof file === 'string' ? file : 'the input file'}`;
  return new ExitError(
    EXIT.gate,
    `budget gate failed: the expected ${money(expected)}/month is over the budget of ${money(max)} (${from})`,
  );
}

/**
 * The rise from base to head in percent of the base's size. A base of 0 (or below) has no percentage:
 * any rise from it is an unbounded one, no change is 0 %, a fall is an unbounded fall.
 */
export function increasePercent(base: number, head: number): number {
  if (!Number.isFinite(base) || !Number.isFinite(head)) return Number.NaN;
  if (base > 0) return ((head - base) / base) * 100;
  if (head === base) return 0;
  return head > base ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

/** The --max-increase gate: fails when the rise passes the limit, and when the rise is not a number. */
export function increaseFailure(base: number, head: number, limit: number): ExitError | null {
  const percent = increasePercent(base, head);
  if (!Number.isNaN(percent) && percent <= limit) return null;
  const rise = Number.isNaN(percent)
    ? `the expected monthly cost is not a number (${money(base)} → ${money(head)})`
    : Number.isFinite(percent)
      ? `the expected monthly cost rises ${Number(percent.toFixed(1))} %`
      : `the expected monthly cost rises from ${money(base)} to ${money(head)} (no percentage of a base of ${money(base)})`;
  return new ExitError(EXIT.gate, `cost gate failed: ${rise}, more than --max-increase ${limit} %`);
}
