import type { CatalogItem } from '../../pricing/catalog-schema.js';
import { round } from '../round.js';
import type { PriceBook } from '../price-book.js';
import type { CostContext, FleetSize, PricedLine } from './types.js';

export type Words = string | (() => string);
export const words = (w: Words): string => (typeof w === 'function' ? w() : w);

/** What a rule says about one line: the rest (rounding, unit, price, confidence) is the same for every line. */
export interface LineSpec {
  item: CatalogItem;
  quantity: number;
  /** Its words, or how to make them: only the bill's lines read them, a design search compares totals. */
  description: Words;
  /** The month's cost when it is not quantity × price (tiers, free allowances). */
  monthly?: number;
  /** The line's confidence when it is not the item's (the weakest of the volume tiers it used). */
  confidence?: CatalogItem['confidence'];
}

/**
 * One line of the bill: when it applies, its kind and component, and its quantity and description from
 * the design's facts. `T` is what a rule is evaluated for: nothing, or each database of a multi-region design.
 */
export interface CostRule<T = void> {
  kind: string;
  component: string;
  /** The compute lines change with the fleet size; every other line does not. */
  fleet?: boolean;
  /**
   * Where the line is billed when a design spans regions: in each region, or in each region but the
   * primary, at that region's prices for its share of the demand (see regional.ts), or in each region only
   * where each keeps its own users' data (--data-residency); else once, in the primary region.
   */
  scope?: 'each-region' | 'other-regions' | 'each-resident-region';
  applies(ctx: CostContext, of: T): boolean;
  line(ctx: CostContext, of: T, fleet: FleetSize): (LineSpec & { buyable?: PricedLine['buyable'] }) | null;
}

/** Rules evaluated once per item (each database), all of one item's lines before the next item's. */
export interface CostRuleGroup<T> {
  name: string;
  each(ctx: CostContext): readonly T[];
  /** Distinguishes an item's lines (the region), so each line keeps a stable id. */
  key(item: T): string;
  /** The item as the region it is billed in prices it (its instance type at that region's rate). */
  local?(item: T, book: PriceBook): T;
  rules: readonly CostRule<T>[];
}

/** A priced line from a rule's spec: quantity to 2 decimals, the month's cost to the cent. */
export function priced(kind: string, component: string, id: string, spec: LineSpec): PricedLine {
  const { item, quantity } = spec;
  return {
    id,
    kind,
    component,
    description: words(spec.description),
    quantity: round(quantity, 2),
    unit: item.unit,
    unitPrice: item.price,
    monthly: round(spec.monthly ?? quantity * item.price),
    itemId: item.id,
    confidence: spec.confidence ?? item.confidence,
  };
}
