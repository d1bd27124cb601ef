// Tests for the uncertain-input distributions: exact quantiles, moments, and the fast sampler agreeing with them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile, Z95 } from '../stats/distributions';
import { distributionMean, distributionVariance, normalSd, quantile, Sampler, standardNormalQuantile } from './distributions';
import type { Distribution } from './stored';

const triangle: Distribution = { kind: 'triangular', low: 0, high: 10 };

describe('quantile', () => {
  it('spreads a uniform evenly between low and high', () => {
    expect(quantile({ kind: 'uniform', low: 2, high: 6 }, 3, 0.25)).toBe(3);
  });

  it('peaks a triangular at its base: the CDF at the base is (base − low)/(high − low)', () => {
    // F(4) = (4 − 0)² / ((10 − 0)(4 − 0)) = 0.4 for a triangle on 0..10 peaking at 4.
    expect(quantile(triangle, 4, 0.4)).toBeCloseTo(4, 12);
    // Below the peak x = √(u · 10 · 4): u = 0.1 → 2.
    expect(quantile(triangle, 4, 0.1)).toBeCloseTo(2, 12);
    // Above it x = 10 − √((1 − u) · 10 · 6): u = 0.85 → 10 − 3 = 7.
    expect(quantile(triangle, 4, 0.85)).toBeCloseTo(7, 12);
  });

  it('reads a normal range as its central 95 %: low and high are the 2.5 % and 97.5 % quantiles', () => {
    const d: Distribution = { kind: 'normal', low: 10 - Z95 * 2, high: 10 + Z95 * 2 };
    expect(normalSd(d)).toBeCloseTo(2, 12);
    expect(quantile(d, 10, 0.975)).toBeCloseTo(d.high, 10);
    expect(quantile(d, 10, 0.5)).toBe(10);
  });

  it('keeps uniform and triangular draws within their range, increasing in u', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Distribution['kind']>('uniform', 'triangular'),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        (kind, low, width, at, u1, u2) => {
          const d: Distribution = { kind, low, high: low + width };
          const base = low + at * width;
          const [a, b] = u1 < u2 ? [u1, u2] : [u2, u1];
          const qa = quantile(d, base, a);
          const qb = quantile(d, base, b);
          const slack = 1e-9 * (1 + Math.abs(low) + width);
          expect(qa).toBeGreaterThanOrEqual(low - slack);
          expect(qb).toBeLessThanOrEqual(low + width + slack);
          expect(qb).toBeGreaterThanOrEqual(qa - slack);
        },
      ),
    );
  });
});

describe('moments', () => {
  it('gives the textbook mean and variance of each kind', () => {
    expect(distributionMean(triangle, 4)).toBeCloseTo(14 / 3, 12);
    expect(distributionVariance(triangle, 4)).toBeCloseTo((0 + 100 + 16 - 0 - 0 - 40) / 18, 12);
    expect(distributionVariance({ kind: 'uniform', low: 0, high: 6 }, 1)).toBe(3);
    expect(distributionVariance({ kind: 'normal', low: 10 - Z95 * 3, high: 10 + Z95 * 3 }, 10)).toBeCloseTo(9, 10);
  });
});

describe('standardNormalQuantile', () => {
  it('is bit-identical to the stats module’s AS 241 everywhere in (0, 1)', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1 - 2 ** -53, noNaN: true }), (p) => {
        expect(standardNormalQuantile(p)).toBe(normalQuantile(p));
      }),
    );
  });
});

describe('Sampler', () => {
  it('turns a row of uniform draws into exactly the quantiles of each input, at the positions asked', () => {
    const specs = [
      { base: 4, distribution: triangle },
      { base: 1, distribution: { kind: 'uniform', low: -1, high: 3 } as Distribution },
      { base: 5, distribution: { kind: 'normal', low: 3, high: 7 } as Distribution },
      { base: 2, distribution: { kind: 'triangular', low: 2, high: 2 } as Distribution },
    ];
    const sampler = new Sampler(specs);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), { minLength: 4, maxLength: 4 }), (u) => {
        const x = new Float64Array(10);
        sampler.fill(Float64Array.from([0.5, ...u]), 1, x, Int32Array.from([9, 0, 4, 7]));
        specs.forEach((spec, q) => {
          const at = [9, 0, 4, 7][q] as number;
          expect(x[at]).toBeCloseTo(quantile(spec.distribution, spec.base, u[q] as number), 12);
        });
      }),
    );
  });
});
