/**
 * The argument a planning thread is started with: the entry reads process.argv for it, so the main thread
 * decides it is the main thread without loading node:worker_threads (which costs start-up).
 */
export const PLAN_SERVER_ARG = '--capacity-plan-thread=plan-server';
