// Tests for the lagged series design: each driver shifted by its own lead over the outcome.
import { describe, expect, it } from 'vitest';
import { laggedDesign } from './design';

describe('lagged key-driver design', () => {
  const outcome = Float64Array.of(10, 11, 12, 13, 14);
  const nps = Float64Array.of(1, 2, 3, 4, 5);
  const csat = Float64Array.of(6, 7, 8, 9, 10);

  it('pairs the outcome in period t with a driver lag periods earlier, the outcome last', () => {
    const [shiftedNps, sameCsat, y] = laggedDesign(outcome, [nps, csat], [2, 0]);
    expect(Array.from(shiftedNps!)).toEqual([NaN, NaN, 1, 2, 3]);
    expect(Array.from(sameCsat!)).toEqual([6, 7, 8, 9, 10]);
    expect(y).toBe(outcome);
  });

  it('leaves nothing to pair when the lag is as long as the series', () => {
    const [shifted] = laggedDesign(outcome, [nps], [7]);
    expect(Array.from(shifted!).every(Number.isNaN)).toBe(true);
  });

  it('refuses negative or fractional lags and drivers off the grid', () => {
    expect(() => laggedDesign(outcome, [nps], [-1])).toThrow(RangeError);
    expect(() => laggedDesign(outcome, [nps], [0.5])).toThrow(RangeError);
    expect(() => laggedDesign(outcome, [Float64Array.of(1)], [0])).toThrow(RangeError);
    expect(() => laggedDesign(outcome, [nps], [])).toThrow(RangeError);
  });
});
