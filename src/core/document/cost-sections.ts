import type { Catalog } from '../../pricing/catalog-schema.js';
import { recalledShare } from '../cost/recalled-share.js';
import { bandComparison } from '../decide/warnings.js';
import { HOURS_PER_MONTH } from '../demand.js';
import type { PlanDocument } from '../plan-document.js';
import { tierRule } from '../tiers.js';
import type { DesignView } from './view.js';

export function deploymentSection({ design: d }: DesignView): PlanDocument['deployment'] {
  const x = d.deployment;
  return {
    strategy: x.strategy,
    reasons: x.reasons,
    deploysPerMonth: x.deploysPerMonth,
    extraServersWhileDeploying: x.extraServersWhileDeploying,
    windowMinutes: x.windowMinutes,
    extraCostPerDeploy: x.extraCostPerDeploy,
    extraMonthlyCost: x.extraMonthlyCost,
    batchSize: x.batchSize,
    canaryPercent: x.canaryPercent,
  };
}

function pricingSource(catalog: Catalog): string {
  const r = catalog.refreshed;
  return r ? `refreshed ${r.at} from ${r.endpoint} (${r.updated} prices updated, ${r.kept} kept)` : catalog.source;
}

export function costSection({ ctx, design: d }: DesignView): PlanDocument['cost'] {
  const catalog = ctx.book.catalog;
  const band = tierRule(d.tier).band;
  const p = ctx.params;
  return {
    currency: 'USD',
    hoursPerMonth: HOURS_PER_MONTH,
    monthly: d.cost.monthly,
    lineItems: d.cost.lineItems,
    buying: d.cost.buying,
    pricing: {
      provider: catalog.provider,
      region: ctx.book.region,
      date: catalog.date,
      source: pricingSource(catalog),
      catalog: catalog.refreshed ? 'refreshed' : 'bundled',
    },
    referenceBand: {
      tier: d.tier,
      low: band.low,
      high: band.high,
      comparison: bandComparison(d),
      source: 'scaling guide: the scaling timeline',
    },
    curve: `${p.dailyCurve} daily curve (peak hour ${p.peakFactor}× the average)`,
    recalled: recalledShare(d.cost.lineItems),
  };
}
