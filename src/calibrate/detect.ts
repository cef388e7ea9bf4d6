import { looksLikeCombinedLog, readAccessLog, type AccessLogFit } from './access-log.js';
import { CalibrationError } from './calibration-error.js';
import { isCpuCsv, readCpu, type CpuSeries } from './cpu.js';
import { readK6Stream } from './k6-stream.js';
import { readK6Summary, type LoadTest } from './k6-summary.js';
import { readTraffic, type TrafficFit } from './traffic.js';

export type Reading = LoadTest | TrafficFit | AccessLogFit | CpuSeries;

/**
 * Reads one file as whatever it is: a k6 summary (one JSON object with "metrics"), a k6 JSON output stream
 * (JSON lines of Metric and Point), JSON-lines or combined-format access logs, a CPU CSV (a cpu column) or
 * a traffic CSV (a timestamp and a count).
 */
export function readFileAs(file: string, text: string): Reading {
  const body = text.replace(/^\uFEFF/, '');
  const first = body.split('\n').find((l) => l.trim() !== '') ?? '';
  if (first === '') throw new CalibrationError(file, 'is empty');
  if (body.trimStart().startsWith('{')) {
    const whole = tryJson(body);
    if (whole && typeof whole === 'object' && 'metrics' in whole)
      return readK6Summary(file, whole as Record<string, unknown>);
    const line = tryJson(first) as { type?: string; metric?: string } | null;
    if (line && (line.type === 'Point' || line.type === 'Metric') && typeof line.metric === 'string')
      return readK6Stream(file, body);
    if (line) return readAccessLog(file, body);
    throw new CalibrationError(file, 'is neither a k6 summary nor JSON lines');
  }
  if (looksLikeCombinedLog(first)) return readAccessLog(file, body);
  if (isCpuCsv(body)) return readCpu(file, body);
  return readTraffic(file, body);
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
