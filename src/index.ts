import { planFromRaw, type Catalogs } from './core/plan.js';
import type { RawInput } from './core/input.js';
import type { PlanDocument } from './core/plan-document.js';
import { bundledCatalogs } from './pricing/bundled.js';

export type { PlanDocument } from './core/plan-document.js';
export type { RawInput as PlanInput } from './core/input.js';
export { inputSchema } from './core/input.js';
export { PROFILES, PROFILE_NAMES } from './core/profiles.js';
export { PlanInputError } from './core/input-error.js';

/** The plan document for an input, priced on the bundled catalogs: the same document as `plan --format json`. */
export function plan(input: RawInput, catalogs: Catalogs = bundledCatalogs): PlanDocument {
  return planFromRaw(input, catalogs);
}
export { erlangB, erlangC, meanWait, responsePercentile, waitPercentile } from './core/queueing.js';
export { runSimulation, SIM_STRATEGIES } from './simulate/run.js';
export type { SimulationReport, SimulationRequest } from './simulate/run.js';
