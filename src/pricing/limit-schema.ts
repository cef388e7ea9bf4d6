import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema.js';

/** One engineering limit of a provider's service: a value with its unit (or a limit in words), and its source. */
export const limitSchema = lazySchema(() =>
  z.strictObject({
  id: z.string().min(1),
  /** The service it belongs to, in the provider's words. */
  service: z.string().min(1).optional(),
  /** Distinguishes limits that share an id (default quota and quota after an increase, a storage type). */
  variant: z.string().optional(),
  /** The instance or node type it is for (rds-max-connections of db.r7g.large). */
  shape: z.string().optional(),
  description: z.string().optional(),
  value: z.number().finite().optional(),
  unit: z.string().min(1).optional(),
  source: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'),
  confidence: z.enum(['V', 'M', 'U']),
  }),
);
export type Limit = z.infer<typeof limitSchema>;
