import { EXIT } from './exit-error.js';
import type { OutStream } from './io.js';
import { removePendingTemps } from './pending-temps.js';
import { stdoutWriter } from './stdout-writer.js';

/**
 * The process's streams for a command, shared by the CLI (main.ts) and simulate's light entry, with the
 * process-wide handlers every command has: Ctrl-C and an unexpected error are one line and an exit code.
 * Neither stream is opened until it is written to (a pipe or a socket and the modules behind it).
 */
export function processStreams(): { stdout: OutStream; stderr: OutStream } {
  let stderrStream: NodeJS.WriteStream | null = null;
  const stderr = (): NodeJS.WriteStream => {
    if (stderrStream) return stderrStream;
    stderrStream = process.stderr;
    stderrStream.on('error', () => process.exit(process.exitCode ?? EXIT.failure));
    return stderrStream;
  };
  const say = (line: string) => {
    try {
      stderr().write(`capacity-plan: ${line}\n`);
    } catch {
      // stderr itself is gone: the exit code still tells
    }
  };
  // A reader that closes early (`| head`) is not an error; a full disk (`> /dev/full`) is one line, exit 2.
  const stdoutFailed = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    say(
      `cannot write to stdout: ${error.code === 'ENOSPC' ? 'no space left on the device' : error.message} (${error.code ?? 'error'})`,
    );
    process.exit(EXIT.usage);
  };
  let stdoutStream: NodeJS.WriteStream | null = null;
  const stdout = () => {
    if (!stdoutStream) (stdoutStream = process.stdout).on('error', stdoutFailed);
    return stdoutStream;
  };

  process.on('SIGINT', () => {
    removePendingTemps();
    if (stderr().isTTY) stderr().write('\n'); // after the terminal's ^C
    say('interrupted');
    process.exit(EXIT.interrupted);
  });
  // The last resort: one line, never a stack trace or a dump of the bundled source.
  process.on('uncaughtException', (error: NodeJS.ErrnoException) => {
    removePendingTemps();
    say(`unexpected error: ${String(error?.message ?? error).split('\n')[0]}`);
    process.exit(EXIT.failure);
  });

  return {
    stdout: stdoutWriter(stdout, stdoutFailed),
    stderr: {
      write: (text: string) => stderr().write(text),
      get isTTY() {
        return stderr().isTTY;
      },
      get columns() {
        return stderr().columns;
      },
    },
  };
}
