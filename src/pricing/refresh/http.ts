import type { Readable } from 'node:stream';
import { limitedBody } from './body-limits.js';
import { redact, splitCredentials } from './redact.js';
import { RefreshError } from './refresh-error.js';
import { retryDelay } from './retry-after.js';
import { loadUndici, session, type RefreshSession } from './session.js';

export { redact } from './redact.js';

export interface FetchOptions {
  /** No byte for this long (defaults to the session's). */
  timeoutMs?: number;
  /** The whole request, headers and body, within this long (never past the run's deadline). */
  totalMs?: number;
  /** The largest body, after decompression (defaults to the session's limit). */
  maxBytes?: number;
  /** Test hook: how to wait before a retry. */
  sleep?: (ms: number) => Promise<void>;
}

export interface Download {
  /** The body, decompressed and limited; it fails with a RefreshError on any bound. */
  body: Readable;
  /** Content-Length as announced (null when absent or nonsense). */
  length: number | null;
}

const MAX_REDIRECTS = 5;
/** Drops a body not to be read (its abort error is expected, not a crash). */
const discard = (body: Readable) => {
  body.on('error', () => undefined);
  body.destroy();
};
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** Why a request failed, in words, with no credential in them. */
function reason(error: unknown, why: () => string | null): string {
  const code = (error as { code?: string }).code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return `no answer within ${seconds(session().idleMs)}`;
  if (code === 'UND_ERR_BODY_TIMEOUT') return `the download stalled (no data for ${seconds(session().idleMs)})`;
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  return why() ?? `${(error as Error).message}${cause?.message ? ` (${cause.code ?? cause.message})` : ''}`;
}

/** The next URL of a redirect, refused when it leaves the host (or https) without --allow-redirect. */
function follow(from: string, location: string, s: RefreshSession, hops: number): string {
  if (hops >= MAX_REDIRECTS) throw new RefreshError(`${redact(from)}: more than ${MAX_REDIRECTS} redirects (a redirect loop)`);
  const next = new URL(location, from);
  const before = new URL(from);
  const sameHost = next.host === before.host && (next.protocol === before.protocol || next.protocol === 'https:');
  if (!sameHost && !s.allowRedirect)
    throw new RefreshError(
      `${redact(from)}: redirected to another host (${redact(`${next.protocol}//${next.host}`)}): pass --allow-redirect to follow it`,
    );
  return next.toString();
}

/** One GET as undici's request takes it: no redirects of its own, idle limits on headers and body. */
function requestOptions(
  s: ReturnType<typeof session>,
  signal: AbortSignal,
  idleMs: number,
  authorization: string | undefined,
) {
  return {
    method: 'GET' as const,
    dispatcher: s.dispatcher,
    signal,
    headersTimeout: idleMs,
    bodyTimeout: idleMs,
    maxRedirections: 0,
    headers: {
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br',
      'user-agent': 'capacity-plan pricing update',
      ...(authorization ? { authorization } : {}),
    },
  };
}

/**
 * GET under the run's bounds: an idle limit on the headers and on every gap in the body, a total
 * deadline per request and for the run, size limits before and after decompression, redirects only on
 * the same host (unless --allow-redirect), HTTP 429/503 retried after a Retry-After capped at 60 s and
 * announced. Every failure is a RefreshError naming the URL without its credentials.
 */
export async function get(url: string, opts: FetchOptions = {}): Promise<Download> {
  const s = session();
  const { request } = await loadUndici();
  const idleMs = opts.timeoutMs ?? s.idleMs;
  let current = url;
  for (let attempt = 0, hops = 0; ; ) {
    const left = s.deadlineAt - Date.now();
    if (left <= 0) throw new RefreshError(`${redact(current)}: the run's time limit (--max-time) is over`);
    const totalMs = Math.min(opts.totalMs ?? Number.POSITIVE_INFINITY, left);
    const controller = new AbortController();
    let why: string | null = null;
    const timer = setTimeout(() => {
      why = totalMs === left ? `the run's time limit (--max-time) ran out` : `not finished within ${seconds(totalMs)}`;
      controller.abort();
    }, totalMs);
    const { url: bare, authorization } = splitCredentials(current);
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(bare, requestOptions(s, controller.signal, idleMs, authorization));
    } catch (error) {
      clearTimeout(timer);
      throw new RefreshError(`${redact(current)}: ${redact(reason(error, () => why))}`);
    }
    const header = (name: string) => {
      const v = response.headers[name];
      return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
    };
    const status = response.statusCode;
    if (status >= 300 && status < 400 && header('location')) {
      clearTimeout(timer);
      discard(response.body);
      current = follow(current, header('location')!, s, hops++);
      continue;
    }
    if ((status === 429 || status === 503) && attempt < s.retries) {
      clearTimeout(timer);
      discard(response.body);
      const raw = header('retry-after');
      const wait = retryDelay(raw, attempt, 1000);
      if (Date.now() + wait.ms > s.deadlineAt)
        throw new RefreshError(`${redact(current)}: HTTP ${status}, and waiting ${seconds(wait.ms)} would pass the run's time limit (--max-time)`);
      s.notice(
        `${redact(current)}: HTTP ${status}, retrying in ${seconds(wait.ms)} (attempt ${attempt + 2} of ${s.retries + 1}${wait.capped ? `; Retry-After ${String(raw).slice(0, 30)} capped at 60 s` : ''})`,
      );
      await (opts.sleep ?? s.sleep)(wait.ms);
      attempt++;
      continue;
    }
    if (status < 200 || status >= 300) {
      clearTimeout(timer);
      discard(response.body);
      throw new RefreshError(`${redact(current)}: HTTP ${status}`);
    }
    const length = Number(header('content-length'));
    const label = redact(current);
    const mapError = (error: Error) =>
      error instanceof RefreshError
        ? error
        : new RefreshError(
            `${label}: ${why ?? ((error as { code?: string }).code === 'UND_ERR_BODY_TIMEOUT' ? `the download stalled (no data for ${seconds(idleMs)})` : `the download broke off (${redact(error.message)})`)}`,
          );
    const body = limitedBody(response.body, header('content-encoding') ?? undefined, opts.maxBytes ?? s.maxBytes, label, mapError);
    const done = () => clearTimeout(timer);
    body.once('end', done).once('close', done).once('error', done);
    controller.signal.addEventListener('abort', () => body.destroy(new RefreshError(`${label}: ${why ?? 'aborted'}`)), {
      once: true,
    });
    return { body, length: Number.isFinite(length) && length > 0 ? length : null };
  }
}

/** A small JSON answer (an index, a page of prices): limited in size, finished within twice the idle limit. */
export async function getJson<T>(url: string, opts: FetchOptions = {}): Promise<T> {
  const s = session();
  const idle = opts.timeoutMs ?? s.idleMs;
  const { body } = await get(url, { totalMs: idle * 2, maxBytes: s.maxJsonBytes, ...opts });
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of body) chunks.push(chunk as Buffer);
  } catch (error) {
    if (error instanceof RefreshError) throw error;
    throw new RefreshError(`${redact(url)}: the download broke off (${redact((error as Error).message)})`);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new RefreshError(`${redact(url)}: the answer is not valid JSON (${text.length} bytes, perhaps cut short)`);
  }
}

/**
 * An API path under a base URL that may carry a prefix of its own (a mirror at https://mirror/aws/):
 * the API's absolute paths ("/offers/…") are joined below the prefix, not at the host's root.
 */
export function under(base: string, path: string): string {
  return new URL(path.replace(/^\/+/, ''), base.endsWith('/') ? base : `${base}/`).toString();
}

/** A follow-up link (Azure's NextPageLink) moved onto the base the user chose, so a mirror stays a mirror. */
export function rebase(link: string, base: string, apiPath: string): string {
  const target = new URL(link);
  const root = new URL(under(base, apiPath));
  if (target.origin === new URL(base).origin && target.pathname === root.pathname) return link;
  return `${root.origin}${root.pathname}${target.search}`;
}
