import { availabilityText } from './percent-text.js';
import type { PlanDocument } from './plan-schema.js';
import { groupDigits } from './group-digits.js';
import { round } from './round.js';

export interface DesignChange {
  field: string;
  label: string;
  base: string | number | null;
  head: string | number | null;
}

export interface CostLineChange {
  /** The line's stable id (kind and region): the same line in both plans, whatever its text says. */
  id: string;
  component: string;
  itemId: string;
  description: string;
  /** Quantity and unit price on each side (null where the line is absent). */
  quantity: { base: number | null; head: number | null };
  unitPrice: { base: number | null; head: number | null };
  unit: string;
  base: number;
  head: number;
  delta: number;
}

export interface PlanDiff {
  summary: string;
  design: DesignChange[];
  cost: {
    lines: CostLineChange[];
    monthly: { base: PlanDocument['cost']['monthly']; head: PlanDocument['cost']['monthly'] };
    delta: number;
    /** Change of the expected monthly cost in percent of the base (null when the base is 0). */
    percent: number | null;
  };
}

const FIELDS: [string, string, (p: PlanDocument) => string | number | null][] = [
  ['input.users', 'monthly users', (p) => p.input.users],
  ['input.profile', 'traffic profile', (p) => p.input.profile],
  ['demand.peakRps', 'peak requests/s', (p) => p.demand.peakRps],
  ['tier.id', 'tier', (p) => p.tier.id],
  ['compute.instanceType', 'app server type', (p) => p.compute.instanceType],
  ['compute.instances.min', 'servers (minimum)', (p) => p.compute.instances.min],
  ['compute.instances.expected', 'servers at peak', (p) => p.compute.instances.expected],
  ['compute.instances.max', 'servers (maximum)', (p) => p.compute.instances.max],
  ['loadBalancing.strategy', 'load balancing', (p) => p.loadBalancing.strategy],
  ['database.instanceType', 'database type', (p) => p.database.instanceType],
  ['database.deployment', 'database deployment', (p) => p.database.deployment],
  ['database.shards', 'database shards', (p) => p.database.shards],
  ['database.readReplicas', 'read replicas', (p) => p.database.readReplicas],
  ['cache.nodeType', 'cache node type', (p) => p.cache?.nodeType ?? null],
  ['cache.nodes', 'cache nodes', (p) => p.cache?.nodes ?? null],
  ['cdn.service', 'CDN', (p) => p.cdn?.service ?? null],
  ['availability.topology', 'topology', (p) => p.availability.topology],
  ['availability.zones', 'zones', (p) => p.availability.zones],
  ['availability.regions', 'regions', (p) => p.availability.regions.map((r) => r.code).join(', ')],
  ['availability.estimated', 'estimated availability', (p) => `${availabilityText(p.availability.estimated)} %`],
  ['deployment.strategy', 'deployment', (p) => p.deployment.strategy],
  ['cost.pricing', 'priced on', (p) => `${p.cost.pricing.provider} ${p.cost.pricing.region} (${p.cost.pricing.date})`],
];

/** What changed between two plans: the design, line by line in cost, and the total with its percentage. */
export function diffPlans(base: PlanDocument, head: PlanDocument): PlanDiff {
  const design = FIELDS.map(([field, label, get]) => ({ field, label, base: get(base), head: get(head) })).filter(
    (c) => c.base !== c.head,
  );
  const lines = diffLines(base.cost.lineItems, head.cost.lineItems);
  const delta = round(head.cost.monthly.expected - base.cost.monthly.expected);
  const percent = base.cost.monthly.expected === 0 ? null : round((delta / base.cost.monthly.expected) * 100, 1);
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const money = (n: number) => `$${groupDigits(Math.abs(Math.round(n)))}`;
  const summary =
    `${money(base.cost.monthly.expected)} → ${money(head.cost.monthly.expected)}/month (${sign}${money(delta)}${percent === null ? '' : `, ${sign}${Math.abs(percent)} %`})` +
    (design.length > 0 ? `; ${design.length} design change${design.length === 1 ? '' : 's'}` : '; no design change');
  return {
    summary,
    design,
    cost: { lines, monthly: { base: base.cost.monthly, head: head.cost.monthly }, delta, percent },
  };
}

type Line = PlanDocument['cost']['lineItems'][number];

/** Lines matched by their stable id: a changed quantity or price is one changed line with both values. */
export function diffLines(base: readonly Line[], head: readonly Line[]): CostLineChange[] {
  const sums = new Map<string, CostLineChange>();
  for (const [side, lines] of [
    ['base', base],
    ['head', head],
  ] as const) {
    for (const l of lines) {
      const k = l.id;
      const entry = sums.get(k) ?? {
        id: k,
        component: l.component,
        itemId: l.itemId,
        description: l.description,
        quantity: { base: null, head: null },
        unitPrice: { base: null, head: null },
        unit: l.unit,
        base: 0,
        head: 0,
        delta: 0,
      };
      entry[side] += l.monthly;
      entry.quantity[side] = (entry.quantity[side] ?? 0) + l.quantity;
      entry.unitPrice[side] = l.unitPrice;
      if (side === 'head') Object.assign(entry, { description: l.description, itemId: l.itemId, unit: l.unit });
      sums.set(k, entry);
    }
  }
  return [...sums.values()]
    .map((e) => ({ ...e, base: round(e.base), head: round(e.head), delta: round(e.head - e.base) }))
    .filter((e) => e.delta !== 0 || e.quantity.base !== e.quantity.head || e.unitPrice.base !== e.unitPrice.head)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.id.localeCompare(b.id));
}
