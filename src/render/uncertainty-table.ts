import type { Styles } from './ansi.js';
import type { PlanDocument } from '../core/plan-document.js';
import { num, usd } from './format.js';
import { tornadoBars } from './uncertainty-chart.js';

type Uncertainty = NonNullable<PlanDocument['uncertainty']>;

const pct = (share: number) => `${num(share * 100, 1)} %`;
const val = (v: number) => num(v, Math.abs(v) < 100 ? 2 : 0);

/** Word-wraps a line to 80 columns, continuing under its first word's indent plus two. */
function wrap(line: string, width = 80): string[] {
  if (line.length <= width) return [line];
  const indent = ' '.repeat((/^ */.exec(line)?.[0].length ?? 0) + 2);
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/(?<=\S) (?=\S)/)) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = indent + word.trimStart();
    } else current = current === '' ? word : `${current} ${word}`;
  }
  return [...out, current];
}

/** The uncertainty section of the table output: ranges, cost percentiles, the recommendation, the tornado. */
export function uncertaintyLines(u: Uncertainty, c: Styles, reasons: boolean): string[] {
  const out: string[] = ['', c.bold(`Ranges — ${num(u.samples)} samples (seed ${u.seed}), each range a 90 % interval`)];
  for (const i of u.inputs)
    out.push(
      `  ${i.flag} ${num(i.low)}..${num(i.high)} ${i.distribution}: p10 ${val(i.p10)}, median ${val(i.median)}, p90 ${val(i.p90)}`,
    );
  out.push(
    `  Monthly cost  p10 ${usd(u.cost.p10)} · p50 ${usd(u.cost.p50)} · p90 ${usd(u.cost.p90)} · mean ${usd(u.cost.mean)}`,
  );
  for (const s of u.scenarios)
    out.push(
      `  p${String(s.percentile).padEnd(3)} ${usd(s.monthlyCost).padStart(10)}  ${s.tier.padEnd(16)} ${s.instances.expected} × ${s.instanceType} (auto-scaling ${s.instances.min}–${s.instances.max})`,
    );
  out.push(`  Tiers chosen  ${u.tiers.map((t) => `${t.id} ${pct(t.share)}`).join(' · ')}`);
  out.push('  Designs chosen');
  for (const d of u.designs.slice(0, 5)) out.push(`    ${pct(d.share).padStart(7)}  ${d.design}`);
  if (u.designs.length > 5) out.push(`    … and ${u.designs.length - 5} more`);
  if (u.refused.samples > 0)
    out.push(c.yellow(`  ${pct(u.refused.share)} of the samples cannot be planned: ${u.refused.example}`));
  const r = u.recommendation;
  out.push('', c.bold(`Recommended for the range: ${r.design} — ${usd(r.monthlyCost)}/month`));
  if (reasons) for (const why of r.reasons) out.push(`  ${c.dim(`· ${why}`)}`);
  out.push(`  Risk: ${r.risk}`);
  out.push(`  If demand lands at p10: ${r.ifP10.join('; ')}`);
  out.push(`  If demand lands at p90: ${r.ifP90.join('; ')}`);
  out.push(
    '',
    c.bold('Sensitivity — monthly cost with one input at its p10 and p90, the others at their median'),
    ...tornadoBars(u.tornado).map((l) => `  ${l}`),
  );
  return out.flatMap((l) => wrap(l));
}
