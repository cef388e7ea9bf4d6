/**
 * Which servers have how many requests in flight, as one bitmask per load level: least connections then
 * finds the first server at the lowest level, at or after a rotating start, with Math.clz32 over a few
 * 32-bit words instead of a scan over every server. Identical servers only (equal speeds).
 */
export class LoadLevels {
  /**
   * Level l's bitmask in words [l·words, (l + 1)·words), and how many servers each level has. Read and
   * written directly by the scan kernel on a fleet of at most 32 servers (one word a level, kernel-scan.ts);
   * grow() replaces both.
   */
  masks: Int32Array;
  counts: Int32Array;
  private readonly words: number;
  /** The lowest load any server has. */
  min = 0;

  constructor(servers: number) {
    this.words = (servers + 31) >>> 5;
    this.masks = new Int32Array(this.words * 64);
    this.counts = new Int32Array(64);
    for (let s = 0; s < servers; s++) this.masks[s >>> 5]! |= 1 << (s & 31);
    this.counts[0] = servers;
  }

  /** The first server with the fewest in flight, going round from `from`. */
  pick(from: number): number {
    const words = this.words;
    const masks = this.masks;
    const row = this.min * words;
    let w = from >>> 5;
    let m = masks[row + w]! & (-1 << (from & 31));
    // Bits at or after `from` in its word, then the words after it, then round to the start (the word of
    // `from` again: its bits at or after `from` are known to be clear).
    while (m === 0) {
      w = w + 1 === words ? 0 : w + 1;
      m = masks[row + w]!;
    }
    return (w << 5) + 31 - Math.clz32(m & -m);
  }

  /** Server `s` goes from `load` to `load + 1` in flight. */
  up(s: number, load: number): void {
    const words = this.words;
    if ((load + 2) * words > this.masks.length) this.grow();
    const w = s >>> 5;
    const bit = 1 << (s & 31);
    this.masks[load * words + w]! ^= bit;
    this.masks[(load + 1) * words + w]! |= bit;
    this.counts[load + 1]!++;
    if (--this.counts[load]! === 0 && load === this.min) this.min = load + 1;
  }

  /** Server `s` goes from `load` to `load − 1` in flight. */
  down(s: number, load: number): void {
    const words = this.words;
    const w = s >>> 5;
    const bit = 1 << (s & 31);
    this.masks[load * words + w]! ^= bit;
    this.masks[(load - 1) * words + w]! |= bit;
    this.counts[load]!--;
    this.counts[load - 1]!++;
    if (load - 1 < this.min) this.min = load - 1;
  }

  /** Room for twice as many levels. */
  grow(): void {
    const masks = new Int32Array(this.masks.length * 2);
    masks.set(this.masks);
    const counts = new Int32Array(this.counts.length * 2);
    counts.set(this.counts);
    this.masks = masks;
    this.counts = counts;
  }
}
