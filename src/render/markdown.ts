import type { PlanDocument } from '../core/plan-document.js';
import { num, providerLabel, usd } from './format.js';
import { figureRows } from './figures.js';
import { uncertaintyMarkdown } from './uncertainty-markdown.js';
import { renderMermaid } from './mermaid.js';
import {
  bandLine,
  demandLine,
  designRows,
  headline,
  ninesRows,
  perRegion,
  pricingLine,
  recalledItems,
  recalledLine,
  totalLine,
  reasonSections,
} from './summary.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A pull-request comment: the total first, the design and the bill as tables, the reasoning folded away. */
export function renderMarkdown(plan: PlanDocument): string {
  const out: string[] = [];
  out.push(`### capacity-plan: ${totalLine(plan)}`, '', `${headline(plan)} — ${demandLine(plan)}`, '');
  out.push('| part | design |', '| --- | --- |');
  for (const [label, text] of designRows(plan)) out.push(`| ${label} | ${cell(text)} |`);
  out.push('', '```mermaid', renderMermaid(plan).trimEnd(), '```');
  out.push('', `**Monthly cost** — ${pricingLine(plan)}; ${bandLine(plan)}`, '');
  out.push('| component | what | quantity | unit price | monthly |', '| --- | --- | ---: | ---: | ---: |');
  for (const l of plan.cost.lineItems)
    out.push(
      `| ${l.component} | ${cell(l.description)}${l.confidence === 'U' ? ' (U)' : ''} | ${num(l.quantity, 2)} ${l.unit} | ${usd(l.unitPrice, l.unitPrice < 1 ? 4 : 2)} | ${usd(l.monthly, 2)} |`,
    );
  out.push(
    `| **total** | expected (low ${usd(plan.cost.monthly.low)}, high ${usd(plan.cost.monthly.high)})${perRegion(plan) ? `, all ${plan.availability.regions.length} regions together` : ''} | | | **${usd(plan.cost.monthly.expected, 2)}** |`,
  );
  const recalled = recalledLine(plan);
  if (recalled) out.push('', recalled, '', ...recalledItems(plan).map((i) => `- ${i}`));
  out.push('', '| figure | value |', '| --- | --- |');
  for (const [label, text] of figureRows(plan)) out.push(`| ${label} | ${cell(text)} |`);
  if (plan.providers) {
    out.push('', '| provider | region | prices of | expected |', '| --- | --- | --- | ---: |');
    for (const p of plan.providers)
      out.push(
        `| ${providerLabel(p.provider)}${p.cheapest ? ' (cheapest)' : ''} | ${p.regions.join(' + ')} | ${p.date} | ${usd(p.monthly.expected)} |`,
      );
  }
  if (plan.availability.costOfNines.length > 0) {
    out.push(
      '',
      '**The cost of each extra nine**',
      '',
      '| target | design change | estimate | monthly | vs this plan |',
      '| --- | --- | ---: | ---: | ---: |',
    );
    for (const row of ninesRows(plan)) out.push(`| ${row.map(cell).join(' | ')} |`);
  }
  if (plan.projection) {
    out.push(
      '',
      `**Growth at ${plan.projection.growthPercentPerMonth} % a month**`,
      '',
      `| month | users | tier | servers at peak${perRegion(plan) ? ' (all regions)' : ''} | monthly${perRegion(plan) ? ' (all regions)' : ''} |`,
      '| ---: | ---: | --- | ---: | ---: |',
    );
    for (const m of plan.projection.months)
      out.push(
        `| ${m.month} | ${num(m.users)} | ${m.tier} | ${m.instances} × ${m.instanceType} | ${usd(m.monthlyCost)} |`,
      );
    for (const x of plan.projection.crossings) out.push('', `- ${x.note}`);
    if (plan.projection.stopped) out.push('', `- ${plan.projection.stopped}`);
  }
  if (plan.uncertainty) out.push(...uncertaintyMarkdown(plan.uncertainty));
  if (plan.warnings.length > 0) {
    out.push('', '**Warnings**', '');
    for (const w of plan.warnings) out.push(`- ${w}`);
  }
  out.push('', '<details><summary>Why this design</summary>', '');
  const sections = reasonSections(plan);
  for (const [title, reasons] of sections) {
    if (reasons.length === 0) continue;
    out.push(`**${title}**`, '', ...reasons.map((r) => `- ${r}`), '');
  }
  out.push('</details>');
  return `${out.join('\n')}\n`;
}
