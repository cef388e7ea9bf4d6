import { group } from '../group-digits.js';
import type { PlanDocument } from '../plan-document.js';

/**
 * A whole number of four or more digits standing on its own in words ("1954 servers", "17361.1/s"), not
 * part of a name, a date, a version, an address or an amount ("db-custom-64-425984", "2026-11-29", ":8080",
 * "$1234"): what the document's words group, as every table figure is.
 */
const UNGROUPED = /(?<![\w.,/:$#@+-])(\d{4,})((?:\.\d+)?)(?![\w-]|[.,]\d)/g;
/** A year in words ("by 2028", "(2023 announcement)") stays as written: 1990–2099 after such a word or a bracket. */
const YEAR_BEFORE =
  /(?:\b(?:in|by|since|until|from|before|after|of|January|February|March|April|May|June|July|August|September|October|November|December) |\()$/;
const isYear = (digits: string, before: string) =>
  digits.length === 4 && digits >= '1990' && digits <= '2099' && YEAR_BEFORE.test(before);

export function groupedText(text: string): string {
  return text.replace(UNGROUPED, (all: string, whole: string, decimals: string, at: number) =>
    isYear(whole, text.slice(Math.max(0, at - 12), at)) ? all : `${group(whole)}${decimals}`,
  );
}

/**
 * Keys not walked: names and provenance, never words to group (the input as given, ids, sources), and the
 * bill's lines, whose words are grouped as they are made (cost/cost-plan.ts) and made only when read.
 */
const VERBATIM = new Set(['input', 'id', 'itemId', 'source', 'name', 'lineItems']);

/** Groups the digits of every number in the document's words (reasons, line descriptions, notes), in place. */
export function groupDigitsInWords(plan: PlanDocument): PlanDocument {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        if (typeof node[i] === 'string') node[i] = groupedText(node[i] as string);
        else visit(node[i]);
      }
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (VERBATIM.has(key)) continue;
        const value = record[key];
        if (typeof value === 'string') record[key] = groupedText(value);
        else visit(value);
      }
    }
  };
  visit(plan);
  return plan;
}
