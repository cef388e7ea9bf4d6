import type { SimulationRun } from './engine.js';

/**
 * Least connections on a small fleet of identical one-worker servers (ServerQueues): the departures up to
 * each arrival found by looking at every server's next one, the server picked by LoadLevels. The same
 * events, in the same order for each server, as heapBlock. At most 32 servers: each load level is one
 * 32-bit word of LoadLevels' masks, read and written here in locals (LoadLevels.pick, up and down, inlined
 * by hand: the level row is the load itself, and the lowest level stays in a register for the block).
 */
export function leastConnectionsScanBlock(k: SimulationRun, m: number): number {
  const { inflight, workerFree, speeds, counts, arrivalTimes, work, latency, n } = k;
  const levels = k.levels!;
  const queues = k.queues!;
  const nextFinish = queues.nextFinish;
  let masks = levels.masks;
  let loads = levels.counts;
  let min = levels.min;
  let next = k.next;
  const maxQueue = k.maxQueue;
  for (let i = 0; i < m; i++) {
    const t = arrivalTimes[i]!;
    for (let j = 0; j < n; j++) {
      while (nextFinish[j]! <= t) {
        const load = inflight[j]!--;
        masks[load]! ^= 1 << j;
        masks[load - 1]! |= 1 << j;
        loads[load]!--;
        loads[load - 1]!++;
        if (load - 1 < min) min = load - 1;
        queues.depart(j, load - 1);
      }
    }
    // The first server at the lowest level at or after `next`, else the first at that level.
    const row = masks[min]!;
    let pickable = row & (-1 << next);
    if (pickable === 0) pickable = row;
    const s = 31 - Math.clz32(pickable & -pickable);
    next = next + 1 === n ? 0 : next + 1;
    const free = workerFree[s]!;
    const finish = (free > t ? free : t) + work[i]! / speeds[s]!;
    workerFree[s] = finish;
    const ahead = inflight[s]!++;
    if (ahead + 2 > masks.length) {
      levels.grow();
      masks = levels.masks;
      loads = levels.counts;
    }
    masks[ahead]! ^= 1 << s;
    masks[ahead + 1]! |= 1 << s;
    loads[ahead + 1]!++;
    if (--loads[ahead]! === 0 && ahead === min) min = ahead + 1;
    queues.add(s, ahead, finish);
    latency[i] = finish - t;
    counts[s]!++;
    if (ahead > maxQueue[0]!) maxQueue[0] = ahead;
  }
  levels.min = min;
  return next;
}
