import { buildPlan, type Catalogs } from './core/plan.js';
import { inputSchema } from './core/input.js';
import { plainInput } from './schema/input-fast.js';
import { todayFrom } from './core/today.js';
import type { RawInput } from './core/input.js';
import type { PlanDocument } from './core/plan-document.js';
import { bundledCatalogs } from './pricing/bundled.js';

export type { PlanDocument } from './core/plan-document.js';
export type { RawInput as PlanInput } from './core/input.js';
export { inputSchema };
export { PROFILES, PROFILE_NAMES } from './core/profiles.js';
export { PlanInputError } from './core/input-error.js';

/**
 * The plan document for an input, priced on the bundled catalogs: the same document as `plan --format
 * json`. Like the CLI it warns about a catalog over 90 days old, as of today (or SOURCE_DATE_EPOCH);
 * pass `today` to pin the date.
 */
export function plan(input: RawInput, options: { catalogs?: Catalogs; today?: string } = {}): PlanDocument {
  return buildPlan(plainInput(input) ?? inputSchema.parse(input), options.catalogs ?? bundledCatalogs(), {
    today: options.today ?? todayFrom(process.env),
  });
}
export { erlangB, erlangC, meanWait, responsePercentile, waitPercentile } from './core/queueing.js';
export { runSimulation, SIM_STRATEGIES } from './simulate/run.js';
export type { SimulationReport, SimulationRequest } from './simulate/run.js';
export { scanAwsOffer } from './providers/aws/offer-stream.js';
