import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { usageError } from './exit-error.js';

/**
 * Writes through a temporary file in the same folder and renames it into place, so a reader never sees a
 * half-written file. An existing file is only replaced with force.
 */
export function writeFileAtomic(
  path: string,
  content: string,
  opts: { force: boolean; cwd: string; flag?: string },
): string {
  const target = resolve(opts.cwd, path);
  if (existsSync(target) && !opts.force) {
    throw usageError(`${path} already exists: pass --force to replace it`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return target;
}
