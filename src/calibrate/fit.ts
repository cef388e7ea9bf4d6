import { PROFILES, type ProfileName } from '../core/profiles.js';
import { endsProblem } from '../uncertainty/distribution.js';
import { RANGE_FIELDS } from '../uncertainty/range-fields.js';
import { tidy } from '../uncertainty/tidy.js';
import type { AccessLogFit } from './access-log.js';
import { CalibrationError } from './calibration-error.js';
import type { CpuSeries } from './cpu.js';
import type { Reading } from './detect.js';
import type { LoadTest } from './k6-summary.js';
import { fitLoadTest, type LoadTestFit } from './load-test.js';
import type { Estimate } from './stats.js';
import type { TrafficFit } from './traffic.js';

export interface CalibrateOptions {
  users?: number;
  dau?: number;
  dauRatio?: number;
  profile?: ProfileName;
  cpuPercent?: number;
  vcpus?: number;
  servers?: number;
}

export interface FittedValue extends Estimate {
  field: string;
  source: string;
  /** Written as a range (low..high) because the interval is wide, or as one value. */
  written: 'range' | 'value';
}

export interface Calibration {
  parameters: FittedValue[];
  traffic: TrafficFit | null;
  loadTest: LoadTestFit | null;
  accessLog: AccessLogFit | null;
}

/** An interval wider than this share of the value is written as a range for the planner to sample. */
export const WIDE = 0.2;

export function calibrate(readings: readonly Reading[], o: CalibrateOptions): Calibration {
  const one = <K extends Reading['kind']>(...kinds: K[]) => {
    const found = readings.filter((r) => (kinds as string[]).includes(r.kind));
    if (found.length > 1)
      throw new CalibrationError(found[1]!.file, `a second ${found[1]!.kind} file: give one of each kind`);
    return found[0] as Extract<Reading, { kind: K }> | undefined;
  };
  const traffic = one('traffic') ?? null;
  const test = (one('k6-summary', 'k6-stream') as LoadTest | undefined) ?? null;
  const cpuSeries = (one('cpu') as CpuSeries | undefined) ?? undefined;
  const accessLog = one('access-log') ?? null;
  const out: FittedValue[] = [];
  const add = (field: string, e: Estimate, source: string) => out.push(written(field, e, source));
  if (traffic) {
    add('peakFactor', clampMin(traffic.peakHourFactor, 1), `${traffic.file}: busiest hour over the day's average`);
    const dau =
      o.dau ??
      (o.users !== undefined ? o.users * (o.dauRatio ?? PROFILES[o.profile ?? 'web-app'].dauRatio) : undefined);
    if (dau !== undefined) {
      const r = traffic.requestsPerDay;
      const how =
        o.dau !== undefined
          ? `--dau ${o.dau}`
          : `--users × ${o.dauRatio !== undefined ? '--dau-ratio' : `the ${o.profile ?? 'web-app'} profile's`} daily share`;
      add(
        'requestsPerUser',
        { ...r, value: r.value / dau, low: r.low / dau, high: r.high / dau },
        `${traffic.file}: requests a day ÷ daily actives (${how})`,
      );
    }
  }
  let loadTest: LoadTestFit | null = null;
  if (test) {
    if (o.cpuPercent === undefined && !cpuSeries)
      throw new CalibrationError(
        test.file,
        'a load test needs the CPU it caused: --cpu <percent> or a CPU CSV (timestamp,cpu)',
      );
    if (o.vcpus === undefined)
      throw new CalibrationError(
        test.file,
        '--vcpus: how many vCPUs each tested server had is needed to turn CPU % into CPU time',
      );
    loadTest = fitLoadTest(test, { vcpus: o.vcpus, servers: o.servers ?? 1, cpuPercent: o.cpuPercent, cpuSeries });
    add(
      'serviceTime',
      loadTest.serviceTimeMs,
      `${test.file} (${Math.round(test.rps * 10) / 10} req/s) with ${loadTest.cpuSource}: CPU time per request on one vCPU, ms`,
    );
  }
  if (accessLog) {
    add(
      'payloadKb',
      accessLog.payloadKb,
      `${accessLog.file}: mean response size of ${accessLog.requests} requests, KB`,
    );
    add('readRatio', accessLog.readRatio, `${accessLog.file}: share of GET, HEAD and OPTIONS requests`);
  }
  return { parameters: out, traffic, loadTest, accessLog };
}

function clampMin(e: Estimate, min: number): Estimate {
  return { ...e, value: Math.max(min, e.value), low: Math.max(min, e.low), high: Math.max(min, e.high) };
}

function written(field: string, e: Estimate, source: string): FittedValue {
  const value = tidy(e.value);
  const low = tidy(e.low);
  const high = tidy(e.high);
  const spec = RANGE_FIELDS[field]!;
  const wide = value > 0 && (high - low) / value > WIDE;
  const fits = wide && endsProblem({ low, high, distribution: spec.distribution, scale: spec.scale }) === null;
  return { field, value, low, high, interval: e.interval, source, written: fits ? 'range' : 'value' };
}
