import { groupDigits } from '../core/group-digits.js';
import { tidy } from '../uncertainty/tidy.js';
import type { Calibration, CalibrateOptions } from './fit.js';

const n = (v: number) => groupDigits(tidy(v), Math.abs(v) < 100 ? 3 : 0);
const ms = (v: number) => (Number.isFinite(v) ? `${n(v)} ms` : 'saturated (infinite)');

/**
 * The plan-as-code file `plan --input` reads: each fitted value with its source and interval as a comment;
 * wide intervals written as ranges (the plan then samples them). What has no input field yet (the daily
 * curve, the busiest minute, the p95 check) follows as comments.
 */
export function calibrationYaml(c: Calibration, o: CalibrateOptions): string {
  const files = [c.traffic?.file, c.loadTest?.test.file, c.loadTest?.cpuSource.split(',')[0], c.accessLog?.file];
  const out = [
    `# capacity-plan calibrate — fitted from ${[...new Set(files.filter((f) => f && !f.startsWith('--')))].join(', ')}`,
    '# each value: its source and interval; a wide interval is written as a range low..high (a 90 % interval)',
  ];
  if (o.users !== undefined) out.push(`users: ${o.users} # given (--users)`);
  if (o.profile !== undefined) out.push(`profile: ${o.profile} # given (--profile)`);
  for (const p of c.parameters) {
    const value = p.written === 'range' ? `"${p.low}..${p.high}"` : String(p.value);
    const interval = p.low === p.high ? p.interval : `${p.interval} ${n(p.low)}..${n(p.high)}`;
    out.push(`${p.field}: ${value} # ${p.source}; fitted ${n(p.value)}, ${interval}`);
  }
  if (c.parameters.length === 0)
    out.push('# nothing to fit: give a traffic CSV, a k6 summary or stream with --cpu, or access logs');
  const t = c.traffic;
  if (t) {
    out.push(
      `# traffic: ${groupDigits(t.points)} points every ${t.stepSeconds} s over ${t.days} whole day(s); ${groupDigits(Math.round(t.requestsPerDay.value))} requests a day`,
      t.stepSeconds > 60
        ? `# busiest minute: not measured (a point every ${t.stepSeconds} s); busiest hour ${t.busiestHourUtc}:00 UTC`
        : `# busiest minute: ${n(t.peakMinuteFactor.value)}× the day's average (${t.peakMinuteFactor.interval} ${n(t.peakMinuteFactor.low)}..${n(t.peakMinuteFactor.high)}); busiest hour ${t.busiestHourUtc}:00 UTC`,
      `# daily curve (UTC hours 0–23, mean 1): ${t.dailyCurve.join(' ')}`,
    );
  }
  const l = c.loadTest;
  if (l) {
    const k = l.check;
    out.push(
      `# load test: ${groupDigits(l.test.requests)} requests in ${n(l.test.durationSeconds)} s (${n(k.rps)} req/s), measured p95 ${ms(k.measuredP95Ms)}`,
      `# p95 check: the planner's model gives ${ms(k.modelP95Ms)} at ${n(k.rps)} req/s, ${signed(k.differencePercent)} against the measured ${ms(k.measuredP95Ms)}: ${k.note}`,
      `# p95 vs load (req/s → measured / model): ${l.curve.map((r) => `${n(r.rps)} → ${ms(r.measuredP95Ms)} / ${ms(r.modelP95Ms)}`).join('; ')}`,
    );
  }
  return `${out.join('\n')}\n`;
}

const signed = (pct: number) =>
  Number.isFinite(pct) ? `${pct >= 0 ? '+' : ''}${Math.round(pct)} %` : 'infinitely far';

/** `--format json`: the fitted parameters and everything they came from. */
export function calibrationJson(c: Calibration): string {
  const finite = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v);
  const doc = {
    parameters: Object.fromEntries(c.parameters.map(({ field, ...rest }) => [field, rest])),
    traffic: c.traffic,
    loadTest: c.loadTest ? { ...c.loadTest, test: { ...c.loadTest.test, curve: undefined } } : null,
    accessLog: c.accessLog,
  };
  return `${JSON.stringify(doc, finite, 2)}\n`;
}
