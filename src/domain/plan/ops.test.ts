// Tests for plan edit operations: results, cascades, immutability, refusals, integrity under any edits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Plan } from './types';
import {
  addDepartment,
  addGoal,
  addGuardrail,
  addMetric,
  addMetricFromLibrary,
  conflictDismissal,
  dismissConflict,
  keepFinding,
  removeDepartment,
  removeFinding,
  removeGoal,
  removeGuardrail,
  removeMetric,
  renamePlan,
  reopenConflict,
  setCurrency,
  setGoalMetric,
  setMetricDepartment,
  setPlanDescription,
  setScorecardEntry,
  updateDepartment,
  updateGoal,
  updateGuardrail,
  updateMetric,
} from './ops';
import { balanceScorecard } from './scorecard';
import { brokenLinks } from './integrity';
import { createEmptyPlan } from './newPlan';
import { METRIC_LIBRARY } from './metricLibrary';
import { PlanEditError } from './validation';
import { TEST_NOW, deepFreeze, smallPlan } from './testing';

function frozenSmallPlan(): Plan {
  return deepFreeze(smallPlan());
}

function editError(run: () => unknown): PlanEditError {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanEditError) return error;
    throw error;
  }
  throw new Error('expected a PlanEditError');
}

describe('plan-level edits', () => {
  it('renames the plan with the name trimmed and leaves updatedAt to the storage layer', () => {
    const plan = frozenSmallPlan();
    const next = renamePlan(plan, '  Q3 workshop  ');
    expect(next.name).toBe('Q3 workshop');
    expect(next.updatedAt).toBe(plan.updatedAt);
    expect(plan.name).toBe('Test plan');
  });

  it('refuses a blank plan name, naming the field', () => {
    const error = editError(() => renamePlan(frozenSmallPlan(), '   '));
    expect(error.field).toBe('name');
    expect(error.message).toBe('name: must not be empty.');
  });

  it('sets the description', () => {
    expect(setPlanDescription(frozenSmallPlan(), 'For the board\n').description).toBe('For the board');
  });
});

describe('goals', () => {
  it('adds a goal with defaults for omitted fields', () => {
    const next = addGoal(frozenSmallPlan(), { id: 'g-brand', name: ' Protect the brand ' });
    expect(next.goals.at(-1)).toEqual({
      id: 'g-brand',
      name: 'Protect the brand',
      description: '',
      kpiMetricId: null,
      owner: '',
    });
  });

  it('generates a prefixed id when none is given', () => {
    const next = addGoal(frozenSmallPlan(), { name: 'Protect the brand' });
    expect(next.goals.at(-1)?.id).toMatch(/^goal_[0-9a-f-]{36}$/);
  });

  it('refuses a KPI that is not a metric of the plan', () => {
    const error = editError(() => addGoal(frozenSmallPlan(), { name: 'X', kpiMetricId: 'm-missing' }));
    expect(error.field).toBe('kpiMetricId');
  });

  it('refuses an id already used by another goal', () => {
    expect(editError(() => addGoal(frozenSmallPlan(), { id: 'g-ret', name: 'Again' })).field).toBe('id');
  });

  it('updates only the patched fields and keeps the goal in place', () => {
    const plan = frozenSmallPlan();
    const next = updateGoal(plan, 'g-ret', { owner: 'Head of CX', kpiMetricId: null });
    expect(next.goals.map((g) => g.id)).toEqual(['g-ret', 'g-rev']);
    expect(next.goals[0]).toEqual({ ...plan.goals[0], owner: 'Head of CX', kpiMetricId: null });
    expect(next.goals[1]).toBe(plan.goals[1]);
  });

  it('refuses to update a goal that is not in the plan', () => {
    expect(editError(() => updateGoal(frozenSmallPlan(), 'g-gone', { name: 'X' })).field).toBe('id');
  });

  it('removes a goal together with its row of the goals × metrics matrix', () => {
    const next = removeGoal(frozenSmallPlan(), 'g-ret');
    expect(next.goals.map((g) => g.id)).toEqual(['g-rev']);
    expect(next.goalMetrics).toEqual([{ goalId: 'g-rev', metricId: 'm-nps', weight: 3, rationale: '' }]);
  });
});

describe('metrics', () => {
  it('adds a library metric with its definition and a fresh id', () => {
    const next = addMetricFromLibrary(frozenSmallPlan(), 'ces', 'm-ces');
    const ces = next.metrics.at(-1);
    expect(ces).toMatchObject({ id: 'm-ces', key: 'ces', custom: false, scaleMin: 1, scaleMax: 7, direction: 'lower' });
  });

  it('refuses a library metric the plan already holds', () => {
    const error = editError(() => addMetricFromLibrary(frozenSmallPlan(), 'nps'));
    expect(error.message).toBe('key: NPS is already in this plan.');
  });

  it('refuses an unknown library key', () => {
    expect(editError(() => addMetricFromLibrary(frozenSmallPlan(), 'happiness')).field).toBe('key');
  });

  it('adds a custom metric keyed by the slug of its name, never reusing a library key', () => {
    let plan = addMetric(frozenSmallPlan(), {
      id: 'm-own-nps',
      name: 'NPS',
      category: 'cx',
      unit: 'score',
      direction: 'higher',
      timing: 'lagging',
    });
    plan = addMetric(plan, {
      id: 'm-own-nps-2',
      name: 'N.P.S',
      category: 'cx',
      unit: 'score',
      direction: 'higher',
      timing: 'lagging',
    });
    expect(plan.metrics.slice(-2).map((m) => [m.key, m.custom])).toEqual([
      ['nps_2', true],
      ['n_p_s', true],
    ]);
  });

  it('updates a metric but never its key, id or custom flag', () => {
    const plan = frozenSmallPlan();
    const sneaky = { name: 'Handle time', key: 'hacked', id: 'x', custom: true } as unknown as Parameters<
      typeof updateMetric
    >[2];
    const next = updateMetric(plan, 'm-aht', sneaky);
    const aht = next.metrics.find((m) => m.id === 'm-aht');
    expect(aht).toMatchObject({ name: 'Handle time', key: 'aht', custom: false });
  });

  it('refuses a scale whose maximum is not above its minimum', () => {
    const error = editError(() => updateMetric(frozenSmallPlan(), 'm-nps', { scaleMin: 10, scaleMax: 10 }));
    expect(error.field).toBe('scaleMax');
  });

  it('refuses a non-finite scale bound', () => {
    expect(editError(() => updateMetric(frozenSmallPlan(), 'm-aht', { scaleMax: Infinity })).field).toBe('scaleMax');
  });

  it('removes a metric and every link to it, leaving goals that used it as KPI without one', () => {
    const next = removeMetric(frozenSmallPlan(), 'm-nps');
    expect(next.metrics.map((m) => m.key)).toEqual(['csat', 'aht', 'fcr', 'revenue']);
    expect(next.goals.find((g) => g.id === 'g-ret')?.kpiMetricId).toBeNull();
    expect(next.goals.find((g) => g.id === 'g-rev')?.kpiMetricId).toBe('m-revenue');
    expect(next.goalMetrics.some((l) => l.metricId === 'm-nps')).toBe(false);
    expect(next.metricDepartments.some((l) => l.metricId === 'm-nps')).toBe(false);
    expect(next.scorecard.map((e) => `${e.departmentId}:${e.metricId}`)).toEqual([
      'd-cc:m-aht',
      'd-cc:m-csat',
      'd-sales:m-revenue',
    ]);
    expect(brokenLinks(next)).toEqual([]);
  });

  it('removes guardrails on either side of a removed metric', () => {
    expect(removeMetric(frozenSmallPlan(), 'm-csat').guardrails).toEqual([]);
    expect(removeMetric(frozenSmallPlan(), 'm-aht').guardrails).toEqual([]);
    expect(removeMetric(frozenSmallPlan(), 'm-fcr').guardrails).toHaveLength(1);
  });
});

describe('departments', () => {
  it('adds a department with zero headcount and survey volume by default', () => {
    const next = addDepartment(frozenSmallPlan(), { id: 'd-it', name: 'IT' });
    expect(next.departments.at(-1)).toEqual({ id: 'd-it', name: 'IT', headcount: 0, surveyResponsesPerMonth: 0 });
  });

  it('refuses a fractional or negative headcount and a non-finite survey volume', () => {
    expect(editError(() => addDepartment(frozenSmallPlan(), { name: 'IT', headcount: 2.5 })).field).toBe('headcount');
    expect(editError(() => updateDepartment(frozenSmallPlan(), 'd-cc', { headcount: -1 })).field).toBe('headcount');
    expect(editError(() => updateDepartment(frozenSmallPlan(), 'd-cc', { surveyResponsesPerMonth: NaN })).field).toBe(
      'surveyResponsesPerMonth',
    );
  });

  it('updates a department', () => {
    const next = updateDepartment(frozenSmallPlan(), 'd-cc', { name: 'Customer Care', headcount: 140 });
    expect(next.departments[0]).toEqual({ id: 'd-cc', name: 'Customer Care', headcount: 140, surveyResponsesPerMonth: 900 });
  });

  it('removes a department with its metric links, scorecard and the guardrails scoped to it', () => {
    let plan = addGuardrail(frozenSmallPlan(), { id: 'gr-plan', metricId: 'm-revenue', guardMetricId: 'm-nps' });
    plan = removeDepartment(deepFreeze(plan), 'd-cc');
    expect(plan.departments.map((d) => d.id)).toEqual(['d-sales']);
    expect(plan.metricDepartments.every((l) => l.departmentId === 'd-sales')).toBe(true);
    expect(plan.scorecard.every((e) => e.departmentId === 'd-sales')).toBe(true);
    expect(plan.guardrails.map((g) => g.id)).toEqual(['gr-plan']);
    expect(brokenLinks(plan)).toEqual([]);
  });
});

describe('matrix cells', () => {
  it('sets, updates in place and clears a goals × metrics cell', () => {
    const plan = frozenSmallPlan();
    const updated = setGoalMetric(plan, 'g-ret', 'm-csat', 5);
    expect(updated.goalMetrics[0]).toEqual({
      goalId: 'g-ret',
      metricId: 'm-csat',
      weight: 5,
      rationale: 'Satisfied customers stay.',
    });
    const cleared = setGoalMetric(updated, 'g-ret', 'm-csat', null);
    expect(cleared.goalMetrics.some((l) => l.goalId === 'g-ret' && l.metricId === 'm-csat')).toBe(false);
    expect(cleared.goalMetrics).toHaveLength(2);
  });

  it('returns the same plan when clearing a cell that is already empty', () => {
    const plan = frozenSmallPlan();
    expect(setGoalMetric(plan, 'g-rev', 'm-fcr', null)).toBe(plan);
    expect(setMetricDepartment(plan, 'm-fcr', 'd-sales', null)).toBe(plan);
    expect(setScorecardEntry(plan, 'd-sales', 'm-fcr', null)).toBe(plan);
  });

  it('refuses goal weights outside 1..5 or between whole numbers', () => {
    expect(editError(() => setGoalMetric(frozenSmallPlan(), 'g-rev', 'm-fcr', 0)).field).toBe('weight');
    expect(editError(() => setGoalMetric(frozenSmallPlan(), 'g-rev', 'm-fcr', 2.5)).message).toBe(
      'weight: must be a whole number (got 2.5).',
    );
    expect(editError(() => setGoalMetric(frozenSmallPlan(), 'g-rev', 'm-fcr', 6)).message).toBe(
      'weight: must be at most 5 (got 6).',
    );
  });

  it('refuses a cell for a goal or metric that is not in the plan', () => {
    expect(editError(() => setGoalMetric(frozenSmallPlan(), 'g-x', 'm-fcr', 3)).field).toBe('goalId');
    expect(editError(() => setGoalMetric(frozenSmallPlan(), 'g-rev', 'm-x', 3)).field).toBe('metricId');
  });

  it('changes a department role and refuses an unknown role', () => {
    const next = setMetricDepartment(frozenSmallPlan(), 'm-nps', 'd-cc', 'owner');
    expect(next.metricDepartments.filter((l) => l.metricId === 'm-nps').map((l) => l.role)).toEqual(['owner', 'owner']);
    const bogus = 'boss' as unknown as 'owner';
    expect(editError(() => setMetricDepartment(frozenSmallPlan(), 'm-nps', 'd-cc', bogus)).field).toBe('role');
  });

  it('sets and removes scorecard entries, refusing weights outside 0..100', () => {
    const next = setScorecardEntry(frozenSmallPlan(), 'd-sales', 'm-fcr', { kind: 'individual', weight: 10 });
    expect(next.scorecard.at(-1)).toEqual({ departmentId: 'd-sales', metricId: 'm-fcr', kind: 'individual', weight: 10 });
    expect(setScorecardEntry(next, 'd-sales', 'm-fcr', null).scorecard).toEqual(frozenSmallPlan().scorecard);
    const error = editError(() =>
      setScorecardEntry(frozenSmallPlan(), 'd-sales', 'm-fcr', { kind: 'individual', weight: 101 }),
    );
    expect(error.field).toBe('weight');
  });
});

describe('guardrails', () => {
  it('adds a plan-wide guardrail with a trimmed note', () => {
    const next = addGuardrail(frozenSmallPlan(), {
      id: 'gr-2',
      metricId: 'm-aht',
      guardMetricId: 'm-fcr',
      note: ' no second calls ',
    });
    expect(next.guardrails.at(-1)).toEqual({
      id: 'gr-2',
      metricId: 'm-aht',
      guardMetricId: 'm-fcr',
      departmentId: null,
      note: 'no second calls',
    });
  });

  it('refuses a metric guarding itself, an unknown department and an exact duplicate', () => {
    const plan = frozenSmallPlan();
    expect(editError(() => addGuardrail(plan, { metricId: 'm-aht', guardMetricId: 'm-aht' })).field).toBe(
      'guardMetricId',
    );
    expect(
      editError(() => addGuardrail(plan, { metricId: 'm-aht', guardMetricId: 'm-fcr', departmentId: 'd-x' })).field,
    ).toBe('departmentId');
    expect(
      editError(() => addGuardrail(plan, { metricId: 'm-aht', guardMetricId: 'm-csat', departmentId: 'd-cc' })).message,
    ).toBe('guardMetricId: the same guardrail already exists for this scope.');
  });

  it('updates and removes a guardrail', () => {
    const plan = frozenSmallPlan();
    const widened = updateGuardrail(plan, 'gr-aht-csat', { departmentId: null, note: 'company-wide' });
    expect(widened.guardrails[0]).toMatchObject({ departmentId: null, note: 'company-wide', metricId: 'm-aht' });
    expect(removeGuardrail(plan, 'gr-aht-csat').guardrails).toEqual([]);
    expect(editError(() => removeGuardrail(plan, 'gr-x')).field).toBe('guardrailId');
  });
});

const FINDING = {
  kpiMetricId: 'm-revenue',
  metricId: 'm-nps',
  mode: 'trendControlled',
  period: 'month',
  lag: 3,
  r: 0.62,
  adjustedP: 0.001,
  slope: 4030,
  slopeLow: 3340,
  slopeHigh: 4720,
  n: 56,
  sentence: '+1 NPS point ≈ +$4,030 monthly revenue 3 months later',
  datasetName: 'monthly_kpis.csv',
  recordedAt: '2026-11-23T10:00:00.000Z',
} as const;
const DISMISSAL = { metricId: 'm-aht', otherMetricId: 'm-fcr', reason: 'Seasonal', dismissedAt: '2026-11-23T10:00:00.000Z' };

describe('currency, kept findings and dismissed conflicts', () => {
  it('sets the currency as an upper-case ISO code and refuses anything else', () => {
    expect(setCurrency(frozenSmallPlan(), ' eur ').settings.currency).toBe('EUR');
    expect(editError(() => setCurrency(frozenSmallPlan(), 'euro')).field).toBe('currency');
  });

  it('keeps one finding per metric and KPI: a newer reading replaces the older', () => {
    let plan = keepFinding(frozenSmallPlan(), { ...FINDING, id: 'f1' });
    plan = keepFinding(deepFreeze(plan), { ...FINDING, lag: 2, slope: 3900, id: 'f2' });
    plan = keepFinding(deepFreeze(plan), { ...FINDING, metricId: 'm-csat', id: 'f3' });
    expect(plan.findings.map((f) => [f.id, f.metricId, f.lag])).toEqual([
      ['f2', 'm-nps', 2],
      ['f3', 'm-csat', 3],
    ]);
    expect(removeFinding(plan, 'f2').findings.map((f) => f.id)).toEqual(['f3']);
  });

  it('refuses a finding about a missing metric, about itself, or with an upside-down interval', () => {
    expect(editError(() => keepFinding(frozenSmallPlan(), { ...FINDING, metricId: 'gone' })).field).toBe('metricId');
    expect(editError(() => keepFinding(frozenSmallPlan(), { ...FINDING, metricId: 'm-revenue' })).field).toBe('metricId');
    expect(editError(() => keepFinding(frozenSmallPlan(), { ...FINDING, slopeLow: 5000 })).field).toBe('slopeHigh');
    expect(editError(() => keepFinding(frozenSmallPlan(), { ...FINDING, slope: Number.NaN })).field).toBe('slope');
  });

  it('dismisses a conflict with a reason, finds it in either order, and reopens it', () => {
    const plan = dismissConflict(frozenSmallPlan(), { ...DISMISSAL, id: 'x1' });
    expect(conflictDismissal(plan, 'm-fcr', 'm-aht')?.reason).toBe('Seasonal');
    const again = dismissConflict(deepFreeze(plan), { ...DISMISSAL, metricId: 'm-fcr', otherMetricId: 'm-aht', reason: 'Data error', id: 'x2' });
    expect(again.conflictDismissals.map((d) => [d.id, d.reason])).toEqual([['x2', 'Data error']]);
    expect(reopenConflict(again, 'x2').conflictDismissals).toEqual([]);
    expect(editError(() => dismissConflict(frozenSmallPlan(), { ...DISMISSAL, reason: '  ' })).field).toBe('reason');
  });

  it('removing a metric drops the findings and dismissals that mention it', () => {
    let plan = keepFinding(frozenSmallPlan(), FINDING);
    plan = dismissConflict(plan, DISMISSAL);
    expect(removeMetric(plan, 'm-nps').findings).toEqual([]);
    expect(removeMetric(plan, 'm-fcr').conflictDismissals).toEqual([]);
    expect(removeMetric(plan, 'm-csat').findings).toHaveLength(1);
  });
});

describe('any sequence of edits', () => {
  type Command = { op: number; a: number; b: number; c: number; w: number; text: string };
  const OPS = 19;
  const command = fc.record({
    op: fc.nat({ max: OPS - 1 }),
    a: fc.nat(),
    b: fc.nat(),
    c: fc.nat(),
    w: fc.integer({ min: -1, max: 7 }),
    text: fc.constantFrom('Retention', 'IT', ' Brand ', 'Net Promoter', '  '),
  });

  function pick<T extends { id: string }>(items: readonly T[], n: number): string {
    // An out-of-range pick yields an id the plan does not hold, so refusals are exercised too.
    return items[n % (items.length + 1)]?.id ?? 'missing';
  }

  function apply(plan: Plan, cmd: Command): Plan {
    const { a, b, c, w, text } = cmd;
    const weight = w < 0 ? null : w;
    switch (cmd.op) {
      case 0:
        return addGoal(plan, { name: text, kpiMetricId: c % 2 === 0 ? null : pick(plan.metrics, a) });
      case 1:
        return updateGoal(plan, pick(plan.goals, a), { kpiMetricId: pick(plan.metrics, b) });
      case 2:
        return removeGoal(plan, pick(plan.goals, a));
      case 3:
        return addMetricFromLibrary(plan, METRIC_LIBRARY[a % METRIC_LIBRARY.length]?.key ?? 'nps');
      case 4:
        return addMetric(plan, { name: text, category: 'cx', unit: 'score', direction: 'higher', timing: 'leading' });
      case 5:
        return removeMetric(plan, pick(plan.metrics, a));
      case 6:
        return addDepartment(plan, { name: text, headcount: b % 50 });
      case 7:
        return removeDepartment(plan, pick(plan.departments, a));
      case 8:
        return setGoalMetric(plan, pick(plan.goals, a), pick(plan.metrics, b), weight);
      case 9: {
        const role = weight === null ? null : w % 2 === 0 ? 'owner' : 'contributor';
        return setMetricDepartment(plan, pick(plan.metrics, a), pick(plan.departments, b), role);
      }
      case 10: {
        const kind = c % 2 === 0 ? 'collective' : 'individual';
        const cell = weight === null ? null : { kind, weight: w * 15 } as const;
        return setScorecardEntry(plan, pick(plan.departments, a), pick(plan.metrics, b), cell);
      }
      case 11:
        return addGuardrail(plan, {
          metricId: pick(plan.metrics, a),
          guardMetricId: pick(plan.metrics, b),
          departmentId: c % 3 === 0 ? null : pick(plan.departments, c),
        });
      case 12:
        return removeGuardrail(plan, pick(plan.guardrails, a));
      case 13:
        return balanceScorecard(plan, pick(plan.departments, a));
      case 14:
        return updateMetric(plan, pick(plan.metrics, a), { name: text });
      case 15:
        return updateGuardrail(plan, pick(plan.guardrails, a), { departmentId: pick(plan.departments, b) });
      case 17:
        return keepFinding(plan, { ...FINDING, kpiMetricId: pick(plan.metrics, a), metricId: pick(plan.metrics, b) });
      case 18:
        return dismissConflict(plan, { ...DISMISSAL, metricId: pick(plan.metrics, a), otherMetricId: pick(plan.metrics, b), reason: text });
      default:
        return updateDepartment(plan, pick(plan.departments, a), { name: text });
    }
  }

  it('keeps every link pointing at existing goals, metrics and departments, and never mutates its input', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(command, { minLength: 5, maxLength: 60, size: 'large' }), (sample, commands) => {
        let plan = deepFreeze(sample ? smallPlan() : createEmptyPlan('Empty', TEST_NOW));
        for (const cmd of commands) {
          // The plan is frozen, so an operation that mutated it would throw a TypeError and fail the property.
          try {
            plan = deepFreeze(apply(plan, cmd));
          } catch (error) {
            if (!(error instanceof PlanEditError)) throw error;
          }
          expect(brokenLinks(plan)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
