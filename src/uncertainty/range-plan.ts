import type { PlanInput } from '../core/input.js';
import type { PlanDocument } from '../core/plan-document.js';
import { buildPlan, type Catalogs, type PlanOptions } from '../core/plan.js';
import { round } from '../core/round.js';
import { TIER_IDS } from '../core/tiers.js';
import type { Extracted } from './extract.js';
import { drawSamples, runSamples, runSamplesInSlices } from './monte-carlo.js';
import { indexAtRank, percentile } from './percentile.js';
import { recommend, type Scenario } from './recommend.js';
import {
  costOrNull,
  isPlannerRefusal,
  samplePlanner,
  validateWithSchema,
  type SampleResult,
  type Validate,
} from './sample-plan.js';
import { flagOf, tidy, tornado } from './tornado.js';

export type Uncertainty = NonNullable<PlanDocument['uncertainty']>;

export const METHOD =
  'Latin hypercube Monte Carlo: each range is a 90 % interval (its low end the 5th percentile, its high end the 95th); every sample is validated by the input schema and planned by the same planner';

/**
 * A plan over ranges: the seeded Monte Carlo through the planner, then a full plan of the recommended
 * design (the p90 scenario unless the budget rules it out) carrying the `uncertainty` section. Pure.
 */
export async function planWithRanges(
  x: Extracted,
  catalogs: Catalogs,
  opts: PlanOptions & { validate?: Validate; pause?: () => Promise<void> } = {},
): Promise<{ plan: PlanDocument; input: PlanInput }> {
  const validate = opts.validate ?? validateWithSchema;
  const baseInput = validate(x.base);
  const planSample = samplePlanner(catalogs, validate);
  const draws = drawSamples(x.ranges, x.samples, x.seed);
  const evaluate = (values: Record<string, number>) => planSample({ ...x.base, ...values });
  const outcomes = opts.pause
    ? await runSamplesInSlices(draws, evaluate, isPlannerRefusal, opts.pause)
    : runSamples(draws, evaluate, isPlannerRefusal);
  const ok = outcomes.filter((o): o is typeof o & { result: SampleResult } => o.result !== null);
  if (ok.length === 0) planSample({ ...x.base, ...draws[0]!.values }); // rethrows the planner's own refusal
  const results = ok.map((o) => o.result);
  const costs = results.map((r) => r.monthlyCost);
  const sorted = [...costs].sort((a, b) => a - b);
  const scenarios: Scenario[] = [10, 50, 90].map((p) => {
    const o = ok[indexAtRank(costs, p / 100)]!;
    return { percentile: p, ...o.result, inputs: { ...o.draw.values } };
  });
  const refused = outcomes.length - ok.length;
  const { pick, recommendation } = recommend(scenarios, results, refused, baseInput.maxMonthlyCost);
  const sensitivity = tornado(x.ranges, x.base, costOrNull(planSample));
  const input = validate({ ...x.base, ...pick.inputs });
  const plan = buildPlan(input, catalogs, opts);
  plan.assumptions.unshift(
    `Ranges: this plan is the recommended design for the range, the p${pick.percentile} scenario of ${x.samples} seeded samples (seed ${x.seed}); the uncertainty section has the cost percentiles and the sensitivity of each input`,
  );
  const { tiers, designs } = chosen(results, outcomes.length);
  const uncertainty: Uncertainty = {
    samples: x.samples,
    seed: x.seed,
    method: METHOD,
    inputs: x.ranges.map((r) => ({
      field: r.field,
      flag: flagOf(r.field),
      low: r.low,
      high: r.high,
      distribution: r.distribution,
      p10: tidy(sensitivity.rows.find((t) => t.field === r.field)!.lowValue),
      median: tidy(Number(x.base[r.field])),
      p90: tidy(sensitivity.rows.find((t) => t.field === r.field)!.highValue),
    })),
    cost: {
      p10: round(percentile(sorted, 0.1), 2),
      p50: round(percentile(sorted, 0.5), 2),
      p90: round(percentile(sorted, 0.9), 2),
      mean: round(costs.reduce((a, b) => a + b, 0) / costs.length, 2),
    },
    scenarios: scenarios.map((s) => ({ ...s, peakRps: round(s.peakRps, 2) })),
    tiers,
    designs,
    refused: {
      samples: refused,
      share: round(refused / outcomes.length, 4),
      example: outcomes.find((o) => o.refusal !== null)?.refusal ?? null,
    },
    recommendation,
    tornado: { baseCost: sensitivity.baseCost ?? 0, rows: sensitivity.rows },
  };
  return { plan: { ...plan, uncertainty }, input };
}

/** How often each tier and each design was chosen, as counts and shares of all samples (refused ones included). */
function chosen(results: readonly SampleResult[], total: number): Pick<Uncertainty, 'tiers' | 'designs'> {
  const count = <K extends string>(keys: K[]) => {
    const m = new Map<K, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const tiers = count(results.map((r) => r.tier));
  const designs = count(results.map((r) => r.design));
  const share = (n: number) => round(n / total, 4);
  return {
    tiers: TIER_IDS.filter((t) => tiers.has(t)).map((id) => ({
      id,
      samples: tiers.get(id)!,
      share: share(tiers.get(id)!),
    })),
    designs: [...designs.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([design, n]) => ({ design, samples: n, share: share(n) })),
  };
}
