// Baselines from a metric's history: the last reading, a trailing mean, or a linear trend projected to the deadline.

import type { PeriodUnit } from '../series/periods';
import { isConstant, mean } from '../stats/descriptive';
import { ols, t95 } from '../stats/regression';
import { isoFromEpochMs, periodsBetween } from './dates';
import type { FieldProblem } from './problem';
import type { BaselineMethod, StoredBaseline, TrendProjection } from './stored';

/** A metric's readings on a regular period grid (a PeriodSeries fits): consecutive periods, NaN where missing. */
export interface History {
  granularity: PeriodUnit;
  /** Start of each period, UTC epoch ms. */
  t: ArrayLike<number>;
  values: ArrayLike<number>;
}

export interface BaselineRequest {
  method: BaselineMethod;
  /** Periods to look back over, counting the last one with data; ignored by 'last'. */
  windowPeriods: number;
  /** YYYY-MM-DD; needed by 'trend', which projects to it. */
  deadline: string | null;
}

/** The straight line a 'trend' baseline fits, in metric units per period. */
export interface FittedTrend {
  slopePerPeriod: number;
  /** Residual standard deviation √(RSS/(n − 2)). */
  sigma: number;
  df: number;
  /** Periods from the last one with data to the deadline's period. */
  horizon: number;
}

export type BaselineResult =
  | {
      ok: true;
      baseline: StoredBaseline;
      /** Readings the baseline was computed from. */
      readings: number;
      trend: FittedTrend | null;
    }
  | { ok: false; problems: FieldProblem[] };

/** Fewest readings a trend can be fitted to with an interval: two for the line, one for the noise. */
export const MIN_TREND_READINGS = 3;

function refuse(field: string, message: string): BaselineResult {
  return { ok: false, problems: [{ field, message }] };
}

/** Index of the last period holding a reading, or −1. */
export function lastReadingIndex(values: ArrayLike<number>): number {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i] as number)) return i;
  return -1;
}

/**
 * 95 % prediction interval for one new reading at x0 from a straight line fitted to (x, y), as R's
 * predict(lm(y ~ x), data.frame(x = x0), interval = "prediction"): ŷ ± qt(0.975, n − 2)·σ̂·√(1 + 1/n + (x0 − x̄)²/Sxx).
 */
export function linePrediction(
  x: readonly number[],
  y: readonly number[],
  x0: number,
): { fit: TrendProjection; slope: number; intercept: number; sigma: number; df: number } | { reason: string } {
  const n = x.length;
  if (n < MIN_TREND_READINGS) {
    return { reason: `A trend needs at least ${MIN_TREND_READINGS} readings; there ${n === 1 ? 'is' : 'are'} ${n}.` };
  }
  const xBar = mean(x);
  let sxx = 0;
  for (const xi of x) sxx += (xi - xBar) ** 2;
  if (isConstant(y)) {
    // A flat history is a valid baseline: the line is flat and nothing is left for noise.
    const level = y[0] as number;
    return { fit: { value: level, low: level, high: level }, slope: 0, intercept: level, sigma: 0, df: n - 2 };
  }
  const line = ols(x, y);
  if (!line.ok) return { reason: line.reason };
  const sigma = line.slopeSe * Math.sqrt(sxx);
  const value = line.intercept + line.slope * x0;
  const half = t95(line.df) * sigma * Math.sqrt(1 + 1 / n + (x0 - xBar) ** 2 / sxx);
  return { fit: { value, low: value - half, high: value + half }, slope: line.slope, intercept: line.intercept, sigma, df: line.df };
}

/**
 * The baseline of a metric from its history. The window ends at the last period with a reading; missing periods
 * inside it are skipped, never read as zero. Refused, at the field concerned, when there is no reading at all,
 * the window is not a whole number of periods, or a trend has too few readings or no deadline to project to.
 */
export function computeBaseline(history: History, request: BaselineRequest): BaselineResult {
  const last = lastReadingIndex(history.values);
  if (last < 0) {
    return refuse('baseline', 'This metric has no data yet: import its history before setting a baseline from it.');
  }
  const window = request.method === 'last' ? 1 : request.windowPeriods;
  if (!Number.isInteger(window) || window < 1) {
    return refuse('baseline.windowPeriods', `The window must be a whole number of periods, at least 1 (got ${String(window)}).`);
  }
  const asOf = isoFromEpochMs(history.t[last] as number);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = Math.max(0, last - window + 1); i <= last; i++) {
    const v = history.values[i] as number;
    if (Number.isFinite(v)) {
      x.push(i);
      y.push(v);
    }
  }
  const stored = (value: number, projection: TrendProjection | null): StoredBaseline => ({
    method: request.method,
    value,
    asOf,
    windowPeriods: window,
    periodUnit: history.granularity,
    projection,
  });
  if (request.method !== 'trend') {
    const value = request.method === 'last' ? (y[0] as number) : mean(y);
    return { ok: true, baseline: stored(value, null), readings: y.length, trend: null };
  }
  if (request.deadline === null) return refuse('deadline', 'A trend baseline needs a deadline to project to.');
  const horizon = periodsBetween(asOf, request.deadline, history.granularity);
  if (horizon === null) return refuse('deadline', `"${request.deadline}" is not a date (expected YYYY-MM-DD).`);
  if (horizon < 0) return refuse('deadline', `The deadline falls before the last period of history (${asOf}).`);
  const line = linePrediction(x, y, last + horizon);
  if ('reason' in line) return refuse('baseline.windowPeriods', line.reason);
  return {
    ok: true,
    baseline: stored(line.intercept + line.slope * last, line.fit),
    readings: y.length,
    trend: { slopePerPeriod: line.slope, sigma: line.sigma, df: line.df, horizon },
  };
}
