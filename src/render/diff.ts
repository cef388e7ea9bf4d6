import { styles } from './ansi.js';
import Table from 'cli-table3';
import type { CostLineChange, PlanDiff } from '../core/plan-diff.js';
import { tableLook, usd } from './format.js';
import { groupDigits } from '../core/group-digits.js';

const signed = (n: number) => (n === 0 ? '±$0' : `${n > 0 ? '+' : '−'}${usd(Math.abs(n), 2)}`);
const value = (v: string | number | null) => (v === null ? '—' : typeof v === 'number' ? groupDigits(v) : v);

export function renderDiffTable(diff: PlanDiff, opts: { color: boolean; base: string; head: string }): string {
  const c = styles(opts.color);
  const out = [c.bold(`capacity-plan diff ${opts.base} → ${opts.head}`), diff.summary, ''];
  if (diff.design.length > 0) {
    const t = new Table({ head: ['design', opts.base, opts.head], ...tableLook(opts.color) });
    for (const d of diff.design) t.push([d.label, value(d.base), value(d.head)]);
    out.push(t.toString(), '');
  }
  if (diff.cost.lines.length > 0) {
    const t = new Table({
      head: ['cost line', 'what', opts.base, opts.head, 'change'],
      colAligns: ['left', 'left', 'right', 'right', 'right'],
      wordWrap: true,
      colWidths: [14, 46, 12, 12, 13],
      ...tableLook(opts.color),
    });
    for (const l of diff.cost.lines)
      t.push([
        l.component,
        lineChange(l),
        usd(l.base, 2),
        usd(l.head, 2),
        l.delta > 0 ? c.red(signed(l.delta)) : c.green(signed(l.delta)),
      ]);
    out.push(t.toString());
  }
  const m = diff.cost.monthly;
  out.push(
    `Total expected ${usd(m.base.expected, 2)} → ${usd(m.head.expected, 2)} (${signed(diff.cost.delta)}${diff.cost.percent === null ? '' : `, ${diff.cost.percent > 0 ? '+' : ''}${diff.cost.percent} %`}) · low ${usd(m.base.low)} → ${usd(m.head.low)} · high ${usd(m.base.high)} → ${usd(m.head.high)}`,
  );
  return `${out.join('\n')}\n`;
}

export function renderDiffMarkdown(diff: PlanDiff, opts: { base: string; head: string }): string {
  const cell = (t: string) => t.replace(/\|/g, '\\|');
  const out = [`### capacity-plan diff: ${diff.summary}`, ''];
  if (diff.design.length > 0) {
    out.push(`| design | ${cell(opts.base)} | ${cell(opts.head)} |`, '| --- | --- | --- |');
    for (const d of diff.design)
      out.push(`| ${d.label} | ${cell(String(value(d.base)))} | ${cell(String(value(d.head)))} |`);
    out.push('');
  }
  if (diff.cost.lines.length > 0) {
    out.push(
      `| cost line | what | ${cell(opts.base)} | ${cell(opts.head)} | change |`,
      '| --- | --- | ---: | ---: | ---: |',
    );
    for (const l of diff.cost.lines)
      out.push(
        `| ${l.component} | ${cell(lineChange(l))} | ${usd(l.base, 2)} | ${usd(l.head, 2)} | ${signed(l.delta)} |`,
      );
    out.push('');
  }
  const m = diff.cost.monthly;
  out.push(
    `**Total expected:** ${usd(m.base.expected, 2)} → ${usd(m.head.expected, 2)} (${signed(diff.cost.delta)}${diff.cost.percent === null ? '' : `, ${diff.cost.percent > 0 ? '+' : ''}${diff.cost.percent} %`})`,
  );
  return `${out.join('\n')}\n`;
}

/** "4 → 7 hour at $0.2016" when the amount of a line changed, so a changed line shows both values. */
export function lineChange(l: CostLineChange): string {
  const q = l.quantity;
  if (q.base === null || q.head === null) return l.description;
  const amount = q.base === q.head ? '' : ` (${groupDigits(q.base, 2)} → ${groupDigits(q.head, 2)} ${l.unit})`;
  const p = l.unitPrice;
  const price = p.base === p.head ? '' : ` (unit price ${usd(p.base ?? 0, 4)} → ${usd(p.head ?? 0, 4)})`;
  return `${l.description}${amount}${price}`;
}
