// The analysis benchmark's yardsticks compute what the app computes: same best lags, r, Shapley shares and R².
import { describe, expect, it } from 'vitest';
import { testMetric } from '../src/domain/correlation/metricTest';
import { CoMoments, relativeImportance } from '../src/domain/drivers';
import { shapleyR2 } from '../src/domain/stats/drivers';
import { kpiTable, SURVEY_DRIVERS, SURVEY_SCALES, surveyAnswers } from './analysisData';
import { referenceDrivers, referenceScan, referenceShapley } from './analysisReference';

describe('analysis benchmark data and references', () => {
  const table = kpiTable(7, 120, 6);

  it('generates the same table from the same seed, with blanks', () => {
    expect(kpiTable(7, 120, 6)).toEqual(table);
    expect(table.metrics.flatMap((m) => Array.from(m)).filter(Number.isNaN).length).toBeGreaterThan(0);
  });

  it('finds the best lag and its r that testMetric finds, in every mode', () => {
    const periods = Array.from(table.months, (t) => new Date(t).toISOString().slice(0, 7));
    for (const check of referenceScan(table.kpi, table.metrics, 12)) {
      const result = testMetric({ metric: table.metrics[check.metric]!, kpi: table.kpi, periods, mode: check.mode, maxLag: 12 });
      if (!result.ok) throw new Error(result.reason);
      expect(check.lag, `${check.mode} metric ${check.metric}`).toBe(result.best.lag);
      expect(check.r).toBeCloseTo(result.best.test.correlation.r, 10);
    }
  });

  it('shares out R² among ten drivers as shapleyR2 does', () => {
    const wide = kpiTable(8, 120, 10);
    const reference = referenceShapley([...wide.metrics, wide.kpi]);
    const domain = shapleyR2(wide.metrics, wide.kpi);
    if (!domain.ok) throw new Error(domain.reason);
    expect(reference.rSquared).toBeCloseTo(domain.rSquared, 12);
    reference.shares.forEach((share, j) => expect(share).toBeCloseTo(domain.shares[j]!.r2, 12));
  });

  it('streams survey answers to the R² and n of the app’s key drivers, leaving "99" codes out', () => {
    const answers = surveyAnswers(3, 20_000);
    const names = [...SURVEY_DRIVERS, 'recommend'] as const;
    const columns = names.map((name) => answers[name]);
    const ranges = names.map((name) => SURVEY_SCALES[name]);
    const reference = referenceDrivers(columns, ranges);
    const moments = new CoMoments(columns.length, ranges.map(([min, max]) => ({ min, max })));
    moments.add(columns);
    const domain = relativeImportance(moments, { names: [...SURVEY_DRIVERS], outcomeName: 'recommend', rows: { one: 'response', many: 'responses' } });
    if (!domain.ok) throw new Error(domain.reason);
    expect(moments.outOfRange[4]).toBeGreaterThan(0);
    expect(reference.n).toBe(domain.n);
    expect(reference.rSquared).toBeCloseTo(domain.rSquared, 12);
    expect(domain.rSquared).toBeGreaterThan(0.3);
  });
});
