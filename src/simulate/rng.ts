/**
 * xoshiro128** — a small, fast, well-tested 32-bit generator; a fixed seed gives the same run on every
 * machine. Seeded through splitmix32 so that nearby seeds give unrelated streams.
 */
export class Rng {
  /**
   * a, b, c, d in an Int32Array: as object fields, values past 2³⁰ would not be small integers to V8, and
   * every update would box a number on the heap.
   */
  private readonly s = new Int32Array(4);
  private spare = Number.NaN;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s[0] = next();
    this.s[1] = next();
    this.s[2] = next();
    this.s[3] = next();
  }

  /** A 32-bit unsigned integer. */
  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /** Uniform in (0, 1]: never 0, so −ln(u) is always finite. */
  next(): number {
    return ((this.nextInt32() >>> 0) + 1) * 2.3283064365386963e-10;
  }

  /**
   * The next output as a signed 32-bit integer: small enough for V8 to inline, and never boxed on the heap
   * (a call that returns a double allocates one when it is not inlined). `(x >>> 0) + 1) · 2⁻³²` is next().
   */
  nextInt32(): number {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]! ^ a;
    const d = s[3]! ^ b;
    s[0] = a ^ d;
    s[1] = b ^ c;
    s[2] = c ^ (b << 9);
    s[3] = (d << 11) | (d >>> 21);
    const x = Math.imul(b, 5);
    return Math.imul((x << 7) | (x >>> 25), 9);
  }

  /**
   * The next m values of next(), in out[0, m): the same numbers as m calls, with the state in locals
   * meanwhile (a tight loop with nothing to load or store but the output).
   */
  fillUniform(out: Float64Array, m: number): void {
    const s = this.s;
    let a = s[0]!;
    let b = s[1]!;
    let c = s[2]!;
    let d = s[3]!;
    for (let i = 0; i < m; i++) {
      const x = Math.imul(b, 5);
      out[i] = ((Math.imul((x << 7) | (x >>> 25), 9) >>> 0) + 1) * 2.3283064365386963e-10;
      const shifted = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= shifted;
      d = (d << 11) | (d >>> 21);
    }
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(((this.nextInt32() >>> 0) * n) / 4294967296);
  }

  /** Standard normal by Box–Muller, keeping the second value for the next call. */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = Number.NaN;
      return v;
    }
    const r = Math.sqrt(-2 * Math.log(this.next()));
    const theta = 2 * Math.PI * this.next();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }
}
