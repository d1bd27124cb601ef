// Leverage and Cook's distance agree with their closed forms and with refitting the model without each point.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ols, olsMulti } from '../stats/regression';
import { cooksCutoff, hatCutoff, influence, influentialPoints } from './influence';

const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 20];
const y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1, 18.0, 30.0];

describe('influence', () => {
  it('gives the simple-regression leverage 1/n + (x − x̄)²/Sxx', () => {
    const result = influence(y, [x]);
    if (!result) throw new Error('not computed');
    const mx = x.reduce((s, v) => s + v, 0) / x.length;
    const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
    x.forEach((v, i) => expect(result.hat[i]).toBeCloseTo(1 / x.length + (v - mx) ** 2 / sxx, 14));
  });

  it("matches Cook's distance defined by deleting each point: (b − b₍ᵢ₎)ᵀXᵀX(b − b₍ᵢ₎)/((k + 1)s²)", () => {
    const t = x.map((_, i) => (i * 7) % 5);
    const result = influence(y, [x, t]);
    const full = olsMulti(y, [x, t]);
    if (!result || !full.ok) throw new Error('not computed');
    const n = y.length;
    const design = x.map((v, i) => [1, v, t[i] as number]);
    const b = [full.intercept, full.coefficients[0] as number, full.coefficients[1] as number];
    for (let i = 0; i < n; i++) {
      const keep = (a: number[]): number[] => a.filter((_, k) => k !== i);
      const reduced = olsMulti(keep(y), [keep(x), keep(t)]);
      if (!reduced.ok) throw new Error('reduced fit failed');
      const d = [b[0]! - reduced.intercept, b[1]! - reduced.coefficients[0]!, b[2]! - reduced.coefficients[1]!];
      // ‖X d‖² = dᵀXᵀXd
      const quadratic = design.reduce((s, rowX) => s + (rowX[0]! * d[0]! + rowX[1]! * d[1]! + rowX[2]! * d[2]!) ** 2, 0);
      expect(result.cooksDistance[i]).toBeCloseTo(quadratic / (3 * full.sigma ** 2), 10);
    }
  });

  it('has hat values summing to the number of coefficients', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })), {
          minLength: 6,
          maxLength: 30,
        }),
        (rows) => {
          const result = influence(rows.map((r) => r[2]), [rows.map((r) => r[0]), rows.map((r) => r[1])]);
          if (result) expect(result.hat.reduce((s, h) => s + h, 0)).toBeCloseTo(3, 8);
        },
      ),
    );
  });

  it('flags the far-out point by the cut-offs 2(k + 1)/n and 4/n, most influential first', () => {
    expect(hatCutoff(1, 10)).toBe(0.4);
    expect(cooksCutoff(10)).toBe(0.4);
    const points = influentialPoints(y, [x]);
    expect(points[0]?.index).toBe(9);
    expect(points[0]?.hat).toBeGreaterThan(0.4);
  });

  it('marks a point that alone fixes the slope with hat 1 and no finite Cook’s distance', () => {
    const spike = [0, 0, 0, 0, 0, 0, 5, 0];
    const outcome = [1, 2, 1.5, 1.2, 1.8, 1.1, 9, 1.4];
    expect(ols(spike, outcome).ok).toBe(true);
    const points = influentialPoints(outcome, [spike]);
    expect(points[0]).toEqual({ index: 6, hat: 1, cooksDistance: null });
  });

  it('has nothing to say about an exact fit or a fit without residual degrees of freedom', () => {
    expect(influence([2, 4, 6, 8], [[1, 2, 3, 4]])).toBeNull();
    expect(influence([1, 5], [[1, 2]])).toBeNull();
    expect(influentialPoints([1, 5, 2], [[1, 2, 3], [3, 1, 2]])).toEqual([]);
  });
});
