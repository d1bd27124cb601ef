// Tests for the weighting model's formulas: returns curve, collective focus, effort, ramps and discounting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clamp, collectiveFocus, diminishingReturn, effortOn, monthlyDiscountFactor, rampFraction } from './model';

describe('diminishingReturn', () => {
  it('reaches 0 at no effort and the full change at full effort', () => {
    expect(diminishingReturn(0, 5)).toBe(0);
    expect(diminishingReturn(1, 5)).toBeCloseTo(1, 15);
  });

  it('gives 82 % of the effect for half the effort at curvature 3', () => {
    // (1 − e^−1.5) / (1 − e^−3) = 0.77687 / 0.95021 = 0.81758
    expect(diminishingReturn(0.5, 3)).toBeCloseTo(0.8175744762, 9);
  });

  it('is the straight line at curvature 0', () => {
    expect(diminishingReturn(0.3, 0)).toBe(0.3);
  });

  it('is increasing and concave in effort for any curvature', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        (a, b, k) => {
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(diminishingReturn(hi, k)).toBeGreaterThanOrEqual(diminishingReturn(lo, k) - 1e-12);
          const mid = diminishingReturn((lo + hi) / 2, k);
          expect(mid).toBeGreaterThanOrEqual((diminishingReturn(lo, k) + diminishingReturn(hi, k)) / 2 - 1e-12);
        },
      ),
    );
  });
});

describe('collectiveFocus', () => {
  it('dilutes line of sight by the number of sharers to the power of free riding', () => {
    expect(collectiveFocus(0.8, 0.5, 4)).toBeCloseTo(0.4, 15);
    expect(collectiveFocus(0.8, 0, 6)).toBe(0.8);
    expect(collectiveFocus(1, 1, 5)).toBeCloseTo(0.2, 15);
  });
});

describe('effortOn', () => {
  it('splits effort by the collective share, collective weight discounted by the focus', () => {
    // 40 % collective, metric holds half the collective weight at focus 0.5 → 0.4·0.5·0.5 = 0.1; no individual weight.
    expect(effortOn(0.4, 0.5, 0, 0.5)).toBeCloseTo(0.1, 15);
    // The same metric as an individual measure with a quarter of the individual weight: 0.6 · 0.25 = 0.15.
    expect(effortOn(0.4, 0, 0.25, 0.5)).toBeCloseTo(0.15, 15);
  });
});

describe('rampFraction', () => {
  it('is 0 before the start, climbs linearly, and holds at 1 after the ramp', () => {
    expect([-1, 0, 1, 2, 3, 4, 9].map((t) => rampFraction(t, 3))).toEqual([0, 0, 1 / 3, 2 / 3, 1, 1, 1]);
    expect(rampFraction(1, 0)).toBe(1);
  });
});

describe('monthlyDiscountFactor', () => {
  it('turns 12.6825 % a year into exactly 1 % a month', () => {
    expect(monthlyDiscountFactor((1.01 ** 12 - 1) * 100)).toBeCloseTo(1 / 1.01, 14);
    expect(monthlyDiscountFactor(0)).toBe(1);
  });
});

describe('clamp', () => {
  it('holds values in range and turns NaN into the lower bound', () => {
    expect([clamp(-1, 0, 1), clamp(0.5, 0, 1), clamp(2, 0, 1), clamp(Number.NaN, 0, 1)]).toEqual([0, 0.5, 1, 0]);
  });
});
