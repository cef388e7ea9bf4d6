import { withCostFigures } from '../core/cost-figures.js';
import type { PlanDocument } from '../core/plan-document.js';

/** The plan document as JSON, with its cost figures (computed here until the planner fills them in). */
export function renderJson(plan: PlanDocument): string {
  return `${JSON.stringify(withCostFigures(plan), null, 2)}\n`;
}
