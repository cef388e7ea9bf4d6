import { EXIT } from './exit-error.js';
import { useEvidenceCache } from './evidence-cache.js';
import { removePendingTemps } from './pending-temps.js';
import { processStdout } from './stdout-writer.js';
import { PLAN_SERVER_ARG } from './thread-marker.js';

// Only a planning thread carries the marker; node:worker_threads is loaded to make sure, never at start-up.
const thread = process.argv.includes(PLAN_SERVER_ARG) ? await import('node:worker_threads') : null;
if (!thread || thread.isMainThread) await main();
else if ((thread.workerData as { job?: string } | null)?.job === 'plan-server') {
  const { servePlans } = await import('./plan-worker.js');
  await servePlans(thread.parentPort!);
}

async function main(): Promise<void> {
  // process.stderr, opened (with its error handler) when first used: a run that writes nothing there never
  // makes the stream (for a pipe, a socket and the modules behind it).
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

  // A plan is bounded (a fixed simulation budget, sizing without search) and answers well within Ctrl-C's
  // 200 ms; a growth projection plans every month, so it gets a planning thread a signal can interrupt,
  // started now so it loads while the command line is read. Plans over ranges yield between samples.
  const argv = process.argv.slice(2);
  const command = argv.find((a) => !a.startsWith('-')) ?? '';
  const mayProject =
    argv.some((a) => a === '--growth' || a.startsWith('--growth=') || a === '--input' || a.startsWith('--input=')) ||
    !!process.env.CAPACITY_PLAN_GROWTH;
  if (['plan', 'export', 'diff'].includes(command) && (command === 'diff' || mayProject) && !argv.includes('--help')) {
    const { setOffThreadPlanner } = await import('./plan-checked.js');
    const { workerPlanner } = await import('./plan-worker.js');
    setOffThreadPlanner(workerPlanner(new URL(import.meta.url)));
  }
  useEvidenceCache(process.env);
  const { run } = await import('./run.js');
  let stdinIsTTY: boolean | undefined;
  const code = await run(argv, {
    stdout: processStdout(say),
    stderr: {
      write: (text: string) => stderr().write(text),
      get isTTY() {
        return stderr().isTTY;
      },
      get columns() {
        return stderr().columns;
      },
    },
    env: process.env,
    // Whether stdin is a terminal, asked only when a prompt might follow, without opening process.stdin (a
    // stream every start-up would pay for).
    get stdinIsTTY() {
      return (stdinIsTTY ??= process.getBuiltinModule('node:tty').isatty(0));
    },
    cwd: process.cwd(),
  });
  process.exitCode = code;
}
