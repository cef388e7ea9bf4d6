import type { PlanDocument } from '../plan-document.js';
import { costSection, deploymentSection } from './cost-sections.js';
import { cacheSection, cdnSection, databaseSection, queueSection } from './data-sections.js';
import { computeSection, tierSection } from './design-sections.js';
import { assumptions } from './input-sections.js';
import { availabilitySection, healthCheckSection, loadBalancingSection } from './traffic-sections.js';
import type { DesignView } from './view.js';

/** The part of the plan document one provider's design fills. */
export type DesignBody = Omit<PlanDocument, 'schemaVersion' | 'input' | 'demand' | 'projection' | 'providers'>;

/** A pure mapper: the design and its decisions, as the versioned plan document's sections. */
export function describe(view: DesignView): DesignBody {
  return {
    tier: tierSection(view),
    compute: computeSection(view),
    database: databaseSection(view),
    cache: cacheSection(view),
    cdn: cdnSection(view),
    queue: queueSection(view),
    loadBalancing: loadBalancingSection(view),
    healthCheck: healthCheckSection(view),
    autoscaling: view.design.autoscaling,
    availability: availabilitySection(view),
    deployment: deploymentSection(view),
    cost: costSection(view),
    warnings: view.decisions.warnings,
    assumptions: assumptions(view.ctx.params, view.ctx.input),
  };
}
