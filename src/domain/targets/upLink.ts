// "Up": from a corporate KPI target to the CX metric change it needs through the correlation test's slope, and back.

import type { PeriodUnit } from '../series/periods';
import { civilFromDays, daysFromCivil } from '../series/periods';
import { isoFromDays, parseIsoDate, PERIODS_PER_YEAR } from './dates';
import type { KpiLink } from './stored';

export type SlopeLink = Pick<KpiLink, 'slope' | 'slopeCiLow' | 'slopeCiHigh' | 'lagPeriods'>;

/** True when the slope's 95 % interval lies wholly on one side of zero, so its sign is known. */
export function slopeSignKnown(link: SlopeLink): boolean {
  return link.slopeCiLow > 0 || link.slopeCiHigh < 0;
}

/** The KPI change per period a percentage target asks for: +10 % of 1,000,000 a month is +100,000 a month. */
export function kpiChangeFromPercent(kpiBaseline: number, percent: number): number {
  return (kpiBaseline * percent) / 100;
}

export type MetricRequirement =
  | {
      ok: true;
      /** Metric change needed at the slope's point estimate: kpiChange ÷ slope. */
      metricChange: number;
      /**
       * The range of the needed change over the slope's 95 % interval: kpiChange ÷ each end. Null when the interval
       * holds zero: a slope that may be nil puts no bound on the change needed ("cannot bound").
       */
      low: number | null;
      high: number | null;
      lagPeriods: number;
    }
  | { ok: false; reason: string };

/**
 * The change in the CX metric a KPI change needs, through KPI ≈ slope × metric, `lag` periods later. The interval
 * divides by the slope's interval ends; when that interval crosses zero the needed change is unbounded on one side
 * and of either sign, so no interval is given.
 */
export function metricChangeForKpi(link: SlopeLink, kpiChange: number): MetricRequirement {
  if (!(link.slope !== 0 && Number.isFinite(link.slope))) {
    return {
      ok: false,
      reason: 'The correlation test found no effect of this metric on the KPI, so no change in it can be said to move the KPI.',
    };
  }
  const metricChange = kpiChange / link.slope;
  if (!slopeSignKnown(link)) return { ok: true, metricChange, low: null, high: null, lagPeriods: link.lagPeriods };
  const a = kpiChange / link.slopeCiLow;
  const b = kpiChange / link.slopeCiHigh;
  return { ok: true, metricChange, low: Math.min(a, b), high: Math.max(a, b), lagPeriods: link.lagPeriods };
}

export interface KpiValue {
  /** KPI change per period at the slope's estimate: slope × metric change. */
  perPeriod: number;
  /** Its 95 % range over the slope's interval. */
  low: number;
  high: number;
  /** The same over a year of periods. */
  perYear: number;
  perYearLow: number;
  perYearHigh: number;
  /** Periods after the metric moves before the KPI follows. */
  lagPeriods: number;
  /** False when the range holds zero: the test cannot say the change is worth anything. */
  signKnown: boolean;
}

/** What a change in the CX metric is worth in KPI terms: per period and per year, `lag` periods after it happens. */
export function kpiValueOfMetricChange(link: SlopeLink, metricChange: number, unit: PeriodUnit): KpiValue {
  const a = link.slopeCiLow * metricChange;
  const b = link.slopeCiHigh * metricChange;
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  const perYear = PERIODS_PER_YEAR[unit];
  return {
    perPeriod: link.slope * metricChange,
    low,
    high,
    perYear: link.slope * metricChange * perYear,
    perYearLow: low * perYear,
    perYearHigh: high * perYear,
    lagPeriods: link.lagPeriods,
    signKnown: metricChange !== 0 && slopeSignKnown(link),
  };
}

/**
 * The date by which the metric must have moved for the KPI to follow by `kpiDeadline`: the deadline moved back by
 * the lag (months and quarters by calendar months, the day held to the month's end; days and weeks by days).
 * null when the deadline is not a date.
 */
export function metricDeadline(kpiDeadline: string, lagPeriods: number, unit: PeriodUnit): string | null {
  const days = parseIsoDate(kpiDeadline);
  if (days === null) return null;
  if (unit === 'day' || unit === 'week') return isoFromDays(days - lagPeriods * (unit === 'week' ? 7 : 1));
  const { year, month, day } = civilFromDays(days);
  const monthIndex = year * 12 + (month - 1) - lagPeriods * (unit === 'quarter' ? 3 : 1);
  const y = Math.floor(monthIndex / 12);
  const m = monthIndex - y * 12 + 1;
  const monthLength = daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
  return isoFromDays(daysFromCivil(y, m, Math.min(day, monthLength)));
}
