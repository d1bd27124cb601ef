// Baselines: last reading, trailing mean and trend projection with R's prediction interval, and refusals.

import { describe, expect, it } from 'vitest';
import { computeBaseline, linePrediction } from './baseline';
import { fixtureHistory, monthly } from './historyForTests';

describe('linePrediction', () => {
  it("matches R's predict(lm(y ~ x), interval = 'prediction') on a case worked by hand", () => {
    // x = 0:4, y = c(1, 3, 2, 5, 4): b = 8/10, a = 1.4, RSS = 3.6, σ̂² = 1.2; at x0 = 7, ŷ = 7 and
    // se = √(1.2·(1 + 1/5 + (7 − 2)²/10)) = √4.44; qt(0.975, 3) = 3.182446305284263.
    // R: fit 7, lwr 0.2941695, upr 13.70583.
    const line = linePrediction([0, 1, 2, 3, 4], [1, 3, 2, 5, 4], 7);
    if ('reason' in line) throw new Error(line.reason);
    expect(line.fit.value).toBeCloseTo(7, 12);
    expect(line.fit.low).toBeCloseTo(0.2941695280959049, 10);
    expect(line.fit.high).toBeCloseTo(13.705830471904095, 10);
    expect(line.sigma).toBeCloseTo(Math.sqrt(1.2), 14);
    expect(line.df).toBe(3);
  });

  it('treats a flat history as a flat line with no noise', () => {
    const line = linePrediction([0, 1, 2], [40, 40, 40], 9);
    expect(line).toMatchObject({ fit: { value: 40, low: 40, high: 40 }, slope: 0, sigma: 0 });
  });

  it('needs three readings', () => {
    expect(linePrediction([0, 1], [1, 2], 3)).toEqual({ reason: 'A trend needs at least 3 readings; there are 2.' });
  });
});

describe('computeBaseline on the fixture NPS (2020-01..2024-12)', () => {
  const nps = fixtureHistory('nps');

  it('reads the last month', () => {
    const result = computeBaseline(nps, { method: 'last', windowPeriods: 6, deadline: null });
    expect(result).toEqual({
      ok: true,
      baseline: { method: 'last', value: 37.6, asOf: '2024-12-01', windowPeriods: 1, periodUnit: 'month', projection: null },
      readings: 1,
      trend: null,
    });
  });

  it('averages the last six months', () => {
    const result = computeBaseline(nps, { method: 'trailing-mean', windowPeriods: 6, deadline: null });
    if (!result.ok) throw new Error('refused');
    // (35.7 + 41.7 + 42.9 + 40.3 + 37.2 + 37.6) / 6
    expect(result.baseline.value).toBeCloseTo(235.4 / 6, 12);
    expect(result.readings).toBe(6);
  });

  it('projects a 12-month trend six months ahead with a prediction interval', () => {
    const result = computeBaseline(nps, { method: 'trend', windowPeriods: 12, deadline: '2025-06-30' });
    if (!result.ok || result.trend === null || result.baseline.projection === null) throw new Error('refused');
    const window = [32.8, 29.9, 33.1, 33.3, 36.8, 37.7, 35.7, 41.7, 42.9, 40.3, 37.2, 37.6];
    const x = window.map((_, k) => k);
    const line = linePrediction(x, window, 17);
    if ('reason' in line) throw new Error(line.reason);
    expect(result.trend.horizon).toBe(6);
    expect(result.baseline.projection.value).toBeCloseTo(line.fit.value, 9);
    expect(result.baseline.projection.high - result.baseline.projection.low).toBeCloseTo(line.fit.high - line.fit.low, 9);
    expect(result.trend.slopePerPeriod).toBeGreaterThan(0.7);
    // The baseline is the trend's level in the last month, not the last noisy reading.
    expect(result.baseline.value).toBeCloseTo(line.intercept + line.slope * 11, 12);
  });
});

describe('computeBaseline with gaps and refusals', () => {
  it('skips missing months inside the window instead of reading them as zero', () => {
    const history = monthly('2024-01', [10, NaN, 20, NaN]);
    const result = computeBaseline(history, { method: 'trailing-mean', windowPeriods: 3, deadline: null });
    expect(result.ok && result.baseline).toMatchObject({ value: 15, asOf: '2024-03-01', windowPeriods: 3 });
  });

  it('refuses a metric with no data at the baseline field', () => {
    const result = computeBaseline(monthly('2024-01', [NaN, NaN]), { method: 'last', windowPeriods: 1, deadline: null });
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'baseline', message: 'This metric has no data yet: import its history before setting a baseline from it.' }],
    });
  });

  it('refuses a trend with no deadline, a deadline before the data, or too few readings', () => {
    const history = monthly('2024-01', [1, 2, 3, 4]);
    const field = (deadline: string | null, windowPeriods = 4): string | undefined => {
      const result = computeBaseline(history, { method: 'trend', windowPeriods, deadline });
      return result.ok ? undefined : result.problems[0]?.field;
    };
    expect(field(null)).toBe('deadline');
    expect(field('2023-12-31')).toBe('deadline');
    expect(field('2024-13-01')).toBe('deadline');
    expect(field('2024-12-31', 2)).toBe('baseline.windowPeriods');
    expect(field('2024-12-31', 0)).toBe('baseline.windowPeriods');
    expect(field('2024-12-31')).toBeUndefined();
  });
});
