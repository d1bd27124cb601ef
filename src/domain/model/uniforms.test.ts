// Tests for the position-addressable uniform streams: repeatable, in (0, 1), and skippable without changing the numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UniformStream } from './uniforms';

function draws(seed: number, stream: number, block: number, n: number): Float64Array {
  const s = new UniformStream();
  s.reset(seed, stream, block);
  const out = new Float64Array(n);
  s.fill(out, 0, n);
  return out;
}

describe('UniformStream', () => {
  it('repeats the same draws for the same seed, stream and block', () => {
    expect(draws(7, 1, 3, 20)).toEqual(draws(7, 1, 3, 20));
  });

  it('gives unrelated draws for neighbouring seeds, streams and blocks', () => {
    const base = draws(7, 1, 3, 8);
    for (const other of [draws(8, 1, 3, 8), draws(7, 2, 3, 8), draws(7, 1, 4, 8)]) {
      expect(other.some((x, i) => x === base[i])).toBe(false);
    }
  });

  it('never returns 0 or 1, so inverse CDFs stay finite', () => {
    const all = draws(1, 1, 0, 100_000);
    expect(Math.min(...all)).toBeGreaterThan(0);
    expect(Math.max(...all)).toBeLessThan(1);
  });

  it('has the mean and variance of a uniform (1/2, 1/12) within sampling error', () => {
    const all = draws(42, 1, 0, 200_000);
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    const variance = all.reduce((a, b) => a + (b - mean) ** 2, 0) / (all.length - 1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / all.length));
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it('reaches the same draws by skipping, by single draws or by filling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 20 }), (skip, n) => {
        const all = draws(3, 4, 5, skip + n);
        const s = new UniformStream();
        s.reset(3, 4, 5);
        s.skip(skip);
        const single = Array.from({ length: n }, () => s.next());
        expect(single).toEqual([...all.subarray(skip)]);
      }),
    );
  });

  it('draws integers below n uniformly', () => {
    const s = new UniformStream();
    s.reset(9, 9, 9);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) {
      const k = s.below(3);
      counts[k] = (counts[k] as number) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });
});
