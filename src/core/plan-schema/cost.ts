import * as z from 'zod';
import { COMMITMENTS } from '../input.js';
import { PAYMENTS, TERMS } from '../../pricing/commitment-schema.js';
import { confidence, money, monthly, provider, reasons, tier } from './common.js';

export const lineItemSchema = z.strictObject({
  id: z
    .string()
    .describe('Stable across plans: the kind, the region for per-region lines, the buying option for split lines'),
  kind: z.string().describe('The cost rule that priced the line (compute, database-primary, cdn-transfer, …)'),
  component: z.string(),
  description: z.string(),
  quantity: z.number(),
  unit: z.string(),
  unitPrice: z.number().describe('USD per unit'),
  monthly: money,
  itemId: z.string().describe("The provider's own name for what is priced"),
  confidence: confidence.describe('V verified · M several sources agree · U recalled'),
  commitment: z
    .strictObject({
      product: z
        .string()
        .describe("The provider's commitment product (Compute Savings Plan, RDS reserved DB instance, …)"),
      term: z.enum(TERMS),
      payment: z.enum(PAYMENTS),
      discount: z.number().describe('Share off the on-demand price'),
      source: z.string(),
      confidence,
    })
    .optional()
    .describe('Committed lines: what they are bought under (pricing/commitments/<provider>.yaml)'),
});

/** Figures people ask for beside the monthly bill; every one covers the whole plan (all its regions). */
export const costFiguresSchema = z.strictObject({
  scope: z.string().describe('What the figures cover: "total" (every region of the plan together)'),
  regions: z.array(z.string()).describe('The regions the figures add up'),
  perMonthlyUser: money.describe('Expected monthly cost ÷ monthly active users'),
  perThousandRequests: money.describe('Expected monthly cost ÷ requests a month × 1,000'),
  twelveMonths: z.strictObject({
    total: money,
    basis: z.enum(['flat', 'growth']).describe('flat: 12 × this month; growth: the projection month by month'),
  }),
  horizon: z
    .strictObject({ months: z.number().int(), total: money })
    .nullable()
    .describe('With --growth: the cost of every projected month added up'),
});

/** The deployment, the bill, and what follows from it: other providers' prices and the growth projection. */
export const costShape = {
  deployment: z.strictObject({
    strategy: z.enum(['blue-green', 'rolling', 'canary']),
    reasons,
    deploysPerMonth: z.number(),
    extraServersWhileDeploying: z.number().int(),
    windowMinutes: z.number(),
    extraCostPerDeploy: money,
    extraMonthlyCost: money,
    batchSize: z.number().int().nullable(),
    canaryPercent: z
      .number()
      .nullable()
      .describe('Canary deployments: the share of traffic the new version gets first'),
  }),
  cost: z.strictObject({
    currency: z.literal('USD'),
    hoursPerMonth: z.number(),
    monthly,
    lineItems: z.array(lineItemSchema),
    buying: z.strictObject({
      commitment: z.enum(COMMITMENTS),
      spotShare: z.number(),
      discountPercent: z.number(),
      notes: z.array(z.string()),
    }),
    pricing: z.strictObject({
      provider,
      region: z.string(),
      date: z.string(),
      source: z.string(),
      catalog: z.enum(['bundled', 'refreshed']),
    }),
    referenceBand: z.strictObject({
      tier,
      low: money,
      high: money.nullable(),
      comparison: z.enum(['below', 'inside', 'above']),
      source: z.string(),
    }),
    curve: z.string(),
    figures: costFiguresSchema.optional().describe('Figures derived from the monthly cost (src/core/cost-figures.ts)'),
    recalled: z
      .strictObject({
        share: z.number().min(0).max(1),
        monthly: money,
        items: z.array(z.strictObject({ itemId: z.string(), kind: z.string(), monthly: money, share: z.number() })),
      })
      .optional()
      .describe('The items priced on recalled (U) prices and their share of the bill before discounts'),
  }),
  warnings: z.array(z.string()),
  assumptions: z.array(z.string()),
  providers: z
    .array(
      z.strictObject({
        provider,
        region: z.string(),
        regions: z
          .array(z.string())
          .describe('Every region the design runs in on this provider, the home region first'),
        date: z.string(),
        instanceType: z.string(),
        monthly,
        cheapest: z.boolean(),
      }),
    )
    .optional()
    .describe('With --provider all: the same design priced on each provider'),
  projection: z
    .strictObject({
      growthPercentPerMonth: z.number(),
      months: z.array(
        z.strictObject({
          month: z.number().int(),
          users: z.number().int(),
          tier,
          instances: z.number().int(),
          instanceType: z.string(),
          monthlyCost: money,
        }),
      ),
      crossings: z.array(
        z.strictObject({ month: z.number().int(), users: z.number().int(), from: tier, to: tier, note: z.string() }),
      ),
      stopped: z.string().optional().describe("Why the projection ends before --months: the planner's user limit"),
    })
    .nullable(),
};
