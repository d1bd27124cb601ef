// Tests for the streaming co-moments: complete rows only, valid ranges, chunking, and accuracy at large offsets.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CoMoments } from './moments';

/** Two-pass reference over the complete rows: means, then sums of products of deviations. */
function twoPass(columns: Float64Array[]): { n: number; means: number[]; comoment: (j: number, k: number) => number } {
  const rows = columns[0]!.map((_, i) => i).filter((i) => columns.every((c) => Number.isFinite(c[i]!)));
  const means = columns.map((c) => rows.reduce((s, i) => s + c[i]!, 0) / rows.length);
  return {
    n: rows.length,
    means,
    comoment: (j, k) => rows.reduce((s, i) => s + (columns[j]![i]! - means[j]!) * (columns[k]![i]! - means[k]!), 0),
  };
}

describe('streamed co-moments', () => {
  it('uses only rows where every column has a value, and matches the two-pass sums', () => {
    const x = Float64Array.of(1, 2, NaN, 4, 5, 7);
    const y = Float64Array.of(2, 1, 3, NaN, 6, 8);
    const moments = new CoMoments(2);
    moments.add([x, y]);
    expect(moments.count).toBe(4);
    expect(moments.rows).toBe(6);
    expect(Array.from(moments.means)).toEqual([3.75, 4.25]);
    // Complete rows: (1,2), (2,1), (5,6), (7,8).
    expect(moments.comoment(0, 0)).toBeCloseTo(22.75, 12);
    expect(moments.comoment(1, 1)).toBeCloseTo(32.75, 12);
    expect(moments.comoment(0, 1)).toBeCloseTo(26.25, 12);
    expect(moments.comoment(1, 0)).toBe(moments.comoment(0, 1));
    expect(Array.from(moments.minima)).toEqual([1, 1]);
    expect(Array.from(moments.maxima)).toEqual([7, 8]);
  });

  it('treats answers outside the valid range as missing and counts them', () => {
    const recommend = Float64Array.of(10, 99, 7, -1, 3);
    const effort = Float64Array.of(2, 3, 8, 4, Infinity);
    const moments = new CoMoments(2, [{ min: 0, max: 10 }, { min: 1, max: 7 }]);
    moments.add([recommend, effort]);
    expect(moments.count).toBe(1);
    expect(Array.from(moments.means)).toEqual([10, 2]);
    expect(Array.from(moments.outOfRange)).toEqual([2, 1]);
  });

  it('gives a constant column a co-moment of exactly zero', () => {
    const moments = new CoMoments(2);
    moments.add([Float64Array.of(0.1, 0.1, 0.1, 0.1), Float64Array.of(1, 2, 3, 5)]);
    expect(moments.comoment(0, 0)).toBe(0);
    expect(moments.comoment(0, 1)).toBe(0);
  });

  it('keeps full precision for values in the tens of millions that differ by cents', () => {
    const base = 12_345_678.9;
    const x = Float64Array.from({ length: 1000 }, (_, i) => base + (i % 7) * 0.01);
    const moments = new CoMoments(1);
    moments.add([x]);
    const exact = twoPass([Float64Array.from(x, (v) => v - base)]);
    expect(moments.comoment(0, 0)).toBeCloseTo(exact.comoment(0, 0), 9);
  });

  it('gives the same answer whether rows arrive at once or chunk by chunk', () => {
    const column = fc.float64Array({ minLength: 1, maxLength: 60, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    fc.assert(
      fc.property(column, column, fc.integer({ min: 1, max: 20 }), (a, b, chunk) => {
        const length = Math.min(a.length, b.length);
        const x = a.slice(0, length);
        const y = b.slice(0, length);
        const whole = new CoMoments(2);
        whole.add([x, y]);
        const chunked = new CoMoments(2);
        for (let from = 0; from < length; from += chunk) chunked.add([x, y], from, Math.min(length, from + chunk));
        const reference = twoPass([x, y]);
        expect(chunked.count).toBe(reference.n);
        expect(Array.from(chunked.means)).toEqual(Array.from(whole.means));
        for (const [j, k] of [[0, 0], [0, 1], [1, 1]] as const) {
          expect(chunked.comoment(j, k)).toBe(whole.comoment(j, k));
          const scale = Math.max(1, Math.abs(reference.comoment(j, j)), Math.abs(reference.comoment(k, k)));
          expect(Math.abs(chunked.comoment(j, k) - reference.comoment(j, k))).toBeLessThanOrEqual(1e-9 * scale);
        }
      }),
    );
  });

  it('refuses columns that do not match its size', () => {
    const moments = new CoMoments(2);
    expect(() => moments.add([Float64Array.of(1)])).toThrow(RangeError);
    expect(() => moments.add([Float64Array.of(1), Float64Array.of(1)], 0, 2)).toThrow(RangeError);
    expect(() => new CoMoments(0)).toThrow(RangeError);
  });
});
