// The CFO sentence: exact wording on the fixture, locale-formatted numbers, units, timing and honesty about chance.

import { describe, expect, it } from 'vitest';
import type { FormatNumber } from './sentence';
import { sentence, timingLabel } from './sentence';
import type { MetricTest } from './metricTest';
import { testMetric } from './metricTest';
import type { LagMode } from '../stats/lagScan';
import { kpis, months, revenue } from './fixturesForTests';

function formatter(locale: string, currency: string): FormatNumber {
  return (value, style, maximumFractionDigits) =>
    new Intl.NumberFormat(locale, {
      style,
      ...(style === 'currency' ? { currency } : {}),
      minimumFractionDigits: 0,
      maximumFractionDigits,
    }).format(value);
}

const us = formatter('en-US', 'USD');
const revenueNames = { metric: { name: 'NPS', unit: 'score' }, kpi: { name: 'revenue', unit: 'currency' }, period: 'month' } as const;

function run(metric: string, mode: LagMode, kpi: Float64Array = revenue, maxLag?: number): MetricTest {
  const result = testMetric({ metric: kpis.numbers(metric), kpi, periods: months, mode, maxLag });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('sentence', () => {
  it('reads the trend-controlled NPS effect on revenue exactly as the CFO sees it', () => {
    expect(sentence(run('nps', 'trendControlled'), revenueNames, us)).toBe(
      '+1 NPS point ≈ +$4,030 monthly revenue 3 months later; 95 % CI 3,340–4,720; n = 56; trend controlled',
    );
  });

  it('formats numbers in the reader’s locale, keeping the sign in front', () => {
    expect(sentence(run('nps', 'trendControlled'), revenueNames, formatter('de-DE', 'EUR'))).toBe(
      // Intl puts a no-break space between the amount and the euro sign.
      '+1 NPS point ≈ +4.030\u00a0€ monthly revenue 3 months later; 95 % CI 3.340–4.720; n = 56; trend controlled',
    );
  });

  it('names the reading: levels without trend control, or month-over-month changes', () => {
    expect(sentence(run('nps', 'levels'), revenueNames, us)).toBe(
      '+1 NPS point ≈ +$6,765 monthly revenue 3 months later; 95 % CI 5,164–8,365; n = 56; levels, trend not controlled',
    );
    expect(sentence(run('nps', 'differences'), revenueNames, us)).toBe(
      '+1 NPS point ≈ +$4,473 monthly revenue 3 months later; 95 % CI 3,173–5,774; n = 54; month-over-month changes',
    );
  });

  it('says when a link may be the luck of the lag search, and writes negative bounds with a minus sign', () => {
    const result = run('csat', 'trendControlled');
    expect(result.best.significant).toBe(false);
    const text = sentence(result, { metric: { name: 'CSAT', unit: 'percent' }, kpi: revenueNames.kpi, period: 'month' }, us);
    expect(text).toMatch(/^\+1 CSAT percentage point ≈ [+−]\$[\d,]+ monthly revenue (\d+ months? later|in the same month); 95 % CI −[\d,]+ to [\d,]+; n = \d+; trend controlled; not significant once the 13 lags tried are allowed for \(adjusted p = [01](\.\d+)?\)$/);
  });

  it('speaks of points, seconds and the same period in the KPI’s own units', () => {
    const csat = kpis.numbers('csat');
    const result = run('aht_seconds', 'levels', csat, 0);
    const text = sentence(
      result,
      { metric: { name: 'AHT', unit: 'seconds' }, kpi: { name: 'CSAT', unit: 'percent' }, period: 'month' },
      us,
    );
    expect(text).toMatch(/^\+1 second of AHT ≈ \+0\.0\d+ percentage points of monthly CSAT in the same month; 95 % CI 0\.0\d+–0\.\d+; n = 58; levels, trend not controlled$/);
  });

  it('labels timing as immediate or delayed by whole periods', () => {
    expect(timingLabel({ kind: 'immediate' }, 'month')).toBe('immediate');
    expect(timingLabel({ kind: 'delayed', periods: 1 }, 'quarter')).toBe('delayed by 1 quarter');
    expect(timingLabel({ kind: 'delayed', periods: 3 }, 'month')).toBe('delayed by 3 months');
  });
});
