// Tests for column summaries: selection gives exactly the sorted type-7 quantiles, R's values on a known column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedQuantile, summarizeColumn } from './quantiles';

function bySorting(values: readonly number[]) {
  const sorted = Float64Array.from(values).sort();
  return {
    min: sorted[0],
    p10: sortedQuantile(sorted, 0.1),
    p50: sortedQuantile(sorted, 0.5),
    p90: sortedQuantile(sorted, 0.9),
    max: sorted[sorted.length - 1],
  };
}

describe('summarizeColumn', () => {
  it('matches R on 1..100 (quantile(1:100, c(.1, .5, .9)) = 10.9, 50.5, 90.1; sd = 29.01149)', () => {
    const column = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
    const s = summarizeColumn(column);
    expect(s.p10).toBeCloseTo(10.9, 12);
    expect(s.p50).toBeCloseTo(50.5, 12);
    expect(s.p90).toBeCloseTo(90.1, 12);
    expect(s.mean).toBe(50.5);
    expect(s.sd).toBeCloseTo(29.011491975882016, 12);
    expect([s.min, s.max]).toEqual([1, 100]);
  });

  it('gives the same quantiles by selection as by sorting, ties and any length included', () => {
    fc.assert(
      fc.property(
        // −0 and 0 compare equal, so which of them a selection returns is not defined; R does not tell them apart.
        fc.array(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((v) => v + 0), fc.integer({ min: -3, max: 3 })), {
          minLength: 1,
          maxLength: 700,
        }),
        (values) => {
          const s = summarizeColumn(Float64Array.from(values));
          expect({ min: s.min, p10: s.p10, p50: s.p50, p90: s.p90, max: s.max }).toEqual(bySorting(values));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same quantiles as sorting on long columns: random, tied, sorted, reversed or heavy-tailed', () => {
    const shapes: Record<string, (i: number, u: number) => number> = {
      random: (_, u) => u * 1e6 - 3e5,
      tied: (_, u) => Math.floor(u * 5),
      mostlyOneValue: (_, u) => (u < 0.97 ? 42 : u),
      sorted: (i) => i * 0.5,
      reversed: (i) => -i,
      heavyTailed: (_, u) => 1 / (u - 0.5),
    };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(shapes)), fc.integer({ min: 16_384, max: 60_000 }), fc.integer(), (shape, n, seed) => {
        let state = seed | 0;
        const next = (): number => {
          state = (Math.imul(state, 1_664_525) + 1_013_904_223) | 0;
          return (state >>> 0) / 4_294_967_296;
        };
        const values = Array.from({ length: n }, (_, i) => (shapes[shape] as (i: number, u: number) => number)(i, next()));
        const s = summarizeColumn(Float64Array.from(values));
        expect({ min: s.min, p10: s.p10, p50: s.p50, p90: s.p90, max: s.max }).toEqual(bySorting(values));
      }),
      { numRuns: 40 },
    );
  });

  it('gives a single value as every quantile with SD 0', () => {
    expect(summarizeColumn(Float64Array.of(4))).toEqual({ mean: 4, sd: 0, min: 4, p10: 4, p50: 4, p90: 4, max: 4 });
  });
});
