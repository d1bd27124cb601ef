// Checks the Pearson and Spearman tests against R's cor.test examples and their invariants.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  completePairs,
  correlationPValue,
  midranks,
  pearson,
  pearsonOfPairs,
  spearman,
  spearmanOfPairs,
  spearmanSTail,
} from './correlation';

// The example of R's ?cor.test (Hollander & Wolfe 1973, p. 187).
const x = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
const y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];

// Values on a realistic scale: transformations of subnormal numbers would round them into ties.
const series = fc.array(
  fc.integer({ min: -100000, max: 100000 }).map((v) => v / 100),
  { minLength: 6, maxLength: 40 },
);

describe('completePairs', () => {
  it('drops a pair when either value is missing and remembers where the rest came from', () => {
    const pairs = completePairs([1, NaN, 3, 4, 5], [10, 20, NaN, 40, 50]);
    expect(Array.from(pairs.x)).toEqual([1, 4, 5]);
    expect(Array.from(pairs.y)).toEqual([10, 40, 50]);
    expect(Array.from(pairs.index)).toEqual([0, 3, 4]);
  });

  it('keeps exactly the positions where both values are finite, in order', () => {
    const value = fc.oneof(fc.double({ noNaN: true }), fc.constant(NaN), fc.constant(Infinity));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), fc.array(value, { maxLength: 30 }), (xs, ys) => {
        const kept = xs.flatMap((v, i) => (i < ys.length && Number.isFinite(v) && Number.isFinite(ys[i]!) ? [i] : []));
        const pairs = completePairs(xs, ys);
        expect(Array.from(pairs.index)).toEqual(kept);
        expect(Array.from(pairs.x)).toEqual(kept.map((i) => xs[i]));
        expect(Array.from(pairs.y)).toEqual(kept.map((i) => ys[i]));
      }),
    );
  });
});

describe('pearson', () => {
  it("reproduces R's cor.test example: r, Fisher interval and p", () => {
    const result = pearson(x, y);
    if (!result.ok) throw new Error(result.reason);
    expect(result.n).toBe(9);
    expect(result.r).toBeCloseTo(0.5711815575638288, 14);
    // R prints: t = 1.8411, df = 7, p-value = 0.1082, 95 % CI −0.1497426 .. 0.8955795.
    expect(result.p).toBeCloseTo(0.1081730543494936, 13);
    expect(result.ciLow).toBeCloseTo(-0.1497426, 7);
    expect(result.ciHigh).toBeCloseTo(0.8955795, 7);
  });

  it('refuses fewer than four complete pairs, naming how many there are', () => {
    expect(pearson([1, 2, 3, NaN], [3, 1, 2, 4])).toEqual({
      ok: false,
      n: 3,
      reason: 'Only 3 periods where both series have a value; at least 4 are needed.',
    });
  });

  it('refuses a series that does not vary', () => {
    const result = pearson([5, 5, 5, 5, 5], [1, 2, 3, 4, 5]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/does not vary/);
  });

  it('refuses values so extreme that the sums overflow rather than report r = 0', () => {
    const result = pearson([1e200, 2e200, 3e200, 5e200], [1, 2, 4, 3]);
    expect(result).toMatchObject({ ok: false, n: 4 });
  });

  it('refuses a perfect line instead of returning p = 0 and a zero-width interval', () => {
    const result = pearson([1, 2, 3, 4, 5], [3, 5, 7, 9, 11]);
    expect(result.ok).toBe(false);
  });

  it('is symmetric and unchanged by positive affine rescaling', () => {
    fc.assert(
      fc.property(series, series, (a, b) => {
        const n = Math.min(a.length, b.length);
        const xs = a.slice(0, n);
        const ys = b.slice(0, n);
        const forward = pearson(xs, ys);
        const backward = pearson(ys, xs);
        const scaled = pearson(
          xs.map((v) => 3 * v + 7),
          ys,
        );
        expect(backward.ok).toBe(forward.ok);
        if (forward.ok && backward.ok && scaled.ok) {
          expect(Math.abs(forward.r - backward.r)).toBeLessThan(1e-12);
          expect(Math.abs(forward.r - scaled.r)).toBeLessThan(1e-9);
          expect(forward.ciLow).toBeLessThanOrEqual(forward.r);
          expect(forward.ciHigh).toBeGreaterThanOrEqual(forward.r);
          expect(forward.p).toBeGreaterThanOrEqual(0);
          expect(forward.p).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('gives p = 1 for r = 0 and a tiny p for a strong correlation on many points', () => {
    expect(correlationPValue(0, 30)).toBe(1);
    expect(correlationPValue(0.9, 100)).toBeLessThan(1e-30);
  });
});

describe('midranks', () => {
  it('averages the ranks of tied values as R does', () => {
    expect(Array.from(midranks([10, 20, 20, 5, 20]))).toEqual([2, 4, 4, 1, 4]);
  });

  it('gives each value the count of smaller values plus the mean position of its ties, for any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }).map((v) => v / 4), { maxLength: 80 }), (values) => {
        const expected = values.map((v) => {
          const below = values.filter((w) => w < v).length;
          const tied = values.filter((w) => w === v).length;
          return below + (tied + 1) / 2;
        });
        expect(Array.from(midranks(values))).toEqual(expected);
      }),
    );
  });

  it('ranks −0 and 0 as one tied value', () => {
    expect(Array.from(midranks([0, 1, -0, -1]))).toEqual([2.5, 4, 2.5, 1]);
  });

  it('always sums to n(n + 1)/2', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 50 }), (values) => {
        const n = values.length;
        const sum = midranks(values).reduce((s, r) => s + r, 0);
        expect(sum).toBe((n * (n + 1)) / 2);
      }),
    );
  });
});

describe('spearman', () => {
  it("reproduces R's cor.test example: rho = 0.6, S = 48, exact p = 0.0968", () => {
    const result = spearman(x, y);
    if (!result.ok) throw new Error(result.reason);
    expect(result.rho).toBeCloseTo(0.6, 15);
    // 17,563 of the 9! rankings have S ≤ 48, doubled for the two-sided test.
    expect(result.p).toBe((2 * 17563) / 362880);
    expect(result.pMethod).toBe('AS 89 exact');
  });

  it('uses the t approximation, as R does, when there are ties', () => {
    const result = spearman([1, 2, 2, 4, 5, 6, 8], [2, 1, 4, 3, 6, 5, 9]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.pMethod).toBe('t approximation');
    expect(result.p).toBe(correlationPValue(result.rho, 7));
  });

  it('uses the Edgeworth series of AS 89 beyond nine pairs without ties', () => {
    const xs = Array.from({ length: 12 }, (_, i) => i);
    const ys = [5, 0, 9, 2, 7, 1, 11, 4, 3, 10, 6, 8];
    const result = spearman(xs, ys);
    if (!result.ok) throw new Error(result.reason);
    expect(result.pMethod).toBe('AS 89 Edgeworth');
    expect(result.p).toBeGreaterThan(0.01);
    expect(result.p).toBeLessThan(0.9);
  });

  it('matches the AS 89 Edgeworth value published with the pspearman package (n = 10, S ≤ 36)', () => {
    // pspearman(36, 10, approximation = "AS89") = 0.005825634; R passes S + 2 for a lower tail.
    expect(spearmanSTail(10, 38, true)).toBeCloseTo(0.005825634, 9);
  });

  it('gives the same answers on pairs already made complete, so a scan can pair once and test several ways', () => {
    const xs = [1, NaN, 3, 4, 7, 6, 2, 9];
    const ys = [2, 5, NaN, 3, 8, 8, 1, 7];
    const pairs = completePairs(xs, ys);
    expect(spearmanOfPairs(pairs)).toEqual(spearman(xs, ys));
    expect(pearsonOfPairs(pairs)).toEqual(pearson(xs, ys));
  });

  it('is unchanged by any increasing transformation of either series', () => {
    fc.assert(
      fc.property(series, series, (a, b) => {
        const n = Math.min(a.length, b.length);
        const xs = a.slice(0, n);
        const ys = b.slice(0, n);
        const plain = spearman(xs, ys);
        const transformed = spearman(
          xs.map((v) => Math.cbrt(v) * 2 + 1),
          ys,
        );
        if (plain.ok && transformed.ok) expect(Math.abs(plain.rho - transformed.rho)).toBeLessThan(1e-12);
      }),
    );
  });
});
