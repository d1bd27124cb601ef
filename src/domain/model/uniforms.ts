// Position-addressable streams of uniform draws in (0, 1): block b of a seeded analysis is the same on any worker.

const TWO_POW_MINUS_32 = 1 / 4294967296;
const GOLDEN_GAMMA = 0x9e3779b9;
/** As in random/prng.ts: discard sfc32's first outputs so similar seeds diverge fully. */
const WARM_UP_ROUNDS = 12;

/** Murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/**
 * sfc32 (the generator of random/prng.ts) keyed by (seed, stream, block). Each analysis draws its numbers block by
 * block, so a range of runs can start anywhere: seed its block and skip the draws before it. The 32-bit draw t
 * becomes (t + ½)/2³², never 0 or 1, so inverse CDFs stay finite.
 */
export class UniformStream {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** Positions the stream at the start of `block` of `stream` under `seed` (all taken modulo 2³²). */
  reset(seed: number, stream: number, block: number): void {
    let mix = mix32(mix32(mix32(Math.trunc(seed) | 0) ^ (stream | 0)) ^ (block | 0));
    const splitmix32 = (): number => {
      mix = (mix + GOLDEN_GAMMA) | 0;
      let z = mix;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) | 0;
    };
    this.a = splitmix32();
    this.b = splitmix32();
    this.c = splitmix32();
    this.d = splitmix32();
    this.skip(WARM_UP_ROUNDS);
  }

  /** Writes `count` draws into out[offset…]. */
  fill(out: Float64Array, offset: number, count: number): void {
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    const end = offset + count;
    for (let i = offset; i < end; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
      out[i] = ((t >>> 0) + 0.5) * TWO_POW_MINUS_32;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
  }

  /** One draw. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return ((t >>> 0) + 0.5) * TWO_POW_MINUS_32;
  }

  /** A uniform integer in 0..n−1 (n ≤ 2³²). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Advances past `count` draws. */
  skip(count: number): void {
    for (let i = 0; i < count; i++) this.next();
  }
}

/** Stream ids keep the analyses of one seed apart. */
export const STREAM = {
  monteCarlo: 1,
  sobol: 2,
  sobolBootstrap: 3,
  morris: 4,
} as const;
