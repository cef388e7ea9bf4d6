import type { SimulationRun } from './engine.js';

/**
 * Least connections on a small fleet of identical one-worker servers (ServerQueues): the departures up to
 * each arrival found by looking at every server's next one, the server picked by LoadLevels. The same
 * events, in the same order for each server, as heapBlock.
 */
export function leastConnectionsScanBlock(k: SimulationRun, m: number): number {
  const { inflight, workerFree, speeds, counts, arrivalTimes, work, latency, n } = k;
  const levels = k.levels!;
  const queues = k.queues!;
  const nextFinish = queues.nextFinish;
  let next = k.next;
  const maxQueue = k.maxQueue;
  for (let i = 0; i < m; i++) {
    const t = arrivalTimes[i]!;
    for (let j = 0; j < n; j++) {
      while (nextFinish[j]! <= t) {
        const load = inflight[j]!--;
        levels.down(j, load);
        queues.depart(j, load - 1);
      }
    }
    const s = levels.pick(next);
    next = next + 1 === n ? 0 : next + 1;
    const free = workerFree[s]!;
    const finish = (free > t ? free : t) + work[i]! / speeds[s]!;
    workerFree[s] = finish;
    const ahead = inflight[s]!++;
    levels.up(s, ahead);
    queues.add(s, ahead, finish);
    latency[i] = finish - t;
    counts[s]!++;
    if (ahead > maxQueue[0]!) maxQueue[0] = ahead;
  }
  return next;
}
