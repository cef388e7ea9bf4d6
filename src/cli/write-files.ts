import { lstatSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ExportFile } from '../export/types.js';
import { usageError } from './exit-error.js';
import { writeFailure } from './write-error.js';
import { commit, stage } from './write-file.js';
import { lstatOrNull } from './write-target.js';

interface Planned {
  file: ExportFile;
  /** Where it goes, inside the real output folder (symbolic links resolved). */
  real: string;
  exists: boolean;
  /** The existing file's size in bytes (null when there is none). */
  size: number | null;
}

/** A path written, or left as it was because it already held these very bytes. */
export interface WrittenFile {
  path: string;
  unchanged: boolean;
}

const inside = (root: string, path: string) => path === root || path.startsWith(root + sep);

/**
 * Where one file goes: each part of its path below the root is looked at, a symbolic link is resolved
 * and must stay inside the real root, a part that must be a folder must be one, and the file itself must
 * be missing or a regular file. Nothing is written here.
 */
function place(root: string, file: ExportFile, label: string): Planned {
  const parts = relative(root, resolve(root, file.path)).split(sep);
  if (parts[0] === '..' || parts.includes('') || resolve(root, file.path) === root)
    throw usageError(`refusing to write ${file.path}: outside ${label}`);
  let current = root;
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    let next = join(current, part);
    let st = lstatOrNull(next);
    if (st?.isSymbolicLink()) {
      const real = (() => {
        try {
          return realpathSync(next);
        } catch {
          return null;
        }
      })();
      if (real === null || !inside(root, real))
        throw usageError(
          `refusing to write ${join(label, file.path)}: ${join(label, ...parts.slice(0, index + 1))} is a symbolic link ${real === null ? 'to nothing' : `leading outside ${label}`}`,
        );
      next = real;
      st = lstatOrNull(next);
    }
    if (st && !last && !st.isDirectory())
      throw usageError(
        `cannot write ${join(label, file.path)}: ${join(label, ...parts.slice(0, index + 1))} is a file, not a folder`,
      );
    if (st && last && !st.isFile())
      throw usageError(
        `cannot write ${join(label, file.path)}: ${st.isDirectory() ? 'a folder' : 'something that is not a file'} is in the way`,
      );
    current = next;
    if (!st) return { file, real: join(current, ...parts.slice(index + 1)), exists: false, size: null };
    if (last) return { file, real: current, exists: true, size: st.size };
  }
  return { file, real: current, exists: true, size: null };
}

/**
 * Whether the file in place already holds the content: then it is left as it is (its date too), so a build
 * that watches the folder sees no change, and no replacing rename is paid for (on ext4 a rename over a file
 * starts writing the new one to disk at once).
 */
function holdsAlready(plan: Planned): boolean {
  if (!plan.exists || plan.size !== Buffer.byteLength(plan.file.content)) return false;
  try {
    return readFileSync(plan.real, 'utf8') === plan.file.content;
  } catch {
    return false;
  }
}

/** The real output folder: created when missing, resolved when a link, refused when not a folder. */
function realRoot(dir: string, cwd: string, created: string[]): string {
  const root = resolve(cwd, dir);
  const st = lstatOrNull(root);
  if (st && !st.isDirectory() && !st.isSymbolicLink()) throw usageError(`${dir} is a file, not a folder`);
  const made = mkdirSync(root, { recursive: true });
  if (made) created.push(made);
  const real = realpathSync(root);
  if (!lstatSync(real).isDirectory()) throw usageError(`${dir} is not a folder`);
  return real;
}

/**
 * Writes a set of files into a folder, all or nothing: every path is checked first (an existing file
 * without --force, a path or a symbolic link leading outside the folder, a file where a folder must be),
 * then every file is staged beside its place inside the real folder, and only when all are staged are
 * they renamed into place. A failure before the renames leaves the folder as it was. With --force, a file
 * that already holds the same bytes is left as it is and reported unchanged.
 */
export function writeFiles(
  dir: string,
  files: readonly ExportFile[],
  opts: { force: boolean; cwd: string },
): WrittenFile[] {
  const staged: { temp: string; plan: Planned }[] = [];
  const created: string[] = [];
  try {
    const root = realRoot(dir, opts.cwd, created);
    const planned = files.map((f) => place(root, f, dir));
    const existing = planned.filter((p) => p.exists).map((p) => join(dir, p.file.path));
    if (existing.length > 0 && !opts.force) {
      throw usageError(
        `${existing.length === 1 ? `${existing[0]} already exists` : `${existing.length} files already exist (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''})`}: pass --force to replace, or --dry-run to list what would be written`,
      );
    }
    const unchanged = new Set(planned.filter(holdsAlready));
    for (const plan of planned) {
      if (unchanged.has(plan)) continue;
      const made = mkdirSync(dirname(plan.real), { recursive: true });
      if (made) created.push(made);
      staged.push({ temp: stage(plan.real, plan.file.content), plan });
    }
    for (const { temp, plan } of staged.splice(0)) commit(temp, plan.real, plan.exists);
    return planned.map((p) => ({ path: join(dir, p.file.path), unchanged: unchanged.has(p) }));
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    for (const folder of created.reverse()) rmSync(folder, { recursive: true, force: true });
    throw writeFailure(dir, error);
  }
}
