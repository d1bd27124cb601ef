// The SMART checklist in words, on the fixture NPS target and at its failing edges.

import { describe, expect, it } from 'vitest';
import { smartChecklist } from './checklist';
import { english } from './formatForTests';
import { fixtureHistory } from './historyForTests';
import { checkSmart } from './smart';
import type { Target } from './stored';
import { baselineOf, NPS, PLAN, targetOf } from './targetForTests';

const target = targetOf({
  baseline: baselineOf({ value: 37.6, asOf: '2024-12-01' }),
  targetValue: 45,
  deadline: '2025-06-30',
  benchmark: { value: 45, source: 'Example telecom benchmark 2024' },
  kpiLink: {
    kpiMetricId: 'metric_revenue',
    slope: 4030,
    slopeCiLow: 3340,
    slopeCiHigh: 4720,
    lagPeriods: 3,
    reading: 'trendControlled',
    p: 1e-12,
    n: 56,
    kpiBaseline: null,
    kpiTarget: null,
  },
});

function lines(t: Target, history = fixtureHistory('nps')) {
  const result = checkSmart({ target: t, metric: NPS, plan: PLAN, history, today: '2025-01-15' });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return smartChecklist(t, result.report, { name: 'NPS', unit: 'score' }, english);
}

describe('smartChecklist', () => {
  it('writes one line per check for the fixture target', () => {
    expect(lines(target)).toEqual([
      { check: 'specific', status: 'pass', text: 'NPS from 37.6 to 45 by 30 June 2025.' },
      { check: 'measurable', status: 'pass', text: 'Tracked from 59 readings of its data.' },
      {
        check: 'achievable',
        status: 'pass',
        text:
          '+7.4 points is 1.8× the typical 6-month change (4.2 points); the best 6-month improvement on record is 11.8 points. ' +
          'Industry benchmark 45 (Example telecom benchmark 2024): the target reaches it.',
      },
      { check: 'meaningful', status: 'pass', text: '+7.4 points is outside the margin of error of a change at 1,200 responses a month (±5.5 points).' },
      {
        check: 'relevant',
        status: 'pass',
        text: 'Serves the goal "Keep customers longer"; the correlation test finds the KPI moving with it 3 months later, its 95 % interval clear of zero.',
      },
      { check: 'timeBound', status: 'pass', text: '166 days left.' },
    ]);
  });

  it('marks noise, missing goals and missing history', () => {
    const weak = lines({ ...target, targetValue: 42, goalId: null, benchmark: null }, { ...fixtureHistory('nps'), values: new Float64Array(60).fill(NaN) });
    expect(weak.map((l) => [l.check, l.status])).toEqual([
      ['specific', 'pass'],
      ['measurable', 'fail'],
      ['achievable', 'unknown'],
      ['meaningful', 'fail'],
      ['relevant', 'fail'],
      ['timeBound', 'pass'],
    ]);
    expect(weak[3]?.text).toBe(
      '+4.4 points is inside the margin of error of a change at 1,200 responses a month (±5.6 points): reaching it could not be told from noise.',
    );
    expect(weak[2]?.text).toBe('Too little history to say how much NPS moves in 6 months.');
  });

  it('warns about an unprecedented change and shows the trend', () => {
    const trend = { ...target, targetValue: 55, benchmark: null, baseline: baselineOf({ method: 'trend', value: 37.6, asOf: '2024-12-01', windowPeriods: 12, projection: { value: 42.1, low: 35.2, high: 49 } }) };
    const achievable = lines(trend)[2];
    expect(achievable).toEqual({
      check: 'achievable',
      status: 'warn',
      text:
        '+17.4 points is more than any 6-month improvement on record (best 11.8 points): it needs a change in how the work is done, not more of the same. ' +
        'The current trend leads to 42.1 by the deadline (95 % prediction interval 35.2 to 49).',
    });
  });
});
