import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { PlanDocument } from '../core/plan-document.js';
import { num, providerLabel, tableLook, usd } from './format.js';
import { uncertaintyLines } from './uncertainty-table.js';
import { bandLine, demandLine, designRows, headline, ninesRows, pricingLine, totalLine } from './summary.js';

export interface TableOptions {
  color: boolean;
  /** Show every decision's reasons (the default); -q keeps the summary only. */
  reasons: boolean;
}

const REASONS: Record<string, (p: PlanDocument) => string[]> = {
  Tier: (p) => p.tier.reasons,
  'App servers': (p) => p.compute.reasons,
  Database: (p) => p.database.reasons,
  Cache: (p) => p.cache?.reasons ?? [],
  CDN: (p) => p.cdn?.reasons ?? [],
  Queue: (p) => p.queue?.reasons ?? [],
  'Load balancing': (p) => [
    ...p.loadBalancing.reasons,
    ...(p.loadBalancing.configuration
      ? [
          `Set it: ${p.loadBalancing.configuration.provider.setting}; nginx: ${p.loadBalancing.configuration.nginx}; HAProxy: ${p.loadBalancing.configuration.haproxy}`,
        ]
      : []),
  ],
  'Health check': (p) => p.healthCheck.reasons,
  'Auto-scaling': (p) => p.autoscaling?.reasons ?? [],
  Availability: (p) => [
    ...p.availability.reasons,
    `Composed from: ${p.availability.components.map((c) => `${c.component} ${c.sla} %${c.inCriticalPath ? '' : ' (not in the request path)'}`).join(' × ')}`,
  ],
  Deployment: (p) => p.deployment.reasons,
};

export function renderTable(plan: PlanDocument, opts: TableOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  out.push(c.bold(`capacity-plan — ${headline(plan)}`), '');
  out.push(`${c.bold('Demand'.padEnd(15))}${demandLine(plan)}`, '');
  for (const [label, text] of designRows(plan)) {
    out.push(`${c.bold(label.padEnd(15))}${text}`);
    if (opts.reasons)
      for (const reason of REASONS[label]?.(plan) ?? []) out.push(`${' '.repeat(15)}${c.dim(`· ${reason}`)}`);
  }
  if (plan.availability.costOfNines.length > 0) {
    out.push('', c.bold('The cost of each extra nine — the cheapest design that meets each target'));
    const nines = new Table({
      head: ['target', 'design change', 'estimate', 'monthly', 'vs this plan'],
      ...tableLook(opts.color),
      wordWrap: true,
      colWidths: [10, 56, 13, 11, 13],
      colAligns: ['left', 'left', 'right', 'right', 'right'],
    });
    for (const row of ninesRows(plan)) nines.push(row);
    out.push(nines.toString());
  }
  out.push('', c.bold(`Monthly cost — ${pricingLine(plan)}`));
  const table = new Table({
    head: ['component', 'what', 'quantity', 'unit price', 'monthly'],
    ...tableLook(opts.color),
    colAligns: ['left', 'left', 'right', 'right', 'right'],
    wordWrap: true,
    colWidths: [12, 46, 16, 12, 13],
  });
  for (const line of plan.cost.lineItems) {
    table.push([
      line.component,
      `${line.description}${line.confidence === 'U' ? ' (U)' : ''}`,
      `${num(line.quantity, 2)} ${line.unit}`,
      usd(line.unitPrice, line.unitPrice < 1 ? 4 : 2),
      usd(line.monthly, 2),
    ]);
  }
  out.push(table.toString());
  out.push(`${c.bold('Total')}  ${c.bold(totalLine(plan))} · ${bandLine(plan)}`);
  for (const note of plan.cost.buying.notes) out.push(`       ${c.dim(note)}`);
  if (plan.providers) {
    out.push('', c.bold('Side by side — the same design on each provider'));
    const side = new Table({
      head: ['provider', 'region', 'prices of', 'app servers', 'low', 'expected', 'high'],
      ...tableLook(opts.color),
    });
    for (const p of plan.providers)
      side.push([
        `${providerLabel(p.provider)}${p.cheapest ? ' (cheapest)' : ''}`,
        p.region,
        p.date,
        p.instanceType,
        usd(p.monthly.low),
        usd(p.monthly.expected),
        usd(p.monthly.high),
      ]);
    out.push(side.toString());
  }
  if (plan.projection) {
    out.push('', c.bold(`Growth — ${plan.projection.growthPercentPerMonth} % a month`));
    const max = Math.max(...plan.projection.months.map((m) => m.monthlyCost));
    for (const m of plan.projection.months) {
      const bar = '█'.repeat(Math.max(1, Math.round((m.monthlyCost / max) * 30)));
      out.push(
        `  month ${String(m.month).padStart(3)}  ${num(m.users).padStart(12)} users  ${m.tier.padEnd(16)} ${String(m.instances).padStart(4)} × ${m.instanceType.padEnd(12)} ${usd(m.monthlyCost).padStart(10)}  ${c.cyan(bar)}`,
      );
    }
    for (const x of plan.projection.crossings) out.push(`  ${c.yellow('→')} ${x.note}`);
  }
  if (plan.uncertainty) out.push(...uncertaintyLines(plan.uncertainty, c, opts.reasons));
  if (plan.warnings.length > 0) {
    out.push('', c.bold('Warnings'));
    for (const w of plan.warnings) out.push(`  ${c.yellow('!')} ${w}`);
  }
  if (opts.reasons) {
    out.push('', c.bold('Assumptions'));
    for (const a of plan.assumptions) out.push(`  ${c.dim(`· ${a}`)}`);
  }
  return `${out.join('\n')}\n`;
}
