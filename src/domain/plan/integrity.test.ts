// Tests for the referential-integrity check.
import { describe, expect, it } from 'vitest';
import { brokenLinks } from './integrity';
import { smallPlan } from './testing';

describe('brokenLinks', () => {
  it('finds nothing in a consistent plan', () => {
    expect(brokenLinks(smallPlan())).toEqual([]);
  });

  it('names every dangling reference and duplicate', () => {
    const plan = smallPlan();
    const broken = {
      ...plan,
      goals: plan.goals.map((g) => ({ ...g, kpiMetricId: g.id === 'g-ret' ? 'm-gone' : g.kpiMetricId })),
      goalMetrics: [...plan.goalMetrics, { goalId: 'g-gone', metricId: 'm-nps', weight: 3, rationale: '' }],
      metricDepartments: [...plan.metricDepartments, { metricId: 'm-nps', departmentId: 'd-gone', role: 'owner' as const }],
      scorecard: [...plan.scorecard, { departmentId: 'd-cc', metricId: 'm-nps', kind: 'collective' as const, weight: 1 }],
      guardrails: [{ id: 'gr', metricId: 'm-aht', guardMetricId: 'm-gone', departmentId: 'd-gone', note: '' }],
    };
    expect(brokenLinks(broken)).toEqual([
      'duplicate scorecard entry "d-cc × m-nps"',
      'goal "g-ret" has KPI "m-gone", which is not a metric of the plan',
      'goals × metrics cell refers to missing goal "g-gone"',
      'metrics × departments cell refers to missing department "d-gone"',
      'guardrail "gr" refers to missing metric "m-gone"',
      'guardrail "gr" refers to missing department "d-gone"',
    ]);
  });
});
