import { runSimulate } from './commands/simulate-run.js';
import { EXIT, ExitError } from './exit-error.js';
import type { Io } from './io.js';
import { oneLine } from './one-line.js';
import { processStreams } from './process-streams.js';
import { readSimulateArgv, type SimulateArgv } from './simulate-argv.js';

/**
 * The light entry of `capacity-plan simulate` (dist/simulate.cjs): the same command as the full CLI's, with
 * only what it needs loaded — no commander, zod, provider packs or other commands — so that a run spends
 * its time simulating. bin/capacity-plan.js runs it for a command line that starts with `simulate`; when
 * the command line is one it does not read (simulate-argv.ts: --help, an unknown flag…), `accepted` is
 * false, it has done nothing, and the bin runs the full CLI instead.
 */
const read = process.argv[2] === 'simulate' ? readSimulateArgv(process.argv.slice(3)) : null;
export const accepted = read !== null;
if (read) void main(read);

/** What src/cli/main.ts and run.ts do around a command, for this one: the same streams, lines and codes. */
async function main(argv: SimulateArgv): Promise<void> {
  const { stdout, stderr } = processStreams();
  const io: Io = { stdout, stderr, env: process.env, stdinIsTTY: false, cwd: process.cwd() };
  try {
    await runSimulate(argv.options, io, () => ({ color: argv.color, quiet: argv.quiet }));
    process.exitCode = EXIT.ok;
  } catch (error) {
    process.exitCode = report(error, io, argv.debug);
  }
}

/** run.ts's report for the errors simulate can raise: an ExitError's line and code, else an unexpected one. */
function report(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof ExitError) {
    io.stderr.write(`capacity-plan: ${oneLine(error.message)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `capacity-plan: unexpected error: ${oneLine(message.split('\n')[0]!)}${debug ? '' : ' (run with --debug for details)'}\n`,
  );
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT.failure;
}
