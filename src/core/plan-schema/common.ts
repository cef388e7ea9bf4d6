import * as z from 'zod';
import { providerField } from '../../providers/provider-field.js';
import { STRATEGIES } from '../load-balancing.js';
import { TIER_IDS } from '../tiers.js';
import { SIM_STRATEGIES } from '../../simulate/strategies.js';

/** The pieces every part of the plan document's schema shares. */
export const tier = z.enum(TIER_IDS);
export const provider = providerField();
export const strategy = z.enum(STRATEGIES);
export const money = z.number();
export const reasons = z.array(z.string()).describe('Why, naming the input and the threshold that decided');
export const confidence = z.enum(['V', 'M', 'U']);
export const monthly = z.strictObject({ low: money, expected: money, high: money });
export const instances = z.strictObject({ min: z.number().int(), expected: z.number().int(), max: z.number().int() });
export const scalingRule = z.strictObject({
  metric: z.enum(['cpuPercent', 'queueDepth', 'p95LatencyMs']),
  operator: z.enum(['>', '<']),
  threshold: z.number(),
  forMinutes: z.number().nullable(),
});
export const simStrategy = z.enum(SIM_STRATEGIES);
