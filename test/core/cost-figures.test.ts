import { describe, expect, it } from 'vitest';
import { costFigures } from '../../src/core/cost-figures.js';
import { planSchema } from '../../src/core/plan-schema.js';
import { planOf } from '../helpers.js';

describe('cost figures', () => {
  it('cost per monthly user and per 1,000 requests come from the expected monthly cost', () => {
    const plan = planOf({ users: 500_000 });
    const f = costFigures(plan);
    const expected = plan.cost.monthly.expected;
    expect(f.perMonthlyUser).toBeCloseTo(expected / 500_000, 4);
    const requestsPerMonth = (plan.demand.requestsPerDay * plan.cost.hoursPerMonth) / 24;
    expect(f.perThousandRequests).toBeCloseTo((expected / requestsPerMonth) * 1000, 4);
    expect(f.twelveMonths).toEqual({ total: Math.round(12 * expected * 100) / 100, basis: 'flat' });
    expect(f.horizon).toBeNull();
    expect(f.scope).toBe('total');
  });
  it('with --growth the 12 months and the horizon follow the projection, month 0 being this month', () => {
    const plan = planOf({ users: 50_000, growth: 20, months: 24 });
    const months = plan.projection!.months;
    const sum = (n: number) => months.slice(0, n).reduce((a, m) => a + m.monthlyCost, 0);
    const f = costFigures(plan);
    expect(f.twelveMonths.basis).toBe('growth');
    expect(f.twelveMonths.total).toBeCloseTo(sum(12), 1);
    expect(f.horizon).toEqual({ months: 24, total: expect.closeTo(sum(24), 1) as number });
    expect(f.twelveMonths.total).toBeGreaterThan(12 * plan.cost.monthly.expected);
  });
  it('a projection shorter than a year leaves the 12 months flat, and still totals its horizon', () => {
    const f = costFigures(planOf({ users: 50_000, growth: 10, months: 6 }));
    expect(f.twelveMonths.basis).toBe('flat');
    expect(f.horizon!.months).toBe(6);
  });
  it('a multi-region plan adds up every region, and says so', () => {
    const plan = planOf({ users: 2_000_000, regions: 'us-east-1=70,eu-west-1=30' });
    const f = costFigures(plan);
    expect(f.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(f.perMonthlyUser * 2_000_000).toBeCloseTo(plan.cost.monthly.expected, -2);
  });
  it('the plan with its figures is still a valid plan document', () => {
    const plan = planOf({ users: 50_000, growth: 20, months: 24 });
    expect(planSchema.safeParse(plan).success).toBe(true);
    expect(plan.cost.figures).toEqual(costFigures(plan));
  });
});
