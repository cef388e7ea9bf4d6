import { CalibrationError } from './calibration-error.js';

/** What a load test measured, whichever k6 file it came from. */
export interface LoadTest {
  kind: 'k6-summary' | 'k6-stream';
  file: string;
  requests: number;
  durationSeconds: number;
  rps: number;
  p95Ms: number;
  medianMs: number | null;
  failedShare: number | null;
  /** Measured p95 at each load level (from a k6 JSON stream; one point from a summary). */
  curve: { rps: number; p95Ms: number; requests: number; startMs: number | null; endMs: number | null }[];
}

type Values = Record<string, number | undefined>;

/**
 * k6's end-of-test summary: `--summary-export` (metrics with their values flat: {"http_reqs": {"count",
 * "rate"}, "http_req_duration": {"avg", "med", "p(95)"…}}) or handleSummary's data (the same under
 * "values", with state.testRunDurationMs).
 */
export function readK6Summary(file: string, data: Record<string, unknown>): LoadTest {
  const metrics = data.metrics as Record<string, { values?: Values } & Values> | undefined;
  if (!metrics || typeof metrics !== 'object') throw new CalibrationError(file, 'not a k6 summary: no "metrics"');
  const values = (name: string): Values | undefined => {
    const m = metrics[name];
    return m ? ((m.values as Values | undefined) ?? m) : undefined;
  };
  const reqs = values('http_reqs');
  const duration = values('http_req_duration');
  if (!reqs?.count || !reqs.rate || !duration)
    throw new CalibrationError(
      file,
      'a k6 summary without http_reqs (count, rate) and http_req_duration: was it an HTTP test?',
    );
  const p95 = duration['p(95)'];
  if (p95 === undefined)
    throw new CalibrationError(
      file,
      'the summary has no p(95) of http_req_duration (add "p(95)" to summaryTrendStats)',
    );
  const state = data.state as { testRunDurationMs?: number } | undefined;
  const failed = values('http_req_failed');
  const durationSeconds = state?.testRunDurationMs ? state.testRunDurationMs / 1000 : reqs.count / reqs.rate;
  return {
    kind: 'k6-summary',
    file,
    requests: reqs.count,
    durationSeconds,
    rps: reqs.rate,
    p95Ms: p95,
    medianMs: duration.med ?? null,
    failedShare: failed ? (failed.rate ?? failed.value ?? null) : null,
    curve: [{ rps: reqs.rate, p95Ms: p95, requests: reqs.count, startMs: null, endMs: null }],
  };
}
