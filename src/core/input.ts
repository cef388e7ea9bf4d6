import * as z from 'zod';
import { lazySchema } from '../schema/lazy-schema.js';
import { parseHumaneNumber } from './humane-number.js';
import { PROFILE_NAMES } from './profiles.js';
import { providerField } from '../providers/provider-field.js';
import { DATABASE_OPTIONS } from './database-options.js';

/** `any`: the cheapest option that qualifies; otherwise the one the user pins. */
export const DATABASE_CHOICES = ['any', ...DATABASE_OPTIONS] as const;

export type { Provider } from '../providers/registry.js';
export const DEPLOY_STRATEGIES = ['auto', 'blue-green', 'rolling', 'canary'] as const;
export const COMMITMENTS = ['on-demand', '1y', '3y'] as const;
export type Commitment = (typeof COMMITMENTS)[number];
export const ARCH_CHOICES = ['any', 'x86', 'arm'] as const;
export const CACHE_ENGINE_CHOICES = ['any', 'redis', 'valkey'] as const;

/** Accepts numbers and humane text ("250k", "1.5M", "50,000"); anything else fails as "expected a number". */
const humane = (schema: z.ZodNumber) =>
  z.preprocess((value) => (typeof value === 'string' ? parseHumaneNumber(value) : value), schema);

const number = (what: string) => z.number({ error: `expected ${what}` });
const ratio = (what: string) =>
  humane(
    number(`${what} between 0 and 1`)
      .min(0, `must be ${what} between 0 and 1`)
      .max(1, `must be ${what} between 0 and 1`),
  );
/** A number within a documented range: the upper bound is checked first, so 1e32 reads "must be at most …". */
const within = (what: string, min: number, max: number, maxText = String(max)) =>
  humane(number(what).max(max, `must be at most ${maxText}`).min(min, `must be at least ${min}`));

const flag = lazySchema(() =>
  z.preprocess(
    (value) => {
      if (typeof value !== 'string') return value;
      const text = value.trim().toLowerCase();
      if (['true', 'yes', 'on', '1'].includes(text)) return true;
      if (['false', 'no', 'off', '0'].includes(text)) return false;
      return value;
    },
    z.boolean({ error: 'expected true or false' }),
  ),
);

const REGION_CODE = /^[a-z]{2,}(?:-[a-z0-9]+)*\d?$/;

/** "us-east-1=60,eu-west-1=40", a map {us-east-1: 60}, or a list of {region, share}. */
const regionsSchema = lazySchema(() =>
  z.preprocess(
    (value) => {
      if (typeof value === 'string') {
        return value
          .split(',')
          .filter((part) => part.trim() !== '')
          .map((part) => {
            const [region, share] = part.split('=');
            return { region: region?.trim() ?? '', share: share === undefined ? Number.NaN : parseHumaneNumber(share) };
          });
      }
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        return Object.entries(value).map(([region, share]) => ({ region, share }));
      }
      return value;
    },
    z
      .array(
        z.strictObject({
          region: z
            .string()
            .max(64, 'must be at most 64 characters')
            .regex(REGION_CODE, 'expected a region code such as us-east-1'),
          share: humane(
            number('a percentage, as in us-east-1=60')
              .gt(0, 'each share must be above 0')
              .max(100, 'a share cannot exceed 100'),
          ),
        }),
        { error: 'expected region=share pairs, as in us-east-1=60,eu-west-1=40' },
      )
      .min(1, 'expected at least one region=share pair')
      .max(50, 'at most 50 regions')
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        for (const { region } of list) {
          if (seen.has(region)) ctx.addIssue({ code: 'custom', message: `${region} is listed twice` });
          seen.add(region);
        }
        const total = list.reduce((sum, r) => sum + r.share, 0);
        if (Math.abs(total - 100) > 0.01)
          ctx.addIssue({ code: 'custom', message: `the shares add up to ${Number(total.toFixed(2))}, not 100` });
      }),
  ),
);

/**
 * Every plan option of the command-line contract. The input file uses the same keys (camelCase of the
 * flag: `--dau-ratio` is `dauRatio`), so the wizard, the flags and the file are validated by this one schema.
 */
const inputShape = () => ({
  name: z
    .string({ error: 'expected a project name' })
    .trim()
    .min(1, 'cannot be empty')
    .max(200, 'must be at most 200 characters')
    .default('app'),
  users: humane(
    number('a user count such as 50000, 250k or 1.5M')
      .max(10_000_000_000, 'must be at most 10B')
      .min(1, 'must be at least 1')
      .int('must be a whole number of users'),
  ),
  profile: z.enum(PROFILE_NAMES, { error: `expected one of ${PROFILE_NAMES.join(', ')}` }).default('web-app'),
  dauRatio: ratio('a share').optional(),
  requestsPerUser: within('requests per daily user', 0.001, 1_000_000, '1M').optional(),
  peakFactor: humane(
    number('a factor of 1 or more')
      .min(1, 'must be at least 1 (peak cannot be below the average)')
      .max(50, 'must be at most 50'),
  ).optional(),
  readRatio: ratio('a share').optional(),
  serviceTime: within('milliseconds', 0.001, 60_000).optional(),
  payloadKb: within('kilobytes', 0.001, 1_000_000, '1000000 (1 GB)').optional(),
  storagePerUserMb: humane(
    number('megabytes').max(1_000_000, 'must be at most 1000000 (1 TB)').min(0, 'cannot be negative'),
  ).optional(),
  latencyTarget: within('milliseconds', 1, 600_000).optional(),
  availability: humane(
    number('a percentage such as 99.9')
      .min(90, 'must be at least 90')
      .lt(100, 'must be below 100 (no design is never down)'),
  ).optional(),
  provider: providerField({ all: true }).default('aws'),
  region: z
    .string()
    .max(64, 'must be at most 64 characters')
    .regex(REGION_CODE, 'expected a region code such as us-east-1')
    .optional(),
  regions: regionsSchema.optional(),
  database: z.enum(DATABASE_CHOICES, { error: `expected one of ${DATABASE_CHOICES.join(', ')}` }).default('any'),
  dataResidency: flag.default(false),
  stateful: flag.default(false),
  requestDurations: z.enum(['similar', 'variable'], { error: 'expected similar or variable' }).optional(),
  mixedHardware: flag.default(false),
  deploy: z.enum(DEPLOY_STRATEGIES, { error: `expected one of ${DEPLOY_STRATEGIES.join(', ')}` }).default('auto'),
  deploysPerMonth: humane(
    number('deploys per month').min(0, 'cannot be negative').max(10_000, 'must be at most 10000'),
  ).optional(),
  growth: humane(
    number('a monthly percentage such as 10').gt(-100, 'must be above -100').max(1000, 'must be at most 1000'),
  ).optional(),
  months: humane(
    number('a number of months')
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(120, 'must be at most 120'),
  ).optional(),
  commitment: z.enum(COMMITMENTS, { error: 'expected on-demand, 1y or 3y' }).default('on-demand'),
  spot: ratio('a share of the fleet').default(0),
  arch: z.enum(ARCH_CHOICES, { error: 'expected x86, arm or any' }).default('any'),
  cacheEngine: z.enum(CACHE_ENGINE_CHOICES, { error: 'expected redis, valkey or any' }).default('any'),
  discount: humane(number('a percentage').min(0, 'cannot be negative').lt(100, 'must be below 100')).default(0),
  maxMonthlyCost: humane(
    number('US dollars').max(1e12, 'must be at most 1e12').positive('must be greater than 0'),
  ).optional(),
  simulate: flag.default(true),
});
/** Built on first use (a plain input is validated without it: src/schema/input-fast.ts). */
export const inputSchema = lazySchema(() => z.strictObject(inputShape()));

/** What the user typed or wrote, before validation. */
export type RawInput = z.input<typeof inputSchema>;
/** A validated input: every option known, profile numbers not yet filled in. */
export type PlanInput = z.output<typeof inputSchema>;

export const INPUT_KEYS = lazySchema(() => Object.keys(inputSchema.shape) as (keyof PlanInput)[]);
