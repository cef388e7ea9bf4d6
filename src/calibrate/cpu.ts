import { CalibrationError } from './calibration-error.js';
import { parseCsv, parseTimestamp } from './csv.js';

export interface CpuSeries {
  kind: 'cpu';
  file: string;
  /** CPU utilisation of the tested servers in percent (0–100 of all their vCPUs), over time. */
  points: { t: number; percent: number }[];
}

/** True when a CSV's header names a CPU column ("cpu", "cpu_percent", "CPUUtilization"…). */
export function isCpuCsv(text: string): boolean {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
  return /cpu/i.test(first);
}

/** A CPU utilisation series: a timestamp column and a CPU percentage column (a 0–1 share is read as a share). */
export function readCpu(file: string, text: string): CpuSeries {
  const rows = parseCsv(text);
  const header = rows.shift() ?? [];
  const cpuCol = header.findIndex((h) => /cpu/i.test(h));
  const timeCol = header.findIndex((h, i) => i !== cpuCol && /time|date|ts/i.test(h));
  const raw = rows.map((r) => ({
    t: timeCol >= 0 ? parseTimestamp(r[timeCol] ?? '') : Number.NaN,
    v: Number(r[cpuCol]),
  }));
  const valid = raw.filter((p) => Number.isFinite(p.v) && p.v >= 0);
  if (valid.length === 0) throw new CalibrationError(file, 'no CPU readings (expected a header with a cpu column)');
  const share = valid.every((p) => p.v <= 1);
  const points = valid.map((p) => ({ t: p.t, percent: share ? p.v * 100 : p.v }));
  if (points.some((p) => p.percent > 100))
    throw new CalibrationError(
      file,
      'CPU above 100 %: give the utilisation of the whole server (0–100), not a sum over cores',
    );
  return { kind: 'cpu', file, points };
}
