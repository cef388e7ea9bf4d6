/**
 * With one worker a server (concurrency 1), each server's requests finish in the order they came (FCFS):
 * its finish times kept in order in a ring, the next departure anywhere is among one time per server. On
 * a small fleet a look at every server's next departure costs less than a heap of every request in flight
 * (whose order the processor cannot predict), and finds the same departures.
 */
export class ServerQueues {
  /** When each server's oldest request in flight finishes (+∞ when it has none): its next departure. */
  readonly nextFinish: Float64Array;
  /** Each server's finish times, oldest first from heads[s], `inflight[s]` of them. */
  private readonly rings: Float64Array[];
  private readonly heads: Int32Array;

  constructor(servers: number) {
    this.nextFinish = new Float64Array(servers).fill(Number.POSITIVE_INFINITY);
    this.rings = Array.from({ length: servers }, () => new Float64Array(8));
    this.heads = new Int32Array(servers);
  }

  /** A request joins server s behind the `ahead` already there, finishing at `finish`. */
  add(s: number, ahead: number, finish: number): void {
    let ring = this.rings[s]!;
    if (ahead === ring.length) ring = this.grow(s);
    ring[(this.heads[s]! + ahead) & (ring.length - 1)] = finish;
    if (ahead === 0) this.nextFinish[s] = finish;
  }

  /** Server s's oldest request leaves, `left` stay behind it. */
  depart(s: number, left: number): void {
    const ring = this.rings[s]!;
    const head = (this.heads[s]! + 1) & (ring.length - 1);
    this.heads[s] = head;
    this.nextFinish[s] = left > 0 ? ring[head]! : Number.POSITIVE_INFINITY;
  }

  private grow(s: number): Float64Array {
    const old = this.rings[s]!;
    const head = this.heads[s]!;
    const ring = new Float64Array(old.length * 2);
    ring.set(old.subarray(head));
    ring.set(old.subarray(0, head), old.length - head);
    this.rings[s] = ring;
    this.heads[s] = 0;
    return ring;
  }
}
