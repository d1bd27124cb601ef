// Starting a cascade: rules from the metric, default roll-up and rounding, and a target split as parts join.

import { describe, expect, it } from 'vitest';
import { addChild, reconciles } from './cascade';
import { cascadeRules, defaultAggregation, defaultDecimals, newPart, startCascade } from './cascadeStart';
import { libraryMetric, NPS, targetOf } from './targetForTests';

describe('defaults', () => {
  it('pools scores and shares, sums totals', () => {
    expect(defaultAggregation(NPS)).toBe('weighted-mean');
    expect(defaultAggregation(libraryMetric('aht'))).toBe('weighted-mean');
    expect(defaultAggregation(libraryMetric('revenue'))).toBe('sum');
    expect(defaultAggregation(libraryMetric('qualified_leads'))).toBe('sum');
    expect([defaultDecimals(NPS), defaultDecimals(libraryMetric('csat')), defaultDecimals(libraryMetric('app_rating'))]).toEqual([0, 1, 2]);
  });

  it('takes the scale from the metric and the benchmark from the target', () => {
    expect(cascadeRules(NPS, targetOf({ benchmark: { value: 62, source: 'Bain' } }))).toEqual({ scaleMin: -100, scaleMax: 100, benchmark: 62 });
  });
});

describe('startCascade', () => {
  it('starts at the target and splits it as teams join', () => {
    const target = targetOf({ benchmark: null });
    const rules = cascadeRules(NPS, target);
    let cascade = startCascade(target, NPS, { id: 'co', name: 'Company', method: 'equal-uplift' });
    expect(cascade.root).toMatchObject({ baseline: 60, target: 65, responses: 1200, weight: 1, children: [] });
    for (const [id, baseline, responses] of [['a', 55, 800], ['b', 70, 400]] as const) {
      const joined = addChild(cascade, 'co', newPart({ id, name: id, kind: 'team', departmentId: null, baseline, responses }, 'equal-uplift'), rules);
      if (!joined.ok) throw new Error(JSON.stringify(joined.problems));
      cascade = joined.cascade;
    }
    // Pooled baseline (800·55 + 400·70)/1200 = 60: both teams +5.
    expect(cascade.root.children.map((c) => c.target)).toEqual([60, 75]);
    expect(reconciles(cascade)).toBe(true);
  });
});
