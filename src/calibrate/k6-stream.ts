import { CalibrationError } from './calibration-error.js';
import type { LoadTest } from './k6-summary.js';
import { quantileOf } from './stats.js';

/** Seconds of the test grouped into one load level of the p95-vs-load curve. */
export const WINDOW_SECONDS = 10;

/**
 * k6's JSON output (`k6 run --out json=…`): one JSON object a line, {"type":"Metric",…} declarations and
 * {"type":"Point","metric":"http_req_duration","data":{"time","value","tags"}} samples. Requests are
 * counted from http_req_duration points (one per request) in WINDOW_SECONDS windows; each window gives a
 * rate and its p95, and the windows are grouped by rate into the p95-vs-load curve.
 */
export function readK6Stream(file: string, text: string): LoadTest {
  const windows = new Map<number, number[]>();
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line.trim() === '') continue;
    let o: { type?: string; metric?: string; data?: { time?: string; value?: number } };
    try {
      o = JSON.parse(line) as typeof o;
    } catch {
      throw new CalibrationError(file, `line ${lineNo} is not JSON (a k6 JSON output has one object a line)`);
    }
    if (o.type !== 'Point' || o.metric !== 'http_req_duration') continue;
    const t = Date.parse(o.data?.time ?? '');
    if (!Number.isFinite(t) || typeof o.data?.value !== 'number') continue;
    const w = Math.floor(t / (WINDOW_SECONDS * 1000));
    const list = windows.get(w);
    if (list) list.push(o.data.value);
    else windows.set(w, [o.data.value]);
  }
  const keys = [...windows.keys()].sort((a, b) => a - b);
  if (keys.length === 0)
    throw new CalibrationError(file, 'no http_req_duration points: was it an HTTP test run with --out json?');
  // The first and last windows are partial (the test starts and stops inside them): leave them out when there are more.
  const full = keys.length > 2 ? keys.slice(1, -1) : keys;
  const all = full.flatMap((k) => windows.get(k)!);
  const rows = full.map((k) => {
    const d = windows.get(k)!;
    return {
      rps: d.length / WINDOW_SECONDS,
      p95Ms: quantileOf(d, 0.95),
      requests: d.length,
      startMs: k * WINDOW_SECONDS * 1000,
      endMs: (k + 1) * WINDOW_SECONDS * 1000,
    };
  });
  const durationSeconds = full.length * WINDOW_SECONDS;
  return {
    kind: 'k6-stream',
    file,
    requests: all.length,
    durationSeconds,
    rps: all.length / durationSeconds,
    p95Ms: quantileOf(all, 0.95),
    medianMs: quantileOf(all, 0.5),
    failedShare: null,
    curve: rows,
  };
}
