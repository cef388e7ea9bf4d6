import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServerQueues } from '../../src/simulate/server-queues.js';

describe("ServerQueues: each server's finish times in order, whatever its ring's growth and wrap", () => {
  it('gives the next departure of every server as a list per server would, over random joins and departures', () => {
    const op = fc.record({ server: fc.nat(3), join: fc.boolean(), time: fc.double({ min: 0, max: 1e6, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const queues = new ServerQueues(4);
        const lists: number[][] = [[], [], [], []];
        for (const { server, join, time } of ops) {
          const list = lists[server]!;
          if (join) {
            // FCFS on one worker: a request finishes after the one ahead of it.
            const finish = Math.max(time, list.at(-1) ?? 0);
            queues.add(server, list.length, finish);
            list.push(finish);
          } else if (list.length > 0) {
            list.shift();
            queues.depart(server, list.length);
          }
          for (let s = 0; s < 4; s++) expect(queues.nextFinish[s]).toBe(lists[s]![0] ?? Number.POSITIVE_INFINITY);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the order when a ring grows while wrapped round', () => {
    const queues = new ServerQueues(1);
    let ahead = 0;
    for (let i = 1; i <= 6; i++) queues.add(0, ahead++, i);
    for (let i = 1; i <= 5; i++) queues.depart(0, --ahead);
    // Head now at slot 5 of 8: twenty more wrap round and make the ring grow twice.
    for (let i = 7; i <= 26; i++) queues.add(0, ahead++, i);
    const seen: number[] = [];
    while (ahead > 0) {
      seen.push(queues.nextFinish[0]!);
      queues.depart(0, --ahead);
    }
    expect(seen).toEqual(Array.from({ length: 21 }, (_, i) => i + 6));
    expect(queues.nextFinish[0]).toBe(Number.POSITIVE_INFINITY);
  });
});
