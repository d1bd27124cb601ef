// A small seedable pseudo-random generator (sfc32) so sample data, Monte Carlo and bootstraps repeat exactly.

/**
 * A deterministic stream of pseudo-random numbers. next(), int() and pick() are bit-identical on every
 * JavaScript engine because all state arithmetic is 32-bit integer arithmetic; normal() also relies on
 * Math.log/cos/sin, which V8 and SpiderMonkey both take from fdlibm.
 */
export interface Rng {
  /** Uniform in [0, 1), with 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** Normal draw (Box–Muller); the second value of each pair is cached for the next call. */
  normal(mean?: number, sd?: number): number;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Triangular distribution on [low, high] with its peak at mode. */
  triangular(low: number, mode: number, high: number): number;
}

const TWO_POW_32 = 4294967296;
const GOLDEN_GAMMA = 0x9e3779b9;
/** sfc32's author recommends discarding the first outputs so that similar seeds diverge fully. */
const WARM_UP_ROUNDS = 12;

/**
 * Creates an sfc32 generator (Chris Doty-Humphrey's Small Fast Counting generator, which passes PractRand
 * and BigCrush). The 32-bit seed is spread over the 128-bit state with splitmix32 so that neighbouring
 * seeds (1, 2, 3…) give unrelated streams. Seeds are reduced to their low 32 bits after truncation.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`Seed must be a finite number, got ${seed}`);

  let mix = Math.trunc(seed) >>> 0;
  const splitmix32 = (): number => {
    mix = (mix + GOLDEN_GAMMA) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) | 0;
  };

  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  // The counter word guarantees a period of at least 2^32 whatever the other words hold.
  let d = splitmix32();

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };

  for (let i = 0; i < WARM_UP_ROUNDS; i++) nextUint32();

  let spareNormal: number | null = null;

  const next = (): number => nextUint32() / TWO_POW_32;

  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`int(min, max) needs integers with min <= max, got ${min}, ${max}`);
    }
    const span = max - min + 1;
    // Beyond 2^32 values the 32-bit draw could not reach every integer.
    if (span > TWO_POW_32) throw new RangeError(`int(min, max) supports at most 2^32 values, got ${span}`);
    return min + Math.floor(next() * span);
  };

  const standardNormal = (): number => {
    if (spareNormal !== null) {
      const spare = spareNormal;
      spareNormal = null;
      return spare;
    }
    // 1 − next() lies in (0, 1], so the logarithm is always finite.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };

  const normal = (mean = 0, sd = 1): number => {
    if (!(sd >= 0)) throw new RangeError(`normal() needs sd >= 0, got ${sd}`);
    return mean + sd * standardNormal();
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
    return items[int(0, items.length - 1)] as T;
  };

  const triangular = (low: number, mode: number, high: number): number => {
    if (!(low <= mode && mode <= high)) {
      throw new RangeError(`triangular() needs low <= mode <= high, got ${low}, ${mode}, ${high}`);
    }
    if (low === high) return low;
    const u = next();
    const split = (mode - low) / (high - low);
    return u < split
      ? low + Math.sqrt(u * (high - low) * (mode - low))
      : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
  };

  return { next, int, normal, pick, triangular };
}
