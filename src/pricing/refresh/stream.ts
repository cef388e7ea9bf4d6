import type { Readable } from 'node:stream';
import { get } from './http.js';

/**
 * A long download (a 500 MB offer file) as a Node stream under the run's bounds: it fails when no byte
 * arrives for the idle limit, when it passes the size limit (before or after decompression), or when the
 * run's time limit is over.
 */
export async function openStream(
  url: string,
  opts: { idleMs: number; onLength?: (bytes: number | null) => void },
): Promise<Readable> {
  const { body, length } = await get(url, { timeoutMs: opts.idleMs });
  opts.onLength?.(length);
  return body;
}
