import { PassThrough, pipeline, Transform, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { RefreshError } from './refresh-error.js';

/** Past this many bytes, an answer may not expand more than MAX_RATIO times (a gzip bomb stops early). */
const RATIO_AFTER = 16_000_000;
export const MAX_RATIO = 200;

const mb = (n: number) => `${Number((n / 1e6).toFixed(1))} MB`;

/** Counts bytes through it and fails past `max`; `seen` tells how many went through so far. */
function counter(max: number, what: string, label: string): Transform & { seen: number } {
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      t.seen += chunk.length;
      if (t.seen > max) return done(new RefreshError(`${label}: the ${what} is over the ${mb(max)} limit`));
      done(null, chunk);
    },
  }) as Transform & { seen: number };
  t.seen = 0;
  return t;
}

/**
 * The body as it was meant to be read: decompressed by its Content-Encoding (gzip, deflate, br or none),
 * with the bytes on the wire and the bytes after decompression each limited to `maxBytes`, and the
 * expansion limited to MAX_RATIO once it is large. Any failure destroys the returned stream with the
 * error `mapError` makes of it (a RefreshError naming the URL).
 */
export function limitedBody(
  body: Readable,
  encoding: string | undefined,
  maxBytes: number,
  label: string,
  mapError: (error: Error) => Error,
): Readable {
  const wire = counter(maxBytes, 'answer', label);
  const coding = (encoding ?? 'identity').trim().toLowerCase();
  const decompress =
    coding === 'gzip' || coding === 'x-gzip'
      ? createGunzip()
      : coding === 'deflate'
        ? createInflate()
        : coding === 'br'
          ? createBrotliDecompress()
          : coding === 'identity' || coding === ''
            ? null
            : undefined;
  if (decompress === undefined) {
    body.destroy();
    throw new RefreshError(`${label}: an answer in an unknown encoding "${coding.slice(0, 40)}"`);
  }
  const out = counter(maxBytes, 'answer, decompressed,', label);
  const ratio = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (out.seen > RATIO_AFTER && out.seen > wire.seen * MAX_RATIO)
        return done(new RefreshError(`${label}: the answer expands more than ${MAX_RATIO} times when decompressed (a gzip bomb?)`));
      done(null, chunk);
    },
  });
  const stages: (Readable | Transform)[] = decompress ? [body, wire, decompress, out, ratio] : [body, wire, out, ratio];
  // The reader gets its own stream, outside the pipeline, so it sees the failure as the RefreshError it is.
  const reader = new PassThrough({ highWaterMark: 1 << 16 });
  pipeline(stages as unknown as [Readable, Transform], (error) => {
    if (error) reader.destroy(mapError(error));
  });
  (stages.at(-1) as Transform).pipe(reader);
  return reader;
}
