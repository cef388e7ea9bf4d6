import type { Styles } from './ansi.js';
import type { PlanDocument } from '../core/plan-document.js';
import { figureRows } from './figures.js';
import { num, providerLabel, usd } from './format.js';
import { fitTable, hanging, type Screen } from './layout.js';
import { bandLine, ninesRows, perRegion, pricingLine, recalledItems, recalledLine, totalLine } from './summary.js';
import { componentChart, growthChart } from './text-charts.js';

export interface SectionContext {
  screen: Screen;
  color: boolean;
  c: Styles;
}

const heading = (x: SectionContext, text: string) => [
  '',
  ...hanging('', text, x.screen.width, 0).map((l) => x.c.bold(l)),
];

export function ninesSection(plan: PlanDocument, x: SectionContext): string[] {
  if (plan.availability.costOfNines.length === 0) return [];
  const head = ['target', 'design change', 'estimate', 'monthly', 'vs this plan'];
  return [
    ...heading(x, 'The cost of each extra nine — the cheapest design that meets each target'),
    fitTable(head, ninesRows(plan), { ...x, align: ['left', 'left', 'right', 'right', 'right'] }),
  ];
}

export function costSection(plan: PlanDocument, x: SectionContext): string[] {
  const rows = plan.cost.lineItems.map((line) => [
    line.component,
    `${line.description}${line.confidence === 'U' ? ' (U)' : ''}`,
    `${num(line.quantity, 2)} ${line.unit}`,
    usd(line.unitPrice, line.unitPrice < 1 ? 4 : 2),
    usd(line.monthly, 2),
  ]);
  const head = ['component', 'what', 'quantity', 'unit price', 'monthly'];
  const w = x.screen.width;
  const out = [
    ...heading(x, `Monthly cost — ${pricingLine(plan)}`),
    fitTable(head, rows, { ...x, align: ['left', 'left', 'right', 'right', 'right'] }),
    ...hanging('Total  ', `${totalLine(plan)} · ${bandLine(plan)}`, w).map((l, i) => (i === 0 ? x.c.bold(l) : l)),
  ];
  for (const note of plan.cost.buying.notes) out.push(...hanging('       ', note, w).map((l) => x.c.dim(l)));
  const recalled = recalledLine(plan);
  if (recalled)
    out.push(...hanging('U      ', recalled, w), ...recalledItems(plan).flatMap((i) => hanging('         · ', i, w)));
  for (const [label, text] of figureRows(plan)) out.push(...hanging(`       ${label}: `, text, w, 7));
  out.push(...heading(x, 'Where the money goes — monthly cost by component'), ...componentChart(plan, x.screen));
  return out;
}

export function providersSection(plan: PlanDocument, x: SectionContext): string[] {
  if (!plan.providers) return [];
  const rows = plan.providers.map((p) => [
    `${providerLabel(p.provider)} ${p.regions.join(' + ')}${p.cheapest ? ' (cheapest)' : ''}`,
    p.date,
    p.instanceType,
    usd(p.monthly.low),
    usd(p.monthly.expected),
    usd(p.monthly.high),
  ]);
  const where = plan.providers.some((p) => p.regions.length > 1) ? 'provider and regions' : 'provider and region';
  const head = [where, 'prices of', 'app servers', 'low', 'expected', 'high'];
  return [
    ...heading(x, 'Side by side — the same design on each provider'),
    fitTable(head, rows, { ...x, align: ['left', 'left', 'left', 'right', 'right', 'right'] }),
  ];
}

export function growthSection(plan: PlanDocument, x: SectionContext): string[] {
  const p = plan.projection;
  if (!p) return [];
  const rows = p.months.map((m) => [
    String(m.month),
    num(m.users),
    m.tier,
    `${m.instances} × ${m.instanceType}`,
    usd(m.monthlyCost),
  ]);
  const scope = perRegion(plan) ? ' (all regions)' : '';
  const head = ['month', 'users', 'tier', `servers at peak${scope}`, `monthly${scope}`];
  const marker = x.screen.ascii ? '^' : '▲';
  return [
    ...heading(x, `Growth — ${p.growthPercentPerMonth} % a month`),
    fitTable(head, rows, { ...x, align: ['right', 'right', 'left', 'left', 'right'] }),
    ...heading(x, `The monthly cost as users grow (${marker} a tier change)`),
    ...growthChart(plan, x.screen),
    ...p.crossings.flatMap((c) => hanging(`  ${marker} `, c.note, x.screen.width).map((l) => x.c.yellow(l))),
    ...(p.stopped ? hanging(`  ${marker} `, p.stopped, x.screen.width).map((l) => x.c.yellow(l)) : []),
  ];
}
