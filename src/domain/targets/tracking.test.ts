// Tracking: readings against the straight target path, judged with the noise and the history's best pace.

import { describe, expect, it } from 'vitest';
import { Z95 } from '../stats/distributions';
import { monthly } from './historyForTests';
import { plannedValue, trackTarget, trackingMargin } from './tracking';
import { AHT, baselineOf, NPS, targetOf } from './targetForTests';
import { periodOfIsoDate } from './dates';

// Baseline 50 in January 2025, target 56 by July 2025: the path climbs one point a month.
const target = targetOf({ baseline: baselineOf({ value: 50, asOf: '2025-01-01' }), targetValue: 56, deadline: '2025-07-31' });
// 2024's best three-month rise is 44 → 51 (+7); its best one-month rise 48 → 51 (+3).
const history = monthly('2024-01', [44, 46, 48, 51, 50, 49, 50, 49, 50, 50, 49, 50, 50, 51.2, 50.8, 50, NaN, 49, 49]);

describe('plannedValue', () => {
  it('runs straight from the baseline to the target and stays there', () => {
    const month = (iso: string): number => periodOfIsoDate(iso, 'month') as number;
    expect(plannedValue(target, month('2025-01-01'))).toBe(50);
    expect(plannedValue(target, month('2025-04-15'))).toBe(53);
    expect(plannedValue(target, month('2025-07-01'))).toBe(56);
    expect(plannedValue(target, month('2026-01-01'))).toBe(56);
  });
});

describe('trackTarget', () => {
  const tracking = trackTarget(target, 'higher', history, 1.5);

  it('judges each reading after the baseline', () => {
    expect(tracking.rows.map((r) => [r.period, r.actual, r.planned, r.remainingPeriods, r.status])).toEqual([
      ['2025-02-01', 51.2, 51, 5, 'on-track'],
      // 1.2 behind, inside the ±1.5 margin.
      ['2025-03-01', 50.8, 52, 4, 'on-track'],
      // 3 behind; 6 still needed in 3 months, and 2024 once rose 7 in 3 months.
      ['2025-04-01', 50, 53, 3, 'at-risk'],
      // 6 behind; 7 needed in one month, more than any one-month rise on record.
      ['2025-06-01', 49, 55, 1, 'off-track'],
      ['2025-07-01', 49, 56, 0, 'off-track'],
    ]);
    expect(tracking.rows[2]?.gap).toBe(-3);
    expect(tracking.latest?.status).toBe('off-track');
    expect(tracking.margin).toBe(1.5);
  });

  it('reads a rise in a lower-is-better metric as falling behind', () => {
    const aht = targetOf({ baseline: baselineOf({ value: 400, asOf: '2025-01-01' }), targetValue: 340, deadline: '2025-07-31' });
    const readings = monthly('2025-01', [400, 420, 380]);
    expect(trackTarget(aht, 'lower', readings, 5).rows.map((r) => r.status)).toEqual(['off-track', 'on-track']);
  });

  it('has no rows before the first reading after the baseline', () => {
    expect(trackTarget(target, 'higher', monthly('2024-11', [48, 49, 50]), 1).latest).toBeNull();
  });
});

describe('trackingMargin', () => {
  it('uses the sampling margin of one reading for NPS with a response volume', () => {
    // NPS 50 with 35 % passives: p + d = 0.65, (p − d)² = 0.25.
    expect(trackingMargin(NPS, target, history)).toBeCloseTo(Z95 * 100 * Math.sqrt(0.4 / 1200), 12);
  });

  it('uses the history up to the baseline for a metric with no sampling model', () => {
    const aht = targetOf({ baseline: baselineOf({ value: 5, asOf: '2024-05-01' }), expectedResponsesPerMonth: null });
    // 1, 3, 2, 5, 4 up to May 2024: 1.96·√1.2; later months are not used.
    expect(trackingMargin(AHT, aht, monthly('2024-01', [1, 3, 2, 5, 4, 90, 2]))).toBeCloseTo(Z95 * Math.sqrt(1.2), 12);
  });
});
