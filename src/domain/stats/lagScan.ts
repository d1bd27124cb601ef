// The correlation test across lags: does a CX metric move the KPI, how much, and how many periods later.

import type { NotComputed, PearsonResult, SpearmanResult } from './correlation';
import { completePairs, pearson, spearman } from './correlation';
import type { SimpleRegressionResult } from './regression';
import { ols, olsMulti } from './regression';

/** Paired series for one lag: metric at period t against the KPI at period t + lag. */
export interface LaggedSeries {
  metric: Float64Array;
  kpi: Float64Array;
  /** Position of the KPI period in the KPI series: the time index of the trend-controlled model. */
  period: Float64Array;
}

/**
 * Pairs (x[t], y[t + k]) for every t where both positions exist, missing values kept as NaN.
 * k ≥ 0 means the metric leads the KPI by k periods; a negative k lets the KPI lead instead.
 */
export function lagPairs(x: ArrayLike<number>, y: ArrayLike<number>, k: number): LaggedSeries {
  if (!Number.isInteger(k)) throw new RangeError(`A lag must be a whole number of periods, got ${k}.`);
  const first = Math.max(0, -k);
  const end = Math.min(x.length, y.length - k);
  const length = Math.max(0, end - first);
  const out: LaggedSeries = {
    metric: new Float64Array(length),
    kpi: new Float64Array(length),
    period: new Float64Array(length),
  };
  for (let i = 0; i < length; i++) {
    const t = first + i;
    out.metric[i] = x[t] as number;
    out.kpi[i] = y[t + k] as number;
    out.period[i] = t + k;
  }
  return out;
}

/**
 * The complete pairs at lag k: `completePairs` of `lagPairs(x, y, k)` in one pass, for scans that test many lags and
 * only use the periods where both values are present.
 */
export function completeLagPairs(x: ArrayLike<number>, y: ArrayLike<number>, k: number): LaggedSeries {
  if (!Number.isInteger(k)) throw new RangeError(`A lag must be a whole number of periods, got ${k}.`);
  const first = Math.max(0, -k);
  const end = Math.min(x.length, y.length - k);
  let n = 0;
  for (let t = first; t < end; t++) {
    if (Number.isFinite(x[t] as number) && Number.isFinite(y[t + k] as number)) n++;
  }
  const metric = new Float64Array(n);
  const kpi = new Float64Array(n);
  const period = new Float64Array(n);
  for (let t = first, i = 0; i < n; t++) {
    const a = x[t] as number;
    const b = y[t + k] as number;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    metric[i] = a;
    kpi[i] = b;
    period[i] = t + k;
    i++;
  }
  return { metric, kpi, period };
}

/** Period-over-period changes d[t] = x[t + 1] − x[t]; missing when either period is missing. */
export function differences(x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(Math.max(0, x.length - 1));
  for (let t = 0; t < out.length; t++) {
    const a = x[t] as number;
    const b = x[t + 1] as number;
    out[t] = Number.isFinite(a) && Number.isFinite(b) ? b - a : NaN;
  }
  return out;
}

export interface TrendControlledSlope {
  ok: true;
  n: number;
  df: number;
  /** KPI change per unit of the metric with a linear time trend held fixed (lm(kpi ~ metric + t)). */
  slope: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  p: number;
}

export type TrendControlledResult = TrendControlledSlope | NotComputed;

/** Every statistic of the correlation test for one lag. */
export interface LagAnalysis {
  lag: number;
  /** Periods where both the metric and the lagged KPI are present. */
  n: number;
  pearson: PearsonResult;
  spearman: SpearmanResult;
  /** KPI = intercept + slope·metric, in levels. */
  regression: SimpleRegressionResult;
  /** KPI = b0 + slope·metric + c·t: the trend-controlled effect. */
  trendControlled: TrendControlledResult;
  /** Pearson correlation of period-over-period changes (each series differenced, then lag-paired). */
  differenced: PearsonResult;
}

/**
 * The trend-controlled effect alone, from one lag's paired series (lm(kpi ~ metric + t) on the complete rows): what
 * the trend-controlled reading needs at each lag, without the other statistics of `lagAnalysis`.
 */
export function trendControlledSlope(series: LaggedSeries): TrendControlledResult {
  const fit = olsMulti(series.kpi, [series.metric, series.period]);
  if (!fit.ok) return fit;
  return {
    ok: true,
    n: fit.n,
    df: fit.df,
    slope: fit.coefficients[0] as number,
    se: fit.standardErrors[0] as number,
    ciLow: fit.ciLow[0] as number,
    ciHigh: fit.ciHigh[0] as number,
    p: fit.pValues[0] as number,
  };
}

/** The full correlation test of a metric leading a KPI by `lag` periods (NaN = missing). */
export function lagAnalysis(metric: ArrayLike<number>, kpi: ArrayLike<number>, lag: number): LagAnalysis {
  const series = lagPairs(metric, kpi, lag);
  const changes = lagPairs(differences(metric), differences(kpi), lag);
  return {
    lag,
    n: completePairs(series.metric, series.kpi).x.length,
    pearson: pearson(series.metric, series.kpi),
    spearman: spearman(series.metric, series.kpi),
    regression: ols(series.metric, series.kpi),
    trendControlled: trendControlledSlope(series),
    differenced: pearson(changes.metric, changes.kpi),
  };
}

/**
 * Which reading of the data decides the peak lag: raw levels, levels with a linear trend controlled, or
 * period-over-period changes. Trending series correlate spuriously in levels; the other two do not.
 */
export type LagMode = 'levels' | 'trendControlled' | 'differences';

export interface LagScan {
  mode: LagMode;
  /** One analysis per lag, 0..maxLag. */
  lags: LagAnalysis[];
  /** The lag with the smallest p-value under the mode, or null when no lag could be computed. */
  peak: { lag: number; p: number } | null;
}

function modeP(analysis: LagAnalysis, mode: LagMode): number | null {
  const result =
    mode === 'levels' ? analysis.pearson : mode === 'trendControlled' ? analysis.trendControlled : analysis.differenced;
  return result.ok ? result.p : null;
}

/** Runs the correlation test at every lag 0..maxLag and marks the lag where the evidence is strongest. */
export function scanLags(
  metric: ArrayLike<number>,
  kpi: ArrayLike<number>,
  maxLag: number,
  mode: LagMode,
): LagScan {
  if (!Number.isInteger(maxLag) || maxLag < 0) {
    throw new RangeError(`The largest lag must be a whole number of periods ≥ 0, got ${maxLag}.`);
  }
  const lags: LagAnalysis[] = [];
  let peak: LagScan['peak'] = null;
  for (let lag = 0; lag <= maxLag; lag++) {
    const analysis = lagAnalysis(metric, kpi, lag);
    lags.push(analysis);
    const p = modeP(analysis, mode);
    if (p !== null && (peak === null || p < peak.p)) peak = { lag, p };
  }
  return { mode, lags, peak };
}
