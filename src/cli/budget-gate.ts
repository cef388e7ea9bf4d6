import type { Command } from 'commander';
import type { PlanDocument } from '../core/plan-document.js';
import { usd } from '../render/format.js';
import { EXIT, ExitError } from './exit-error.js';
import type { Io } from './io.js';
import { envName } from './plan-options.js';

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
    `budget gate failed: the expected ${Number.isFinite(expected) ? usd(expected, 2) : `$${expected}`}/month is over the budget of ${usd(max, 2)} (${from})`,
  );
}
