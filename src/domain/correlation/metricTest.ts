// The correlation test of one metric against a business KPI: every lag in the chosen reading, the best lag, warnings.

import type { PearsonTest, SpearmanResult } from '../stats/correlation';
import {
  completePairs,
  MIN_CORRELATION_PAIRS,
  midranks,
  pearsonOfPairs,
  pearsonR,
  spearmanOfPairs,
} from '../stats/correlation';
import { isConstant } from '../stats/descriptive';
import { twoSidedTPValue, Z95 } from '../stats/distributions';
import type { LaggedSeries, LagMode } from '../stats/lagScan';
import { completeLagPairs, differences, lagPairs, trendControlledSlope } from '../stats/lagScan';
import { olsOfPairs } from '../stats/regression';
import type { CorrelationWarning, InfluentialPeriod } from './warnings';
import { influentialWarning, multipleLagsWarning, persistence, shortSeriesWarning, trendingWarning } from './warnings';
import { influentialPoints } from './influence';

export type { LagMode };

export interface MetricTestInput {
  /** The candidate metric, one value per period, NaN where missing. */
  metric: ArrayLike<number>;
  /** The business KPI on the same period grid as the metric (position k is the same period in both). */
  kpi: ArrayLike<number>;
  /** Label of each period of the grid, used to name periods in warnings. */
  periods: readonly string[];
  /** Largest lag tried (the metric leading the KPI by 0..maxLag periods); default min(12, ⌊n/3⌋). */
  maxLag?: number;
  mode: LagMode;
}

/** The KPI's change per unit of the metric at one lag, in the mode's reading. */
export interface SlopeEstimate {
  ok: true;
  n: number;
  /** Residual degrees of freedom. */
  df: number;
  slope: number;
  se: number;
  /** 95 % t interval. */
  ciLow: number;
  ciHigh: number;
  p: number;
  /**
   * Share of the KPI's variation the metric accounts for: R² of the simple regression in levels and in changes;
   * with the trend controlled, the partial R² (share of the KPI's variation left after the trend).
   */
  rSquared: number;
}

/** Every statistic of one lag in the chosen reading. */
export interface LagTest {
  lag: number;
  ok: true;
  /** Pairs used at this lag: periods (or, in 'differences', changes) where both series have a value. */
  n: number;
  /** Pearson r with Fisher interval and p; with the trend controlled, the partial correlation given time. */
  correlation: PearsonTest;
  /** Spearman ρ; with the trend controlled, the partial Spearman correlation given time. */
  spearman: SpearmanResult;
  slope: SlopeEstimate;
  /** Half-width of the lag-profile chart's significance band, z₀.₉₇₅/√n: |r| beyond it is significant alone. */
  band: number;
}

export interface LagNotComputed {
  lag: number;
  ok: false;
  n: number;
  reason: string;
}

export type LagRow = LagTest | LagNotComputed;

/** When the KPI responds: in the same period, or a number of periods later. */
export type EffectTiming = { kind: 'immediate' } | { kind: 'delayed'; periods: number };

export interface BestLag {
  lag: number;
  timing: EffectTiming;
  test: LagTest;
  /** Lags whose test could be computed: the number of tests the best one was picked from. */
  lagsTried: number;
  /** Bonferroni: the best lag's p × lagsTried, capped at 1. */
  adjustedP: number;
  /** adjustedP < 0.05. */
  significant: boolean;
}

export interface MetricTest {
  ok: true;
  mode: LagMode;
  maxLag: number;
  /** One row per lag 0..maxLag, the lag-profile chart's bars. */
  lags: LagRow[];
  best: BestLag;
  warnings: CorrelationWarning[];
}

export type MetricTestFailureCode =
  | 'no-metric-values'
  | 'no-kpi-values'
  | 'constant-metric'
  | 'constant-kpi'
  | 'too-few-pairs'
  | 'not-computable';

export interface MetricTestFailure {
  ok: false;
  mode: LagMode;
  code: MetricTestFailureCode;
  reason: string;
}

export type MetricTestResult = MetricTest | MetricTestFailure;

/** Longest default lag search; longer searches cost intervals through the Bonferroni factor. */
export const DEFAULT_MAX_LAG = 12;
/** A partial correlation given time needs n − 4 > 0 for its Fisher interval. */
const MIN_TREND_PAIRS = 5;
const ALPHA = 0.05;

/** Default lag search min(12, ⌊n/3⌋), n the periods where both series have a value (unlagged). */
export function defaultMaxLag(metric: ArrayLike<number>, kpi: ArrayLike<number>): number {
  return Math.min(DEFAULT_MAX_LAG, Math.floor(completePairs(metric, kpi).x.length / 3));
}

/** 'immediate' for lag 0, otherwise delayed by the lag. */
export function effectTiming(lag: number): EffectTiming {
  return lag === 0 ? { kind: 'immediate' } : { kind: 'delayed', periods: lag };
}

function minimumPairs(mode: LagMode): number {
  return mode === 'trendControlled' ? MIN_TREND_PAIRS : MIN_CORRELATION_PAIRS;
}

function notComputed(lag: number, n: number, reason: string): LagNotComputed {
  return { lag, ok: false, n, reason };
}

/** Why the pairs at one lag cannot be tested, in the reader's terms, or null when they can. */
function pairsObstacle(x: Float64Array, y: Float64Array, lag: number, mode: LagMode): string | null {
  const n = x.length;
  const needed = minimumPairs(mode);
  const what = mode === 'differences' ? 'changes' : 'periods';
  if (n < needed) {
    return `Only ${n} ${what} pair up at lag ${lag}; at least ${needed} are needed.`;
  }
  const subject = mode === 'differences' ? "'s changes do" : ' does';
  if (isConstant(x)) return `The metric${subject} not vary over the ${what} paired at lag ${lag}.`;
  if (isConstant(y)) return `The KPI${subject} not vary over the ${what} paired at lag ${lag}.`;
  return null;
}

/** Levels and changes: Pearson, Spearman and the simple regression of the KPI on the metric, on one lag's complete pairs. */
function simpleRow(series: LaggedSeries, lag: number, mode: LagMode): LagRow {
  const pairs = { x: series.metric, y: series.kpi };
  const n = pairs.x.length;
  const obstacle = pairsObstacle(pairs.x, pairs.y, lag, mode);
  if (obstacle) return notComputed(lag, n, obstacle);
  const correlation = pearsonOfPairs(pairs);
  if (!correlation.ok) return notComputed(lag, n, correlation.reason);
  const fit = olsOfPairs(pairs);
  if (!fit.ok) return notComputed(lag, n, fit.reason);
  return {
    lag,
    ok: true,
    n,
    correlation,
    spearman: spearmanOfPairs(pairs),
    slope: {
      ok: true,
      n: fit.n,
      df: fit.df,
      slope: fit.slope,
      se: fit.slopeSe,
      ciLow: fit.slopeCiLow,
      ciHigh: fit.slopeCiHigh,
      p: fit.slopeP,
      rSquared: fit.rSquared,
    },
    band: Z95 / Math.sqrt(n),
  };
}

/**
 * Partial Spearman correlation of x and y given time (ppcor's method): the partial correlation of the ranks.
 * Time increases along the pairs, so its ranks are 1..n.
 */
function partialSpearman(x: Float64Array, y: Float64Array): SpearmanResult {
  const n = x.length;
  const rx = midranks(x);
  const ry = midranks(y);
  const rt = new Float64Array(n);
  for (let i = 0; i < n; i++) rt[i] = i + 1;
  const rxy = pearsonR(rx, ry);
  const rxt = pearsonR(rx, rt);
  const ryt = pearsonR(ry, rt);
  const rho = (rxy - rxt * ryt) / Math.sqrt((1 - rxt * rxt) * (1 - ryt * ryt));
  if (!Number.isFinite(rho) || Math.abs(rho) >= 1) {
    return {
      ok: false,
      n,
      reason: 'The ranks of one series follow time exactly, so no rank correlation is left once time is controlled.',
    };
  }
  const df = n - 3;
  const t = rho * Math.sqrt(df / ((1 - rho) * (1 + rho)));
  return { ok: true, n, rho, p: twoSidedTPValue(t, df), pMethod: 't approximation' };
}

/**
 * Trend controlled: the metric's coefficient in KPI ~ metric + time, and the matching partial correlation
 * r = t/√(t² + df), whose test is the coefficient's t test (same p) and whose Fisher interval uses n − 4.
 */
function trendRow(series: LaggedSeries, lag: number): LagRow {
  const pairs = { x: series.metric, y: series.kpi };
  const n = pairs.x.length;
  const obstacle = pairsObstacle(pairs.x, pairs.y, lag, 'trendControlled');
  if (obstacle) return notComputed(lag, n, obstacle);
  const fit = trendControlledSlope(series);
  if (!fit.ok) {
    return notComputed(
      lag,
      n,
      `The metric follows a straight line over the periods paired at lag ${lag}, ` +
        'so its effect cannot be told apart from the trend.',
    );
  }
  const t = fit.slope / fit.se;
  const r = t / Math.sqrt(t * t + fit.df);
  if (!(fit.se > 0) || !Number.isFinite(r) || Math.abs(r) >= 1) {
    return notComputed(
      lag,
      n,
      `The KPI is an exact combination of the metric and a straight-line trend at lag ${lag}, so there is no ` +
        'uncertainty to measure: check that the series are not derived from each other.',
    );
  }
  const z = Math.atanh(r);
  const half = Z95 / Math.sqrt(n - 4);
  return {
    lag,
    ok: true,
    n,
    correlation: { ok: true, n, r, ciLow: Math.tanh(z - half), ciHigh: Math.tanh(z + half), p: fit.p },
    spearman: partialSpearman(pairs.x, pairs.y),
    slope: {
      ok: true,
      n,
      df: fit.df,
      slope: fit.slope,
      se: fit.se,
      ciLow: fit.ciLow,
      ciHigh: fit.ciHigh,
      p: fit.p,
      rSquared: r * r,
    },
    band: Z95 / Math.sqrt(n),
  };
}

/** The regression data at one lag, with the grid positions of each point's metric and KPI period. */
interface LagData {
  y: Float64Array;
  predictors: Float64Array[];
  metricPeriod: Int32Array;
  kpiPeriod: Int32Array;
}

function lagData(metric: ArrayLike<number>, kpi: ArrayLike<number>, lag: number, mode: LagMode): LagData {
  // A change d[t] = x[t + 1] − x[t] is named by the period it ends in.
  const shift = mode === 'differences' ? 1 : 0;
  const series =
    mode === 'differences' ? lagPairs(differences(metric), differences(kpi), lag) : lagPairs(metric, kpi, lag);
  const pairs = completePairs(series.metric, series.kpi);
  const predictors = [pairs.x];
  if (mode === 'trendControlled') predictors.push(Float64Array.from(pairs.index, (i) => series.period[i] as number));
  return {
    y: pairs.y,
    predictors,
    metricPeriod: Int32Array.from(pairs.index, (i) => i + shift),
    kpiPeriod: Int32Array.from(pairs.index, (i) => i + lag + shift),
  };
}

function influentialPeriods(input: MetricTestInput, lag: number): InfluentialPeriod[] {
  const data = lagData(input.metric, input.kpi, lag, input.mode);
  return influentialPoints(data.y, data.predictors).map((point) => ({
    metricPeriod: input.periods[data.metricPeriod[point.index] as number] as string,
    kpiPeriod: input.periods[data.kpiPeriod[point.index] as number] as string,
    hat: point.hat,
    cooksDistance: point.cooksDistance,
  }));
}

function presentValues(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).filter(Number.isFinite);
}

function failure(mode: LagMode, code: MetricTestFailureCode, reason: string): MetricTestFailure {
  return { ok: false, mode, code, reason };
}

/**
 * The correlation test of a metric against a KPI on one period grid (NaN = missing): at each lag 0..maxLag
 * (the metric leading by that many periods) the mode's correlation, Spearman ρ and slope; the best lag is the
 * one with the largest |r| of the mode's correlation (ties to the shorter lag), its p-value Bonferroni-adjusted
 * for the number of lags tried. Never NaN: input that cannot be tested gives `{ ok: false, reason }`.
 */
export function testMetric(input: MetricTestInput): MetricTestResult {
  const { metric, kpi, periods, mode } = input;
  if (metric.length !== kpi.length || periods.length !== metric.length) {
    throw new RangeError(
      `The metric (${metric.length}), the KPI (${kpi.length}) and the periods (${periods.length}) must lie on one grid.`,
    );
  }
  if (input.maxLag !== undefined && (!Number.isInteger(input.maxLag) || input.maxLag < 0)) {
    throw new RangeError(`The largest lag must be a whole number of periods ≥ 0, got ${input.maxLag}.`);
  }
  const metricValues = presentValues(metric);
  const kpiValues = presentValues(kpi);
  if (metricValues.length === 0) return failure(mode, 'no-metric-values', 'The metric has no values in these periods.');
  if (kpiValues.length === 0) return failure(mode, 'no-kpi-values', 'The KPI has no values in these periods.');
  if (isConstant(metricValues)) {
    const reason = 'The metric has the same value in every period, so it cannot explain any movement of the KPI.';
    return failure(mode, 'constant-metric', reason);
  }
  if (isConstant(kpiValues)) {
    const reason = 'The KPI has the same value in every period, so there is no movement to explain.';
    return failure(mode, 'constant-kpi', reason);
  }

  const maxLag = input.maxLag ?? defaultMaxLag(metric, kpi);
  const metricChanges = mode === 'differences' ? differences(metric) : null;
  const kpiChanges = mode === 'differences' ? differences(kpi) : null;
  const lags: LagRow[] = [];
  for (let lag = 0; lag <= maxLag; lag++) {
    if (mode === 'trendControlled') {
      lags.push(trendRow(completeLagPairs(metric, kpi, lag), lag));
    } else {
      const series =
        metricChanges && kpiChanges ? completeLagPairs(metricChanges, kpiChanges, lag) : completeLagPairs(metric, kpi, lag);
      lags.push(simpleRow(series, lag, mode));
    }
  }

  const computed = lags.filter((row): row is LagTest => row.ok);
  if (computed.length === 0) {
    const most = Math.max(...lags.map((row) => row.n));
    const needed = minimumPairs(mode);
    if (most < needed) {
      const what = `${mode === 'differences' ? 'period-over-period change' : 'period'}${most === 1 ? ' has' : 's have'}`;
      const range = maxLag === 0 ? 'at lag 0' : `at any lag from 0 to ${maxLag}`;
      return failure(
        mode,
        'too-few-pairs',
        `At most ${most} ${what} both values ${range}; the test needs at least ${needed}.`,
      );
    }
    const first = lags.find((row): row is LagNotComputed => !row.ok && row.n >= needed) as LagNotComputed;
    return failure(mode, 'not-computable', `No lag could be tested. ${first.reason}`);
  }

  let test = computed[0] as LagTest;
  for (const row of computed) if (Math.abs(row.correlation.r) > Math.abs(test.correlation.r)) test = row;
  const lagsTried = computed.length;
  const adjustedP = Math.min(1, test.correlation.p * lagsTried);
  const best: BestLag = {
    lag: test.lag,
    timing: effectTiming(test.lag),
    test,
    lagsTried,
    adjustedP,
    significant: adjustedP < ALPHA,
  };

  const warnings: CorrelationWarning[] = [];
  const short = shortSeriesWarning(test.n, mode);
  if (short) warnings.push(short);
  if (mode === 'levels') {
    const trending = trendingWarning(persistence(metric), persistence(kpi));
    if (trending) warnings.push(trending);
  }
  if (lagsTried > 1) warnings.push(multipleLagsWarning(lagsTried, test.correlation.p, adjustedP));
  const influential = influentialWarning(test.lag, influentialPeriods(input, test.lag), mode);
  if (influential) warnings.push(influential);

  return { ok: true, mode, maxLag, lags, best, warnings };
}
