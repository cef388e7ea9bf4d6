import { Worker } from 'node:worker_threads';
import type { PlanDocument } from '../core/plan-document.js';
import { revive, type OffThreadPlanner } from './plan-checked.js';
import { PLAN_SERVER_ARG } from './thread-marker.js';

export interface PlanJob {
  job: 'plan';
  args: Parameters<OffThreadPlanner>;
}
type Reply = { ok: PlanDocument } | { error: { name: string; message: string; field?: string } };

/**
 * Plans in a worker thread started from `script` (the CLI bundle itself), so the main thread stays free
 * for the SIGINT handler however long the plan takes; the worker ends with the process on Ctrl-C. The
 * worker is started at once and loads the planner while the main thread parses the command line; it
 * does not keep the process alive until a plan is asked of it.
 */
const THREAD = { workerData: { job: 'plan-server' }, argv: [PLAN_SERVER_ARG], stdout: false, stderr: false };

export function workerPlanner(script: URL): OffThreadPlanner {
  let worker: Worker | null = new Worker(script, THREAD);
  worker.unref();
  worker.on('error', () => undefined);
  return (...args) =>
    new Promise((resolve, reject) => {
      const w = worker ?? new Worker(script, THREAD);
      worker = null;
      w.ref();
      w.once('message', (reply: Reply) => {
        if ('ok' in reply) resolve(reply.ok);
        else reject(revive(reply.error));
        void w.terminate();
      });
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`the planning thread stopped (exit ${code})`)));
      w.postMessage({ job: 'plan', args } satisfies PlanJob);
    });
}

/** The worker's side: load the planner now, then build the one plan asked for and post it (or the error) back. */
export async function servePlans(port: {
  once(event: 'message', listener: (job: PlanJob) => void): unknown;
  postMessage(reply: Reply): void;
}): Promise<void> {
  const { buildPlan } = await import('../core/plan.js');
  port.once('message', (job) => {
    try {
      port.postMessage({ ok: buildPlan(...job.args) });
    } catch (error) {
      const e = error as Error & { field?: string };
      port.postMessage({
        error: { name: e.name, message: e.message, ...(typeof e.field === 'string' ? { field: e.field } : {}) },
      });
    }
  });
}
