import * as z from 'zod';
import { TIER_IDS } from './tiers.js';

/** The plan document's optional `uncertainty` section: what a plan over ranges adds (see src/uncertainty/). */
const tier = z.enum(TIER_IDS);
const fleet = z.strictObject({ min: z.number().int(), expected: z.number().int(), max: z.number().int() });

const scenario = z.strictObject({
  percentile: z.number().int().describe('10, 50 or 90: the sample at this percentile of expected monthly cost'),
  monthlyCost: z.number(),
  tier,
  instanceType: z.string(),
  instances: fleet,
  design: z.string(),
  peakRps: z.number(),
  meetsTarget: z.boolean().nullable(),
  inputs: z.record(z.string(), z.number()).describe('The sampled value of each ranged input'),
});

export const uncertaintySchema = z
  .strictObject({
    samples: z.number().int(),
    seed: z.number().int(),
    method: z.string(),
    inputs: z.array(
      z.strictObject({
        field: z.string(),
        flag: z.string(),
        low: z.number().describe('5th percentile, as given'),
        high: z.number().describe('95th percentile, as given'),
        distribution: z.enum(['lognormal', 'logit-normal', 'normal', 'uniform']),
        p10: z.number(),
        median: z.number(),
        p90: z.number(),
      }),
    ),
    cost: z.strictObject({ p10: z.number(), p50: z.number(), p90: z.number(), mean: z.number() }),
    scenarios: z.array(scenario),
    tiers: z.array(z.strictObject({ id: tier, samples: z.number().int(), share: z.number() })),
    designs: z.array(z.strictObject({ design: z.string(), samples: z.number().int(), share: z.number() })),
    refused: z.strictObject({ samples: z.number().int(), share: z.number(), example: z.string().nullable() }),
    recommendation: z.strictObject({
      percentile: z.number().int(),
      design: z.string(),
      monthlyCost: z.number(),
      reasons: z.array(z.string()),
      risk: z.string(),
      ifP10: z.array(z.string()),
      ifP90: z.array(z.string()),
    }),
    tornado: z.strictObject({
      baseCost: z.number().describe('Expected monthly cost with every ranged input at its median'),
      rows: z.array(
        z.strictObject({
          field: z.string(),
          flag: z.string(),
          lowValue: z.number().describe("the input's 10th percentile"),
          highValue: z.number().describe("the input's 90th percentile"),
          costAtLow: z.number().nullable(),
          costAtHigh: z.number().nullable(),
          swing: z.number(),
        }),
      ),
    }),
  })
  .describe('With ranges as input: a seeded Monte Carlo of the plan, its cost percentiles and the tornado');
