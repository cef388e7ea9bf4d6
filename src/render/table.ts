import { styles, type Styles } from './ansi.js';
import type { PlanDocument } from '../core/plan-document.js';
import { num } from './format.js';
import { uncertaintyLines } from './uncertainty-table.js';
import { DEFAULT_SCREEN, hanging, MIN_WIDTH, type Screen } from './layout.js';
import { demandLine, designRows, headline, perRegion } from './summary.js';
import { costSection, growthSection, ninesSection, providersSection } from './table-sections.js';

export interface TableOptions {
  color: boolean;
  /** Show every decision's reasons (the default); -q keeps the summary only. */
  reasons: boolean;
  /** The terminal's width (at least 80 is used); 100 when not known. */
  width?: number;
  /** Plain ASCII (TERM=dumb): no box drawing, no block characters. */
  ascii?: boolean;
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
  const c = styles(opts.color);
  const screen: Screen = {
    width: Math.max(MIN_WIDTH, Math.floor(opts.width ?? DEFAULT_SCREEN.width)),
    ascii: opts.ascii ?? false,
  };
  const w = screen.width;
  const x = { screen, color: opts.color, c };
  const out: string[] = [];
  out.push(...hanging('', `capacity-plan — ${headline(plan)}`, w, 0).map((l) => c.bold(l)), '');
  out.push(...labelled(c, 'Demand', demandLine(plan), w), '');
  for (const [label, text] of designRows(plan)) {
    out.push(...labelled(c, label, text, w));
    if (opts.reasons)
      for (const reason of reasonsOf(plan, label))
        out.push(...hanging(`${' '.repeat(LABEL)}· `, reason, w).map((l) => c.dim(l)));
  }
  out.push(...ninesSection(plan, x), ...costSection(plan, x), ...providersSection(plan, x), ...growthSection(plan, x));
  if (plan.uncertainty) out.push(...uncertaintyLines(plan.uncertainty, c, opts.reasons));
  if (plan.warnings.length > 0) {
    out.push('', c.bold('Warnings'));
    for (const warning of plan.warnings) out.push(...hanging('  ! ', warning, w).map((l) => c.yellow(l)));
  }
  if (opts.reasons) {
    out.push('', c.bold('Assumptions'));
    for (const a of plan.assumptions) out.push(...hanging('  · ', a, w).map((l) => c.dim(l)));
  }
  return `${out.join('\n')}\n`;
}

const LABEL = 15;

function labelled(c: Styles, label: string, text: string, width: number): string[] {
  return hanging(label, text, width, LABEL).map((l, i) => (i === 0 ? c.bold(l.slice(0, LABEL)) + l.slice(LABEL) : l));
}

/** A decision's reasons; in a multi-region plan the fleet's reasons say which region they describe. */
function reasonsOf(plan: PlanDocument, label: string): string[] {
  const reasons = REASONS[label]?.(plan) ?? [];
  if (label !== 'App servers' || !perRegion(plan) || reasons.length === 0) return reasons;
  const primary = plan.availability.regions[0]!;
  return [
    `Per region: the figures below are for ${primary.code}, the primary region (${num(primary.share)} % of users)`,
    ...reasons,
  ];
}
