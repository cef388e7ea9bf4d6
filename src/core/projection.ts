import type { Catalog } from '../pricing/catalog-schema.js';
import { computeDemand } from './demand.js';
import { searchDesign } from './design-search.js';
import { formatUsers } from './humane-number.js';
import type { PlanInput } from './input.js';
import { MAX_USERS } from './limits.js';
import type { PlanDocument } from './plan-document.js';
import { designContext } from './price-on.js';
import { resolveParameters } from './resolve.js';
import { tierForUsers, tierRule, type TierId } from './tiers.js';

type Projection = NonNullable<PlanDocument['projection']>;

/** One month of growth: the design chosen for that month's users (no cost of nines, no simulation, no document). */
function month(input: PlanInput, catalog: Catalog, users: number): Projection['months'][number] & { tier: TierId } {
  const monthly: PlanInput = { ...input, users, simulate: false };
  const params = resolveParameters(monthly);
  const ctx = designContext({ input: monthly, params, demand: computeDemand(params), catalog, same: null });
  const d = searchDesign(ctx, tierForUsers(users).id, input.availability, true).design;
  return {
    month: 0,
    users,
    tier: d.tier,
    instances: d.regions.reduce((a, r) => a + r.compute.atPeak, 0),
    instanceType: d.compute.instance.id,
    monthlyCost: d.cost.monthly.expected,
  };
}

/**
 * The growth phase: month by month users, tier, fleet and cost on the first provider, and the months a
 * tier boundary is crossed. It stops at the planner's user limit, saying so, rather than plan past it.
 */
export function projectGrowth(input: PlanInput, catalog: Catalog): Projection | null {
  if (input.growth === undefined) return null;
  const months = input.months ?? 12;
  const rows: Projection['months'] = [];
  const crossings: Projection['crossings'] = [];
  let stopped: string | null = null;
  for (let m = 0; m <= months; m++) {
    const users = Math.max(1, Math.round(input.users * (1 + input.growth / 100) ** m));
    if (users > MAX_USERS) {
      stopped = `Stopped after month ${m - 1}: month ${m} would have ${formatUsers(users)} users, past the planner's limit of ${formatUsers(MAX_USERS)}`;
      break;
    }
    const row = { ...month(input, catalog, users), month: m };
    const previous = rows.at(-1);
    if (previous && previous.tier !== row.tier) {
      const note = `month ${m}: ${formatUsers(users)} users — move to ${tierRule(row.tier).title.toLowerCase()}`;
      crossings.push({ month: m, users, from: previous.tier, to: row.tier, note });
    }
    rows.push(row);
  }
  return { growthPercentPerMonth: input.growth, months: rows, crossings, ...(stopped ? { stopped } : {}) };
}
