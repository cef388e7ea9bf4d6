import { providerIds } from '../providers/registry.js';
import { PlanInputError } from '../core/input-error.js';
import type { PlanInput } from '../core/input.js';
import type { PlanDocument } from '../core/plan-document.js';
import { buildPlan, type Catalogs, type PlanOptions } from '../core/plan.js';
import { checkPlanFigures } from './plan-figures.js';

/** Builds a plan somewhere a signal can still reach the process (a worker thread), resolving to the same document. */
export type OffThreadPlanner = (input: PlanInput, catalogs: Catalogs, opts: PlanOptions) => Promise<PlanDocument>;

let offThread: OffThreadPlanner | null = null;

/** The binary sets this, so Ctrl-C stops even the longest plan at once; in process (tests, the library) plans run here. */
export function setOffThreadPlanner(planner: OffThreadPlanner | null): void {
  offThread = planner;
}

/** Only the catalogs the input prices on (a broken refreshed catalog of another provider is never read). */
function needed(input: PlanInput, catalogs: Catalogs): Catalogs {
  const providers = input.provider === 'all' ? providerIds() : [input.provider];
  return Object.fromEntries(providers.map((p) => [p, catalogs[p]]));
}

/** buildPlan, then the final check over every figure of the document: a non-finite or absurd one is exit 2. */
export async function planChecked(input: PlanInput, catalogs: Catalogs, opts: PlanOptions): Promise<PlanDocument> {
  const plan = offThread ? await offThread(input, needed(input, catalogs), opts) : buildPlan(input, catalogs, opts);
  return checkPlanFigures(plan);
}

/** An error from the worker as the error it was: a PlanInputError keeps its field (exit 2 naming the input). */
export function revive(error: { name: string; message: string; field?: string }): Error {
  if (error.name === 'PlanInputError' && error.field !== undefined)
    return new PlanInputError(error.field, error.message);
  return Object.assign(new Error(error.message), { name: error.name });
}
