// Tests for driver performance on its scale and the importance × performance quadrants.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { performance, quadrants } from './performance';

describe('performance of a driver', () => {
  it('places a CSAT mean of 4 on the 1–5 scale at 0.75', () => {
    expect(performance({ mean: 4, observedMin: 1, observedMax: 5, scale: { min: 1, max: 5 }, direction: 'higher' })).toEqual({
      mean: 4,
      score: 0.75,
      basis: 'scale',
      low: 1,
      high: 5,
      direction: 'higher',
    });
  });

  it('turns lower-is-better drivers over: an effort mean of 2.5 on 1–7 scores 0.75', () => {
    expect(performance({ mean: 2.5, observedMin: 1, observedMax: 7, scale: { min: 1, max: 7 }, direction: 'lower' })?.score).toBe(0.75);
  });

  it('falls back on the range the data cover when the scale is unknown or the data leave it', () => {
    expect(performance({ mean: 30, observedMin: 20, observedMax: 60 })).toMatchObject({ score: 0.25, basis: 'observed', direction: null });
    expect(performance({ mean: 6, observedMin: 1, observedMax: 10, scale: { min: 1, max: 5 } })).toMatchObject({
      basis: 'observed',
      low: 1,
      high: 10,
    });
  });

  it('has no performance for a driver without any spread', () => {
    expect(performance({ mean: 3, observedMin: 3, observedMax: 3 })).toBeNull();
  });

  it('always scores within 0..1', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (low, width, at) => {
        const result = performance({ mean: low + at * width, observedMin: low, observedMax: low + width, direction: 'lower' });
        if (result === null) return;
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('importance × performance quadrants', () => {
  it('splits at the average share of R² and the average performance', () => {
    const split = quadrants([
      { importance: 50, score: 0.4 },
      { importance: 30, score: 0.9 },
      { importance: 15, score: 0.3 },
      { importance: 5, score: 0.8 },
    ]);
    expect(split.importance).toBe(25);
    expect(split.score).toBeCloseTo(0.6, 15);
    expect(split.quadrants).toEqual(['fix-first', 'keep-up', 'lower-priority', 'possible-overkill']);
  });

  it('has nothing to split without drivers', () => {
    expect(quadrants([])).toEqual({ importance: 0, score: 0, quadrants: [] });
  });
});
