// Tests for reading kept correlation findings as evidence: lags in months, latest finding per pair.
import { describe, expect, it } from 'vitest';
import type { CorrelationFinding } from '../plan/types';
import { findingEvidence, planEvidence } from './evidence';

const base: CorrelationFinding = {
  id: 'f1',
  kpiMetricId: 'm-revenue',
  metricId: 'm-nps',
  mode: 'trendControlled',
  period: 'month',
  lag: 3,
  r: 0.7,
  adjustedP: 0.001,
  slope: 4030,
  slopeLow: 3340,
  slopeHigh: 4720,
  n: 57,
  sentence: '',
  datasetName: 'monthly_kpis.csv',
  recordedAt: '2024-01-01T00:00:00.000Z',
};

describe('findingEvidence', () => {
  it('keeps a monthly finding’s slope, interval and lag', () => {
    expect(findingEvidence(base)).toEqual({
      fromMetricId: 'm-nps',
      toMetricId: 'm-revenue',
      slope: 4030,
      ciLow: 3340,
      ciHigh: 4720,
      lagMonths: 3,
      monthsPerPeriod: 1,
    });
  });

  it('turns weekly and quarterly lags into whole months', () => {
    expect(findingEvidence({ ...base, period: 'week', lag: 9 }).lagMonths).toBe(2);
    expect(findingEvidence({ ...base, period: 'quarter', lag: 2 }).lagMonths).toBe(6);
  });
});

describe('planEvidence', () => {
  it('keeps the latest finding of each metric–KPI pair', () => {
    const evidence = planEvidence([base, { ...base, id: 'f2', slope: 5000 }, { ...base, id: 'f3', metricId: 'm-csat' }]);
    expect(evidence.slopes.map((s) => [s.fromMetricId, s.slope])).toEqual([
      ['m-nps', 5000],
      ['m-csat', 4030],
    ]);
  });
});
