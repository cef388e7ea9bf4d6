import { groupedText } from '../document/grouped-text.js';
import { round } from '../round.js';
import { addBought, buyingTerms, buyLine, discountLine, type BuyingTerms } from './buying.js';
import { buyingNotes } from './buying-notes.js';
import { priced, words, type CostRule, type CostRuleGroup, type LineSpec } from './rule.js';
import { regionBook, regionContext } from './regional.js';
import { COST_RULES } from './rules/index.js';
import type { Buyable, CostBreakdown, CostContext, FleetSize, LineItem, RegionFleet } from './types.js';

type AnyRule = CostRule<unknown>;
type AnyGroup = CostRuleGroup<unknown>;
type Spec = LineSpec & { buyable?: Buyable };

/**
 * Where a rule's line is billed: `at` (a region or a group's key) distinguishes its id, `region` prefixes
 * its words (a rule billed in each region of a split).
 */
type Visit = (ctx: CostContext, rule: AnyRule, spec: Spec, at?: string, region?: string) => void;

/** One rule's spec for one item; none when it does not apply or is zero. */
function visitRule(
  ctx: CostContext,
  rule: AnyRule,
  of: unknown,
  size: FleetSize,
  visit: Visit,
  at?: string,
  region?: string,
) {
  if (!rule.applies(ctx, of)) return;
  const spec = rule.line(ctx, of, size);
  if (spec && spec.quantity > 0) visit(ctx, rule, spec, at, region);
}

/** A rule billed once, or once in each region (or each but the primary) of a split at that region's prices. */
function visitScoped(ctx: CostContext, rule: AnyRule, size: FleetSize, visit: Visit) {
  const fleets = ctx.facts.fleets;
  const each = rule.scope === 'each-region' || (rule.scope === 'each-resident-region' && ctx.facts.dataResidency);
  const where = rule.scope === 'other-regions' ? fleets.slice(1) : each && fleets.length > 1 ? fleets : null;
  if (!where) return visitRule(ctx, rule, undefined, size, visit);
  // Each region's lines bill its share of the traffic; a copy in another region holds all of the data.
  const share = (f: RegionFleet) => (rule.scope === 'other-regions' ? 1 : f.share);
  for (const f of where) visitRule(regionContext(ctx, f, share(f)), rule, undefined, size, visit, f.code, f.code);
}

/** A group's lines (each database), each item priced in its own region. */
function visitGroup(ctx: CostContext, group: AnyGroup, size: FleetSize, visit: Visit, only?: (r: AnyRule) => boolean) {
  if (only && !group.rules.some(only)) return;
  for (const item of group.each(ctx)) {
    const key = group.key(item);
    const book = regionBook(ctx, key);
    const here = book === ctx.book ? ctx : { ...ctx, book };
    const local = group.local ? group.local(item, book) : item;
    for (const rule of group.rules) if (!only || only(rule)) visitRule(here, rule, local, size, visit, key);
  }
}

/** Every rule's spec (or only the fleet-sized ones'), in the bill's order. */
function visitAll(ctx: CostContext, size: FleetSize, visit: Visit, only?: (r: AnyRule) => boolean) {
  for (const entry of COST_RULES) {
    if ('rules' in entry) visitGroup(ctx, entry as unknown as AnyGroup, size, visit, only);
    else if (!only || only(entry as AnyRule)) visitScoped(ctx, entry as AnyRule, size, visit);
  }
}

/** The bill's lines, bought as the input says. */
function lines(ctx: CostContext, size: FleetSize, terms: BuyingTerms, only?: (r: AnyRule) => boolean): LineItem[] {
  const out: LineItem[] = [];
  visitAll(
    ctx,
    size,
    (here, rule, spec, at, region) => {
      const named = (text: string) => (region ? `${region}: ${text}` : text);
      const described = region ? { ...spec, description: named(words(spec.description)) } : spec;
      const line = priced(rule.kind, rule.component, at ? `${rule.kind}@${at}` : rule.kind, described);
      if (spec.buyable) line.buyable = region ? { ...spec.buyable, noun: named(spec.buyable.noun) } : spec.buyable;
      // The bill's words group their numbers as the document's do (made here: only a chosen design's are read).
      for (const item of buyLine(line, described, here, terms))
        out.push({ ...item, description: groupedText(item.description) });
    },
    only,
  );
  return out;
}

const sum = (items: readonly LineItem[]) => items.reduce((a, l) => a + l.monthly, 0);
const fleetOnly = (r: AnyRule) => r.fleet === true;

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

/**
 * The bill's three totals without its lines, to the cent the same as costPlan's (the same rules, the same
 * buying pass in figures, added in the same order): what the design search compares its candidates on.
 */
export function costTotals(ctx: CostContext): CostBreakdown['monthly'] {
  const terms = buyingTerms(ctx);
  let fixed = 0;
  let compute = 0;
  const addFixed = (m: number) => (fixed += m);
  const addCompute = (m: number) => (compute += m);
  visitAll(ctx, 'average', (here, rule, spec) =>
    addBought(spec, here, terms, rule.component === 'compute' ? addCompute : addFixed),
  );
  const share = 1 - ctx.input.discount / 100;
  const at = (size: FleetSize) => {
    let fleet = 0;
    visitAll(ctx, size, (here, _, spec) => addBought(spec, here, terms, (m) => (fleet += m)), fleetOnly);
    return round((fleet + fixed) * share);
  };
  return { low: at('min'), expected: round((compute + fixed) * share), high: at('max') };
}

/**
 * A design's bill: its totals now, its lines and buying notes when first read (only the chosen design's
 * are). The keys keep costPlan's order, so the plan document's bytes are the same.
 */
export function deferredCost(ctx: CostContext): CostBreakdown {
  let full: CostBreakdown | undefined;
  const whole = () => (full ??= costPlan(ctx));
  const monthly = costTotals(ctx);
  return {
    get lineItems() {
      return whole().lineItems;
    },
    monthly,
    get buying() {
      return whole().buying;
    },
  };
}
