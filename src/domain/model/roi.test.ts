// Tests for the cash-flow arithmetic against hand-computed NPV, ROI and payback cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountFactors, initiativeCosts, paybackMonth, presentValue, summarizeCashFlows } from './roi';

/** 12.6825… % a year is exactly 1 % a month. */
const ONE_PCT_A_MONTH = (1.01 ** 12 - 1) * 100;

describe('summarizeCashFlows', () => {
  it('computes NPV, ROI and payback of 1,000 up front returning 100 a month for a year, undiscounted', () => {
    const benefits = [0, ...Array<number>(12).fill(100)];
    const costs = initiativeCosts(1000, 0, 12);
    const s = summarizeCashFlows(benefits, costs, 0);
    expect(s.pvBenefits).toBeCloseTo(1200, 9);
    expect(s.pvCosts).toBe(1000);
    expect(s.npv).toBeCloseTo(200, 9);
    expect(s.roi).toBeCloseTo(0.2, 12);
    // Cumulative: −1,000, −900, …, −100 at month 9, 0 at month 10.
    expect(s.paybackMonth).toBe(10);
    expect(s.discountedPaybackMonth).toBe(10);
  });

  it('discounts at 1 % a month: NPV = 100 · (1 − 1.01⁻¹²) / 0.01 − 1,000 = 125.5077', () => {
    const s = summarizeCashFlows([0, ...Array<number>(12).fill(100)], initiativeCosts(1000, 0, 12), ONE_PCT_A_MONTH);
    expect(s.pvBenefits).toBeCloseTo(1125.5077473484, 8);
    expect(s.npv).toBeCloseTo(125.5077473484, 8);
    expect(s.roi).toBeCloseTo(0.1255077473, 9);
    // Discounted, month 10 still falls short (Σ 100/1.01ᵗ for t ≤ 10 = 947.13); month 11 reaches 1,037.63.
    expect(s.paybackMonth).toBe(10);
    expect(s.discountedPaybackMonth).toBe(11);
  });

  it('counts recurring costs every month after the start', () => {
    // 500 up front, 50 a month; 150 a month of benefit from month 3: net −500, −50, −50, 100, 100, …
    const benefits = [0, 0, 0, ...Array<number>(10).fill(150)];
    const s = summarizeCashFlows(benefits, initiativeCosts(500, 50, 12), 0);
    expect(s.pvCosts).toBe(500 + 12 * 50);
    expect(s.npv).toBe(1500 - 1100);
    expect(s.roi).toBeCloseTo(400 / 1100, 12);
    // Cumulative −500, −550, −600, −500, −400, −300, −200, −100, 0 at month 8.
    expect(s.paybackMonth).toBe(8);
  });

  it('reports no payback (null) when the flows never recover, and no ROI (null) when nothing is spent', () => {
    const s = summarizeCashFlows([0, 10, 10], [100, 0, 0], 0);
    expect(s.paybackMonth).toBeNull();
    expect(s.npv).toBe(-80);
    const free = summarizeCashFlows([0, 10, 10], [0, 0, 0], 5);
    expect(free.roi).toBeNull();
    expect(free.paybackMonth).toBe(0);
  });

  it('equals the plain sum of net flows at a 0 % discount rate', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), (flows) => {
        const costs = flows.map((f) => Math.max(0, -f));
        const benefits = flows.map((f) => Math.max(0, f));
        const sum = flows.reduce((a, b) => a + b, 0);
        expect(summarizeCashFlows(benefits, costs, 0).npv).toBeCloseTo(sum, 3);
      }),
    );
  });
});

describe('paybackMonth', () => {
  it('waits for a recovery that lasts: a later dip below zero moves the payback', () => {
    expect(paybackMonth([-100, 150, -100, 30, 40])).toBe(4);
    expect(paybackMonth([-100, 150, 10])).toBe(1);
  });

  it('is a month from which the running total never falls below zero again', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 30 }), (flows) => {
        const month = paybackMonth(flows);
        const running = flows.map((_, t) => flows.slice(0, t + 1).reduce((a, b) => a + b, 0));
        if (month === null) {
          expect(running[running.length - 1]).toBeLessThan(0);
        } else {
          expect(running.slice(month).every((c) => c >= 0)).toBe(true);
          if (month > 0) expect(running[month - 1]).toBeLessThan(0);
        }
      }),
    );
  });
});

describe('discounting', () => {
  it('discounts month t by (1 + r)^(−t/12)', () => {
    const f = discountFactors(24, 10);
    expect(f[0]).toBe(1);
    expect(f[12]).toBeCloseTo(1 / 1.1, 14);
    expect(f[24]).toBeCloseTo(1 / 1.21, 14);
    expect(presentValue([100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 110], 10)).toBeCloseTo(200, 12);
  });
});
