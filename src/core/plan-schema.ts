import * as z from 'zod';
import { costShape } from './plan-schema/cost.js';
import { designShape } from './plan-schema/design.js';
import { trafficShape } from './plan-schema/traffic.js';
import { uncertaintySchema } from './uncertainty-schema.js';

export { costFiguresSchema, lineItemSchema } from './plan-schema/cost.js';

/**
 * The plan document as users, scripts and CI see it (`--format json`, `plan()`, `capacity-plan schema
 * plan`). Versioned by `schemaVersion` and kept apart from the planner's internal types, so internals can
 * change without breaking anyone. The TypeScript type is inferred from this schema: it is written once.
 */
export const planSchema = z.strictObject({
  schemaVersion: z.literal(1),
  ...designShape,
  ...trafficShape,
  ...costShape,
  uncertainty: uncertaintySchema.optional(),
});

export type PlanDocument = z.infer<typeof planSchema>;
export type ProviderPlan = NonNullable<PlanDocument['providers']>[number];
