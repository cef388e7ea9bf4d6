/**
 * A k6 JSON output stream (`k6 run --out json=out.json`) in the shape k6 writes it
 * (internal/output/json/wrapper.go: Metric envelopes {"type","data","metric"}, Point envelopes
 * {"metric","type","data":{"time","value","tags"}}), generated here because a real one is megabytes.
 * The load ramps from `from` to `to` requests per second over `seconds`; durations follow `durationMs`.
 */
export function k6Stream(opts: {
  start: number;
  seconds: number;
  from: number;
  to: number;
  durationMs: (rps: number, i: number) => number;
}): string {
  const tags = {
    expected_response: 'true',
    group: '',
    method: 'GET',
    name: 'http://127.0.0.1:8080/api/items',
    proto: 'HTTP/1.1',
    scenario: 'ramp',
    status: '200',
    url: 'http://127.0.0.1:8080/api/items',
  };
  const lines = [
    metric('http_reqs', 'counter', 'default'),
    metric('http_req_duration', 'trend', 'time'),
    metric('http_req_failed', 'rate', 'default'),
  ];
  let i = 0;
  for (let s = 0; s < opts.seconds; s++) {
    const rps = Math.round(opts.from + ((opts.to - opts.from) * s) / opts.seconds);
    for (let k = 0; k < rps; k++) {
      const time = new Date(opts.start + s * 1000 + Math.floor((k * 1000) / rps)).toISOString().replace('Z', '123456Z');
      lines.push(point('http_reqs', time, 1, tags));
      lines.push(point('http_req_duration', time, Math.round(opts.durationMs(rps, i++) * 1e6) / 1e6, tags));
      lines.push(point('http_req_failed', time, 0, tags));
    }
  }
  return `${lines.join('\n')}\n`;
}

function metric(name: string, type: string, contains: string): string {
  return JSON.stringify({
    type: 'Metric',
    data: { name, type, contains, thresholds: [], submetrics: null },
    metric: name,
  });
}

function point(name: string, time: string, value: number, tags: Record<string, string>): string {
  return JSON.stringify({ metric: name, type: 'Point', data: { time, value, tags } });
}
