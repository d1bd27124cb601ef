// Checks simple and multiple least squares against R's lm / summary.lm / confint on its own example data.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { studentTQuantile } from './distributions';
import { ols, olsMulti, t95 } from './regression';

// R's datasets::cars: lm(dist ~ speed).
const speed = [
  4, 4, 7, 7, 8, 9, 10, 10, 10, 11, 11, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 16, 16, 17, 17,
  17, 18, 18, 18, 18, 19, 19, 19, 20, 20, 20, 20, 20, 22, 23, 24, 24, 24, 24, 25,
];
const dist = [
  2, 10, 4, 22, 16, 10, 18, 26, 34, 17, 28, 14, 20, 24, 28, 26, 34, 34, 46, 26, 36, 60, 80, 20, 26, 54, 32, 40, 32,
  40, 50, 42, 56, 76, 84, 36, 46, 68, 32, 48, 52, 56, 64, 66, 54, 70, 92, 93, 120, 85,
];

describe('ols', () => {
  it("reproduces R's summary(lm(dist ~ speed, cars)) and confint", () => {
    const fit = ols(speed, dist);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.n).toBe(50);
    expect(fit.df).toBe(48);
    expect(fit.slope).toBeCloseTo(3.932408759, 8);
    expect(fit.intercept).toBeCloseTo(-17.579094890, 8);
    expect(fit.slopeSe).toBeCloseTo(0.4155128, 7);
    expect(fit.rSquared).toBeCloseTo(0.6510794, 7);
    expect(fit.slopeCiLow).toBeCloseTo(3.096964, 6);
    expect(fit.slopeCiHigh).toBeCloseTo(4.767853, 6);
    expect(fit.slopeP).toBeCloseTo(1.489836e-12, 17);
  });

  it('skips periods where either value is missing', () => {
    const withGaps = ols([...speed, NaN, 30], [...dist, 100, NaN]);
    const plain = ols(speed, dist);
    expect(withGaps).toEqual(plain);
  });

  it('explains why a fit is impossible instead of returning NaN', () => {
    expect(ols([1, 2], [3, 4])).toMatchObject({ ok: false, n: 2 });
    expect(ols([2, 2, 2, 2], [1, 2, 3, 4])).toMatchObject({
      ok: false,
      reason: 'The predictor does not vary, so its effect cannot be estimated.',
    });
    expect(ols([1, 2, 3, 4], [5, 5, 5, 5])).toMatchObject({ ok: false });
    expect(ols([1e200, 2e200, 3e200, 5e200], [1, 2, 4, 3])).toMatchObject({ ok: false, n: 4 });
  });

  it('recovers an exact line with zero standard error', () => {
    const fit = ols([1, 2, 3, 4, 5], [7, 9, 11, 13, 15]);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.slope).toBe(2);
    expect(fit.intercept).toBe(5);
    expect(fit.slopeSe).toBe(0);
    expect(fit.rSquared).toBe(1);
  });

  it('uses the t quantile for the interval half-width', () => {
    expect(t95(48)).toBeCloseTo(2.010634757624232, 14);
  });

  it('gives exactly qt(0.975, df) whether the df was asked for before or not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0.5, max: 300, noNaN: true })), (df) => {
        const first = t95(df);
        expect(first).toBe(studentTQuantile(0.975, df));
        expect(t95(df)).toBe(first);
      }),
    );
  });
});

describe('olsMulti', () => {
  it('agrees with ols, intercept standard error included, when there is one predictor', () => {
    const multi = olsMulti(dist, [speed]);
    if (!multi.ok) throw new Error(multi.reason);
    expect(multi.coefficients[0]).toBeCloseTo(3.932408759, 8);
    expect(multi.standardErrors[0]).toBeCloseTo(0.4155128, 7);
    expect(multi.intercept).toBeCloseTo(-17.579094890, 8);
    // R: (Intercept) SE 6.7584402, residual standard error 15.38 on 48 df.
    expect(multi.interceptSe).toBeCloseTo(6.7584402, 6);
    expect(multi.sigma).toBeCloseTo(15.37959, 5);
    expect(multi.ciLow[0]).toBeCloseTo(3.096964, 6);
  });

  it('matches ols on arbitrary data', () => {
    const column = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 8, maxLength: 30 });
    fc.assert(
      fc.property(column, column, (xs, ys) => {
        const n = Math.min(xs.length, ys.length);
        const simple = ols(xs.slice(0, n), ys.slice(0, n));
        const multi = olsMulti(ys.slice(0, n), [xs.slice(0, n)]);
        expect(multi.ok).toBe(simple.ok);
        if (simple.ok && multi.ok) {
          const scale = Math.max(1, Math.abs(simple.slope));
          expect(Math.abs((multi.coefficients[0] as number) - simple.slope)).toBeLessThan(1e-9 * scale);
          expect(Math.abs((multi.standardErrors[0] as number) - simple.slopeSe)).toBeLessThan(1e-9 * Math.max(1, simple.slopeSe));
          expect(Math.abs(multi.rSquared - simple.rSquared)).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it('recovers the coefficients of an exact plane', () => {
    const x1 = [1, 2, 3, 4, 5, 6, 7];
    const x2 = [3, 1, 4, 1, 5, 9, 2];
    const y = x1.map((v, i) => 10 + 2 * v - 3 * (x2[i] as number));
    const fit = olsMulti(y, [x1, x2]);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.coefficients[0]).toBeCloseTo(2, 12);
    expect(fit.coefficients[1]).toBeCloseTo(-3, 12);
    expect(fit.intercept).toBeCloseTo(10, 12);
    expect(fit.rSquared).toBeCloseTo(1, 12);
  });

  it('refuses predictors that are linear combinations of each other', () => {
    const x1 = [1, 2, 3, 4, 5, 6];
    const x2 = x1.map((v) => 2 * v + 1);
    const fit = olsMulti([3, 1, 4, 1, 5, 9], [x1, x2]);
    expect(fit).toMatchObject({ ok: false, n: 6 });
    if (!fit.ok) expect(fit.reason).toMatch(/linear combination/);
  });

  it('drops rows with any missing value and refuses when too few remain', () => {
    const fit = olsMulti([1, 2, NaN, 4], [[1, 3, 2, NaN], [2, 1, 2, 2]]);
    expect(fit).toMatchObject({ ok: false, n: 2 });
  });
});
