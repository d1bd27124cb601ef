// "Up": the metric change a KPI target needs through the slope's interval, and what a metric change is worth.

import { describe, expect, it } from 'vitest';
import { kpiChangeFromPercent, kpiValueOfMetricChange, metricChangeForKpi, metricDeadline } from './upLink';

// The fixture's trend-controlled NPS → revenue slope at lag 3 (R: 4,030, 95 % CI 3,340..4,720), rounded.
const link = { slope: 4030, slopeCiLow: 3340, slopeCiHigh: 4720, lagPeriods: 3 };

describe('metricChangeForKpi', () => {
  it('turns +10 % on $1,000,000 of monthly revenue into +24.8 NPS points, 21.2 to 29.9', () => {
    const kpiChange = kpiChangeFromPercent(1_000_000, 10);
    expect(kpiChange).toBe(100_000);
    const needed = metricChangeForKpi(link, kpiChange);
    if (!needed.ok) throw new Error(needed.reason);
    expect(needed.metricChange).toBeCloseTo(100_000 / 4030, 12);
    expect(needed.low).toBeCloseTo(100_000 / 4720, 12);
    expect(needed.high).toBeCloseTo(100_000 / 3340, 12);
    expect(needed.lagPeriods).toBe(3);
  });

  it('orders the bounds of a negative slope (a metric whose fall lifts the KPI)', () => {
    const needed = metricChangeForKpi({ slope: -2, slopeCiLow: -3, slopeCiHigh: -1, lagPeriods: 1 }, 6);
    expect(needed).toEqual({ ok: true, metricChange: -3, low: -6, high: -2, lagPeriods: 1 });
  });

  it('cannot bound the change when the slope interval crosses zero', () => {
    const needed = metricChangeForKpi({ ...link, slopeCiLow: -100 }, 100_000);
    expect(needed.ok && [needed.low, needed.high]).toEqual([null, null]);
  });

  it('refuses a nil slope', () => {
    expect(metricChangeForKpi({ ...link, slope: 0 }, 100_000).ok).toBe(false);
  });
});

describe('kpiValueOfMetricChange', () => {
  it('values +5 NPS points at $20,150 a month (16,700 to 23,600), $241,800 a year', () => {
    const value = kpiValueOfMetricChange(link, 5, 'month');
    expect(value).toEqual({
      perPeriod: 20_150,
      low: 16_700,
      high: 23_600,
      perYear: 241_800,
      perYearLow: 200_400,
      perYearHigh: 283_200,
      lagPeriods: 3,
      signKnown: true,
    });
  });

  it('orders the range for a fall and flags an interval that holds zero', () => {
    const fall = kpiValueOfMetricChange(link, -1, 'quarter');
    expect([fall.low, fall.high, fall.perYear]).toEqual([-4720, -3340, -16_120]);
    expect(kpiValueOfMetricChange({ ...link, slopeCiLow: -10 }, 5, 'month').signKnown).toBe(false);
  });
});

describe('metricDeadline', () => {
  it('moves the KPI deadline back by the lag', () => {
    expect(metricDeadline('2025-12-31', 3, 'month')).toBe('2025-09-30');
    expect(metricDeadline('2025-05-31', 3, 'month')).toBe('2025-02-28');
    expect(metricDeadline('2025-03-31', 1, 'quarter')).toBe('2024-12-31');
    expect(metricDeadline('2025-01-15', 2, 'week')).toBe('2025-01-01');
    expect(metricDeadline('2025-01-15', 0, 'day')).toBe('2025-01-15');
    expect(metricDeadline('soon', 1, 'month')).toBeNull();
  });
});
