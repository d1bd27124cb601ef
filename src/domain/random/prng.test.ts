// Tests for the seeded sfc32 generator: exact reference outputs, reproducibility and distribution sanity.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from './prng';

const TWO_POW_32 = 4294967296;

/** Mean and (unbiased) variance of n draws. */
function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: (sumSq - n * mean * mean) / (n - 1) };
}

describe('createRng', () => {
  // Reference words come from an independent C implementation of splitmix32 seeding + sfc32 on uint32_t.
  it('produces the reference sfc32 words for seed 1', () => {
    const rng = createRng(1);
    const words = Array.from({ length: 5 }, () => rng.next() * TWO_POW_32);
    expect(words).toEqual([1130556604, 2591592147, 3014952990, 960850752, 2734082507]);
  });

  it('produces the reference sfc32 words for the sample seed 20261123', () => {
    const rng = createRng(20261123);
    const words = Array.from({ length: 5 }, () => rng.next() * TWO_POW_32);
    expect(words).toEqual([1132800456, 3038547862, 2346935232, 2275931591, 3891499084]);
  });

  it('treats a negative seed as its 32-bit two’s-complement value', () => {
    const negative = createRng(-1);
    const wrapped = createRng(4294967295);
    expect(negative.next() * TWO_POW_32).toBe(2246433216);
    expect(wrapped.next() * TWO_POW_32).toBe(2246433216);
  });

  it('repeats the same mixed sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const draw = (s: number) => {
          const rng = createRng(s);
          return [rng.next(), rng.int(-5, 5), rng.normal(10, 2), rng.normal(), rng.pick(['a', 'b', 'c']), rng.triangular(0, 1, 3)];
        };
        expect(draw(seed)).toEqual(draw(seed));
      }),
      { numRuns: 50 },
    );
  });

  it('gives neighbouring seeds unrelated streams', () => {
    const first = createRng(1000).next();
    const second = createRng(1001).next();
    expect(Math.abs(first - second)).toBeGreaterThan(0.01);
  });

  it('refuses a non-finite seed', () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng(Infinity)).toThrow(RangeError);
  });

  it('keeps next() in [0, 1) with mean 1/2 and variance 1/12 over 100k draws', () => {
    const rng = createRng(7);
    let min = 1;
    let max = 0;
    const { mean, variance } = moments(() => {
      const x = rng.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      return x;
    }, 100_000);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Standard error of the mean is 0.29/√100000 ≈ 0.0009; 0.005 is over five SEs.
    expect(mean).toBeCloseTo(0.5, 2);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });

  it('draws normals with the requested mean and sd over 100k draws', () => {
    const rng = createRng(11);
    const { mean, variance } = moments(() => rng.normal(50, 4), 100_000);
    expect(Math.abs(mean - 50)).toBeLessThan(0.05);
    expect(Math.abs(Math.sqrt(variance) - 4)).toBeLessThan(0.05);
  });

  it('uses both Box–Muller values: a pair of normals consumes two uniforms', () => {
    const rng = createRng(3);
    const reference = createRng(3);
    rng.normal();
    rng.normal();
    reference.next();
    reference.next();
    expect(rng.next()).toBe(reference.next());
  });

  it('puts about 95 % of standard normals inside ±1.96', () => {
    const rng = createRng(5);
    let inside = 0;
    for (let i = 0; i < 100_000; i++) if (Math.abs(rng.normal()) < 1.959964) inside++;
    expect(inside / 100_000).toBeCloseTo(0.95, 2);
  });

  it('draws every integer of an inclusive range about equally often', () => {
    const rng = createRng(13);
    const counts = new Map<number, number>();
    for (let i = 0; i < 60_000; i++) {
      const k = rng.int(-2, 3);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((x, y) => x - y)).toEqual([-2, -1, 0, 1, 2, 3]);
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  it('keeps int() inside its bounds for any range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, width) => {
        const rng = createRng(seed);
        const k = rng.int(min, min + width);
        expect(Number.isInteger(k)).toBe(true);
        expect(k).toBeGreaterThanOrEqual(min);
        expect(k).toBeLessThanOrEqual(min + width);
      }),
    );
  });

  it('refuses an empty or reversed integer range', () => {
    const rng = createRng(1);
    expect(() => rng.int(3, 2)).toThrow(RangeError);
    expect(() => rng.int(0.5, 2)).toThrow(RangeError);
  });

  it('picks every element of an array and refuses an empty one', () => {
    const rng = createRng(17);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(rng.pick(['North', 'South', 'East', 'West']));
    expect([...seen].sort()).toEqual(['East', 'North', 'South', 'West']);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('draws triangular values with mean (low + mode + high) / 3 inside the bounds', () => {
    const rng = createRng(19);
    let outside = 0;
    const { mean, variance } = moments(() => {
      const x = rng.triangular(2, 3, 10);
      if (x < 2 || x > 10) outside++;
      return x;
    }, 100_000);
    expect(outside).toBe(0);
    expect(Math.abs(mean - 5)).toBeLessThan(0.02);
    // Variance of a triangular distribution: (a² + b² + c² − ab − ac − bc) / 18 = 57 / 18.
    expect(Math.abs(variance - 57 / 18)).toBeLessThan(0.03);
  });

  it('returns the single point of a degenerate triangle and refuses a mode outside it', () => {
    const rng = createRng(23);
    expect(rng.triangular(4, 4, 4)).toBe(4);
    expect(() => rng.triangular(0, 5, 3)).toThrow(RangeError);
  });
});
