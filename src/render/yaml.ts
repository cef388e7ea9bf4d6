import { withCostFigures } from '../core/cost-figures.js';
import { toYaml } from '../yaml-text.js';
import type { PlanDocument } from '../core/plan-document.js';

/** The same document as the JSON form, as YAML (no anchors, so every consumer reads it the same way). */
export function renderYaml(plan: PlanDocument): string {
  return toYaml(withCostFigures(plan));
}
