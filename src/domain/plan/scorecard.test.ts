// Tests for reading a department's scorecard and rebalancing its weights.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { balanceScorecard, formatPercent, largestRemainder, scorecardFor } from './scorecard';
import { addDepartment, setScorecardEntry } from './ops';
import { PlanEditError } from './validation';
import { deepFreeze, smallPlan } from './testing';

describe('scorecardFor', () => {
  it('splits a department scorecard into collective and individual lines with their metrics', () => {
    const card = scorecardFor(smallPlan(), 'd-cc');
    expect(card.collective.map((l) => [l.metric.key, l.entry.weight])).toEqual([['nps', 30]]);
    expect(card.individual.map((l) => [l.metric.key, l.entry.weight])).toEqual([
      ['aht', 30],
      ['csat', 40],
    ]);
    expect(card.total).toBe(100);
    expect(card.collectiveShare).toBeCloseTo(0.3, 12);
    expect(card.valid).toBe(true);
    expect(card.message).toBeUndefined();
  });

  it('explains weights that do not add up to 100 %', () => {
    const plan = setScorecardEntry(smallPlan(), 'd-cc', 'm-csat', { kind: 'individual', weight: 30 });
    const card = scorecardFor(plan, 'd-cc');
    expect(card.total).toBe(90);
    expect(card.valid).toBe(false);
    expect(card.message).toBe('Weights add up to 90 %; they must add up to 100 %.');
  });

  it('accepts thirds written as 33.3 + 33.3 + 33.4 despite floating-point noise', () => {
    let plan = smallPlan();
    plan = setScorecardEntry(plan, 'd-cc', 'm-nps', { kind: 'collective', weight: 33.3 });
    plan = setScorecardEntry(plan, 'd-cc', 'm-aht', { kind: 'individual', weight: 33.3 });
    plan = setScorecardEntry(plan, 'd-cc', 'm-csat', { kind: 'individual', weight: 33.4 });
    expect(scorecardFor(plan, 'd-cc').valid).toBe(true);
  });

  it('refuses a total that is off by more than the tolerance, and says by how much', () => {
    const plan = setScorecardEntry(smallPlan(), 'd-cc', 'm-csat', { kind: 'individual', weight: 39.9999999 });
    const card = scorecardFor(plan, 'd-cc');
    expect(card.valid).toBe(false);
    expect(card.message).toBe('Weights add up to 99.9999999 %; they must add up to 100 %.');
  });

  it('reports an empty scorecard as not valid, with zero total and share', () => {
    const plan = addDepartment(smallPlan(), { id: 'd-it', name: 'IT' });
    expect(scorecardFor(plan, 'd-it')).toEqual({
      departmentId: 'd-it',
      collective: [],
      individual: [],
      total: 0,
      collectiveShare: 0,
      valid: false,
      message: 'No measures yet; add measures whose weights add up to 100 %.',
    });
  });

  it('refuses a department that is not in the plan', () => {
    expect(() => scorecardFor(smallPlan(), 'd-x')).toThrow(PlanEditError);
  });
});

describe('formatPercent', () => {
  it('hides float noise and trailing zeros', () => {
    expect(formatPercent(90)).toBe('90');
    expect(formatPercent(0.1 + 0.2)).toBe('0.3');
    expect(formatPercent(99.5)).toBe('99.5');
  });
});

describe('largestRemainder', () => {
  it('rounds 1:1:1 to 34/33/33, giving the tie to the earliest entry', () => {
    expect(largestRemainder([1, 1, 1], 100)).toEqual([34, 33, 33]);
  });

  it('keeps exact proportions exact', () => {
    expect(largestRemainder([20, 20, 10], 100)).toEqual([40, 40, 20]);
    expect(largestRemainder([0.3, 0.3, 0.4], 100)).toEqual([30, 30, 40]);
  });

  it('hands the leftover points to the largest remainders', () => {
    // Quotas 14.2857…, 28.5714…, 57.1428…: floors 14 + 28 + 57 = 99, the biggest remainder (.5714) gets the point.
    expect(largestRemainder([1, 2, 4], 100)).toEqual([14, 29, 57]);
  });

  it('splits all-zero weights evenly', () => {
    expect(largestRemainder([0, 0, 0], 100)).toEqual([34, 33, 33]);
    expect(largestRemainder([], 100)).toEqual([]);
  });

  it('always sums exactly to the total with each share within 1 of its exact quota', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 12 }), (weights) => {
        const result = largestRemainder(weights, 100);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(result.reduce((a, b) => a + b, 0)).toBe(100);
        result.forEach((r, i) => {
          expect(Number.isInteger(r)).toBe(true);
          const quota = sum > 0 ? ((weights[i] ?? 0) / sum) * 100 : 100 / weights.length;
          expect(Math.abs(r - quota)).toBeLessThan(1 + 1e-9);
        });
      }),
    );
  });
});

describe('balanceScorecard', () => {
  it('rescales one department to whole numbers summing to 100 and leaves the others alone', () => {
    let plan = smallPlan();
    plan = setScorecardEntry(plan, 'd-cc', 'm-nps', { kind: 'collective', weight: 10 });
    plan = setScorecardEntry(plan, 'd-cc', 'm-aht', { kind: 'individual', weight: 10 });
    plan = setScorecardEntry(plan, 'd-cc', 'm-csat', { kind: 'individual', weight: 10 });
    const frozen = deepFreeze(plan);
    const balanced = balanceScorecard(frozen, 'd-cc');
    expect(balanced.scorecard.map((e) => [e.departmentId, e.metricId, e.weight])).toEqual([
      ['d-cc', 'm-nps', 34],
      ['d-cc', 'm-aht', 33],
      ['d-cc', 'm-csat', 33],
      ['d-sales', 'm-revenue', 60],
      ['d-sales', 'm-nps', 40],
    ]);
    expect(scorecardFor(balanced, 'd-cc').valid).toBe(true);
    expect(balanced.scorecard[3]).toBe(frozen.scorecard[3]);
  });

  it('returns the plan itself for a department without entries', () => {
    const plan = addDepartment(smallPlan(), { id: 'd-it', name: 'IT' });
    expect(balanceScorecard(plan, 'd-it')).toBe(plan);
  });
});
