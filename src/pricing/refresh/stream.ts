import { Readable } from 'node:stream';
import { get, redact } from './http.js';
import { RefreshError } from './refresh-error.js';

/**
 * A download as a Node stream that fails when no byte arrives for `idleMs` (a 500 MB offer file may
 * take minutes; a stalled one must not hang forever).
 */
export async function openStream(url: string, opts: { idleMs: number; onLength?: (bytes: number | null) => void }): Promise<Readable> {
  const { response, abort } = await get(url, { timeoutMs: opts.idleMs });
  const length = Number(response.headers.get('content-length'));
  opts.onLength?.(Number.isFinite(length) && length > 0 ? length : null);
  if (!response.body) throw new RefreshError(`${redact(url)}: an empty answer`);
  const stream = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>, { highWaterMark: 1 << 16 });
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stream.destroy(new RefreshError(`${redact(url)}: the download stalled (no data for ${opts.idleMs / 1000} s)`));
      abort();
    }, opts.idleMs);
  };
  arm();
  stream.on('data', arm);
  stream.on('close', () => clearTimeout(timer));
  stream.on('end', () => clearTimeout(timer));
  return stream;
}
