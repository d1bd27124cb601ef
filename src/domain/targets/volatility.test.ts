// Volatility: k-period changes, the typical change and the best improvement on record.

import { describe, expect, it } from 'vitest';
import { fixtureHistory } from './historyForTests';
import { bestImprovement, kPeriodChanges, typicalChange } from './volatility';

describe('kPeriodChanges', () => {
  it('pairs readings k periods apart and skips pairs with a gap', () => {
    expect(kPeriodChanges([0, 1, NaN, 6, 10], 2)).toEqual([5]);
    expect(kPeriodChanges([0, 1, 3, 6, 10], 2)).toEqual([3, 5, 7]);
    expect(kPeriodChanges([1, 2], 0)).toEqual([]);
  });
});

describe('typicalChange', () => {
  it('reports the median absolute change, its spread and the extremes', () => {
    expect(typicalChange([0, 1, 3, 6, 10], 2)).toEqual({ horizon: 2, count: 3, medianAbs: 5, sd: 2, largestRise: 7, largestFall: 3 });
  });

  it('says nothing from fewer than three changes', () => {
    expect(typicalChange([0, 1, 3, 6], 2)).toBeNull();
  });

  it('finds a typical 6-month NPS change of 4.2 points in the fixture', () => {
    const typical = typicalChange(fixtureHistory('nps').values, 6);
    expect(typical?.count).toBe(52);
    expect(typical?.medianAbs).toBeCloseTo(4.2, 12);
    expect(typical?.largestRise).toBeCloseTo(11.8, 12);
    expect(typical?.largestFall).toBeCloseTo(-8.5, 12);
  });
});

describe('bestImprovement', () => {
  it('is the largest change in the better direction', () => {
    expect(bestImprovement([0, 1, 3, 6, 10], 2, 1)).toBe(7);
    expect(bestImprovement([10, 6, 3, 1, 0], 2, -1)).toBe(7);
    // Only falls when higher is better: the "best" is the smallest fall, as a negative improvement.
    expect(bestImprovement([10, 6, 3, 1, 0], 2, 1)).toBe(-3);
  });

  it('carries the best pace of a short history on to a longer span', () => {
    expect(bestImprovement([0, 2], 3, 1)).toBe(6);
    expect(bestImprovement([5], 3, 1)).toBeNull();
  });
});
