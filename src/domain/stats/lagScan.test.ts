// Reproduces every row and column of the R reference for the lagged correlation test, and the pairwise table.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from './csvForTests';
import { completeLagPairs, differences, lagAnalysis, lagPairs, scanLags, trendControlledSlope } from './lagScan';
import { completePairs, pearson } from './correlation';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url), 'utf8');

const kpis = readTable(fixture('monthly_kpis.csv'));
const reference = readTable(fixture('reference_lagged_vs_revenue.csv'));
const pairs = readTable(fixture('reference_pairs.csv'));
const revenue = kpis.numbers('revenue');

/** R's fixture tolerance: 1e-9 relative for estimates, 1e-6 relative or 1e-12 absolute for p-values. */
function expectEstimate(actual: number | undefined, expected: number, label: string): void {
  expect(actual, label).toBeTypeOf('number');
  const error = Math.abs((actual as number) - expected) / Math.abs(expected);
  expect(error, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
}

function expectP(actual: number | undefined, expected: number, label: string): void {
  expect(actual, label).toBeTypeOf('number');
  const absolute = Math.abs((actual as number) - expected);
  const ok = absolute <= 1e-12 || absolute / Math.abs(expected) <= 1e-6;
  expect(ok, `${label}: ${actual} vs ${expected}`).toBe(true);
}

const rows = reference.rows.map((_, i) => {
  const cell = (name: string): number => reference.numbers(name)[i] as number;
  return { metric: reference.text('metric')[i] as string, lag: cell('lag'), cell };
});

describe('lagPairs and differences', () => {
  it('pairs the metric at t with the KPI at t + lag and records the KPI period', () => {
    const series = lagPairs([1, 2, 3, 4, 5], [10, 20, 30, 40, 50], 2);
    expect(Array.from(series.metric)).toEqual([1, 2, 3]);
    expect(Array.from(series.kpi)).toEqual([30, 40, 50]);
    expect(Array.from(series.period)).toEqual([2, 3, 4]);
  });

  it('lets the KPI lead when the lag is negative', () => {
    const series = lagPairs([1, 2, 3, 4], [10, 20, 30, 40], -1);
    expect(Array.from(series.metric)).toEqual([2, 3, 4]);
    expect(Array.from(series.kpi)).toEqual([10, 20, 30]);
  });

  it('returns no pairs when the lag is longer than the series', () => {
    expect(lagPairs([1, 2], [1, 2], 5).metric.length).toBe(0);
  });

  it('keeps only the complete pairs of a lag, with their KPI periods, in one pass', () => {
    const series = completeLagPairs([1, NaN, 3, 4, 5], [10, 20, 30, NaN, 50], 1);
    expect(Array.from(series.metric)).toEqual([1, 4]);
    expect(Array.from(series.kpi)).toEqual([20, 50]);
    expect(Array.from(series.period)).toEqual([1, 4]);
  });

  it('pairs completely exactly as completePairs after lagPairs, at any lag', () => {
    const value = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(NaN));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 25 }), fc.array(value, { maxLength: 25 }), fc.integer({ min: -8, max: 8 }), (xs, ys, lag) => {
        const lagged = lagPairs(xs, ys, lag);
        const pairs = completePairs(lagged.metric, lagged.kpi);
        const fused = completeLagPairs(xs, ys, lag);
        expect(Array.from(fused.metric)).toEqual(Array.from(pairs.x));
        expect(Array.from(fused.kpi)).toEqual(Array.from(pairs.y));
        expect(Array.from(fused.period)).toEqual(Array.from(pairs.index, (i) => lagged.period[i]));
      }),
    );
  });

  it('marks a change as missing when either period is missing', () => {
    expect(Array.from(differences([1, 4, NaN, 10, 13]))).toEqual([3, NaN, NaN, 3]);
  });
});

describe('lagAnalysis reproduces R on monthly_kpis.csv', () => {
  it('covers all seven metrics at lags 0..6', () => {
    expect(rows.length).toBe(49);
  });

  it.each(rows.map((row) => [row.metric, row.lag, row] as const))('%s at lag %d matches every column', (metric, lag, row) => {
    const a = lagAnalysis(kpis.numbers(metric), revenue, lag);
    const c = row.cell;
    expect(a.n).toBe(c('n'));
    if (!a.pearson.ok || !a.spearman.ok || !a.regression.ok || !a.trendControlled.ok || !a.differenced.ok) {
      throw new Error(`an analysis was not computed: ${JSON.stringify(a)}`);
    }
    expect(a.pearson.n).toBe(c('n'));
    expectEstimate(a.pearson.r, c('pearson_r'), 'r');
    expectEstimate(a.pearson.ciLow, c('r_ci_low'), 'r CI low');
    expectEstimate(a.pearson.ciHigh, c('r_ci_high'), 'r CI high');
    expectP(a.pearson.p, c('r_p'), 'r p');
    expectEstimate(a.spearman.rho, c('spearman_rho'), 'rho');
    expectP(a.spearman.p, c('rho_p'), 'rho p');
    expect(a.spearman.pMethod).toBe('t approximation');
    expectEstimate(a.regression.slope, c('slope'), 'slope');
    expectEstimate(a.regression.slopeSe, c('slope_se'), 'slope SE');
    expectEstimate(a.regression.slopeCiLow, c('slope_ci_low'), 'slope CI low');
    expectEstimate(a.regression.slopeCiHigh, c('slope_ci_high'), 'slope CI high');
    expectEstimate(a.regression.intercept, c('intercept'), 'intercept');
    expectEstimate(a.regression.rSquared, c('r_squared'), 'R²');
    expectEstimate(a.trendControlled.slope, c('detrended_slope'), 'detrended slope');
    expectEstimate(a.trendControlled.se, c('detrended_slope_se'), 'detrended SE');
    expectEstimate(a.trendControlled.ciLow, c('detrended_ci_low'), 'detrended CI low');
    expectEstimate(a.trendControlled.ciHigh, c('detrended_ci_high'), 'detrended CI high');
    expect(a.differenced.n).toBe(c('diff_n'));
    expectEstimate(a.differenced.r, c('diff_pearson_r'), 'differenced r');
    expectP(a.differenced.p, c('diff_r_p'), 'differenced p');
  });
});

describe('reference_pairs.csv: pairwise Pearson in levels and changes', () => {
  it.each(pairs.rows.map((_, i) => [pairs.text('a')[i] as string, pairs.text('b')[i] as string, i] as const))(
    '%s vs %s',
    (a, b, i) => {
      const x = kpis.numbers(a);
      const y = kpis.numbers(b);
      const levels = pearson(x, y);
      const changes = pearson(differences(x), differences(y));
      if (!levels.ok || !changes.ok) throw new Error('a pairwise correlation was not computed');
      expect(levels.n).toBe(pairs.numbers('n')[i]);
      expectEstimate(levels.r, pairs.numbers('r')[i] as number, 'r');
      expectP(levels.p, pairs.numbers('p')[i] as number, 'p');
      expect(changes.n).toBe(pairs.numbers('diff_n')[i]);
      expectEstimate(changes.r, pairs.numbers('diff_r')[i] as number, 'diff r');
      expectP(changes.p, pairs.numbers('diff_p')[i] as number, 'diff p');
    },
  );
});

describe('trendControlledSlope', () => {
  it("is lagAnalysis's trend-controlled fit, whether or not the incomplete periods were dropped first", () => {
    const nps = kpis.numbers('nps');
    for (let lag = 0; lag <= 6; lag++) {
      const full = lagAnalysis(nps, revenue, lag).trendControlled;
      expect(trendControlledSlope(lagPairs(nps, revenue, lag))).toEqual(full);
      expect(trendControlledSlope(completeLagPairs(nps, revenue, lag))).toEqual(full);
    }
  });
});

describe('scanLags', () => {
  const nps = kpis.numbers('nps');

  it('finds the true three-month lead of NPS once the trend is controlled or the series are differenced', () => {
    expect(scanLags(nps, revenue, 6, 'trendControlled').peak?.lag).toBe(3);
    expect(scanLags(nps, revenue, 6, 'differences').peak?.lag).toBe(3);
  });

  it('returns one analysis per lag with the mode it was asked for', () => {
    const scan = scanLags(nps, revenue, 6, 'levels');
    expect(scan.mode).toBe('levels');
    expect(scan.lags.map((l) => l.lag)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('explains, instead of returning NaN, when a lag leaves too few periods', () => {
    const scan = scanLags([1, 2, 4, 3, 5, 7], [2, 1, 3, 5, 4, 6], 4, 'levels');
    const last = scan.lags[4];
    expect(last?.n).toBe(2);
    expect(last?.pearson).toEqual({
      ok: false,
      n: 2,
      reason: 'Only 2 periods where both series have a value; at least 4 are needed.',
    });
    expect(last?.trendControlled.ok).toBe(false);
    expect(scan.peak?.lag).toBeLessThanOrEqual(2);
  });

  it('has no peak when every lag is missing data', () => {
    expect(scanLags([NaN, NaN, NaN], [1, 2, 3], 1, 'differences').peak).toBeNull();
  });
});
