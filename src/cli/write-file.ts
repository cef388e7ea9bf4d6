import { linkSync, mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { usageError } from './exit-error.js';
import { trackTemp, untrackTemp } from './pending-temps.js';
import { writeFailure } from './write-error.js';
import { classifyTarget } from './write-target.js';

/**
 * Random hex for a temporary name. Math.random, not node:crypto (~5 ms of CPU to load, for `export all`): the
 * name needs to be unlikely to be taken, not unguessable, since it is created with O_EXCL ('wx'), which
 * neither follows a link nor opens a file that exists.
 */
const tempSuffix = () =>
  Math.floor(Math.random() * 2 ** 32)
    .toString(16)
    .padStart(8, '0');

/** A temporary name beside `target`, in the same folder so the final rename is atomic. */
export const tempBeside = (target: string) =>
  resolve(dirname(target), `.${target.split('/').pop()}.${process.pid}.${tempSuffix()}.tmp`);

/** Writes `content` to a new temporary file beside `target` (tracked, so Ctrl-C removes it); returns its path. */
export function stage(target: string, content: string): string {
  const temp = tempBeside(target);
  trackTemp(temp);
  try {
    writeFileSync(temp, content, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    rmSync(temp, { force: true });
    untrackTemp(temp);
    throw error;
  }
  return temp;
}

/** Puts a staged file in place: a hard link when nothing may be replaced (EEXIST is then atomic), else a rename. */
export function commit(temp: string, target: string, replace: boolean): void {
  try {
    if (replace) renameSync(temp, target);
    else {
      try {
        linkSync(temp, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
        renameSync(temp, target); // a file system without hard links; the path was checked missing just before
      }
      unlinkSync(temp);
    }
  } catch (error) {
    rmSync(temp, { force: true }); // only on failure: once in place, the temporary name is gone
    throw error;
  } finally {
    untrackTemp(temp);
  }
}

/** Every byte to an open descriptor (a write may take only part). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
}

/** The target as classified, or the one-line refusal: a folder, FIFO or socket; an existing file without --force. */
function writable(path: string, target: string, force: boolean) {
  const kind = classifyTarget(target);
  if (kind.kind === 'refuse') throw usageError(`${path} ${kind.reason}`);
  if (kind.kind !== 'through' && !force && (kind.kind === 'file' || kind.link))
    throw usageError(
      `${path} already exists${kind.kind === 'missing' ? ' (a symbolic link to a missing file)' : ''}: pass --force to replace it`,
    );
  return kind;
}

/**
 * What writeFileAtomic would refuse, checked before the work that makes the content (a plan over ranges can
 * take seconds): the same one line, exit 2.
 */
export function checkWritable(path: string, opts: { force: boolean; cwd: string }): void {
  try {
    writable(path, resolve(opts.cwd, path), opts.force);
  } catch (error) {
    throw writeFailure(path, error);
  }
}

/**
 * Writes a file so that a reader never sees it half-written: through a temporary file in the same folder,
 * renamed into place. An existing file (or a dangling symbolic link) is only replaced with force; a
 * symbolic link is followed and the file it names is replaced, the link kept. A character device or the
 * process's own stream (/dev/null, /dev/stdout) is written into, never replaced; a folder, a FIFO or a
 * socket is refused. Every failure is exit 2 with one line.
 */
export function writeFileAtomic(path: string, content: string, opts: { force: boolean; cwd: string }): string {
  const target = resolve(opts.cwd, path);
  try {
    const kind = writable(path, target, opts.force);
    if (kind.kind === 'through') {
      if (kind.fd === undefined) writeFileSync(kind.real, content, { flag: 'a' });
      else writeAll(kind.fd, Buffer.from(content));
      return target;
    }
    mkdirSync(dirname(kind.real), { recursive: true });
    commit(stage(kind.real, content), kind.real, kind.kind === 'file');
    return target;
  } catch (error) {
    throw writeFailure(path, error);
  }
}
