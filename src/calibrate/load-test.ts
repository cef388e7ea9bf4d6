import { responsePercentile } from '../core/queueing.js';
import type { CpuSeries } from './cpu.js';
import type { LoadTest } from './k6-summary.js';
import { mean, meanInterval, type Estimate } from './stats.js';

export interface Tested {
  /** vCPUs of each server under test, and how many servers took the load. */
  vcpus: number;
  servers: number;
  /** One CPU reading for the whole test (percent of the servers' vCPUs), or a series. */
  cpuPercent?: number;
  cpuSeries?: CpuSeries;
}

export interface LoadTestFit {
  test: LoadTest;
  serviceTimeMs: Estimate;
  cpuSource: string;
  check: { rps: number; measuredP95Ms: number; modelP95Ms: number; differencePercent: number; note: string };
  curve: { rps: number; measuredP95Ms: number; modelP95Ms: number }[];
}

/**
 * CPU time per request = CPU busy (utilisation × vCPUs × servers) ÷ requests per second; then the planner's
 * own p95 model (each server an M/M/k queue, k = vCPUs) at the tested rate, against what k6 measured.
 */
export function fitLoadTest(test: LoadTest, tested: Tested): LoadTestFit {
  const perRequest = (percent: number, rps: number) => ((percent / 100) * tested.vcpus * tested.servers * 1000) / rps;
  let serviceTimeMs: Estimate;
  let cpuSource: string;
  const series = tested.cpuSeries;
  const aligned = series ? alignedWindows(test, series) : [];
  if (aligned.length >= 2) {
    serviceTimeMs = meanInterval(
      aligned.map((w) => perRequest(w.cpu, w.rps)),
      'test windows with CPU readings',
    );
    cpuSource = `${series!.file}, aligned with ${aligned.length} ${test.kind === 'k6-stream' ? '10-second windows' : 'windows'} of ${test.file}`;
  } else if (series) {
    serviceTimeMs = meanInterval(
      series.points.map((p) => perRequest(p.percent, test.rps)),
      'CPU readings at the test rate',
    );
    cpuSource = `${series.file} (${series.points.length} readings) over the test's mean rate`;
  } else {
    const v = perRequest(tested.cpuPercent!, test.rps);
    serviceTimeMs = { value: v, low: v, high: v, interval: 'one CPU reading: no interval (a CPU CSV gives one)' };
    cpuSource = `--cpu ${tested.cpuPercent} %`;
  }
  const model = (rps: number) => modelP95(rps, serviceTimeMs.value, tested);
  const modelP95Ms = model(test.rps);
  const differencePercent = ((modelP95Ms - test.p95Ms) / test.p95Ms) * 100;
  return {
    test,
    serviceTimeMs,
    cpuSource,
    check: {
      rps: test.rps,
      measuredP95Ms: test.p95Ms,
      modelP95Ms,
      differencePercent,
      note:
        differencePercent < -25
          ? 'the model is well under the measurement: the measured p95 includes time off the CPU (database, network, locks) that the M/M/k model does not see; set --latency-target with that in mind'
          : differencePercent > 25
            ? 'the model is well over the measurement: service times vary less than exponential, so the planner sizes with headroom'
            : 'the model and the measurement agree within 25 %',
    },
    curve: levels(test).map((l) => ({ ...l, modelP95Ms: model(l.rps) })),
  };
}

export function modelP95(rps: number, serviceTimeMs: number, t: Pick<Tested, 'vcpus' | 'servers'>): number {
  const s = serviceTimeMs / 1000;
  const offered = (rps * s) / t.servers;
  return offered >= t.vcpus ? Number.POSITIVE_INFINITY : responsePercentile(t.vcpus, offered, s, 0.95) * 1000;
}

function alignedWindows(test: LoadTest, series: CpuSeries): { rps: number; cpu: number }[] {
  return test.curve
    .filter((w) => w.startMs !== null && w.endMs !== null)
    .map((w) => {
      const inside = series.points.filter((p) => p.t >= w.startMs! && p.t < w.endMs!);
      return { rps: w.rps, cpu: inside.length > 0 ? mean(inside.map((p) => p.percent)) : Number.NaN };
    })
    .filter((w) => Number.isFinite(w.cpu) && w.rps > 0);
}

/** Up to eight load levels: windows sorted by rate in equal groups, each with its mean rate and mean window p95. */
function levels(test: LoadTest): { rps: number; measuredP95Ms: number }[] {
  const rows = [...test.curve].sort((a, b) => a.rps - b.rps);
  const groups = Math.min(8, rows.length);
  return Array.from({ length: groups }, (_, g) => {
    const part = rows.slice(Math.floor((g * rows.length) / groups), Math.floor(((g + 1) * rows.length) / groups));
    return { rps: mean(part.map((r) => r.rps)), measuredP95Ms: mean(part.map((r) => r.p95Ms)) };
  });
}
