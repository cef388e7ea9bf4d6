import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXIT, ExitError } from './exit-error.js';
import { trackTemp, untrackTemp } from './pending-temps.js';
import { writeFailure } from './write-error.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the lock beside a catalog (`aws.json.lock`, holding the owner's pid) so two updates of one
 * provider never interleave: a second one refuses while the first runs. A lock left by a process that
 * is gone is taken over. Returns the release; Ctrl-C releases it too.
 */
export function takeLock(catalogPath: string, provider: string): () => void {
  const path = `${catalogPath}.lock`;
  try {
    return lock(path, provider);
  } catch (error) {
    throw writeFailure(path, error);
  }
}

function lock(path: string, provider: string): () => void {
  mkdirSync(dirname(path), { recursive: true });
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      trackTemp(path);
      return () => {
        rmSync(path, { force: true });
        untrackTemp(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(path, 'utf8').slice(0, 20), 10);
      if (Number.isInteger(pid) && pid > 0 && alive(pid))
        throw new ExitError(
          EXIT.failure,
          `another \`pricing update ${provider}\` is running (pid ${pid}): wait for it to finish (or delete ${path} if no such process runs)`,
        );
      rmSync(path, { force: true }); // left by a process that is gone
    }
  }
  throw new ExitError(EXIT.failure, `cannot take the lock ${path}`);
}
