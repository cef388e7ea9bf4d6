/**
 * A binary min-heap of (time, server) pairs in typed arrays: the requests in flight, ordered by when
 * they finish. Its size is bounded by the requests in flight, never by the run length.
 */
export class DepartureHeap {
  /** times[0] is the earliest (read directly in the hot loop: a method returning a double allocates). */
  times: Float64Array;
  private servers: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.times = new Float64Array(capacity);
    this.servers = new Int32Array(capacity);
  }

  peekTime(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : this.times[0]!;
  }

  peekServer(): number {
    return this.servers[0]!;
  }

  push(time: number, server: number): void {
    if (this.size === this.times.length) this.grow();
    this.siftUp(this.size++, time, server);
  }

  /** Puts a departure at slot `from`, moving it up past every later parent. */
  private siftUp(from: number, time: number, server: number): void {
    const times = this.times;
    const servers = this.servers;
    let i = from;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt <= time) break;
      times[i] = pt;
      servers[i] = servers[parent]!;
      i = parent;
    }
    times[i] = time;
    servers[i] = server;
  }

  /**
   * Removes the earliest departure and returns its server. Bottom-up: the hole at the root goes down to a
   * leaf along the earlier child (a choice the processor cannot predict, made without a branch), then the
   * last entry moves up from there (it is late, so it seldom moves): fewer mispredicted branches than
   * stopping at the first child later than it.
   */
  popServer(): number {
    const times = this.times;
    const servers = this.servers;
    const gone = servers[0]!;
    const n = --this.size;
    if (n === 0) return gone;
    const time = times[n]!;
    const server = servers[n]!;
    let i = 0;
    let child = 1;
    while (child + 1 < n) {
      child += Number(times[child + 1]! < times[child]!);
      times[i] = times[child]!;
      servers[i] = servers[child]!;
      i = child;
      child = 2 * i + 1;
    }
    if (child < n) {
      times[i] = times[child]!;
      servers[i] = servers[child]!;
      i = child;
    }
    this.siftUp(i, time, server);
    return gone;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    const servers = new Int32Array(this.servers.length * 2);
    servers.set(this.servers);
    this.times = times;
    this.servers = servers;
  }
}
