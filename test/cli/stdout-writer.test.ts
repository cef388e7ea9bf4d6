import { describe, expect, it } from 'vitest';
import { stdoutWriter } from '../../src/cli/stdout-writer.js';

/** A stand-in for fd 1: takes at most `chunk` bytes per write, then fails with `error` once `failAfter` writes are done. */
function fakeFd(opts: { tty?: boolean; chunk?: number; failAfter?: number; error?: string }) {
  const written: Buffer[] = [];
  let writes = 0;
  return {
    written,
    fd: {
      direct: () => opts.tty !== true,
      writeSync(_: number, data: Uint8Array) {
        if (opts.failAfter !== undefined && writes >= opts.failAfter)
          throw Object.assign(new Error(opts.error ?? 'EAGAIN'), { code: opts.error ?? 'EAGAIN' });
        writes++;
        const n = Math.min(data.length, opts.chunk ?? data.length);
        written.push(Buffer.from(data.subarray(0, n)));
        return n;
      },
    },
  };
}

function streamOf() {
  const got: string[] = [];
  return {
    got,
    stream: () => ({
      write: (s: string | Uint8Array) => got.push(Buffer.from(s).toString('utf8')) > 0,
      columns: 120,
      isTTY: true,
    }),
  };
}

describe('stdout without the stream machinery', () => {
  it('writes a file or pipe directly, the whole text even when a pipe takes part of it', () => {
    const f = fakeFd({ chunk: 3 });
    const s = streamOf();
    const out = stdoutWriter(s.stream, () => expect.fail('no error'), f.fd);
    out.write('plan — 99.97 %\n');
    expect(Buffer.concat(f.written).toString('utf8')).toBe('plan — 99.97 %\n');
    expect(f.written.length).toBeGreaterThan(1);
    expect(s.got).toEqual([]);
    expect(out.isTTY).toBe(false);
    expect(out.columns).toBeUndefined();
  });

  it('hands the rest to process.stdout, in order, when a pipe would block (EAGAIN), and keeps to it', () => {
    const f = fakeFd({ chunk: 4, failAfter: 1 });
    const s = streamOf();
    const out = stdoutWriter(s.stream, () => expect.fail('no error'), f.fd);
    out.write('abcdefgh');
    out.write('ijk');
    expect(Buffer.concat(f.written).toString('utf8') + s.got.join('')).toBe('abcdefghijk');
    expect(s.got).toEqual(['efgh', 'ijk']);
  });

  it('tells of any other error once (a closed reader, a full disk)', () => {
    const f = fakeFd({ failAfter: 0, error: 'ENOSPC' });
    const errors: string[] = [];
    const out = stdoutWriter(streamOf().stream, (e) => errors.push(e.code!), f.fd);
    out.write('x');
    expect(errors).toEqual(['ENOSPC']);
  });

  it('uses the stream for a terminal (its width, colours and cursor are the stream’s)', () => {
    const f = fakeFd({ tty: true });
    const s = streamOf();
    const out = stdoutWriter(s.stream, () => expect.fail('no error'), f.fd);
    out.write('hello');
    expect(s.got).toEqual(['hello']);
    expect(f.written).toEqual([]);
    expect(out.isTTY).toBe(true);
    expect(out.columns).toBe(120);
  });
});
