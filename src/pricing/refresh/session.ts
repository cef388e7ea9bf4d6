import type { Dispatcher } from 'undici';

/** What bounds one `pricing update` run: every request made during it obeys these. */
export interface RefreshSession {
  /** No byte for this long: the request or the download stalled. */
  idleMs: number;
  /** When the whole run must be over (ms since the epoch). */
  deadlineAt: number;
  /** The largest body accepted, after decompression (and on the wire). */
  maxBytes: number;
  /** The largest small JSON answer (an index, a page of prices). */
  maxJsonBytes: number;
  /** Follow a redirect to another host (or from https to http). */
  allowRedirect: boolean;
  /** Retries after HTTP 429 or 503. */
  retries: number;
  /** A line for the user (a wait, a retry), on stderr. */
  notice: (line: string) => void;
  /** The connection pool (a proxy agent when HTTPS_PROXY or HTTP_PROXY is set). */
  dispatcher?: Dispatcher;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_MAX_BYTES = 8_000_000_000;
export const DEFAULT_MAX_JSON_BYTES = 256_000_000;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

let current: RefreshSession = defaults();

function defaults(): RefreshSession {
  return {
    idleMs: 60_000,
    deadlineAt: Date.now() + 1_800_000,
    maxBytes: DEFAULT_MAX_BYTES,
    maxJsonBytes: DEFAULT_MAX_JSON_BYTES,
    allowRedirect: false,
    retries: 5,
    notice: () => undefined,
    sleep,
  };
}

/** Starts a run with these bounds (the rest from the defaults); every later request uses them. */
export function beginSession(over: Partial<RefreshSession>): RefreshSession {
  current = { ...defaults(), ...over };
  return current;
}

export const session = () => current;

/** A proxy agent from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case) in `env`, or undefined when none is set. */
export async function proxyDispatcher(env: Record<string, string | undefined>): Promise<Dispatcher | undefined> {
  const pick = (name: string) => env[name] ?? env[name.toLowerCase()];
  const httpProxy = pick('HTTP_PROXY');
  const httpsProxy = pick('HTTPS_PROXY');
  if (!httpProxy && !httpsProxy) return undefined;
  const { EnvHttpProxyAgent } = await loadUndici();
  // '' rather than undefined: undici would otherwise read the process's own environment, not the one given.
  return new EnvHttpProxyAgent({ httpProxy: httpProxy ?? '', httpsProxy: httpsProxy ?? '', noProxy: pick('NO_PROXY') ?? '' });
}

/** undici, whether loaded as an ES module (Node, tsx) or as the CommonJS default a bundle makes of it. */
export async function loadUndici(): Promise<typeof import('undici')> {
  const loaded = (await import('undici')) as typeof import('undici') & { default?: typeof import('undici') };
  return typeof loaded.request === 'function' ? loaded : loaded.default!;
}
