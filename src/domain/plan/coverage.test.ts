// Tests for coverage warnings: each kind with its ids, severity and wording; a clean plan gives none.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Plan } from './types';
import { coverageWarnings } from './coverage';
import {
  addDepartment,
  addGoal,
  addGuardrail,
  addMetric,
  removeGuardrail,
  setGoalMetric,
  setMetricDepartment,
  setScorecardEntry,
  updateGoal,
  updateMetric,
} from './ops';
import { smallPlan } from './testing';

function kinds(plan: Plan): string[] {
  return coverageWarnings(plan).map((w) => w.kind);
}

describe('coverageWarnings', () => {
  it('finds nothing in a plan where every goal, metric and scorecard is covered', () => {
    expect(coverageWarnings(smallPlan())).toEqual([]);
  });

  it('flags a goal without metrics as an error and a goal without KPI as a warning', () => {
    const plan = addGoal(smallPlan(), { id: 'g-new', name: 'Protect the brand' });
    expect(coverageWarnings(plan)).toEqual([
      {
        kind: 'goal-without-metric',
        goalId: 'g-new',
        severity: 'error',
        message: '"Protect the brand" has no metrics yet. Link the CX metrics that show whether it is moving.',
      },
      {
        kind: 'goal-without-kpi',
        goalId: 'g-new',
        severity: 'warning',
        message:
          '"Protect the brand" has no KPI. Choose the corporate measure that says whether the goal is met, ' +
          'so its CX metrics can be tested against it.',
      },
    ]);
  });

  it('flags a metric used by a goal, scorecard or KPI that no department owns', () => {
    let plan = setMetricDepartment(smallPlan(), 'm-aht', 'd-cc', 'contributor');
    expect(coverageWarnings(plan)).toEqual([
      {
        kind: 'metric-without-owner',
        metricId: 'm-aht',
        severity: 'warning',
        message:
          'Nobody owns AHT. It is used in the plan, but no department is its owner, so no one is accountable for moving it.',
      },
    ]);
    plan = setMetricDepartment(smallPlan(), 'm-revenue', 'd-sales', null);
    plan = setScorecardEntry(plan, 'd-sales', 'm-revenue', null);
    plan = setScorecardEntry(plan, 'd-sales', 'm-nps', { kind: 'collective', weight: 100 });
    // Revenue is now only a goal's KPI, which still needs someone to own it.
    expect(coverageWarnings(plan).map((w) => [w.kind, 'metricId' in w ? w.metricId : ''])).toEqual([
      ['metric-without-owner', 'm-revenue'],
    ]);
  });

  it('ignores an unowned metric nobody uses', () => {
    expect(kinds(setMetricDepartment(smallPlan(), 'm-fcr', 'd-cc', null))).toEqual([]);
  });

  it('flags a department with no CX measure, with wording for an empty scorecard', () => {
    let plan = addDepartment(smallPlan(), { id: 'd-it', name: 'IT' });
    expect(coverageWarnings(plan)).toEqual([
      {
        kind: 'department-without-cx-metric',
        departmentId: 'd-it',
        severity: 'warning',
        message: 'IT has no scorecard yet, so nothing ties its work to the customer. Add a CX measure such as NPS or CSAT.',
      },
    ]);
    plan = setScorecardEntry(plan, 'd-it', 'm-revenue', { kind: 'collective', weight: 100 });
    expect(coverageWarnings(plan).map((w) => w.message)).toEqual([
      "IT's scorecard has no CX measure, so nothing in it rewards what customers experience. Add one such as NPS or CSAT.",
    ]);
  });

  it('flags a scorecard with only individual measures', () => {
    const plan = setScorecardEntry(smallPlan(), 'd-cc', 'm-nps', { kind: 'individual', weight: 30 });
    expect(coverageWarnings(plan)).toEqual([
      {
        kind: 'department-without-collective',
        departmentId: 'd-cc',
        severity: 'warning',
        message:
          "Contact Centre's scorecard has only its own measures. Add a shared one such as revenue growth or NPS, " +
          'so the team pulls in the same direction as the others.',
      },
    ]);
  });

  it('flags scorecard weights that do not add up to 100 % as an error carrying the total', () => {
    const plan = setScorecardEntry(smallPlan(), 'd-sales', 'm-nps', { kind: 'collective', weight: 30 });
    expect(coverageWarnings(plan)).toEqual([
      {
        kind: 'scorecard-weights',
        departmentId: 'd-sales',
        total: 90,
        severity: 'error',
        message: 'Sales: Weights add up to 90 %; they must add up to 100 %.',
      },
    ]);
  });

  it('flags two trade-off metrics on one scorecard without a guardrail', () => {
    const plan = removeGuardrail(smallPlan(), 'gr-aht-csat');
    expect(coverageWarnings(plan)).toEqual([
      {
        kind: 'trade-off-without-guardrail',
        departmentId: 'd-cc',
        metricIds: ['m-aht', 'm-csat'],
        severity: 'warning',
        message:
          'Contact Centre is scored on both AHT and CSAT, which pull against each other. ' +
          'Add a guardrail so pushing one cannot quietly hurt the other.',
      },
    ]);
  });

  it('accepts a guardrail in either order, plan-wide or for that department, but not for another one', () => {
    const bare = removeGuardrail(smallPlan(), 'gr-aht-csat');
    const reversed = addGuardrail(bare, { metricId: 'm-csat', guardMetricId: 'm-aht', departmentId: 'd-cc' });
    const planWide = addGuardrail(bare, { metricId: 'm-aht', guardMetricId: 'm-csat', departmentId: null });
    const elsewhere = addGuardrail(bare, { metricId: 'm-aht', guardMetricId: 'm-csat', departmentId: 'd-sales' });
    expect(kinds(reversed)).toEqual([]);
    expect(kinds(planWide)).toEqual([]);
    expect(kinds(elsewhere)).toEqual(['trade-off-without-guardrail']);
  });

  it('treats a trade-off declared on one side only as a trade-off', () => {
    let plan = addMetric(smallPlan(), {
      id: 'm-upsell',
      name: 'Upsell rate',
      category: 'financial',
      unit: 'percent',
      direction: 'higher',
      timing: 'lagging',
      tradeOffs: ['revenue'],
    });
    plan = setMetricDepartment(plan, 'm-upsell', 'd-sales', 'owner');
    plan = setScorecardEntry(plan, 'd-sales', 'm-nps', { kind: 'collective', weight: 20 });
    plan = setScorecardEntry(plan, 'd-sales', 'm-upsell', { kind: 'individual', weight: 20 });
    const warnings = coverageWarnings(plan);
    expect(warnings.map((w) => w.kind)).toEqual(['trade-off-without-guardrail']);
    expect(warnings[0]).toMatchObject({ departmentId: 'd-sales', metricIds: ['m-revenue', 'm-upsell'] });
    expect(kinds(updateMetric(plan, 'm-upsell', { tradeOffs: [] }))).toEqual([]);
  });

  it('lists warnings in a fixed order: goals, then metrics, then departments', () => {
    let plan = addGoal(smallPlan(), { id: 'g-x', name: 'X', kpiMetricId: 'm-fcr' });
    plan = updateGoal(plan, 'g-ret', { kpiMetricId: null });
    plan = setMetricDepartment(plan, 'm-fcr', 'd-cc', null);
    plan = addDepartment(plan, { id: 'd-it', name: 'IT' });
    plan = setGoalMetric(plan, 'g-rev', 'm-nps', null);
    expect(coverageWarnings(plan).map((w) => w.kind)).toEqual([
      'goal-without-kpi',
      'goal-without-metric',
      'goal-without-metric',
      'metric-without-owner',
      'department-without-cx-metric',
    ]);
    expect(coverageWarnings(plan)).toEqual(coverageWarnings(structuredClone(plan)));
  });

  it('only ever names ids that exist in the plan', () => {
    fc.assert(
      fc.property(fc.subarray(smallPlan().scorecard), fc.subarray(smallPlan().metricDepartments), (card, links) => {
        const plan = { ...smallPlan(), scorecard: card, metricDepartments: links };
        const ids = new Set([...plan.goals, ...plan.metrics, ...plan.departments].map((x) => x.id));
        for (const w of coverageWarnings(plan)) {
          const named = [
            'goalId' in w ? w.goalId : null,
            'metricId' in w ? w.metricId : null,
            'departmentId' in w ? w.departmentId : null,
            ...('metricIds' in w ? w.metricIds : []),
          ].filter((x): x is string => x !== null);
          expect(named.length).toBeGreaterThan(0);
          for (const id of named) expect(ids.has(id)).toBe(true);
          expect(w.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 100 },
    );
  });
});
