// Checks the special functions and distributions against R's values (confirmed with mpmath at 40 digits).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  logBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  normalUpperCdf,
  regularizedIncompleteBeta,
  regularizedIncompleteBetaComplement,
  studentTCdf,
  studentTPdf,
  studentTQuantile,
  twoSidedTPValue,
  Z95,
} from './distributions';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  const error = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

describe('logGamma', () => {
  it.each([
    [0.5, 0.572364942924700087],
    [7.5, 7.53436423675873296],
    [33.3, 82.603723581654943],
    [1000.25, 5906.94726827111718],
    [0.01, 4.5994798780420217],
  ])('ln Γ(%d) matches to 1e-14', (x, expected) => {
    expectRelative(logGamma(x), expected, 1e-14);
  });

  it('is zero at 1 and 2 to within 1e-15', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
  });

  it('satisfies Γ(x + 1) = x·Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 150, noNaN: true }), (x) => {
        expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(1e-12 * Math.max(1, Math.abs(logGamma(x + 1))));
      }),
    );
  });

  it('gives ln B(a, b) without cancellation when an argument is large', () => {
    expectRelative(logBeta(2, 3), Math.log(1 / 12), 1e-14);
    expectRelative(logBeta(500, 0.5), -2.5346891063280624009, 1e-15);
    expectRelative(logBeta(40, 60), -67.968616247482449147, 1e-15);
  });
});

describe('regularizedIncompleteBeta', () => {
  it.each([
    [0.3, 2, 3, 0.34829999999999998, 0.65170000000000002],
    [0.45, 200, 300, 0.988146345620262881, 0.0118536543797371188],
  ])('I_%d(%d, %d) and its complement match', (x, a, b, lower, upper) => {
    expectRelative(regularizedIncompleteBeta(x, a, b), lower, 1e-13);
    expectRelative(regularizedIncompleteBetaComplement(x, a, b), upper, 1e-12);
  });

  it('keeps tiny tails to full relative precision', () => {
    expectRelative(regularizedIncompleteBetaComplement(0.9, 0.5, 30), 1.0793411337245473510e-31, 1e-13);
    expectRelative(regularizedIncompleteBeta(0.2, 40, 0.5), 1.08987919953783533e-29, 1e-13);
  });

  it('is 0 and 1 at the ends and NaN for invalid shapes', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
    expect(regularizedIncompleteBeta(0.5, 0, 3)).toBeNaN();
  });

  it('obeys the symmetry I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        (x, a, b) => {
          const sum = regularizedIncompleteBeta(x, a, b) + regularizedIncompleteBeta(1 - x, b, a);
          expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
        },
      ),
    );
  });
});

describe('Student t', () => {
  it.each([
    [-2.5, 7, 0.0204961092928764484],
    [1.3, 4, 0.868274201764387931],
    [-8, 57, 3.43627401624186536e-11],
    [3, 1, 0.897583617650433274],
    [-40, 3, 0.0000171903403945792641],
  ])('pt(%d, %d) matches R', (t, df, expected) => {
    expectRelative(studentTCdf(t, df), expected, 1e-13);
  });

  it('is one half at zero and gives the normal when df is infinite', () => {
    expect(studentTCdf(0, 10)).toBe(0.5);
    expect(studentTCdf(1.5, Infinity)).toBe(normalCdf(1.5));
  });

  it('gives two-sided p-values as 2·pt(−|t|)', () => {
    expectRelative(twoSidedTPValue(-8, 57), 2 * 3.43627401624186536e-11, 1e-13);
    expectRelative(twoSidedTPValue(2.5, 7), 2 * 0.0204961092928764484, 1e-13);
    expect(twoSidedTPValue(0, 5)).toBe(1);
    expect(twoSidedTPValue(Infinity, 5)).toBe(0);
  });

  it.each([
    [0.975, 10, 2.22813885198627422],
    [0.975, 1, 12.7062047361746933],
    [0.975, 2, 4.30265272974946179],
    [0.975, 3, 3.18244630528370844],
    [0.975, 54, 2.00487928818805664],
    [0.975, 57, 2.00246545929100693],
    [0.975, 3998, 1.96055752565257678],
    [0.995, 5, 4.03214298355522718],
    [0.025, 20, -2.08596344726586481],
    [1e-12, 8, -69.6950432378596058],
    [0.6, 30, 0.255605364951912714],
  ])('qt(%d, %d) matches R to 1e-13', (p, df, expected) => {
    expectRelative(studentTQuantile(p, df), expected, 1e-13);
  });

  it('returns the infinite and central quantiles exactly', () => {
    expect(studentTQuantile(0, 4)).toBe(-Infinity);
    expect(studentTQuantile(1, 4)).toBe(Infinity);
    expect(studentTQuantile(0.5, 4)).toBe(0);
    expect(studentTQuantile(1.2, 4)).toBeNaN();
  });

  it('inverts its own distribution function across tails and degrees of freedom', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }),
        fc.double({ min: 0.3, max: 5000, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          const tail = Math.min(p, 1 - p);
          const back = p < 0.5 ? studentTCdf(t, df) : 1 - studentTCdf(t, df);
          expect(Math.abs(back - tail) / tail).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it('has a density that integrates the distribution function', () => {
    const h = 1e-5;
    const numeric = (studentTCdf(1.1 + h, 6) - studentTCdf(1.1 - h, 6)) / (2 * h);
    expectRelative(studentTPdf(1.1, 6), numeric, 1e-8);
  });
});

describe('normal distribution', () => {
  it.each([
    [-8, 6.22096057427178412e-16],
    [0.5, 0.691462461274013104],
    [3, 0.998650101968369905],
  ])('pnorm(%d) matches R', (z, expected) => {
    expectRelative(normalCdf(z), expected, 1e-14);
  });

  it('keeps relative precision down to the smallest normal doubles', () => {
    // Rounding e^(−z²/2) at z²/2 ≈ 700 alone costs 700 ulps, so the bound is looser here.
    expectRelative(normalCdf(-37.5), 4.60535300958195484e-308, 2e-13);
  });

  it('computes the upper tail directly', () => {
    expectRelative(normalUpperCdf(8), 6.22096057427178412e-16, 1e-14);
    expectRelative(normalUpperCdf(-3), 0.998650101968369905, 1e-15);
  });

  it('gives qnorm(0.975) = 1.959963984540054', () => {
    expect(normalQuantile(0.975)).toBe(Z95);
    expectRelative(Z95, 1.959963984540054, 3e-16);
    expectRelative(normalCdf(-Z95), 0.025, 1e-14);
  });

  it.each([
    [1e-10, -6.3613409024040562],
    [0.3, -0.524400512708040816],
  ])('qnorm(%d) matches R', (p, expected) => {
    expectRelative(normalQuantile(p), expected, 1e-15);
  });

  it('inverts its distribution function', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        // A one-ulp change in z moves Φ(z) by about z²·ε relative, so that is the attainable bound.
        expect(Math.abs(normalCdf(z) - p) / p).toBeLessThan(1e-15 * (4 + z * z));
      }),
    );
  });
});
