import { costFigures } from '../core/cost-figures.js';
import type { PlanDocument } from '../core/plan-document.js';
import { usd } from './format.js';
import { perRegion } from './summary.js';

const money = (n: number) => usd(n, n < 1 ? 4 : n < 100 ? 2 : 0);

/** The cost figures as label and text, each saying what it covers: shared by table, markdown and HTML. */
export function figureRows(plan: PlanDocument): [string, string][] {
  const f = plan.cost.figures ?? costFigures(plan);
  const scope = perRegion(plan) ? `, all ${f.regions.length} regions together` : '';
  const rows: [string, string][] = [
    ['per monthly user', `${money(f.perMonthlyUser)} a month${scope}`],
    ['per 1,000 requests', `${money(f.perThousandRequests)}${scope}`],
    [
      '12 months',
      `${money(f.twelveMonths.total)} ${f.twelveMonths.basis === 'growth' ? 'as users grow (the projection)' : "at today's size (12 × this month)"}${scope}`,
    ],
  ];
  if (f.horizon)
    rows.push([
      `${f.horizon.months} month${f.horizon.months === 1 ? '' : 's'}`,
      `${money(f.horizon.total)} as users grow, the whole projection${scope}`,
    ]);
  return rows;
}
