import type { PlanDocument } from '../core/plan-document.js';
import { figureRows } from './figures.js';
import { num, usd } from './format.js';
import {
  bandLine,
  demandLine,
  designRows,
  headline,
  ninesRows,
  pricingLine,
  totalLine,
  reasonSections,
} from './summary.js';
import { diagramSvg } from './svg-diagram.js';
import { componentSvg, growthSvg, ninesSvg } from './svg-charts.js';
import { esc } from './svg.js';

const STYLE = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a;margin:0;background:#fff}
main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border-bottom:1px solid #e2e8f0;padding:4px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}.muted{color:#475569}.figure{overflow-x:auto}svg text{font:12px system-ui,sans-serif}
ul{margin:4px 0 4px 20px;padding:0}details{margin:6px 0}`;

const tableOf = (head: string[], rows: string[][], numeric: number[] = []) =>
  `<table><thead><tr>${head.map((h, i) => `<th${numeric.includes(i) ? ' class="n"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

const figure = (id: string, title: string, svg: string) =>
  `<section id="${id}"><h2>${esc(title)}</h2><div class="figure">${svg}</div></section>`;

/**
 * One self-contained HTML report: the plan, a drawing of the architecture and SVG charts (cost by
 * component, the cost of each nine, growth). No script, no stylesheet or image from anywhere else.
 */
export function renderHtml(plan: PlanDocument): string {
  const body: string[] = [
    `<h1>${esc(`capacity-plan — ${headline(plan)}`)}</h1>`,
    `<p class="muted">${esc(demandLine(plan))}</p>`,
    `<p><strong>${esc(totalLine(plan))}</strong> · ${esc(bandLine(plan))}</p>`,
    tableOf(['figure', 'value'], figureRows(plan)),
    figure('architecture', 'Architecture', diagramSvg(plan)),
    `<h2>Design</h2>`,
    tableOf(['part', 'design'], designRows(plan)),
    figure('components', 'Where the money goes — monthly cost by component', componentSvg(plan)),
  ];
  if (plan.availability.costOfNines.length > 0)
    body.push(
      figure('nines', 'The cost of each extra nine', ninesSvg(plan)),
      tableOf(['target', 'design change', 'estimate', 'monthly', 'vs this plan'], ninesRows(plan), [2, 3, 4]),
    );
  if (plan.projection)
    body.push(
      figure('growth', `Growth — ${plan.projection.growthPercentPerMonth} % a month`, growthSvg(plan)),
      `<ul>${plan.projection.crossings.map((c) => `<li>${esc(c.note)}</li>`).join('')}</ul>`,
    );
  body.push(
    `<h2>Monthly cost</h2><p class="muted">${esc(pricingLine(plan))}</p>`,
    tableOf(
      ['component', 'what', 'quantity', 'unit price', 'monthly'],
      plan.cost.lineItems.map((l) => [
        l.component,
        `${l.description}${l.confidence === 'U' ? ' (U: recalled price)' : ''}`,
        `${num(l.quantity, 2)} ${l.unit}`,
        usd(l.unitPrice, l.unitPrice < 1 ? 4 : 2),
        usd(l.monthly, 2),
      ]),
      [2, 3, 4],
    ),
  );
  if (plan.warnings.length > 0)
    body.push(`<h2>Warnings</h2><ul>${plan.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`);
  body.push(`<h2>Why this design</h2>`, reasonsHtml(plan));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`capacity-plan — ${headline(plan)}`)}</title><style>${STYLE}</style></head>
<body><main>
${body.join('\n')}
</main></body></html>
`;
}

function reasonsHtml(plan: PlanDocument): string {
  const sections = reasonSections(plan);
  return sections
    .filter(([, reasons]) => reasons.length > 0)
    .map(
      ([title, reasons]) =>
        `<details><summary>${esc(title)}</summary><ul>${reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></details>`,
    )
    .join('\n');
}
