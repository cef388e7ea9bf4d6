import { buildPlan } from '../core/plan.js';
import { checkPlanFigures } from './plan-figures.js';

/** buildPlan, then the final check over every figure of the document: a non-finite or absurd one is exit 2. */
export const planChecked = (...args: Parameters<typeof buildPlan>) => checkPlanFigures(buildPlan(...args));
