// Tests for the collective-share sweep: curve, best balance, flat range, one department or all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel, kpiOutputKey } from './compile';
import { baseInputs } from './sensitivityModel';
import { NothingToSweepError, sweepCollectiveShare } from './sweep';
import { fixed, tinyModel, tinyPlan } from './testing';

describe('sweepCollectiveShare', () => {
  const model = tinyModel();
  model.settings.returnsCurvature = fixed(5);
  const compiled = compileModel(tinyPlan(), model);

  it('evaluates every whole percent from 0 to 100 and picks the maximum', () => {
    const sweep = sweepCollectiveShare(compiled, { departmentId: null });
    expect(sweep.points).toHaveLength(101);
    expect(sweep.points[37]?.sharePct).toBe(37);
    expect(sweep.points.every((p) => p.value <= sweep.best.value)).toBe(true);
    expect(sweep.current).toEqual({ sharePct: 40, value: sweep.points[40]?.value });
    expect(sweep.gain).toBeCloseTo(sweep.best.value - sweep.current.value, 9);
  });

  it('reports the flat range: every share in it is within 1 % of the best, its neighbours are not', () => {
    const sweep = sweepCollectiveShare(compiled, { departmentId: 'd-cc', outputKey: kpiOutputKey('m-revenue') });
    // Revenue only grows with the collective share: the best is 100 %, an end, so not interior.
    expect(sweep.best.sharePct).toBe(100);
    expect(sweep.interior).toBe(false);
    const floor = sweep.best.value * 0.99;
    for (const p of sweep.points) {
      const inside = p.sharePct >= sweep.flat.fromPct && p.sharePct <= sweep.flat.toPct;
      expect(inside).toBe(p.value >= floor);
    }
  });

  it('moves only the chosen department and leaves the given inputs untouched', () => {
    const inputs = baseInputs(compiled);
    const copy = Float64Array.from(inputs);
    sweepCollectiveShare(compiled, { departmentId: 'd-cc', inputs, points: 11 });
    expect(inputs).toEqual(copy);
  });

  it('finds the closed-form optimum s* = (ln(A·c·f / (B·i)) + κ·i) / (κ·(c·f + i)) of one department', () => {
    // CC: all collective weight on revenue (c = 1), all individual on AHT (i = 1), κ = 5, values without lag.
    // A = revenue's full-effort value 100,000 × 0.4 × 12 months; B = AHT's −20 s × (−1,500 + 0.04 × 100) × 12.
    const m = tinyModel();
    m.settings.returnsCurvature = fixed(5);
    m.settings.reach[0] = { departmentId: 'd-cc', metricId: 'm-revenue', fullEffortChange: fixed(100_000) };
    m.settings.values[2] = { ...m.settings.values[2]!, lagMonths: 0 };
    const c = compileModel(tinyPlan(), m);
    const f = 0.8 * 2 ** -0.5;
    const A = 100_000 * 0.4 * 12;
    const B = -20 * (-1500 + 0.04 * 100) * 12;
    const best = (Math.log((A * f) / B) + 5) / (5 * (f + 1));
    const sweep = sweepCollectiveShare(c, { departmentId: 'd-cc', points: 1001 });
    expect(best).toBeCloseTo(0.6031, 3);
    expect(Math.abs(sweep.best.sharePct - best * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(sweep.interior).toBe(true);
  });

  it('refuses to sweep a department whose balance cannot move', () => {
    expect(() => sweepCollectiveShare(compiled, { departmentId: 'd-sales' })).toThrow(NothingToSweepError);
  });

  it('finds a best point no worse than any point of a coarser sweep', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), (points) => {
        const coarse = sweepCollectiveShare(compiled, { departmentId: null, points });
        const fine = sweepCollectiveShare(compiled, { departmentId: null, points: (points - 1) * 4 + 1 });
        expect(fine.best.value).toBeGreaterThanOrEqual(coarse.best.value - 1e-9);
      }),
      { numRuns: 20 },
    );
  });
});
