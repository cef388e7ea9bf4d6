import { CalibrationError } from './calibration-error.js';
import { meanInterval, shareInterval, type Estimate } from './stats.js';

export interface AccessLogFit {
  kind: 'access-log';
  file: string;
  format: 'combined' | 'json';
  requests: number;
  /** Mean response bytes per request, in KB (1000 bytes). */
  payloadKb: Estimate;
  /** Share of GET, HEAD and OPTIONS requests. */
  readRatio: Estimate;
}

/** Combined Log Format: host ident user [time] "METHOD path proto" status bytes "referer" "agent". */
const COMBINED = /^\S+ \S+ \S+ \[[^\]]+\] "(\S+)[^"]*" \d{3} (\d+|-)/;
const BYTES = ['bytes_sent', 'body_bytes_sent', 'sent_bytes', 'bytes', 'response_bytes', 'responseSize', 'size'];
const METHOD = ['request_method', 'method', 'http_method', 'requestMethod', 'verb'];
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function looksLikeCombinedLog(line: string): boolean {
  return COMBINED.test(line);
}

/** A sample of access logs: combined log format, or JSON lines with a bytes field (nginx, ALB, GCP httpRequest). */
export function readAccessLog(file: string, text: string): AccessLogFit {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const json = lines[0]?.trimStart().startsWith('{') ?? false;
  const bytes: number[] = [];
  let reads = 0;
  for (const line of lines) {
    const hit = json ? fromJson(line) : fromCombined(line);
    if (!hit) continue;
    bytes.push(hit.bytes);
    if (READS.has(hit.method.toUpperCase())) reads++;
  }
  if (bytes.length === 0)
    throw new CalibrationError(
      file,
      `no requests read: expected combined log lines or JSON lines with ${BYTES.slice(0, 3).join(' / ')} and a method`,
    );
  const kb = meanInterval(
    bytes.map((b) => b / 1000),
    'requests',
  );
  return {
    kind: 'access-log',
    file,
    format: json ? 'json' : 'combined',
    requests: bytes.length,
    payloadKb: { ...kb, low: Math.max(0.001, kb.low) },
    readRatio: shareInterval(reads, bytes.length, 'requests'),
  };
}

function fromCombined(line: string): { method: string; bytes: number } | null {
  const m = COMBINED.exec(line);
  return m ? { method: m[1]!, bytes: m[2] === '-' ? 0 : Number(m[2]) } : null;
}

function fromJson(line: string): { method: string; bytes: number } | null {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
  const flat = { ...o, ...((o.httpRequest as Record<string, unknown> | undefined) ?? {}) };
  const b = BYTES.map((k) => flat[k]).find((v) => v !== undefined && v !== '-');
  const request = typeof flat.request === 'string' ? flat.request.split(' ')[0] : undefined;
  const method = METHOD.map((k) => flat[k]).find((v) => typeof v === 'string') ?? request;
  const n = Number(b);
  if (!Number.isFinite(n) || typeof method !== 'string') return null;
  return { method, bytes: n };
}
