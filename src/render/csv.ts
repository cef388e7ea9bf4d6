import type { PlanDocument } from '../core/plan-document.js';

const HEADER = [
  'provider',
  'region',
  'component',
  'description',
  'quantity',
  'unit',
  'unit price (USD)',
  'monthly (USD)',
  'confidence',
];

/** RFC 4180: a field with a comma, a quote or a line break is quoted, and its quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The region a line is priced for: the one its description names ("eu-west-1: …", "… in eu-west-1"), "all regions" for a
 * line that covers several, else the plan's home region.
 */
function regionOf(plan: PlanDocument, description: string): string {
  const codes = plan.availability.regions.map((r) => r.code);
  const named = codes.filter((code) => description.startsWith(`${code}: `) || description.includes(`in ${code}`));
  if (named.length === 1) return named[0]!;
  return codes.length > 1 ? 'all regions' : plan.cost.pricing.region;
}

/** The bill's line items for a spreadsheet: a header, one row per line, CRLF line ends (RFC 4180). */
export function renderCsv(plan: PlanDocument): string {
  const rows = [HEADER];
  for (const l of plan.cost.lineItems)
    rows.push([
      plan.cost.pricing.provider,
      regionOf(plan, l.description),
      l.component,
      l.description,
      String(l.quantity),
      l.unit,
      String(l.unitPrice),
      String(l.monthly),
      l.confidence,
    ]);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
