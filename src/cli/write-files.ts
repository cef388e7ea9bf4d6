import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { ExportFile } from '../export/types.js';
import { usageError } from './exit-error.js';
import { writeFileAtomic } from './write-file.js';

/**
 * Writes a set of files into a folder: every path is checked first, so an existing file (without --force)
 * or a path escaping the folder stops the whole set before anything is written.
 */
export function writeFiles(dir: string, files: readonly ExportFile[], opts: { force: boolean; cwd: string }): string[] {
  const root = resolve(opts.cwd, dir);
  const targets = files.map((f) => {
    const target = resolve(root, f.path);
    if (target !== root && !target.startsWith(root + sep))
      throw usageError(`refusing to write ${f.path}: outside ${dir}`);
    return { target, file: f };
  });
  const existing = targets.filter((t) => existsSync(t.target)).map((t) => relative(opts.cwd, t.target) || t.target);
  if (existing.length > 0 && !opts.force) {
    throw usageError(
      `${existing.length === 1 ? `${existing[0]} already exists` : `${existing.length} files already exist (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''})`}: pass --force to replace, or --dry-run to list what would be written`,
    );
  }
  return targets.map(({ target, file }) => {
    writeFileAtomic(target, file.content, { force: true, cwd: opts.cwd });
    return join(dir, file.path);
  });
}
