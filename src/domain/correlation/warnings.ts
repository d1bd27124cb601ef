// Typed warnings of the correlation test, each with a plain-English text, and the trend screen they rely on.

import { pearson } from '../stats/correlation';
import type { LagMode } from '../stats/lagScan';
import { lagPairs } from '../stats/lagScan';
import { ols } from '../stats/regression';

/** Fewer pairs than this give intervals too wide and lag peaks too unstable to act on. */
export const SHORT_SERIES = 24;
/** A linear trend with p below this counts as real for the trending screen. */
export const TREND_P = 0.05;
/** Lag-1 autocorrelation above this reads as a wandering, unit-root-like series. */
export const PERSISTENT_AUTOCORRELATION = 0.8;

/** How strongly a series drifts: the screen for spurious correlation in levels. */
export interface Persistence {
  /** p-value of the slope of the series on time (period position); null when it cannot be fitted. */
  trendP: number | null;
  /** Pearson r of each value with the next period's; null when it cannot be computed. */
  lag1Autocorrelation: number | null;
  /** trendP < 0.05 or lag-1 autocorrelation > 0.8. */
  persistent: boolean;
}

/** One regression point that passes the leverage or Cook's distance cut-off. */
export interface InfluentialPeriod {
  /** Period of the metric's value (in 'differences', the period its change ends in). */
  metricPeriod: string;
  /** Period of the KPI's value it is paired with, `lag` periods later. */
  kpiPeriod: string;
  hat: number;
  /** null when the point alone determines the slope (hat value 1). */
  cooksDistance: number | null;
}

export type CorrelationWarning =
  | { kind: 'short-series'; n: number; minimum: number; text: string }
  | { kind: 'trending-levels'; metric: Persistence; kpi: Persistence; text: string }
  | { kind: 'multiple-lags'; lagsTried: number; p: number; adjustedP: number; text: string }
  | { kind: 'influential-periods'; lag: number; periods: InfluentialPeriod[]; text: string };

/** A p-value in words: three significant figures are noise below 0.001. */
export function describeP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${Number(p.toPrecision(2))}`;
}

/** The trend screen of one series on its period grid (NaN = missing). */
export function persistence(values: ArrayLike<number>): Persistence {
  const time = Float64Array.from({ length: values.length }, (_, i) => i);
  const trend = ols(time, values);
  const next = lagPairs(values, values, 1);
  const autocorrelation = pearson(next.metric, next.kpi);
  const trendP = trend.ok ? trend.slopeP : null;
  const lag1Autocorrelation = autocorrelation.ok ? autocorrelation.r : null;
  return {
    trendP,
    lag1Autocorrelation,
    persistent:
      (trendP !== null && trendP < TREND_P) ||
      (lag1Autocorrelation !== null && lag1Autocorrelation > PERSISTENT_AUTOCORRELATION),
  };
}

export function shortSeriesWarning(n: number, mode: LagMode): CorrelationWarning | null {
  if (n >= SHORT_SERIES) return null;
  const what = mode === 'differences' ? 'period-over-period changes' : 'periods';
  return {
    kind: 'short-series',
    n,
    minimum: SHORT_SERIES,
    text:
      `Only ${n} ${what} support the best lag; with fewer than ${SHORT_SERIES} ` +
      'the interval is wide and the best lag may be chance.',
  };
}

function describePersistence(who: string, p: Persistence): string {
  const parts: string[] = [];
  if (p.trendP !== null && p.trendP < TREND_P) parts.push(`a linear trend, ${describeP(p.trendP)}`);
  if (p.lag1Autocorrelation !== null && p.lag1Autocorrelation > PERSISTENT_AUTOCORRELATION) {
    parts.push(`each period close to the last, lag-1 autocorrelation ${p.lag1Autocorrelation.toFixed(2)}`);
  }
  return `${who} (${parts.join('; ')})`;
}

/**
 * Both series drift (each has a significant linear trend or a lag-1 autocorrelation above 0.8): levels of two
 * drifting series correlate whether or not one moves the other.
 */
export function trendingWarning(metric: Persistence, kpi: Persistence): CorrelationWarning | null {
  if (!metric.persistent || !kpi.persistent) return null;
  return {
    kind: 'trending-levels',
    metric,
    kpi,
    text:
      `Both series drift over time: ${describePersistence('the metric', metric)} ` +
      `and ${describePersistence('the KPI', kpi)}. ` +
      'In levels, two drifting series correlate even when neither moves the other, so this link is likely ' +
      'overstated: compare the trend-controlled and period-over-period readings.',
  };
}

export function multipleLagsWarning(lagsTried: number, p: number, adjustedP: number): CorrelationWarning {
  const outcome =
    adjustedP < 0.001
      ? 'it stays below 0.001, so the search alone does not explain this link.'
      : `${describeP(p)} becomes ${describeP(adjustedP)}.`;
  return {
    kind: 'multiple-lags',
    lagsTried,
    p,
    adjustedP,
    text:
      `The best of ${lagsTried} lags was picked, which makes a strong-looking link more likely by chance. ` +
      `Its p-value is multiplied by ${lagsTried} (Bonferroni): ${outcome}`,
  };
}

function describePeriod(period: InfluentialPeriod, lag: number): string {
  const pair = lag === 0 ? period.kpiPeriod : `${period.metricPeriod} → ${period.kpiPeriod}`;
  const cooks =
    period.cooksDistance === null ? 'decides the slope alone' : `Cook's distance ${period.cooksDistance.toFixed(2)}`;
  return `${pair} (leverage ${period.hat.toFixed(2)}, ${cooks})`;
}

/** Periods with hat value > 2(p + 1)/n or Cook's distance > 4/n in the best lag's regression. */
export function influentialWarning(lag: number, periods: InfluentialPeriod[], mode: LagMode): CorrelationWarning | null {
  if (periods.length === 0) return null;
  const pairing =
    lag === 0 ? '' : mode === 'differences' ? " (metric's change → KPI's change)" : ' (metric period → KPI period)';
  const count = periods.length === 1 ? '1 period has' : `${periods.length} periods have`;
  return {
    kind: 'influential-periods',
    lag,
    periods,
    text:
      `${count} unusual weight in the slope at lag ${lag}${pairing}: ` +
      `${periods.map((p) => describePeriod(p, lag)).join(', ')}. ` +
      "Check them for data errors or one-off events before relying on the effect (largest Cook's distance first).",
  };
}
