import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { usageError } from './exit-error.js';

/** The largest input file read (stated in --help and the README); a plan document given to `diff` may be larger. */
export const MAX_INPUT_BYTES = 1_000_000;
/** The largest plan document `diff` reads (a 120-month projection on three providers is well under 1 MB). */
export const MAX_PLAN_BYTES = 8_000_000;

const mb = (n: number) => `${Number((n / 1e6).toFixed(1))} MB`;

/**
 * Reads a regular file of at most `maxBytes`, or fails with one line naming it. It is opened without
 * blocking (a FIFO never waits for a writer), checked on the open descriptor (regular files only: no
 * FIFO, device or folder), and read no further than the limit, whatever the file claims.
 */
export function readBoundedFile(path: string, shown: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw usageError(
      `${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'error'})`}`,
    );
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw usageError(`${shown}: is a folder, not a file`);
    if (!st.isFile())
      throw usageError(
        `${shown}: is ${st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : 'a device'}, not a regular file`,
      );
    if (st.size > maxBytes) throw usageError(`${shown}: is ${mb(st.size)}, over the ${mb(maxBytes)} limit`);
    const buffer = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) throw usageError(`${shown}: is over the ${mb(maxBytes)} limit`);
      if (length === buffer.length) break;
    }
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if ((error as Error).name === 'ExitError') throw error;
    throw usageError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    closeSync(fd);
  }
}
