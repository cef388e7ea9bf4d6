import type { PlanDocument } from '../core/plan-document.js';

export function renderJson(plan: PlanDocument): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
