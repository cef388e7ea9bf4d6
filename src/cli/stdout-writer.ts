import type { OutStream } from './io.js';

/**
 * Whether the descriptor is a file, a pipe or /dev/null: written directly. Anything else (a terminal, a
 * socket, another device) keeps Node's stream. Told apart by fstat, without node:tty (which loads the
 * stream machinery this avoids).
 */
function writableDirectly(n: number): boolean {
  const fs = process.getBuiltinModule('node:fs');
  try {
    const st = fs.fstatSync(n);
    if (st.isFile() || st.isFIFO()) return true;
    if (!st.isCharacterDevice()) return false;
    const nul = fs.statSync('/dev/null');
    return st.rdev === nul.rdev && st.ino === nul.ino;
  } catch {
    return false;
  }
}

/**
 * The command's stdout without Node's stream for it, where it can: a file or a pipe is written with
 * fs.writeSync, the whole text each time (a pipe may take part of it), so a run that prints a plan never
 * loads or builds the stream machinery (~5 ms of every start-up). A terminal, and a pipe another process
 * left non-blocking (EAGAIN), go through process.stdout from then on, in order. `failed` is told of any
 * other error (a full disk, a closed reader) once.
 */
export function stdoutWriter(
  stream: () => Pick<NodeJS.WriteStream, 'write' | 'columns' | 'isTTY'>,
  failed: (error: NodeJS.ErrnoException) => void,
  fd: { writeSync(fd: number, data: Uint8Array): number; direct(fd: number): boolean } = {
    writeSync: (n, data) => process.getBuiltinModule('node:fs').writeSync(n, data),
    direct: writableDirectly,
  },
): OutStream {
  let direct: boolean | undefined;
  const isDirect = () => (direct ??= fd.direct(1));
  const write = (text: string) => {
    if (!isDirect()) return stream().write(text);
    let rest = Buffer.from(text, 'utf8');
    while (rest.length > 0) {
      try {
        rest = rest.subarray(fd.writeSync(1, rest));
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (e.code !== 'EAGAIN') {
          failed(e);
          return false;
        }
        direct = false;
        return stream().write(rest);
      }
    }
    return true;
  };
  return {
    write,
    get isTTY() {
      return isDirect() ? false : stream().isTTY;
    },
    get columns() {
      return isDirect() ? undefined : stream().columns;
    },
  };
}
