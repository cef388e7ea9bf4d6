import { EXIT, ExitError } from './exit-error.js';

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'over the disk quota',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'already exists: pass --force to replace it',
  EPIPE: 'the reader closed the pipe',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EXDEV: 'on another device than its folder',
  ENXIO: 'no one is reading it',
  EIO: 'an input/output error',
  EFBIG: 'the file would be too large',
  ENOENT: 'no such folder, or no file can be created there',
};

/** A failed write as exit 2 with one line naming the path and the reason; anything else is passed on. */
export function writeFailure(path: string, error: unknown): unknown {
  if (error instanceof ExitError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (!code || !(code in REASONS)) return error;
  return new ExitError(EXIT.usage, `${path}: cannot write: ${REASONS[code]} (${code})`);
}
