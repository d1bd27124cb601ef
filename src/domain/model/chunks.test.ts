// Tests for splitting analyses into ranges: full coverage, order, progress and cancellation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RangeRunner } from './chunks';
import { chunkRanges, concatChunks, runInChunks, splitEvenly } from './chunks';

/** Unit u writes [u, 10u]. */
const runner: RangeRunner = {
  total: 10,
  runsPerUnit: 1,
  valuesPerUnit: 2,
  runRange: (start, end) => Float64Array.from({ length: (end - start) * 2 }, (_, i) => (start + (i >> 1)) * (i % 2 === 0 ? 1 : 10)),
};

describe('ranges', () => {
  it('cover 0..total exactly once, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 700 }), (total, size) => {
        for (const ranges of [chunkRanges(total, size), splitEvenly(total, Math.min(size, 16))]) {
          let next = 0;
          for (const r of ranges) {
            expect(r.start).toBe(next);
            expect(r.end).toBeGreaterThan(r.start);
            next = r.end;
          }
          expect(next).toBe(total);
        }
      }),
    );
  });

  it('splits evenly: parts differ by at most one unit', () => {
    expect(splitEvenly(10, 3).map((r) => r.end - r.start)).toEqual([3, 3, 4]);
  });
});

describe('runInChunks', () => {
  it('joins the chunks in order and reports progress after each', () => {
    const progress: number[] = [];
    const values = runInChunks(runner, { chunkSize: 4, onProgress: (done) => progress.push(done) });
    expect(values).toEqual(runner.runRange(0, 10));
    expect(progress).toEqual([4, 8, 10]);
  });

  it('stops between chunks when cancelled and returns null', () => {
    let checks = 0;
    expect(runInChunks(runner, { chunkSize: 3, isCancelled: () => ++checks > 2 })).toBeNull();
    expect(checks).toBe(3);
  });

  it('concatenates nothing into an empty array', () => {
    expect(concatChunks([])).toEqual(new Float64Array(0));
  });
});
