import { lstatSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** What a path to write is, once its symbolic links are followed. */
export type WriteTarget =
  /** Nothing there: a new file goes to `real` (for a dangling link, the path it points to). */
  | { kind: 'missing'; real: string; link: boolean }
  /** A regular file at `real`: replaced only with --force, atomically, in its own folder. */
  | { kind: 'file'; real: string; link: boolean }
  /** A character device or one of the process's own streams (/dev/null, /dev/stdout): written into, never replaced. */
  | { kind: 'through'; real: string; fd?: number }
  /** A folder, a FIFO, a socket, a block device: refused with this reason. */
  | { kind: 'refuse'; reason: string };

/** The process's own streams: whatever they are (a pipe, a terminal, a redirected file), they are written into. */
const OWN_STREAM = /^\/(?:dev\/(?:stdout|stderr|fd\/\d+)|proc\/(?:self|\d+)\/fd\/\d+)$/;

/** lstat, or null where nothing is there. */
export const lstatOrNull = (path: string): Stats | null => {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
};

/** Follows a chain of links to its end (at most 40, like the kernel): the path it names, whether or not it exists. */
function followLinks(path: string): string {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const st = lstatOrNull(current);
    if (!st?.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error(`${path}: too many symbolic links`), { code: 'ELOOP' });
}

/**
 * The descriptor a stream path names when it is this process's own (/dev/stdout is 1, /dev/fd/3 is 3):
 * written to directly, since a socket (a pipe from a parent process) cannot be opened by its path.
 */
function ownFd(path: string): number | undefined {
  if (path === '/dev/stdout') return 1;
  if (path === '/dev/stderr') return 2;
  const m = /^\/(?:dev|proc\/(self|\d+))\/fd\/(\d+)$/.exec(path);
  if (!m || (m[1] !== undefined && m[1] !== 'self' && Number(m[1]) !== process.pid)) return undefined;
  return Number(m[2]);
}

const through = (real: string): WriteTarget => {
  const fd = ownFd(real);
  return fd === undefined ? { kind: 'through', real } : { kind: 'through', real, fd };
};

export function classifyTarget(target: string): WriteTarget {
  if (OWN_STREAM.test(target)) return through(target);
  const first = lstatOrNull(target);
  if (!first) return { kind: 'missing', real: target, link: false };
  const link = first.isSymbolicLink();
  const real = link ? followLinks(target) : target;
  if (OWN_STREAM.test(real)) return through(real);
  let st: Stats;
  try {
    st = statSync(real);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing', real, link };
    throw error;
  }
  if (st.isFile()) return { kind: 'file', real, link };
  if (st.isCharacterDevice()) return { kind: 'through', real };
  if (st.isDirectory()) return { kind: 'refuse', reason: 'is a folder, not a file' };
  if (st.isFIFO())
    return { kind: 'refuse', reason: 'is a FIFO (named pipe): redirect the output into it instead (> fifo)' };
  return { kind: 'refuse', reason: `is a ${st.isSocket() ? 'socket' : 'block device'}, not a file` };
}
