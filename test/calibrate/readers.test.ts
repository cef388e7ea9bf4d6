import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFileAs } from '../../src/calibrate/detect.js';
import { calibrate } from '../../src/calibrate/fit.js';
import { modelP95 } from '../../src/calibrate/load-test.js';
import { cli } from '../helpers.js';
import { k6Stream } from './k6-stream-fixture.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'calibrate', name);
const read = (name: string) => readFileAs(name, readFileSync(fixture(name), 'utf8'));

/** A requests-per-minute series over `days` days: a smooth day peaking inside the 20:00 UTC hour, one noisy day. */
function trafficCsv(days: number, base = 500, noise = 0): string {
  const lines = ['timestamp,requests'];
  for (let m = 0; m < days * 1440; m++) {
    const hour = (m / 60) % 24;
    const day = Math.floor(m / 1440);
    const shape = 1 + 0.7 * Math.cos(((hour - 20.5) / 24) * 2 * Math.PI);
    lines.push(
      `${new Date(Date.UTC(2026, 0, 5) + m * 60_000).toISOString()},${Math.round(base * shape * (1 + noise * (day % 3) - noise))}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('k6 end-of-test summaries', () => {
  it('reads --summary-export (metrics flat)', () => {
    const t = read('k6-summary-export.json');
    expect(t).toMatchObject({ kind: 'k6-summary', requests: 36_000, p95Ms: 48.271233, medianMs: 17.944011 });
    expect(t.kind === 'k6-summary' && t.rps).toBeCloseTo(119.994, 3);
    expect(t.kind === 'k6-summary' && t.durationSeconds).toBeCloseTo(300.01, 1);
    expect(t.kind === 'k6-summary' && t.failedShare).toBeCloseTo(0.000333, 6);
  });
  it("reads handleSummary's data (metrics under values, the run's duration in state)", () => {
    const t = read('k6-handle-summary.json');
    expect(t).toMatchObject({ kind: 'k6-summary', requests: 36_000, p95Ms: 48.271233, durationSeconds: 300.0125 });
  });
  it('turns CPU % into CPU time per request and checks the p95 model at the tested rate', () => {
    const c = calibrate([read('k6-summary-export.json')], { cpuPercent: 25, vcpus: 4, servers: 2 });
    const s = c.parameters.find((p) => p.field === 'serviceTime')!;
    // 25 % of 2 × 4 vCPUs = 2 vCPU-seconds a second over 119.99 requests a second = 16.67 ms each
    expect(s.value).toBeCloseTo(16.67, 2);
    expect(s.written).toBe('value');
    const check = c.loadTest!.check;
    expect(check.modelP95Ms).toBeCloseTo(modelP95(119.994, 16.6675, { vcpus: 4, servers: 2 }), 0);
    expect(check.differencePercent).toBeCloseTo(((check.modelP95Ms - 48.271233) / 48.271233) * 100, 6);
  });
  it('without --cpu or --vcpus a load test is refused, naming what is missing', () => {
    expect(() => calibrate([read('k6-summary-export.json')], { vcpus: 4 })).toThrow(/--cpu <percent> or a CPU CSV/);
    expect(() => calibrate([read('k6-summary-export.json')], { cpuPercent: 40 })).toThrow(/--vcpus/);
  });
});

describe('k6 JSON output stream', () => {
  const start = Date.UTC(2026, 10, 29, 10, 0, 0);
  // service 20 ms on 2 vCPUs: durations grow with load like an M/M/2 queue would
  const stream = k6Stream({
    start,
    seconds: 120,
    from: 10,
    to: 80,
    durationMs: (rps, i) => 20 + ((i * 7919) % 100) * 0.6 + rps * 0.4,
  });
  it('counts requests per 10-second window and gives the p95-vs-load curve', () => {
    const t = readFileAs('out.json', stream);
    expect(t.kind).toBe('k6-stream');
    if (t.kind !== 'k6-stream') return;
    expect(t.curve.length).toBe(10); // 12 windows less the partial first and last
    expect(t.curve[0]!.rps).toBeLessThan(t.curve.at(-1)!.rps);
    expect(t.curve.at(-1)!.p95Ms).toBeGreaterThan(t.curve[0]!.p95Ms);
  });
  it('aligns a CPU CSV with the windows for CPU time per request, with an interval', () => {
    const cpu = ['timestamp,cpu_percent'];
    for (let s = 0; s < 120; s += 5) {
      const rps = Math.round(10 + (70 * s) / 120);
      cpu.push(`${new Date(start + s * 1000).toISOString()},${((rps * 0.02) / 2) * 100 * (1 + ((s % 15) - 5) / 100)}`);
    }
    const c = calibrate([readFileAs('out.json', stream), readFileAs('cpu.csv', cpu.join('\n'))], { vcpus: 2 });
    const s = c.parameters.find((p) => p.field === 'serviceTime')!;
    expect(s.value).toBeGreaterThan(19);
    expect(s.value).toBeLessThan(21.5);
    expect(s.low).toBeLessThan(s.value);
    expect(s.high).toBeGreaterThan(s.value);
    expect(s.interval).toMatch(/test windows with CPU readings/);
    expect(c.loadTest!.curve.length).toBeGreaterThan(3);
  });
});

describe('traffic time series', () => {
  it('fits the peak factors, the daily curve and requests per active user', () => {
    const t = readFileAs('traffic.csv', trafficCsv(3));
    expect(t.kind).toBe('traffic');
    if (t.kind !== 'traffic') return;
    expect(t.days).toBe(3);
    expect(t.peakHourFactor.value).toBeCloseTo(1.69, 1);
    expect(t.peakMinuteFactor.value).toBeGreaterThanOrEqual(t.peakHourFactor.value);
    expect(t.busiestHourUtc).toBe(20);
    expect(t.dailyCurve).toHaveLength(24);
    expect(t.dailyCurve.reduce((a, b) => a + b, 0) / 24).toBeCloseTo(1, 2);
    expect(t.requestsPerDay.value).toBeCloseTo(720_000, -3);
    const c = calibrate([t], { users: 100_000, dauRatio: 0.3 });
    expect(c.parameters.find((p) => p.field === 'requestsPerUser')!.value).toBeCloseTo(720_000 / 30_000, 0);
  });
  it('reads epoch seconds and a per-second rate column', () => {
    const lines = ['time,rps'];
    for (let m = 0; m < 1440; m++)
      lines.push(`${1767571200 + m * 60},${(10 + 5 * Math.sin((m / 1440) * 2 * Math.PI)).toFixed(3)}`);
    const t = readFileAs('prom.csv', lines.join('\n'));
    expect(t.kind === 'traffic' && t.requestsPerDay.value).toBeCloseTo(864_000, -3);
  });
  it('writes a day-to-day spread that is wide as a range', () => {
    const c = calibrate([readFileAs('traffic.csv', trafficCsv(6, 500, 0.3))], { users: 100_000 });
    const r = c.parameters.find((p) => p.field === 'requestsPerUser')!;
    expect(r.written).toBe('range');
    expect(r.low).toBeLessThan(r.high);
  });
});

describe('access logs', () => {
  it('reads the combined log format', () => {
    const a = read('access-combined.log');
    expect(a).toMatchObject({ kind: 'access-log', format: 'combined', requests: 8 });
    if (a.kind !== 'access-log') return;
    expect(a.payloadKb.value).toBeCloseTo((8123 + 0 + 64 + 12344 + 0 + 9921 + 188 + 10412) / 8 / 1000, 6);
    expect(a.readRatio.value).toBe(6 / 8);
    expect(a.readRatio.low).toBeLessThan(0.75);
  });
  it('reads JSON lines with bytes_sent', () => {
    const a = read('access-nginx.jsonl');
    expect(a).toMatchObject({ kind: 'access-log', format: 'json', requests: 4 });
    if (a.kind === 'access-log') expect(a.payloadKb.value).toBeCloseTo((5410 + 2150 + 590 + 5301) / 4 / 1000, 6);
  });
});

describe('capacity-plan calibrate', () => {
  it('writes a plan-as-code file with sources that `plan --input` accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-calibrate-'));
    writeFileSync(join(dir, 'traffic.csv'), trafficCsv(3, 500, 0.3));
    const argv = ['calibrate', 'traffic.csv', fixture('k6-summary-export.json'), fixture('access-combined.log')];
    const r = await cli([...argv, '--users', '100k', '--cpu', '25', '--vcpus', '4', '--servers', '2'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = parse(r.out) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      'users',
      'peakFactor',
      'requestsPerUser',
      'serviceTime',
      'payloadKb',
      'readRatio',
    ]);
    expect(r.out).toMatch(/^serviceTime: 16.67 # .*k6-summary-export\.json \(120 req\/s\) with --cpu 25 %/m);
    expect(r.out).toMatch(
      /# p95 check: the planner's model gives [\d.]+ ms at 120 req\/s, [+-]\d+ % against the measured 48.27 ms/,
    );
    writeFileSync(join(dir, 'capacity-plan.yaml'), r.out);
    const p = await cli(['plan', '--input', 'capacity-plan.yaml', '--format', 'json', '--samples', '50'], { cwd: dir });
    expect(p.code).toBe(0);
    const j = await cli([...argv, '--cpu', '25', '--vcpus', '4', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(j.out).parameters.serviceTime.value).toBeGreaterThan(0);
  });
  it.each([
    [['missing.csv'], /^capacity-plan: missing.csv: no such file/],
    [['x.csv', '--cpu', '140'], /^capacity-plan: --cpu: must be at most 100/],
    [['x.csv', '--format', 'xml'], /^capacity-plan: --format: expected yaml or json/],
  ])('%j is exit 2 with one line', async (args, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-calibrate-'));
    writeFileSync(join(dir, 'x.csv'), 'timestamp,requests\n2026-01-01T00:00:00Z,1\n');
    const r = await cli(['calibrate', ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
  it('a file it cannot read as anything is exit 2 naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-calibrate-'));
    writeFileSync(join(dir, 'x.csv'), 'timestamp,requests\n2026-01-01T00:00:00Z,1\n');
    const r = await cli(['calibrate', 'x.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^capacity-plan: x.csv: a traffic series needs at least an hour/);
  });
});

describe('a traffic series is judged by the time it covers, not its row count', () => {
  it('24 hourly rows (a day) calibrate the peak hour and the daily curve', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-calibrate-hourly-'));
    const rows = Array.from(
      { length: 24 },
      (_, h) => `2026-01-01T${String(h).padStart(2, '0')}:00:00Z,${h === 20 ? 3000 : 1000}`,
    );
    writeFileSync(join(dir, 'day.csv'), `timestamp,requests\n${rows.join('\n')}\n`);
    const r = await cli(['calibrate', 'day.csv'], { cwd: dir });
    expect(r.err).not.toMatch(/needs at least an hour/);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^peakFactor: 2\.769 /m);
    expect(r.out).toMatch(/# busiest minute: not measured \(a point every 3600 s\); busiest hour 20:00 UTC/);
  });
  it('30 one-minute rows (half an hour) are refused, saying what they cover', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cp-calibrate-short-'));
    const rows = Array.from({ length: 30 }, (_, m) => `2026-01-01T00:${String(m).padStart(2, '0')}:00Z,100`);
    writeFileSync(join(dir, 'short.csv'), `timestamp,requests\n${rows.join('\n')}\n`);
    const r = await cli(['calibrate', 'short.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'capacity-plan: short.csv: a traffic series needs at least an hour of data (timestamp, count); found 30 points covering 30 min\n',
    );
  });
});
