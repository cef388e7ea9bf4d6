import type { PlanDocument } from '../core/plan-document.js';
import { num, usd } from './format.js';
import { tornadoBars } from './uncertainty-chart.js';

type Uncertainty = NonNullable<PlanDocument['uncertainty']>;

const pct = (share: number) => `${num(share * 100, 1)} %`;
const val = (v: number) => num(v, Math.abs(v) < 100 ? 2 : 0);
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The uncertainty section for a pull-request comment: tables, and the tornado as a chart. */
export function uncertaintyMarkdown(u: Uncertainty): string[] {
  const out: string[] = ['', `**Ranges** — ${num(u.samples)} samples (seed ${u.seed}), each range a 90 % interval`, ''];
  out.push('| input | range | distribution | p10 | median | p90 |', '| --- | --- | --- | ---: | ---: | ---: |');
  for (const i of u.inputs)
    out.push(
      `| \`${i.flag}\` | ${num(i.low)}..${num(i.high)} | ${i.distribution} | ${val(i.p10)} | ${val(i.median)} | ${val(i.p90)} |`,
    );
  out.push('', '| cost | monthly | tier | servers at peak | design |', '| --- | ---: | --- | ---: | --- |');
  for (const s of u.scenarios)
    out.push(
      `| p${s.percentile} | ${usd(s.monthlyCost)} | ${s.tier} | ${s.instances.expected} × ${s.instanceType} | ${cell(s.design)} |`,
    );
  out.push(`| mean | ${usd(u.cost.mean)} | | | |`);
  out.push('', `Tiers chosen: ${u.tiers.map((t) => `${t.id} ${pct(t.share)}`).join(', ')}.`);
  out.push(`Designs chosen: ${u.designs.map((d) => `${cell(d.design)} ${pct(d.share)}`).join('; ')}.`);
  if (u.refused.samples > 0)
    out.push('', `${pct(u.refused.share)} of the samples cannot be planned: ${u.refused.example}`);
  const r = u.recommendation;
  out.push('', `**Recommended for the range:** ${cell(r.design)} — ${usd(r.monthlyCost)}/month`, '');
  for (const why of r.reasons) out.push(`- ${why}`);
  out.push(
    `- Risk: ${r.risk}`,
    `- If demand lands at p10: ${r.ifP10.join('; ')}`,
    `- If demand lands at p90: ${r.ifP90.join('; ')}`,
  );
  out.push(
    '',
    '**Sensitivity (tornado)** — monthly cost with one input at its p10 and p90, the others at their median',
    '',
  );
  out.push('| input | p10 | cost at p10 | p90 | cost at p90 | swing |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const t of u.tornado.rows)
    out.push(
      `| \`${t.flag}\` | ${val(t.lowValue)} | ${t.costAtLow === null ? 'refused' : usd(t.costAtLow)} | ${val(t.highValue)} | ${t.costAtHigh === null ? 'refused' : usd(t.costAtHigh)} | ${t.swing < 0 ? '—' : usd(t.swing)} |`,
    );
  out.push('', '```text', ...tornadoBars(u.tornado, 72), '```');
  return out;
}
