// Refusals: values off the metric's scale, deadlines not in the future, benchmarks without a source, broken cascades.

import { describe, expect, it } from 'vitest';
import { cascadeOf, node, threeTeams } from './cascadeFixturesForTests';
import { AHT, CSAT, NPS, baselineOf, targetOf } from './targetForTests';
import { scaleProblem, validateCascade, validateTarget, validateXla } from './validate';

const today = '2027-01-15';

describe('scaleProblem', () => {
  it('refuses NPS 120 and CSAT −5 % with the scale in the message', () => {
    expect(scaleProblem('targetValue', 120, NPS)).toEqual({ field: 'targetValue', message: 'NPS runs from \u2212100 to 100; 120 is not possible.' });
    expect(scaleProblem('targetValue', -5, CSAT)).toEqual({ field: 'targetValue', message: 'CSAT runs from 0 to 100; \u22125 is not possible.' });
    expect(scaleProblem('targetValue', -1, AHT)?.message).toBe('AHT runs from 0 upwards; \u22121 is not possible.');
    expect(scaleProblem('targetValue', 100, NPS)).toBeNull();
    expect(scaleProblem('targetValue', Number.NaN, NPS)).toEqual({ field: 'targetValue', message: 'Enter a number.' });
  });
});

describe('validateTarget', () => {
  it('accepts a sound target', () => {
    expect(validateTarget(targetOf(), { metric: NPS, today })).toEqual([]);
  });

  it('refuses a deadline in the past or today, naming the deadline field', () => {
    for (const deadline of ['2026-12-31', today]) {
      const problems = validateTarget(targetOf({ deadline }), { metric: NPS, today });
      expect(problems).toEqual([
        { field: 'deadline', message: `The deadline ${deadline} is not in the future: a target needs time to be reached.` },
      ]);
    }
  });

  it('refuses a deadline that is not a date or comes before the baseline', () => {
    expect(validateTarget(targetOf({ deadline: '2027-02-30' }), { metric: NPS, today })[0]?.field).toBe('deadline');
    const late = targetOf({ baseline: baselineOf({ asOf: '2027-08-01' }) });
    expect(validateTarget(late, { metric: NPS, today })[0]?.message).toBe("The deadline must come after the baseline's date (2027-08-01).");
  });

  it('refuses a baseline with no date and a benchmark without a source', () => {
    const target = targetOf({ baseline: baselineOf({ asOf: '' }), benchmark: { value: 140, source: ' ' } });
    expect(validateTarget(target, { metric: NPS, today }).map((p) => p.field)).toEqual([
      'baseline.asOf',
      'benchmark.value',
      'benchmark.source',
    ]);
  });

  it('refuses a non-positive response volume and a slope outside its interval', () => {
    const target = targetOf({
      expectedResponsesPerMonth: 0,
      kpiLink: {
        kpiMetricId: 'metric_revenue',
        slope: 5000,
        slopeCiLow: 3340,
        slopeCiHigh: 4720,
        lagPeriods: 3,
        reading: 'trendControlled',
        p: 0.001,
        n: 56,
        kpiBaseline: null,
        kpiTarget: null,
      },
    });
    expect(validateTarget(target, { metric: NPS, today }).map((p) => p.field)).toEqual(['expectedResponsesPerMonth', 'kpiLink.slope']);
  });

  it('requires the projection of a trend baseline', () => {
    const target = targetOf({ baseline: baselineOf({ method: 'trend', windowPeriods: 12 }) });
    expect(validateTarget(target, { metric: NPS, today })).toEqual([
      { field: 'baseline.projection', message: 'A trend baseline needs its projection to the deadline.' },
    ]);
  });
});

describe('validateCascade', () => {
  it('points at the node and field that is wrong', () => {
    const root = threeTeams('equal-uplift');
    root.children[1] = { ...node('north', { baseline: 130 }) };
    root.children[2] = { ...(root.children[2] as typeof root), name: '', responses: -1 };
    expect(validateCascade(cascadeOf(root), NPS)).toEqual([
      { field: 'cascade.root.children[1].id', message: 'The id "north" is used twice.' },
      { field: 'cascade.root.children[1].baseline', message: 'NPS runs from \u2212100 to 100; 130 is not possible.' },
      { field: 'cascade.root.children[1].target', message: 'NPS runs from \u2212100 to 100; 130 is not possible.' },
      { field: 'cascade.root.children[2].name', message: 'Give this part of the cascade a name.' },
      { field: 'cascade.root.children[2].responses', message: 'Responses must be a number, 0 or more.' },
    ]);
  });

  it('refuses pooling children that have no responses', () => {
    const root = node('company', { baseline: 50, children: [node('a', { baseline: 50, responses: 0 })] });
    expect(validateCascade(cascadeOf(root), NPS)).toEqual([
      { field: 'cascade.root.children', message: 'None of the parts of company has responses, so their scores cannot be pooled.' },
    ]);
    expect(validateCascade(cascadeOf(root, 'sum'), NPS)).toEqual([]);
    expect(validateCascade({ ...cascadeOf(root, 'sum'), decimals: 7 }, NPS)[0]?.field).toBe('cascade.decimals');
  });
});

describe('validateXla', () => {
  it('checks the threshold against the measured metric', () => {
    const xla = { id: 'x', name: 'Digital CSAT', metricId: 'm', comparator: '>=' as const, threshold: 180, unit: 'percent' as const, kind: 'xla' as const };
    expect(validateXla(xla, CSAT)).toEqual([{ field: 'xla.threshold', message: 'CSAT runs from 0 to 100; 180 is not possible.' }]);
    expect(validateXla({ ...xla, threshold: 80 }, CSAT)).toEqual([]);
    expect(validateXla({ ...xla, name: '' }, null).map((p) => p.field)).toEqual(['xla.name']);
  });
});
