// The Model tab's number formats: money, ROI, changes in their units, and never "NaN" or "-0" on screen.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatGridValue, formatMoneyOrDash, formatOutput, formatPayback, formatValue, NOT_A_NUMBER, withChoice } from './modelFormat';

describe('model number formats', () => {
  it('shows a dash, never NaN or Infinity, for a value that is not a finite number', () => {
    for (const unit of ['currency', 'ratio', 'percent', 'seconds', 'score'] as const) {
      expect(formatOutput(Number.NaN, unit, 'EUR')).toBe(NOT_A_NUMBER);
      expect(formatOutput(Number.POSITIVE_INFINITY, unit, 'EUR')).toBe(NOT_A_NUMBER);
    }
    expect(formatMoneyOrDash(null, 'EUR')).toBe(NOT_A_NUMBER);
    expect(formatValue(Number.NaN)).toBe(NOT_A_NUMBER);
  });

  it('shows ROI as a percentage and a percent metric change in percentage points', () => {
    expect(formatOutput(1.354, 'ratio', 'EUR')).toMatch(/^135\s%$/);
    expect(formatOutput(-0.08, 'percent', 'EUR')).toMatch(/^-0[.,]08 pp$/);
  });

  it('shows a value that rounds to zero as 0, not -0', () => {
    expect(formatValue(-0.0004, 3)).toBe('0');
    expect(formatValue(-0.004, 3)).toMatch(/^-0[.,]004$/);
  });

  it('rounds grid values to about four significant digits', () => {
    expect(formatGridValue(11666.6667)).toMatch(/^11[,.\s]?667$/);
    expect(formatGridValue(2.5)).toMatch(/^2[.,]5$/);
    expect(formatGridValue(0.12345)).toMatch(/^0[.,]123$/);
  });

  it('says when a project never pays back within the horizon', () => {
    expect(formatPayback(null, 36)).toBe('not within 36 months');
    expect(formatPayback(14, 36)).toBe('month 14');
  });

  it('never writes NaN for any number in any unit', () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom('currency', 'ratio', 'percent', 'seconds', 'score' as const), (x, unit) => {
        expect(formatOutput(x, unit, 'USD')).not.toMatch(/NaN|Infinity|∞/);
      }),
    );
  });
});

describe('withChoice', () => {
  it('keeps the options as they are when the value is one of them, and adds it in order when it is not', () => {
    expect(withChoice([1_000, 10_000, 100_000], 10_000)).toEqual([1_000, 10_000, 100_000]);
    expect(withChoice([1_000, 10_000, 100_000], 5_000)).toEqual([1_000, 5_000, 10_000, 100_000]);
  });
});
