import { toYaml } from '../yaml-emit/emit.js';
import type { PlanDocument } from '../core/plan-document.js';

/**
 * The same document as the JSON form, as YAML (no anchors, so every consumer reads it the same way), written
 * by our emitter: the `yaml` package's bytes on every plan of a sweep (test/render/plan-yaml-sweep.test.ts)
 * without loading its ~0.2 MB of code.
 */
export function renderYaml(plan: PlanDocument): string {
  return toYaml(plan);
}
