import type { PlanDocument } from '../core/plan-document.js';
import { usd } from './format.js';
import type { Screen } from './layout.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const RISING = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇'];

/** Monthly cost per component, largest first (the bill's lines added up by component). */
export function costByComponent(plan: PlanDocument): { component: string; monthly: number }[] {
  const sums = new Map<string, number>();
  for (const l of plan.cost.lineItems) sums.set(l.component, (sums.get(l.component) ?? 0) + l.monthly);
  return [...sums]
    .map(([component, monthly]) => ({ component, monthly }))
    .sort((a, b) => b.monthly - a.monthly || a.component.localeCompare(b.component));
}

/** A horizontal bar of `cells` characters at most, in eighths of a block (whole '#' in ASCII). */
function bar(share: number, cells: number, ascii: boolean): string {
  const eighths = Math.round(Math.max(0, Math.min(1, share)) * cells * 8);
  if (ascii) return '#'.repeat(Math.round(eighths / 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

/** Where the money goes: one bar per component, scaled to the largest, with its cost and share of the total. */
export function componentChart(plan: PlanDocument, screen: Screen): string[] {
  const parts = costByComponent(plan);
  const total = parts.reduce((a, p) => a + p.monthly, 0);
  const max = Math.max(...parts.map((p) => p.monthly), 0);
  const labelWidth = Math.max(...parts.map((p) => p.component.length));
  const values = parts.map((p) => usd(p.monthly));
  const valueWidth = Math.max(...values.map((v) => v.length));
  const cells = Math.max(10, screen.width - 2 - labelWidth - 2 - valueWidth - 2 - 5);
  return parts.map((p, i) => {
    const share = total > 0 ? Math.round((p.monthly / total) * 100) : 0;
    const drawn = bar(max > 0 ? p.monthly / max : 0, cells, screen.ascii).padEnd(cells);
    return `  ${p.component.padEnd(labelWidth)}  ${drawn}  ${values[i]!.padStart(valueWidth)} ${`${share} %`.padStart(4)}`.trimEnd();
  });
}

/**
 * The monthly cost over the projection as a column chart 8 rows high, one column per month (months taken
 * together when there are more months than columns), with each tier change marked under its month.
 */
export function growthChart(plan: PlanDocument, screen: Screen): string[] {
  const months = plan.projection?.months ?? [];
  if (months.length === 0) return [];
  const height = 8;
  const max = Math.max(...months.map((m) => m.monthlyCost));
  const axis = [usd(max), usd(max / 2), '$0'];
  const yWidth = Math.max(...axis.map((a) => a.length));
  const room = screen.width - 2 - yWidth - 2;
  const per = Math.ceil(months.length / room);
  const buckets: { cost: number; months: number[] }[] = [];
  for (let i = 0; i < months.length; i += per) {
    const group = months.slice(i, i + per);
    buckets.push({ cost: Math.max(...group.map((m) => m.monthlyCost)), months: group.map((m) => m.month) });
  }
  const cw = Math.max(1, Math.min(3, Math.floor(room / buckets.length)));
  const lines: string[] = [];
  for (let row = height; row >= 1; row--) {
    const label = row === height ? axis[0]! : row === height / 2 ? axis[1]! : '';
    const cellsText = buckets.map((b) => column(max > 0 ? (b.cost / max) * height : 0, row, screen.ascii).repeat(cw));
    lines.push(`  ${label.padStart(yWidth)} ${screen.ascii ? '|' : '│'}${cellsText.join('')}`.trimEnd());
  }
  const crossings = plan.projection?.crossings ?? [];
  const marks = buckets.map((b) =>
    crossings.some((x) => b.months.includes(x.month)) ? (screen.ascii ? '^' : '▲') : ' ',
  );
  lines.push(
    `  ${'$0'.padStart(yWidth)} ${screen.ascii ? '+' : '└'}${(screen.ascii ? '-' : '─').repeat(buckets.length * cw)}`,
  );
  lines.push(`  ${' '.repeat(yWidth)}  ${marks.map((m) => m.padEnd(cw)).join('')}`.trimEnd());
  const first = `month ${months[0]!.month}`;
  const last = `month ${months[months.length - 1]!.month}`;
  const span = buckets.length * cw;
  lines.push(`  ${' '.repeat(yWidth)}  ${first}${last.padStart(Math.max(last.length + 1, span - first.length))}`);
  return lines;
}

function column(value: number, row: number, ascii: boolean): string {
  if (ascii) return value >= row - 0.5 ? '#' : ' ';
  if (value >= row) return '█';
  if (value <= row - 1) return ' ';
  const eighths = Math.round((value - (row - 1)) * 8);
  return eighths >= 8 ? '█' : RISING[Math.max(1, eighths)]!;
}
