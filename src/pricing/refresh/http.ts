import { RefreshError } from './refresh-error.js';

export interface FetchOptions {
  timeoutMs: number;
  /** Retries after HTTP 429 or 503, waiting Retry-After seconds or doubling from baseDelayMs. */
  retries?: number;
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Download {
  response: Response;
  /** Stops the download (the body's reader then fails). */
  abort(): void;
}

/**
 * GET, failing when the answer's headers do not come within the timeout and backing off on 429/503; any
 * other failure is a RefreshError naming the URL (never its API key). The body has no deadline here:
 * readers set their own (a whole-body limit for small JSON, an idle limit for long downloads).
 */
export async function get(url: string, opts: FetchOptions): Promise<Download> {
  const retries = opts.retries ?? 5;
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
    try {
      response = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json', 'user-agent': 'capacity-plan pricing update' } });
    } catch (error) {
      const reason = controller.signal.aborted ? `no answer within ${opts.timeoutMs / 1000} s` : (error as Error).message;
      throw new RefreshError(`${redact(url)}: ${reason}`);
    } finally {
      clearTimeout(timer);
    }
    if ((response.status === 429 || response.status === 503) && attempt < retries) {
      const after = Number(response.headers.get('retry-after'));
      await response.body?.cancel();
      await sleep(Number.isFinite(after) && after > 0 ? after * 1000 : (opts.baseDelayMs ?? 1000) * 2 ** attempt);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new RefreshError(`${redact(url)}: HTTP ${response.status} ${response.statusText}`.trim());
    }
    return { response, abort: () => controller.abort() };
  }
}

export async function getJson<T>(url: string, opts: FetchOptions): Promise<T> {
  const { response, abort } = await get(url, opts);
  let text: string;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort();
  }, opts.timeoutMs);
  try {
    text = await response.text();
  } catch (error) {
    throw new RefreshError(`${redact(url)}: ${timedOut ? `the answer did not finish within ${opts.timeoutMs / 1000} s` : `the download broke off (${(error as Error).message})`}`);
  } finally {
    clearTimeout(timer);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new RefreshError(`${redact(url)}: the answer is not valid JSON (${text.length} bytes, perhaps cut short)`);
  }
}

/** API keys never reach a message or a log. */
export function redact(url: string): string {
  return url.replace(/([?&]key=)[^&]+/g, '$1…');
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
