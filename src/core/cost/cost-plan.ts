import { round } from '../round.js';
import { buyingTerms, buyLine, discountLine, type BuyingTerms } from './buying.js';
import { buyingNotes } from './buying-notes.js';
import { priced, type CostRule, type CostRuleGroup } from './rule.js';
import { regionBook, regionContext } from './regional.js';
import { COST_RULES } from './rules/index.js';
import type { CostBreakdown, CostContext, FleetSize, LineItem, RegionFleet } from './types.js';

type AnyRule = CostRule<unknown>;
type AnyGroup = CostRuleGroup<unknown>;

/** One rule's line for one item, bought as the input says; none when it does not apply or is zero. */
function lineOf(
  ctx: CostContext,
  rule: AnyRule,
  of: unknown,
  id: string,
  size: FleetSize,
  terms: BuyingTerms,
  region?: string,
): LineItem[] {
  if (!rule.applies(ctx, of)) return [];
  const spec = rule.line(ctx, of, size);
  if (!spec || !(spec.quantity > 0)) return [];
  const named = (text: string) => (region ? `${region}: ${text}` : text);
  const described = region ? { ...spec, description: named(spec.description) } : spec;
  const line = priced(rule.kind, rule.component, id, described);
  if (spec.buyable) line.buyable = region ? { ...spec.buyable, noun: named(spec.buyable.noun) } : spec.buyable;
  return buyLine(line, described, ctx, terms);
}

/** A rule billed once, or once in each region (or each but the primary) of a split at that region's prices. */
function ruleLines(ctx: CostContext, rule: AnyRule, size: FleetSize, terms: BuyingTerms): LineItem[] {
  const fleets = ctx.facts.fleets;
  const where = rule.scope === 'other-regions' ? fleets.slice(1) : rule.scope && fleets.length > 1 ? fleets : null;
  if (!where) return lineOf(ctx, rule, undefined, rule.kind, size, terms);
  // Each region's lines bill its share of the traffic; a copy in another region holds all of the data.
  const share = (f: RegionFleet) => (rule.scope === 'other-regions' ? 1 : f.share);
  return where.flatMap((f) =>
    lineOf(regionContext(ctx, f, share(f)), rule, undefined, `${rule.kind}@${f.code}`, size, terms, f.code),
  );
}

/** A group's lines (each database), each item priced in its own region. */
function groupLines(
  ctx: CostContext,
  group: AnyGroup,
  size: FleetSize,
  terms: BuyingTerms,
  only?: (r: AnyRule) => boolean,
) {
  const out: LineItem[] = [];
  for (const item of group.each(ctx)) {
    const key = group.key(item);
    const book = regionBook(ctx, key);
    const here = book === ctx.book ? ctx : { ...ctx, book };
    const local = group.local ? group.local(item, book) : item;
    for (const rule of group.rules) {
      if (!only || only(rule)) out.push(...lineOf(here, rule, local, `${rule.kind}@${key}`, size, terms));
    }
  }
  return out;
}

/** The lines of every rule (or only the fleet-sized ones), in the bill's order. */
function lines(ctx: CostContext, size: FleetSize, terms: BuyingTerms, only?: (r: AnyRule) => boolean): LineItem[] {
  const out: LineItem[] = [];
  for (const entry of COST_RULES) {
    if ('rules' in entry) out.push(...groupLines(ctx, entry as unknown as AnyGroup, size, terms, only));
    else if (!only || only(entry as AnyRule)) out.push(...ruleLines(ctx, entry as AnyRule, size, terms));
  }
  return out;
}

const sum = (items: readonly LineItem[]) => items.reduce((a, l) => a + l.monthly, 0);

/**
 * Every line of the monthly bill at 730 hours a month: the rules price the design, the buying pass applies
 * commitments and spot, the discount is a line of its own. Low and high reprice the fleet at its minimum
 * and maximum.
 */
export function costPlan(ctx: CostContext): CostBreakdown {
  const terms = buyingTerms(ctx);
  const items = lines(ctx, 'average', terms);
  const discount = discountLine(items, ctx.input.discount);
  if (discount) items.push(discount);
  const fixed = sum(items.filter((l) => l.component !== 'compute' && l.component !== 'discount'));
  const share = 1 - ctx.input.discount / 100;
  const fleetOnly = (r: AnyRule) => r.fleet === true;
  const total = (compute: readonly LineItem[]) => round((sum(compute) + fixed) * share);
  return {
    lineItems: items,
    monthly: {
      low: total(lines(ctx, 'min', terms, fleetOnly)),
      expected: total(items.filter((l) => l.component === 'compute')),
      high: total(lines(ctx, 'max', terms, fleetOnly)),
    },
    buying: {
      commitment: ctx.input.commitment,
      spotShare: ctx.input.spot,
      discountPercent: ctx.input.discount,
      notes: buyingNotes(ctx, terms),
    },
  };
}
