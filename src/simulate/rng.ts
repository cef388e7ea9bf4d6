/**
 * xoshiro128** — a small, fast, well-tested 32-bit generator; a fixed seed gives the same run on every
 * machine. Seeded through splitmix32 so that nearby seeds give unrelated streams.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
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
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
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
    const a = this.a;
    const b = this.b;
    const c = this.c ^ a;
    const d = this.d ^ b;
    this.a = a ^ d;
    this.b = b ^ c;
    this.c = c ^ (b << 9);
    this.d = (d << 11) | (d >>> 21);
    const x = Math.imul(b, 5);
    return Math.imul((x << 7) | (x >>> 25), 9);
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
