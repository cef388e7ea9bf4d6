import type { Command } from 'commander';
import type { PlanInput } from '../core/input.js';
import type { PlanOptions } from '../core/plan.js';
import type { PlanDocument } from '../core/plan-document.js';
import { extractRanges } from '../uncertainty/extract.js';
import { RangeInputError } from '../uncertainty/range.js';
import { loadCatalogs } from './catalogs.js';
import { collectRawInput, naming, validateRaw } from './collect-input.js';
import { usageError } from './exit-error.js';
import { envName, PLAN_OPTIONS } from './plan-options.js';
import type { Io } from './io.js';
import { planChecked } from './plan-checked.js';

/** The variables the binary reads besides the input's own (the simulation cache, the build's code cache). */
const OWN_VARIABLES = new Set(['CAPACITY_PLAN_CACHE', 'CAPACITY_PLAN_WRITE_CODE_CACHE']);

/** A CAPACITY_PLAN_ variable no option reads (a typo, or an output option): one warning each, not silence. */
function warnUnread(io: Io): void {
  const read = new Set(PLAN_OPTIONS.map((o) => envName(o.key)));
  for (const name of Object.keys(io.env).sort())
    if (name.startsWith('CAPACITY_PLAN_') && !read.has(name) && !OWN_VARIABLES.has(name))
      io.stderr.write(
        `capacity-plan: warning: ${name} is not read: the environment sets the plan's input options (CAPACITY_PLAN_USERS, CAPACITY_PLAN_PROVIDER…), not the output ones\n`,
      );
}

/**
 * A plan; or, when an input is a range (`--users 40k..80k`, in flags, the environment or the input file),
 * the seeded Monte Carlo plan over the ranges, whose document is its recommended design. `plan` and `export`
 * read their input this way, so a file `plan` takes, `export` takes too. `fixed` overrides fields
 * (export plans without the balancer simulation its files do not show).
 */
export async function planOrRangePlan(
  command: Command,
  io: Io,
  opts: PlanOptions,
  fixed: Record<string, unknown> = {},
): Promise<{ plan: PlanDocument; input: PlanInput; ranged: boolean }> {
  warnUnread(io);
  const raw = await collectRawInput(command, io.cwd, io.env);
  for (const key of ['samples', 'seed'])
    if (command.getOptionValueSource(key) === 'cli') {
      raw.merged[key] = command.opts()[key];
      raw.sources.set(key, 'flag');
    }
  Object.assign(raw.merged, fixed);
  try {
    const x = extractRanges(raw.merged);
    if (x.ranges.length === 0) {
      const input = validateRaw(raw, x.base);
      return { plan: await planChecked(input, loadCatalogs(io.env, io.stderr), opts), input, ranged: false };
    }
    const { planWithRanges } = await import('../uncertainty/range-plan.js');
    // Between slices of samples the event loop turns, so Ctrl-C is answered at once.
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    const ranged = await planWithRanges(x, loadCatalogs(io.env, io.stderr), {
      ...opts,
      validate: (r) => validateRaw(raw, r),
      pause,
    });
    return { ...ranged, ranged: true };
  } catch (error) {
    if (!(error instanceof RangeInputError)) throw error;
    throw usageError(`${naming(error.field, raw.sources.get(error.field), raw.file)}: ${error.message}`);
  }
}
