import { useEvidenceCache } from './evidence-cache.js';
import { processStreams } from './process-streams.js';
import { PLAN_SERVER_ARG } from './thread-marker.js';

// Only a planning thread carries the marker; node:worker_threads is loaded to make sure, never at start-up.
const thread = process.argv.includes(PLAN_SERVER_ARG) ? await import('node:worker_threads') : null;
if (!thread || thread.isMainThread) await main();
else if ((thread.workerData as { job?: string } | null)?.job === 'plan-server') {
  const { servePlans } = await import('./plan-worker.js');
  await servePlans(thread.parentPort!);
}

async function main(): Promise<void> {
  const { stdout, stderr } = processStreams();

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
    stdout,
    stderr,
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
