import { Worker } from 'node:worker_threads';
import type { PlanDocument } from '../core/plan-document.js';
import { revive, type OffThreadPlanner } from './plan-checked.js';

export interface PlanJob {
  job: 'plan';
  args: Parameters<OffThreadPlanner>;
}
type Reply = { ok: PlanDocument } | { error: { name: string; message: string; field?: string } };

/**
 * Plans in a worker thread started from `script` (the CLI bundle itself), so the main thread stays free
 * for the SIGINT handler however long the plan takes; the worker ends with the process on Ctrl-C.
 */
export const workerPlanner =
  (script: URL): OffThreadPlanner =>
  (...args) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script, {
        workerData: { job: 'plan', args } satisfies PlanJob,
        stdout: false,
        stderr: false,
      });
      worker.once('message', (reply: Reply) => {
        if ('ok' in reply) resolve(reply.ok);
        else reject(revive(reply.error));
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the planning thread stopped (exit ${code})`)));
    });

/** The worker's side: build the plan, post it (or the error) back. */
export async function runPlanJob(job: PlanJob, post: (reply: Reply) => void): Promise<void> {
  const { buildPlan } = await import('../core/plan.js');
  try {
    post({ ok: buildPlan(...job.args) });
  } catch (error) {
    const e = error as Error & { field?: string };
    post({ error: { name: e.name, message: e.message, ...(typeof e.field === 'string' ? { field: e.field } : {}) } });
  }
}
