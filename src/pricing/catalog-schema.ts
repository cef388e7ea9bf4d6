import * as z from 'zod';
import { limitSchema } from './limit-schema.js';
import { lazySchema } from '../schema/lazy-schema.js';

export const ITEM_KINDS = [
  'compute',
  'database',
  'database-storage',
  'database-io',
  'cache',
  'load-balancer',
  'load-balancer-capacity',
  'cdn-base',
  'cdn-transfer',
  'cdn-requests',
  'cdn-fill',
  'egress',
  'nat-gateway',
  'nat-data',
  'cross-zone',
  'cross-region',
  'object-storage-replication',
  'dns-health-check',
  'dns-zone',
  'dns-queries',
  'object-storage',
  'monitoring-metric',
  'monitoring-logs',
  'public-ip',
  'queue-requests',
  'queue-base',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** V: checked against the provider's own API or page · M: several public sources agree · U: recalled, refresh before relying on it. */
export const CONFIDENCE = ['V', 'M', 'U'] as const;
export type Confidence = (typeof CONFIDENCE)[number];

export const UNITS = [
  'month',
  'hour',
  'GB-month',
  'GB',
  'GB-hour',
  'vCPU-hour',
  'node-hour',
  'TiB',
  'LCU-hour',
  '10k requests',
  'million requests',
  'million queries',
  'zone-month',
  'metric-month',
] as const;

/** Units each kind of price may be in, beside the kinds: a new kind names its units, or the compiler says so. */
export const ITEM_UNITS: Record<ItemKind, readonly (typeof UNITS)[number][]> = {
  compute: ['hour'],
  /** vCPU-hour and GB-hour: the per-resource rates sized rows are derived from (Cloud SQL). */
  database: ['hour', 'vCPU-hour', 'GB-hour'],
  'database-storage': ['GB-month'],
  'database-io': ['million requests'],
  /** GB-hour: a capacity tier's rate per provisioned GB (Memorystore); node-hour: per node of a cluster. */
  cache: ['hour', 'GB-hour', 'node-hour'],
  'load-balancer': ['hour'],
  'load-balancer-capacity': ['LCU-hour', 'GB'],
  'cdn-base': ['month'],
  'cdn-transfer': ['GB'],
  'cdn-requests': ['10k requests'],
  'cdn-fill': ['GB'],
  egress: ['GB'],
  'nat-gateway': ['hour'],
  'nat-data': ['GB'],
  'cross-zone': ['GB'],
  'cross-region': ['GB'],
  'object-storage-replication': ['GB'],
  'dns-health-check': ['month'],
  'dns-zone': ['zone-month'],
  'dns-queries': ['million queries'],
  'object-storage': ['GB-month'],
  'monitoring-metric': ['metric-month'],
  'monitoring-logs': ['GB'],
  'public-ip': ['hour'],
  /** TiB: throughput-billed queues (Pub/Sub), each request counted at its minimum size. */
  'queue-requests': ['million requests', 'TiB'],
  'queue-base': ['month'],
};

const isoDate = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));
const money = lazySchema(() => z.number().nonnegative().finite());

const tier = lazySchema(() =>
  z.strictObject({
  /** Upper end of this tier in the item's unit per month, counted from zero (null: no upper end). */
  upTo: z.number().positive().nullable(),
  price: money,
  /** This tier's own confidence where it differs from the item's (a verified first band, recalled higher bands). */
  confidence: z.enum(CONFIDENCE).optional(),
  }),
);
export type PriceTier = z.infer<typeof tier>;

export const catalogItemSchema = lazySchema(() =>
  z.strictObject({
  id: z.string().min(1),
  kind: z.enum(ITEM_KINDS),
  /** Distinguishes rows that share the provider's id, e.g. RDS Single-AZ and Multi-AZ. */
  variant: z.string().optional(),
  /** The provider-neutral slot this item fills (general-4: 4 vCPU, 16 GiB), so one design prices on every provider. */
  shape: z.string().regex(/^[a-z0-9x-]+$/).optional(),
  description: z.string().optional(),
  unit: z.enum(UNITS),
  /** USD per unit; for tiered items, the first paid tier. */
  price: money,
  tiers: z.array(tier).min(1).optional(),
  /** Units per month that are free before any tier applies. */
  freePerMonth: z.number().nonnegative().optional(),
  vcpus: z.number().positive().optional(),
  memoryGb: z.number().positive().optional(),
  /** Burstable instances: the CPU share each vCPU can sustain without running out of credits. */
  baselineCpu: z.number().gt(0).max(1).optional(),
  /** Nodes billed per cache of this size (Azure's Standard Redis bills two: primary and replica). */
  billedNodes: z.number().int().positive().optional(),
  source: z.string().min(1),
  date: isoDate,
  confidence: z.enum(CONFIDENCE),
}),
);
export type CatalogItem = z.infer<typeof catalogItemSchema>;

export const slaSchema = lazySchema(() =>
  z.strictObject({
  id: z.enum([
    'compute-single',
    'compute-multi-az',
    'load-balancer',
    'database-single',
    'database-ha',
    'database-ha-plus',
    'cache-single',
    'cache-ha',
    'cdn',
    'dns',
    'object-storage',
  ]),
  service: z.string().min(1),
  sla: z.number().gt(0).lt(100.0001),
  source: z.string().min(1),
}),
);
export type Sla = z.infer<typeof slaSchema>;

const buyingOption = lazySchema(() =>
  z.strictObject({
    /** Share taken off the on-demand compute price. */
    discount: z.number().min(0).lt(1),
    label: z.string().min(1),
    source: z.string().min(1),
    confidence: z.enum(CONFIDENCE),
  }),
);

export const catalogSchema = lazySchema(() =>
  z
  .strictObject({
    /** The provider pack this catalog belongs to (src/providers/<provider>/). */
    provider: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a provider id such as aws'),
    name: z.string().min(1),
    currency: z.literal('USD'),
    hoursPerMonth: z.literal(730),
    /** The day the catalog as a whole was last checked against its sources; each item keeps its source's date. */
    date: isoDate,
    source: z.string().min(1),
    services: z.strictObject({
      compute: z.string(),
      database: z.string(),
      databaseHaPlus: z.string(),
      cache: z.string(),
      loadBalancer: z.string(),
      cdn: z.string(),
      dns: z.string(),
      objectStorage: z.string(),
      monitoring: z.string(),
      queue: z.string(),
    }),
    buyingOptions: z.strictObject({ commitment1y: buyingOption, commitment3y: buyingOption, spot: buyingOption }),
    slas: z.array(slaSchema).min(1),
    /** Set by `pricing update`: when and from where prices were refreshed, and how many. */
    refreshed: z
      .strictObject({
        at: isoDate,
        endpoint: z.string(),
        region: z.string(),
        updated: z.number().int().nonnegative(),
        kept: z.number().int().nonnegative(),
      })
      .optional(),
    regions: z.record(
      z.string().regex(/^[a-z0-9-]+$/),
      z.strictObject({
        name: z.string().min(1),
        /** The variant of a kind this region's plans price when the kind has several (the CDN geography its users are in). */
        defaults: z.partialRecord(z.enum(ITEM_KINDS), z.string().min(1)).optional(),
        items: z.array(catalogItemSchema).min(1),
      }),
    ),
    /** Engineering limits: where a design stops fitting (storage, replicas, connections), each with its source. */
    limits: z.array(limitSchema).optional(),
  })
  .superRefine((catalog, ctx) => {
    for (const [code, region] of Object.entries(catalog.regions)) {
      const seen = new Set<string>();
      for (const [kind, variant] of Object.entries(region.defaults ?? {})) {
        if (!region.items.some((i) => i.kind === kind && i.variant === variant))
          ctx.addIssue({ code: 'custom', path: ['regions', code, 'defaults', kind], message: `no ${kind} item of variant ${variant}` });
      }
      region.items.forEach((item, index) => {
        const key = `${item.kind}/${item.id}/${item.variant ?? ''}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['regions', code, 'items', index], message: `duplicate item ${key}` });
        seen.add(key);
        if (item.kind === 'compute' && (item.vcpus === undefined || item.memoryGb === undefined)) {
          ctx.addIssue({ code: 'custom', path: ['regions', code, 'items', index], message: `compute item ${item.id} needs vcpus and memoryGb` });
        }
        if (item.tiers && item.tiers.at(-1)?.upTo !== null) {
          ctx.addIssue({ code: 'custom', path: ['regions', code, 'items', index, 'tiers'], message: 'the last tier must have upTo: null' });
        }
      });
    }
  }),
);
export type Catalog = z.infer<typeof catalogSchema>;
