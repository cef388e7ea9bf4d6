import { groupDigits } from '../core/group-digits.js';
import { TIER_IDS } from '../core/tiers.js';
import type { SampleResult } from './sample-plan.js';

export interface Scenario extends SampleResult {
  percentile: number;
  inputs: Record<string, number>;
}

export interface Recommendation {
  percentile: number;
  design: string;
  monthlyCost: number;
  reasons: string[];
  risk: string;
  ifP10: string[];
  ifP90: string[];
}

const money = (n: number) => `$${groupDigits(Math.round(n))}`;
const share = (n: number, of: number) => `${Math.round((n / of) * 1000) / 10} %`;

/**
 * The design for the whole range: the one sized for the p90 scenario (it meets the target across p90
 * demand), unless the budget rules it out — then the dearest scenario within the budget, with its risk.
 */
export function recommend(
  scenarios: readonly Scenario[],
  results: readonly SampleResult[],
  refused: number,
  budget: number | undefined,
): { pick: Scenario; recommendation: Recommendation } {
  const byPercentile = (p: number) => scenarios.find((s) => s.percentile === p)!;
  const p90 = byPercentile(90);
  let pick = p90;
  const reasons = [
    `Sized for the p90 scenario (${describe(p90)}): it carries the demand of 90 % of the samples; auto-scaling takes the fleet down when demand lands lower`,
  ];
  if (budget !== undefined && p90.monthlyCost > budget) {
    const within = [...scenarios].filter((s) => s.monthlyCost <= budget).sort((a, b) => b.percentile - a.percentile)[0];
    pick = within ?? byPercentile(10);
    reasons.push(
      `The p90 design's ${money(p90.monthlyCost)}/month is over the ${money(budget)} budget: ${within ? `the p${pick.percentile} design is the dearest within it` : 'even the p10 design is over it, so the cheapest is shown'}`,
    );
  }
  if (pick.meetsTarget === false)
    reasons.push('No design meets the availability target at this demand: see the availability section for the gap');
  const rank = (t: SampleResult['tier']) => TIER_IDS.indexOf(t);
  const short = results.filter((r) => r.instances.expected > pick.instances.max || rank(r.tier) > rank(pick.tier));
  const missing = results.filter((r) => r.meetsTarget === false).length;
  const total = results.length + refused;
  const risk = [
    `${share(short.length, total)} of the samples need more than this design gives (a higher tier, or more than its auto-scaling maximum of ${pick.instances.max} servers at peak)`,
    ...(missing > 0 ? [`${share(missing, total)} miss the availability target`] : []),
    ...(refused > 0 ? [`${share(refused, total)} cannot be planned at all (see refused)`] : []),
  ].join('; ');
  return {
    pick,
    recommendation: {
      percentile: pick.percentile,
      design: pick.design,
      monthlyCost: pick.monthlyCost,
      reasons,
      risk,
      ifP10: changes(byPercentile(10), pick),
      ifP90: changes(p90, pick),
    },
  };
}

function describe(s: Scenario): string {
  const inputs = Object.entries(s.inputs)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${groupDigits(v, v < 100 ? 2 : 0)}`)
    .join(', ');
  return `${inputs}: ${s.instances.expected} × ${s.instanceType} at peak, ${money(s.monthlyCost)}/month`;
}

/** What differs between the plan for a scenario and the recommended design's plan. */
function changes(s: Scenario, pick: Scenario): string[] {
  if (s.percentile === pick.percentile) return [`This is the recommended design: ${describe(s)}`];
  const out: string[] = [describe(s)];
  if (s.tier !== pick.tier) out.push(`the tier would be ${s.tier} instead of ${pick.tier}`);
  if (s.instanceType !== pick.instanceType)
    out.push(`servers would be ${s.instanceType} instead of ${pick.instanceType}`);
  if (s.instances.expected !== pick.instances.expected)
    out.push(`${s.instances.expected} servers at peak instead of ${pick.instances.expected}`);
  if (s.tier === pick.tier && s.design.replace(s.instanceType, pick.instanceType) !== pick.design)
    out.push(`design: ${s.design}`);
  const delta = ((s.monthlyCost - pick.monthlyCost) / pick.monthlyCost) * 100;
  out.push(`${money(s.monthlyCost)}/month (${delta >= 0 ? '+' : ''}${Math.round(delta)} % against the recommended)`);
  return out;
}
