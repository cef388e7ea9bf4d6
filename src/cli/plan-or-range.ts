import type { Command } from 'commander';
import type { PlanInput } from '../core/input.js';
import type { PlanOptions } from '../core/plan.js';
import type { PlanDocument } from '../core/plan-document.js';
import { extractRanges } from '../uncertainty/extract.js';
import { RangeInputError } from '../uncertainty/range.js';
import { loadCatalogs } from './catalogs.js';
import { collectRawInput, naming, validateRaw } from './collect-input.js';
import { usageError } from './exit-error.js';
import { distance } from './edit-distance.js';
import { envName, PLAN_OPTIONS } from './plan-options.js';
import type { Io } from './io.js';
import { planChecked } from './plan-checked.js';

const PREFIX = 'CAPACITY_PLAN_';
/** The binary's own variables: the simulation cache switch, and the build's code-cache writer. */
const OWN = ['CAPACITY_PLAN_CACHE', 'CAPACITY_PLAN_WRITE_CODE_CACHE'];
/** The output options, which some expect to set from the environment too: flags only. */
const FLAG_ONLY = ['FORMAT', 'JSON', 'OUTPUT', 'FORCE', 'INPUT', 'SAMPLES', 'SEED', 'QUIET', 'COLOR', 'NO_COLOR'];

/**
 * A CAPACITY_PLAN_ variable meant for the planner that it does not read — an output option (flags only) or
 * a typo of an input option — gets one warning, not silence. Other names (a workflow's own
 * CAPACITY_PLAN_PACKAGE, the cache switch) are none of its business.
 */
function warnUnread(io: Io): void {
  const read = PLAN_OPTIONS.map((o) => envName(o.key));
  for (const name of Object.keys(io.env).sort()) {
    if (!name.startsWith(PREFIX) || read.includes(name) || OWN.includes(name)) continue;
    const rest = name.slice(PREFIX.length);
    // Names compared without the prefix, and only those of about the same length: a few hundred steps, where
    // whole names made a loop hot enough for V8 to optimise it (5 MB more memory at start-up).
    const typo = read.find((r) => Math.abs(r.length - name.length) <= 2 && distance(rest, r.slice(PREFIX.length)) <= 2);
    const why = FLAG_ONLY.includes(rest)
      ? `--${rest.toLowerCase().replace(/_/g, '-')} is a flag only: the environment sets the plan's input options`
      : typo;
    if (why === undefined) continue;
    io.stderr.write(
      `capacity-plan: warning: ${name} is not read: ${why.startsWith('--') ? why : `did you mean ${why}?`}\n`,
    );
  }
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
