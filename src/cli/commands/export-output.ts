import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { usageError } from '../exit-error.js';

/** Endings that name a file, not a folder: `-o ef/arch.yaml` is a mistake for `-o ef/`, not a folder named arch.yaml. */
const FILE_ENDING = /\.(ya?ml|json|conf|tf|txt|md|csv|html)$/i;

/**
 * The rules for export's -o, checked before anything is written (and for --dry-run too):
 * - -o names the FOLDER the files go into, for every target (one file or many);
 * - an existing file at that path is exit 2;
 * - a path ending like a file name (.yaml, .yml, .json, .conf, .tf, .txt, .md, .csv, .html) that is not an
 *   existing folder is exit 2, so `-o ef/arch.yaml` never silently makes a folder named arch.yaml;
 * - the folder itself is created when its parent exists; missing parents above it only with --mkdir.
 * Returns the folders that must be created (outermost first); the caller creates them only when writing.
 */
export function checkOutputFolder(dir: string, opts: { cwd: string; mkdir: boolean }): string[] {
  const root = resolve(opts.cwd, dir);
  if (existsSync(root)) {
    if (!statSync(root).isDirectory())
      throw usageError(
        `-o ${dir} is a file: export writes into a folder; pass a folder (for example -o ${dirname(dir)}/)`,
      );
    return [];
  }
  if (FILE_ENDING.test(root))
    throw usageError(
      `-o ${dir} looks like a file name: export writes into a folder, named by -o (for example -o ${dirname(dir)}/)`,
    );
  const missing: string[] = [];
  for (let d = root; !existsSync(d); d = dirname(d)) missing.unshift(d);
  const parent = dirname(missing[0]!);
  if (!statSync(parent).isDirectory()) throw usageError(`-o ${dir}: ${parent} is a file, not a folder`);
  if (missing.length > 1 && !opts.mkdir)
    throw usageError(
      `-o ${dir}: the folder ${dirname(dir)} does not exist; create it, or pass --mkdir to create the missing folders`,
    );
  return missing;
}

export function createFolders(folders: readonly string[]): void {
  for (const folder of folders) mkdirSync(folder);
}
