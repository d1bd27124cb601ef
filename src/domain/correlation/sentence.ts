// The one-line reading of a correlation test a CFO can act on, with numbers in the reader's locale.

import type { MetricUnit } from '../plan/types';
import type { PeriodUnit } from '../series/periods';
import type { LagMode } from '../stats/lagScan';
import type { EffectTiming, MetricTest } from './metricTest';

export type NumberStyle = 'decimal' | 'currency';

/**
 * Formats a non-negative number in the reader's locale with at most `maximumFractionDigits` decimals, as an
 * amount of the plan's currency for 'currency' (e.g. Intl.NumberFormat: 4030.13 → "$4,030" or "4.030 €").
 * Signs are added by the caller, so that "+$4,030" reads the same in every locale.
 */
export type FormatNumber = (value: number, style: NumberStyle, maximumFractionDigits: number) => string;

export interface SentenceNames {
  /** The metric as the reader knows it ("NPS") and its unit. */
  metric: { name: string; unit: MetricUnit };
  /** The KPI ("revenue") and its unit. */
  kpi: { name: string; unit: MetricUnit };
  /** The length of the grid's periods, for "monthly" and "3 months later". */
  period: PeriodUnit;
}

const PERIODICAL: Record<PeriodUnit, string> = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly' };
const CHANGES: Record<PeriodUnit, string> = {
  day: 'day-over-day changes',
  week: 'week-over-week changes',
  month: 'month-over-month changes',
  quarter: 'quarter-over-quarter changes',
};
const MINUS = '\u2212';

function count(k: number, noun: string): string {
  return `${k} ${noun}${k === 1 ? '' : 's'}`;
}

/** "immediate" or "delayed by 3 months". */
export function timingLabel(timing: EffectTiming, period: PeriodUnit): string {
  return timing.kind === 'immediate' ? 'immediate' : `delayed by ${count(timing.periods, period)}`;
}

function modeLabel(mode: LagMode, period: PeriodUnit): string {
  if (mode === 'trendControlled') return 'trend controlled';
  if (mode === 'differences') return CHANGES[period];
  return 'levels, trend not controlled';
}

/** "+1 NPS point", "+1 CSAT percentage point", "+$1 of AOV": one unit of the metric. */
function metricStep(metric: SentenceNames['metric'], format: FormatNumber): string {
  switch (metric.unit) {
    case 'score':
    case 'rating':
      return `+1 ${metric.name} point`;
    case 'percent':
      return `+1 ${metric.name} percentage point`;
    case 'seconds':
      return `+1 second of ${metric.name}`;
    case 'currency':
      return `+${format(1, 'currency', 0)} of ${metric.name}`;
    case 'count':
    case 'ratio':
      return `+1 in ${metric.name}`;
  }
}

/** Decimals for three significant figures of the larger of the effect and its interval's half-width. */
function decimals(slope: number, halfWidth: number): number {
  const size = Math.max(Math.abs(slope), Math.abs(halfWidth));
  if (!(size > 0)) return 2;
  return Math.max(0, Math.min(6, 2 - Math.floor(Math.log10(size))));
}

function signed(value: number, text: string): string {
  return `${value < 0 ? MINUS : '+'}${text}`;
}

function kpiChange(slope: number, digits: number, names: SentenceNames, format: FormatNumber): string {
  const kpi = `${PERIODICAL[names.period]} ${names.kpi.name}`;
  const size = Math.abs(slope);
  const one = Number(size.toFixed(digits)) === 1;
  const amount = signed(slope, format(size, names.kpi.unit === 'currency' ? 'currency' : 'decimal', digits));
  switch (names.kpi.unit) {
    case 'currency':
      return `${amount} ${kpi}`;
    case 'score':
    case 'rating':
      return `${amount} point${one ? '' : 's'} of ${kpi}`;
    case 'percent':
      return `${amount} percentage point${one ? '' : 's'} of ${kpi}`;
    case 'seconds':
      return `${amount} second${one ? '' : 's'} of ${kpi}`;
    case 'count':
    case 'ratio':
      return `${amount} in ${kpi}`;
  }
}

function bound(value: number, digits: number, format: FormatNumber): string {
  const text = format(Math.abs(value), 'decimal', digits);
  return value < 0 ? `${MINUS}${text}` : text;
}

/**
 * The CFO sentence for a test's best lag, e.g. "+1 NPS point ≈ +$4,030 monthly revenue 3 months later;
 * 95 % CI 3,340–4,720; n = 56; trend controlled". When the best lag is not significant once the number of lags
 * tried is allowed for, the sentence says so, since the effect may then be the search's luck.
 */
export function sentence(result: MetricTest, names: SentenceNames, format: FormatNumber): string {
  const { best, mode } = result;
  const { slope, n } = best.test;
  const digits = decimals(slope.slope, (slope.ciHigh - slope.ciLow) / 2);
  const when = best.lag === 0 ? `in the same ${names.period}` : `${count(best.lag, names.period)} later`;
  const range = slope.ciLow < 0 ? ' to ' : '–';
  const parts = [
    `${metricStep(names.metric, format)} ≈ ${kpiChange(slope.slope, digits, names, format)} ${when}`,
    `95 % CI ${bound(slope.ciLow, digits, format)}${range}${bound(slope.ciHigh, digits, format)}`,
    `n = ${format(n, 'decimal', 0)}`,
    modeLabel(mode, names.period),
  ];
  if (!best.significant) {
    const p = format(best.adjustedP, 'decimal', 2);
    parts.push(`not significant once the ${best.lagsTried} lags tried are allowed for (adjusted p = ${p})`);
  }
  return parts.join('; ');
}
