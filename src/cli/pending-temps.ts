import { rmSync } from 'node:fs';

/** Temporary files being written now: an interrupt removes them, so Ctrl-C never leaves one behind. */
const pending = new Set<string>();

export const trackTemp = (path: string) => void pending.add(path);
export const untrackTemp = (path: string) => void pending.delete(path);

/** Removes every temporary file still being written (called by the SIGINT handler before it exits). */
export function removePendingTemps(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}
