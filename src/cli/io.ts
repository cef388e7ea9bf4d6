import type { Prompter } from './wizard/prompter.js';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Everything the CLI touches of the outside world, so tests can run it in process. */
export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  stdinIsTTY: boolean;
  cwd: string;
  /** The wizard's prompts; the real one wraps @inquirer/prompts on the process's stdin and stderr. */
  prompter?: Prompter;
}

/** Colour only for a terminal, and never with NO_COLOR, TERM=dumb or --no-color. */
export function colorEnabled(stream: OutStream, env: Io['env'], noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** Prompts need a person: stdin and stderr are terminals, CI is unset and --no-input was not given. */
export function interactive(io: Io, noInput: boolean): boolean {
  return !noInput && io.stdinIsTTY && io.stderr.isTTY === true && !io.env.CI;
}
