// The correlation test of one metric against a KPI, checked against R on monthly_kpis.csv and on degenerate input.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pearsonR } from '../stats/correlation';
import { lagPairs } from '../stats/lagScan';
import type { LagMode } from '../stats/lagScan';
import { expectEstimate, expectP, fixture, kpis, months, nanPaths, revenue } from './fixturesForTests';
import type { LagTest, MetricTest, MetricTestResult } from './metricTest';
import { defaultMaxLag, testMetric } from './metricTest';

const reference = fixture('reference_lagged_vs_revenue.csv');
const nps = kpis.numbers('nps');

function referenceRow(metric: string, lag: number): (column: string) => number {
  const i = reference.rows.findIndex((_, k) => reference.text('metric')[k] === metric && reference.numbers('lag')[k] === lag);
  if (i < 0) throw new Error(`no reference row for ${metric} at lag ${lag}`);
  return (column) => reference.numbers(column)[i] as number;
}

function run(metric: Float64Array, mode: LagMode, maxLag?: number): MetricTest {
  const result = testMetric({ metric, kpi: revenue, periods: months, mode, maxLag });
  if (!result.ok) throw new Error(`not computed: ${result.reason}`);
  return result;
}

function row(result: MetricTest, lag: number): LagTest {
  const found = result.lags[lag];
  if (!found?.ok) throw new Error(`lag ${lag} not computed`);
  return found;
}

const grid = (n: number): string[] => Array.from({ length: n }, (_, i) => `P${i + 1}`);

describe('trend-controlled NPS against revenue (the fixture truth: $4,000 per point, 3 months later)', () => {
  const result = run(nps, 'trendControlled');

  it('scans the default lags 0..12 and finds the effect 3 months later', () => {
    expect(result.maxLag).toBe(12);
    expect(result.lags).toHaveLength(13);
    expect(result.best.lag).toBe(3);
    expect(result.best.timing).toEqual({ kind: 'delayed', periods: 3 });
  });

  it('reports the slope 4030.13 with 95 % CI 3340.12..4720.14 on 56 periods, as R', () => {
    const c = referenceRow('nps', 3);
    const { slope, n } = result.best.test;
    expect(n).toBe(56);
    expectEstimate(slope.slope, c('detrended_slope'), 'slope');
    expectEstimate(slope.se, c('detrended_slope_se'), 'SE');
    expectEstimate(slope.ciLow, c('detrended_ci_low'), 'CI low');
    expectEstimate(slope.ciHigh, c('detrended_ci_high'), 'CI high');
    expect(slope.ciLow).toBeLessThan(4000);
    expect(slope.ciHigh).toBeGreaterThan(4000);
  });

  it('reproduces the trend-controlled slope of every reference lag 0..6', () => {
    for (let lag = 0; lag <= 6; lag++) {
      const c = referenceRow('nps', lag);
      const { slope } = row(result, lag);
      expectEstimate(slope.slope, c('detrended_slope'), `slope at lag ${lag}`);
      expectEstimate(slope.ciLow, c('detrended_ci_low'), `CI low at lag ${lag}`);
      expectEstimate(slope.ciHigh, c('detrended_ci_high'), `CI high at lag ${lag}`);
    }
  });

  it('reads r as the partial correlation given time, tested by the slope t test', () => {
    const test = row(result, 3);
    const series = lagPairs(nps, revenue, 3);
    const keep = Array.from(series.metric.keys()).filter(
      (i) => Number.isFinite(series.metric[i] as number) && Number.isFinite(series.kpi[i] as number),
    );
    const pick = (a: Float64Array): Float64Array => Float64Array.from(keep, (i) => a[i] as number);
    const [x, y, t] = [pick(series.metric), pick(series.kpi), pick(series.period)];
    const rxy = pearsonR(x, y);
    const rxt = pearsonR(x, t);
    const ryt = pearsonR(y, t);
    const partial = (rxy - rxt * ryt) / Math.sqrt((1 - rxt ** 2) * (1 - ryt ** 2));
    expect(test.correlation.r).toBeCloseTo(partial, 12);
    expect(test.correlation.p).toBe(test.slope.p);
    expect(test.slope.rSquared).toBeCloseTo(partial ** 2, 12);
    expect(test.correlation.ciLow).toBeLessThan(test.correlation.r);
    expect(test.correlation.ciHigh).toBeGreaterThan(test.correlation.r);
  });

  it('picks the lag with the largest |r| and adjusts its p for the 13 lags tried (Bonferroni)', () => {
    const computed = result.lags.filter((r): r is LagTest => r.ok);
    const strongest = Math.max(...computed.map((r) => Math.abs(r.correlation.r)));
    expect(Math.abs(result.best.test.correlation.r)).toBe(strongest);
    expect(result.best.lagsTried).toBe(13);
    expect(result.best.adjustedP).toBe(Math.min(1, result.best.test.correlation.p * 13));
    expect(result.best.significant).toBe(true);
    expect(result.warnings.map((w) => w.kind)).toContain('multiple-lags');
    expect(result.warnings.map((w) => w.kind)).not.toContain('trending-levels');
  });

  it('gives each lag a significance band of z/√n for the lag-profile chart', () => {
    const test = row(result, 3);
    expect(test.band).toBeCloseTo(1.959963984540054 / Math.sqrt(56), 15);
  });
});

describe('levels and period-over-period changes on the fixture', () => {
  it('reproduces R in levels at every reference lag: r, Fisher CI, p, Spearman, slope, SE, CI, R²', () => {
    const result = run(nps, 'levels', 6);
    for (let lag = 0; lag <= 6; lag++) {
      const c = referenceRow('nps', lag);
      const test = row(result, lag);
      expect(test.n).toBe(c('n'));
      expectEstimate(test.correlation.r, c('pearson_r'), `r at ${lag}`);
      expectEstimate(test.correlation.ciLow, c('r_ci_low'), `r CI low at ${lag}`);
      expectEstimate(test.correlation.ciHigh, c('r_ci_high'), `r CI high at ${lag}`);
      expectP(test.correlation.p, c('r_p'), `p at ${lag}`);
      if (!test.spearman.ok) throw new Error('spearman not computed');
      expectEstimate(test.spearman.rho, c('spearman_rho'), `rho at ${lag}`);
      expectP(test.spearman.p, c('rho_p'), `rho p at ${lag}`);
      expectEstimate(test.slope.slope, c('slope'), `slope at ${lag}`);
      expectEstimate(test.slope.se, c('slope_se'), `slope SE at ${lag}`);
      expectEstimate(test.slope.ciLow, c('slope_ci_low'), `slope CI low at ${lag}`);
      expectEstimate(test.slope.ciHigh, c('slope_ci_high'), `slope CI high at ${lag}`);
      expectEstimate(test.slope.rSquared, c('r_squared'), `R² at ${lag}`);
    }
  });

  it('warns that both series trend in levels, where the slope is overstated (6,765 at lag 3)', () => {
    const result = run(nps, 'levels');
    expect(result.best.lag).toBe(3);
    expectEstimate(result.best.test.slope.slope, referenceRow('nps', 3)('slope'), 'levels slope');
    const trending = result.warnings.find((w) => w.kind === 'trending-levels');
    if (trending?.kind !== 'trending-levels') throw new Error('no trending warning');
    expect(trending.metric.persistent && trending.kpi.persistent).toBe(true);
    expect(trending.kpi.trendP).toBeLessThan(0.001);
    expect(trending.kpi.lag1Autocorrelation).toBeGreaterThan(0.8);
    expect(trending.text).toMatch(/^Both series drift over time/);
    expect(trending.text).toContain('trend-controlled and period-over-period readings');
  });

  it('does not call a series without trend trending (CSAT against revenue)', () => {
    const result = run(kpis.numbers('csat'), 'levels');
    expect(result.warnings.map((w) => w.kind)).not.toContain('trending-levels');
    expect(result.best.adjustedP).toBe(Math.min(1, result.best.test.correlation.p * result.best.lagsTried));
  });

  it('peaks at lag 3 in changes too (r = 0.691, as R), with every other lag weak', () => {
    const result = run(nps, 'differences');
    expect(result.best.lag).toBe(3);
    for (let lag = 0; lag <= 6; lag++) {
      const c = referenceRow('nps', lag);
      const test = row(result, lag);
      expect(test.n).toBe(c('diff_n'));
      expectEstimate(test.correlation.r, c('diff_pearson_r'), `diff r at ${lag}`);
      expectP(test.correlation.p, c('diff_r_p'), `diff p at ${lag}`);
      if (lag !== 3) expect(Math.abs(test.correlation.r)).toBeLessThan(0.15);
    }
    expect(result.best.test.correlation.r).toBeCloseTo(0.691, 3);
    expect(result.best.test.slope.ciLow).toBeLessThan(4000);
    expect(result.best.test.slope.ciHigh).toBeGreaterThan(4000);
    expect(result.warnings.map((w) => w.kind)).not.toContain('trending-levels');
  });
});

describe('warnings', () => {
  it('warns of a short series when the best lag rests on fewer than 24 periods', () => {
    const result = testMetric({
      metric: nps.subarray(0, 22),
      kpi: revenue.subarray(0, 22),
      periods: months.slice(0, 22),
      mode: 'trendControlled',
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.maxLag).toBe(7);
    const short = result.warnings.find((w) => w.kind === 'short-series');
    expect(short).toMatchObject({ kind: 'short-series', minimum: 24, n: result.best.test.n });
    expect(result.best.test.n).toBeLessThan(24);
  });

  it('names a planted high-leverage outlier first, by its periods', () => {
    const n = 40;
    // A clean linear link with alternating noise, then one far-out metric value paired with a KPI off the line.
    const metric = Float64Array.from({ length: n }, (_, i) => 50 + ((i * 7) % 11));
    const kpi = Float64Array.from(metric, (x, i) => 100 + 2 * x + (i % 2 === 0 ? 0.5 : -0.5));
    metric[17] = 90;
    kpi[17] = 150;
    const periods = grid(n);
    const result = testMetric({ metric, kpi, periods, mode: 'levels', maxLag: 0 });
    if (!result.ok) throw new Error(result.reason);
    const warning = result.warnings.find((w) => w.kind === 'influential-periods');
    if (warning?.kind !== 'influential-periods') throw new Error('no influence warning');
    const first = warning.periods[0];
    expect(first).toMatchObject({ metricPeriod: 'P18', kpiPeriod: 'P18' });
    expect(first?.hat).toBeGreaterThan(4 / n);
    expect(first?.cooksDistance).toBeGreaterThan(1);
    expect(warning.text).toMatch(/^\d+ periods? ha(s|ve) unusual weight in the slope at lag 0: P18 \(leverage/);
  });

  it('pairs the metric period with the KPI period a lag later when naming an outlier', () => {
    const n = 40;
    const metric = Float64Array.from({ length: n }, (_, i) => 50 + ((i * 7) % 11));
    const kpi = new Float64Array(n);
    for (let t = 0; t < n; t++) kpi[t] = 100 + 2 * (metric[t - 2] ?? 55) + (t % 2 === 0 ? 0.5 : -0.5);
    metric[10] = 90;
    kpi[12] = 150;
    const result = testMetric({ metric, kpi, periods: grid(n), mode: 'levels', maxLag: 3 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.best.lag).toBe(2);
    const warning = result.warnings.find((w) => w.kind === 'influential-periods');
    if (warning?.kind !== 'influential-periods') throw new Error('no influence warning');
    expect(warning.periods[0]).toMatchObject({ metricPeriod: 'P11', kpiPeriod: 'P13' });
    expect(warning.text).toContain('P11 → P13');
  });
});

describe('the default lag search', () => {
  it('is min(12, ⌊n/3⌋) of the periods where both series have a value', () => {
    expect(defaultMaxLag(nps, revenue)).toBe(12);
    expect(defaultMaxLag(nps.subarray(0, 31), revenue.subarray(0, 31))).toBe(10);
  });
});

describe('input that cannot be tested gives a reason, never NaN', () => {
  const base = (metric: ArrayLike<number>, kpi: ArrayLike<number>, mode: LagMode = 'levels'): MetricTestResult =>
    testMetric({ metric, kpi, periods: grid(metric.length), mode });

  it('refuses a constant metric or KPI', () => {
    expect(base(new Float64Array(30).fill(7), revenue.subarray(0, 30))).toMatchObject({ ok: false, code: 'constant-metric' });
    expect(base(nps.subarray(0, 30), new Float64Array(30).fill(1))).toMatchObject({ ok: false, code: 'constant-kpi' });
  });

  it('refuses series with no values at all', () => {
    expect(base(new Float64Array(12).fill(NaN), revenue.subarray(0, 12))).toMatchObject({ ok: false, code: 'no-metric-values' });
    expect(base(nps.subarray(0, 12), new Float64Array(12).fill(NaN))).toMatchObject({ ok: false, code: 'no-kpi-values' });
  });

  it('refuses fewer than 4 paired periods, and says how many there are', () => {
    const result = base([1, 2, 3], [3, 1, 2]);
    expect(result).toMatchObject({ ok: false, code: 'too-few-pairs' });
    expect(!result.ok && result.reason).toBe('At most 3 periods have both values at any lag from 0 to 1; the test needs at least 4.');
  });

  it('refuses changes when no two consecutive periods are present', () => {
    const metric = [1, NaN, 3, NaN, 5, NaN, 2, NaN, 4, NaN, 6, NaN];
    const result = base(metric, Array.from(metric, (_, i) => i * i), 'differences');
    expect(result).toMatchObject({ ok: false, code: 'too-few-pairs' });
  });

  it('refuses to separate a metric that is a straight line in time from the trend', () => {
    const metric = Array.from({ length: 30 }, (_, i) => 10 + 0.5 * i);
    const result = base(metric, revenue.subarray(0, 30), 'trendControlled');
    expect(result).toMatchObject({ ok: false, code: 'not-computable' });
    expect(!result.ok && result.reason).toContain('cannot be told apart from the trend');
  });

  it('rejects series not on one grid and impossible lags as programming errors', () => {
    expect(() => testMetric({ metric: [1, 2], kpi: [1, 2, 3], periods: grid(3), mode: 'levels' })).toThrow(RangeError);
    expect(() => testMetric({ metric: nps, kpi: revenue, periods: months, mode: 'levels', maxLag: -1 })).toThrow(RangeError);
  });

  it('never returns NaN in a computed result, whatever the values and gaps', () => {
    const value = fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: -50, max: 50 }) },
      { weight: 1, arbitrary: fc.constant(NaN) },
      { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
    );
    const mode = fc.constantFrom<LagMode>('levels', 'trendControlled', 'differences');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }).chain((n) =>
          fc.tuple(fc.array(value, { minLength: n, maxLength: n }), fc.array(value, { minLength: n, maxLength: n })),
        ),
        mode,
        ([metric, kpi], m) => {
          const result = testMetric({ metric, kpi, periods: grid(metric.length), mode: m });
          if (result.ok) expect(nanPaths(result)).toEqual([]);
          else expect(result.reason.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
