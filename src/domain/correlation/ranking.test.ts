// Ranking candidate metrics by their link to revenue puts NPS first, 3 months ahead, on the fixture.

import { describe, expect, it } from 'vitest';
import { kpis, months, revenue } from './fixturesForTests';
import type { RankInput } from './ranking';
import { rankMetrics } from './ranking';
import { testMetric } from './metricTest';
import type { LagMode } from '../stats/lagScan';

const candidates = ['nps', 'csat', 'ces', 'fcr', 'aht_seconds', 'churn_rate', 'conversion_rate'];

function results(mode: LagMode): RankInput[] {
  return candidates.map((metricId) => ({
    metricId,
    result: testMetric({ metric: kpis.numbers(metricId), kpi: revenue, periods: months, mode }),
  }));
}

describe('rankMetrics', () => {
  it('names NPS as the metric most strongly linked to revenue, delayed by 3 months', () => {
    for (const mode of ['trendControlled', 'differences'] as const) {
      const ranking = rankMetrics(results(mode));
      expect(ranking.mode).toBe(mode);
      expect(ranking.ranked[0]).toMatchObject({ rank: 1, metricId: 'nps', lag: 3, significant: true });
      expect(ranking.ranked.filter((r) => r.significant).map((r) => r.metricId)).toEqual(['nps']);
    }
  });

  it('orders by |r| with each interval alongside and numbers the ranks 1..m', () => {
    const { ranked } = rankMetrics(results('trendControlled'));
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (let i = 1; i < ranked.length; i++) {
      expect(Math.abs(ranked[i - 1]!.r)).toBeGreaterThanOrEqual(Math.abs(ranked[i]!.r));
    }
    for (const r of ranked) {
      expect(r.ciLow).toBeLessThan(r.r);
      expect(r.ciHigh).toBeGreaterThan(r.r);
    }
  });

  it('lists metrics that could not be tested apart, with their reason', () => {
    const ranking = rankMetrics([
      ...results('levels').slice(0, 2),
      {
        metricId: 'flat',
        result: testMetric({ metric: new Float64Array(60).fill(3), kpi: revenue, periods: months, mode: 'levels' }),
      },
    ]);
    expect(ranking.ranked.map((r) => r.metricId)).toEqual(['nps', 'csat']);
    expect(ranking.notComputed).toEqual([
      { metricId: 'flat', reason: 'The metric has the same value in every period, so it cannot explain any movement of the KPI.' },
    ]);
  });

  it('refuses to rank results of different readings together', () => {
    expect(() => rankMetrics([...results('levels').slice(0, 1), ...results('differences').slice(0, 1)])).toThrow(RangeError);
    expect(rankMetrics([])).toEqual({ mode: null, ranked: [], notComputed: [] });
  });
});
