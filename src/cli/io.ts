import type { Prompter } from './wizard/prompter.js';

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** The terminal's width, when the stream is one (Node sets it on a TTY's stdout). */
  columns?: number;
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

/** How wide text output may be: the terminal's columns, else COLUMNS, else 100 (a pipe); never under 80. */
export function outputWidth(stream: OutStream, env: Io['env']): number {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  const width =
    stream.isTTY === true && stream.columns !== undefined && stream.columns > 0
      ? stream.columns
      : Number.isFinite(fromEnv) && fromEnv > 0
        ? fromEnv
        : 100;
  return Math.max(80, width);
}

/** Plain ASCII drawing for a terminal that cannot show box and block characters (TERM=dumb). */
export const asciiOnly = (env: Io['env']) => env.TERM === 'dumb';
