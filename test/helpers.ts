import { bundledCatalogs } from '../src/pricing/bundled.js';
import { planFromRaw } from '../src/core/plan.js';
import type { RawInput } from '../src/core/input.js';
import { run } from '../src/cli/run.js';

export const planOf = (input: RawInput) => planFromRaw(input, bundledCatalogs());

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in process with captured streams, as a pipe (no terminal) unless told otherwise. */
export async function cli(
  argv: string[],
  opts: { env?: Record<string, string>; cwd?: string; tty?: boolean } = {},
): Promise<Captured> {
  let out = '';
  let err = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (out += s), isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => (err += s), isTTY: opts.tty ?? false },
    env: opts.env ?? { NO_COLOR: '1' },
    stdinIsTTY: opts.tty ?? false,
    cwd: opts.cwd ?? process.cwd(),
  });
  return { code, out, err };
}
