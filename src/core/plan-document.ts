export type { PlanDocument, ProviderPlan } from './plan-schema.js';
