import { round } from '../round.js';
import { buyingTerms, buyLine, discountLine, type BuyingTerms } from './buying.js';
import { buyingNotes } from './buying-notes.js';
import { priced, type CostRule, type CostRuleGroup } from './rule.js';
import { COST_RULES } from './rules/index.js';
import type { CostBreakdown, CostContext, FleetSize, LineItem } from './types.js';

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
): LineItem[] {
  if (!rule.applies(ctx, of)) return [];
  const spec = rule.line(ctx, of, size);
  if (!spec || !(spec.quantity > 0)) return [];
  const line = priced(rule.kind, rule.component, id, spec);
  if (spec.buyable) line.buyable = spec.buyable;
  return buyLine(line, spec, ctx, terms);
}

/** The lines of every rule (or only the fleet-sized ones), in the bill's order. */
function lines(ctx: CostContext, size: FleetSize, terms: BuyingTerms, only?: (r: AnyRule) => boolean): LineItem[] {
  const out: LineItem[] = [];
  for (const entry of COST_RULES) {
    if ('rules' in entry) {
      const group = entry as unknown as AnyGroup;
      for (const item of group.each(ctx)) {
        for (const rule of group.rules) {
          if (!only || only(rule)) out.push(...lineOf(ctx, rule, item, `${rule.kind}@${group.key(item)}`, size, terms));
        }
      }
    } else if (!only || only(entry as AnyRule)) {
      out.push(...lineOf(ctx, entry as AnyRule, undefined, entry.kind, size, terms));
    }
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
