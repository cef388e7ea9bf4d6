import * as z from 'zod';
import { CONFIDENCE } from './catalog-schema.js';

/** The terms a commitment is sold for, and how it is paid. */
export const TERMS = ['1y', '3y'] as const;
export type Term = (typeof TERMS)[number];
/** AWS sells no/partial/all upfront; GCP and Azure bill a commitment monthly (Azure's upfront costs the same). */
export const PAYMENTS = ['no-upfront', 'partial-upfront', 'all-upfront', 'monthly'] as const;
export type Payment = (typeof PAYMENTS)[number];
/** The services a commitment product covers: the always-on app servers, databases and caches. */
export const COMMITMENT_SERVICES = ['compute', 'database', 'cache'] as const;
export type CommitmentService = (typeof COMMITMENT_SERVICES)[number];
export const CACHE_ENGINES = ['redis', 'valkey'] as const;
export type CacheEngine = (typeof CACHE_ENGINES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const evidence = {
  source: z.string().min(1),
  date: isoDate,
  confidence: z.enum(CONFIDENCE),
};
const pattern = z.string().refine((text) => {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
}, 'expected a regular expression');

/** A product's share off the on-demand price for one term and payment: the fallback where no rate is known. */
const offerSchema = z.strictObject({
  term: z.enum(TERMS),
  payment: z.enum(PAYMENTS),
  discount: z.number().gt(0).lt(1),
  ...evidence,
});

/** An effective hourly rate (upfront spread over the term) for one item in one region, beside the on-demand rate it was read with. */
const rateSchema = z.strictObject({
  item: z.string().min(1),
  /** Catalog variants the rate prices (RDS: single-az and multi-az share one fraction; Multi-AZ is 2 ×). */
  variants: z.array(z.string().min(1)).min(1).optional(),
  engine: z.enum(CACHE_ENGINES).optional(),
  region: z.string().regex(/^[a-z0-9-]+$/),
  term: z.enum(TERMS),
  payment: z.enum(PAYMENTS),
  hourly: z.number().positive(),
  onDemand: z.number().positive(),
  ...evidence,
});

/** Which catalog items a product covers: every item of its service unless narrowed. */
const matchSchema = z.strictObject({
  /** A regular expression the item id must match. */
  pattern: pattern.optional(),
  /** A regular expression of item ids it does not cover (shared-core machines, burstable database tiers). */
  except: pattern.optional(),
  variants: z.array(z.string().min(1)).min(1).optional(),
  engines: z.array(z.enum(CACHE_ENGINES)).min(1).optional(),
});

const productSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The provider's own name, shown on the bill's line. */
  name: z.string().min(1),
  service: z.enum(COMMITMENT_SERVICES),
  /** What it covers and how flexible it is, for the plan's notes. */
  scope: z.string().min(1),
  match: matchSchema.optional(),
  offers: z.array(offerSchema).min(1),
  rates: z.array(rateSchema).optional(),
});

const preferenceSchema = z.strictObject({
  /** Payment options in the order a plan takes them: the first the product sells wins. */
  prefer: z.array(z.enum(PAYMENTS)).min(1),
  why: z.string().min(1),
});

/**
 * One provider's commitment products (pricing/commitments/<provider>.yaml). Products are listed in the
 * order a plan prefers them: for each always-on line, the first product that covers the item and sells
 * the term is bought.
 */
export const commitmentBookSchema = z
  .strictObject({
    provider: z.string().regex(/^[a-z][a-z0-9-]*$/),
    date: isoDate,
    source: z.string().min(1),
    payment: z.strictObject({ '1y': preferenceSchema, '3y': preferenceSchema }),
    products: z.array(productSchema).min(1),
    /** Items of a service that no product covers, and why: the plan says so on their lines' note. */
    unsold: z
      .array(z.strictObject({ service: z.enum(COMMITMENT_SERVICES), pattern, why: z.string().min(1) }))
      .optional(),
  })
  .superRefine((book, ctx) => {
    const ids = new Set<string>();
    book.products.forEach((product, index) => {
      if (ids.has(product.id)) ctx.addIssue({ code: 'custom', path: ['products', index], message: 'duplicate id' });
      ids.add(product.id);
      product.rates?.forEach((rate, r) => {
        if (rate.hourly >= rate.onDemand)
          ctx.addIssue({
            code: 'custom',
            path: ['products', index, 'rates', r],
            message: `the committed rate ${rate.hourly} is not below on-demand ${rate.onDemand}`,
          });
      });
    });
  });
export type CommitmentBook = z.infer<typeof commitmentBookSchema>;
export type CommitmentProduct = CommitmentBook['products'][number];
export type CommitmentOffer = CommitmentProduct['offers'][number];
export type CommitmentRate = NonNullable<CommitmentProduct['rates']>[number];
