import { availabilityText } from '../core/percent-text.js';
import type { PlanDocument } from '../core/plan-document.js';
import { usd } from './format.js';
import { esc, n, svgOpen, text } from './svg.js';
import { costByComponent } from './text-charts.js';

const WIDTH = 760;
const PALETTE = [
  '#2563eb',
  '#0891b2',
  '#059669',
  '#65a30d',
  '#ca8a04',
  '#ea580c',
  '#dc2626',
  '#db2777',
  '#7c3aed',
  '#475569',
];

/** Horizontal bars, one per component, largest first, each with its monthly cost and share of the bill. */
export function componentSvg(plan: PlanDocument): string {
  const parts = costByComponent(plan);
  const total = parts.reduce((a, p) => a + p.monthly, 0);
  const max = Math.max(...parts.map((p) => p.monthly), 1);
  const row = 26;
  const left = 130;
  const barRoom = WIDTH - left - 150;
  const out = [svgOpen(WIDTH, parts.length * row + 10, 'Monthly cost by component', 'chart-components')];
  parts.forEach((p, i) => {
    const y = 5 + i * row;
    const w = Math.max(2, (p.monthly / max) * barRoom);
    const share = total > 0 ? Math.round((p.monthly / total) * 100) : 0;
    out.push(
      text(left - 8, y + 17, p.component, 'text-anchor="end"'),
      `<rect x="${left}" y="${y + 3}" width="${n(w)}" height="${row - 8}" rx="3" fill="${PALETTE[i % PALETTE.length]}"/>`,
      text(left + w + 8, y + 17, `${usd(p.monthly)} · ${share} %`),
    );
  });
  out.push('</svg>');
  return out.join('');
}

/** One column per availability target: this plan first, then the cheapest design meeting each extra nine. */
export function ninesSvg(plan: PlanDocument): string {
  const bars = [
    {
      label: 'this plan',
      sub: `${availabilityText(plan.availability.estimated)} %`,
      monthly: plan.cost.monthly.expected,
    },
    ...plan.availability.costOfNines.map((x) => ({
      label: `${x.target} %`,
      sub: x.deltaMonthly === 0 ? '±$0' : `${x.deltaMonthly > 0 ? '+' : ''}${usd(x.deltaMonthly)}`,
      monthly: x.monthly,
    })),
  ];
  const height = 240;
  const base = height - 44;
  const max = Math.max(...bars.map((b) => b.monthly), 1);
  const slot = WIDTH / bars.length;
  const out = [svgOpen(WIDTH, height, 'Monthly cost of each extra nine of availability', 'chart-nines')];
  out.push(`<line x1="0" y1="${base}" x2="${WIDTH}" y2="${base}" stroke="#94a3b8"/>`);
  bars.forEach((b, i) => {
    const h = Math.max(2, (b.monthly / max) * (base - 30));
    const x = i * slot + slot * 0.2;
    const cx = i * slot + slot / 2;
    out.push(
      `<rect x="${n(x)}" y="${n(base - h)}" width="${n(slot * 0.6)}" height="${n(h)}" rx="3" fill="${i === 0 ? '#475569' : '#7c3aed'}"/>`,
      text(cx, base - h - 6, usd(b.monthly), 'text-anchor="middle"'),
      text(cx, base + 18, b.label, 'text-anchor="middle" font-weight="600"'),
      text(cx, base + 36, b.sub, 'text-anchor="middle" fill="#475569"'),
    );
  });
  out.push('</svg>');
  return out.join('');
}

/** The monthly cost month by month as users grow, each tier change a dashed line with the new tier's name. */
export function growthSvg(plan: PlanDocument): string {
  const months = plan.projection?.months ?? [];
  if (months.length === 0) return '';
  const height = 280;
  const [left, right, top, bottom] = [80, 20, 30, 40];
  const max = Math.max(...months.map((m) => m.monthlyCost), 1);
  const last = months[months.length - 1]!.month || 1;
  const x = (month: number) => left + (month / last) * (WIDTH - left - right);
  const y = (cost: number) => height - bottom - (cost / max) * (height - top - bottom);
  const points = months.map((m) => `${n(x(m.month))},${n(y(m.monthlyCost))}`).join(' ');
  const out = [svgOpen(WIDTH, height, 'Monthly cost as users grow', 'chart-growth')];
  out.push(
    `<polygon points="${n(x(0))},${n(y(0))} ${points} ${n(x(last))},${n(y(0))}" fill="#bfdbfe"/>`,
    `<polyline points="${points}" fill="none" stroke="#2563eb" stroke-width="2.5"/>`,
    `<line x1="${left}" y1="${n(y(0))}" x2="${WIDTH - right}" y2="${n(y(0))}" stroke="#94a3b8"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${n(y(0))}" stroke="#94a3b8"/>`,
    text(left - 6, y(max) + 4, usd(max), 'text-anchor="end"'),
    text(left - 6, y(0) + 4, '$0', 'text-anchor="end"'),
    text(left, height - 12, `month ${months[0]!.month}`),
    text(WIDTH - right, height - 12, `month ${last}`, 'text-anchor="end"'),
  );
  for (const c of plan.projection!.crossings) {
    const cx = x(c.month);
    out.push(
      `<line x1="${n(cx)}" y1="${top - 10}" x2="${n(cx)}" y2="${n(y(0))}" stroke="#dc2626" stroke-dasharray="4 3"/>`,
      text(cx + 4, top - 2, `month ${c.month}: ${c.to}`, 'fill="#dc2626"'),
    );
  }
  out.push(`<desc>${esc(plan.projection!.crossings.map((c) => c.note).join('; '))}</desc></svg>`);
  return out.join('');
}
