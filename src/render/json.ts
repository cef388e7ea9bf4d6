import type { PlanDocument } from '../core/plan-document.js';

/** The plan document as JSON. */
export function renderJson(plan: PlanDocument): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
