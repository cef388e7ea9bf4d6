import type { PlanDocument } from './plan-document.js';
import { round } from './round.js';

export type CostFigures = NonNullable<PlanDocument['cost']['figures']>;

/**
 * The figures people ask for beside the monthly bill (the AWS Pricing Calculator's export has them): cost
 * per monthly user and per 1,000 requests, a 12-month total and, with a growth projection, the total over
 * its horizon. Every figure covers the whole plan — all of its regions together. Pure: plan in, figures out.
 */
export function costFigures(plan: PlanDocument): CostFigures {
  const expected = plan.cost.monthly.expected;
  const requestsPerMonth = (plan.demand.requestsPerDay * plan.cost.hoursPerMonth) / 24;
  const months = plan.projection?.months ?? [];
  // Month 0 is today's plan; months 0…n-1 are the n months paid for over an n-month horizon.
  const horizonMonths = months.length - 1;
  const sum = (n: number) => months.slice(0, n).reduce((total, m) => total + m.monthlyCost, 0);
  const grows = horizonMonths >= 12;
  return {
    scope: 'total',
    regions: plan.availability.regions.map((r) => r.code),
    perMonthlyUser: round(plan.input.users > 0 ? expected / plan.input.users : 0, 6),
    perThousandRequests: round(requestsPerMonth > 0 ? (expected / requestsPerMonth) * 1000 : 0, 6),
    twelveMonths: { total: round(grows ? sum(12) : 12 * expected, 2), basis: grows ? 'growth' : 'flat' },
    horizon: horizonMonths > 0 ? { months: horizonMonths, total: round(sum(horizonMonths), 2) } : null,
  };
}
