// Tests of plan validation: shapes, limits, messages naming the field, and references between parts of a plan.
import fc from 'fast-check';
import type * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Plan } from '../domain/plan/types';
import type { FieldError } from './fieldError';
import { northwindPlan } from './fixtures/northwindPlan';
import { planArbitrary } from './planArbitrary';
import { PLAN_LIMITS, validatePlan, type PlanSchema } from './planSchema';

/** A deep copy of the sample plan as loose JSON, to break in one place. */
function sample(): Record<string, any> {
  return structuredClone(northwindPlan) as Record<string, any>;
}

function errorsOf(data: unknown): FieldError[] {
  const result = validatePlan(data);
  if (result.ok) throw new Error('expected the plan to be refused');
  return result.error;
}

describe('validatePlan', () => {
  it('accepts a realistic plan and returns an equal, separate copy', () => {
    const result = validatePlan(northwindPlan);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual(northwindPlan);
    expect(result.value).not.toBe(northwindPlan);
    expect(result.value.goals).not.toBe(northwindPlan.goals);
  });

  it('infers exactly the Plan type from the schema', () => {
    expectTypeOf<v.InferOutput<typeof PlanSchema>>().toEqualTypeOf<Plan>();
  });

  it('accepts every plan the shared arbitrary produces', () => {
    fc.assert(
      fc.property(planArbitrary(), (plan) => {
        const result = validatePlan(plan);
        expect(result.ok ? [] : result.error).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('names the field and says what was found and expected for a wrong type', () => {
    const plan = sample();
    plan.goals[1].name = 5;
    plan.departments[0].headcount = '240';
    plan.metrics[2].direction = 'up';
    expect(errorsOf(plan)).toEqual([
      { path: 'plan.goals[1].name', message: 'expected text but found the number 5' },
      { path: 'plan.metrics[2].direction', message: 'expected one of "higher", "lower" but found the text "up"' },
      {
        path: 'plan.departments[0].headcount',
        message: 'expected a whole number from 0 to 10000000 but found the text "240"',
      },
    ]);
  });

  it('refuses a value that is not an object, naming what it is', () => {
    expect(errorsOf([northwindPlan])).toEqual([
      { path: 'plan', message: 'expected a plan (an object) but found a list of 1 item' },
    ]);
    expect(errorsOf(null)).toEqual([{ path: 'plan', message: 'expected a plan (an object) but found null' }]);
  });

  it('refuses an array where a goal object belongs', () => {
    const plan = sample();
    plan.goals[0] = ['goal-retention'];
    expect(errorsOf(plan)).toEqual([
      { path: 'plan.goals[0]', message: 'expected a goal (an object) but found a list of 1 item' },
    ]);
  });

  it('refuses unknown fields and reports missing ones', () => {
    const plan = sample();
    plan.goals[0].priority = 'high';
    delete plan.metrics[0].unit;
    expect(errorsOf(plan)).toEqual([
      { path: 'plan.goals[0].priority', message: 'unexpected field "priority": it is not part of the format' },
      { path: 'plan.metrics[0].unit', message: 'required field "unit" is missing' },
    ]);
  });

  it('caps names at 200 and texts at 5,000 characters', () => {
    const plan = sample();
    plan.name = 'n'.repeat(PLAN_LIMITS.nameLength);
    plan.description = 'd'.repeat(PLAN_LIMITS.textLength);
    expect(validatePlan(plan).ok).toBe(true);
    plan.name = 'n'.repeat(201);
    plan.description = 'd'.repeat(5001);
    expect(errorsOf(plan)).toEqual([
      { path: 'plan.name', message: 'expected at most 200 characters but found 201' },
      { path: 'plan.description', message: 'expected at most 5000 characters but found 5001' },
    ]);
  });

  it('refuses empty ids and metric keys', () => {
    const plan = sample();
    plan.goals[0].id = '';
    plan.metrics[0].key = '';
    expect(errorsOf(plan).map((e) => e.path)).toEqual(['plan.goals[0].id', 'plan.metrics[0].key']);
  });

  it('caps the number of items in a list', () => {
    const plan = sample();
    plan.metrics[0].tradeOffs = Array.from({ length: 101 }, (_, i) => `k${i}`);
    expect(errorsOf(plan)).toEqual([
      { path: 'plan.metrics[0].tradeOffs', message: 'expected at most 100 items but found 101' },
    ]);
  });

  it('enforces number ranges: weights 1..5 whole, scorecard 0..100, headcount whole and not negative', () => {
    const plan = sample();
    plan.goalMetrics[0].weight = 2.5;
    plan.goalMetrics[1].weight = 0;
    plan.scorecard[0].weight = 100.5;
    plan.departments[1].headcount = -1;
    plan.departments[1].surveyResponsesPerMonth = 12.5;
    expect(errorsOf(plan)).toEqual([
      {
        path: 'plan.departments[1].headcount',
        message: 'expected a whole number from 0 to 10000000 but found the number -1',
      },
      { path: 'plan.goalMetrics[0].weight', message: 'expected a whole number from 1 to 5 but found the number 2.5' },
      { path: 'plan.goalMetrics[1].weight', message: 'expected a whole number from 1 to 5 but found the number 0' },
      { path: 'plan.scorecard[0].weight', message: 'expected a percentage from 0 to 100 but found the number 100.5' },
    ]);
  });

  it('refuses non-finite numbers that only in-memory data can hold', () => {
    const plan = sample();
    plan.metrics[0].scaleMax = Infinity;
    plan.departments[0].surveyResponsesPerMonth = NaN;
    expect(errorsOf(plan).map((e) => e.path)).toEqual([
      'plan.metrics[0].scaleMax',
      'plan.departments[0].surveyResponsesPerMonth',
    ]);
  });

  it('refuses timestamps that are not ISO 8601 date-times', () => {
    const plan = sample();
    plan.createdAt = '23/11/2026';
    plan.updatedAt = '2026-02-30T10:00:00.000Z';
    expect(errorsOf(plan)).toEqual([
      {
        path: 'plan.createdAt',
        message: 'expected an ISO 8601 timestamp like "2026-11-23T10:00:00.000Z" but found the text "23/11/2026"',
      },
      {
        path: 'plan.updatedAt',
        message:
          'expected an ISO 8601 timestamp like "2026-11-23T10:00:00.000Z" but found the text "2026-02-30T10:00:00.000Z"',
      },
    ]);
  });

  it('reports every problem, not only the first', () => {
    const plan = sample();
    for (const goal of plan.goals) goal.owner = null;
    expect(errorsOf(plan).map((e) => e.path)).toEqual(['plan.goals[0].owner', 'plan.goals[1].owner']);
  });
});

describe('validatePlan: references and uniqueness', () => {
  it('refuses duplicate ids, pointing at the first use', () => {
    const plan = sample();
    plan.metrics[3].id = 'metric-nps';
    expect(errorsOf(plan)[0]).toEqual({
      path: 'plan.metrics[3].id',
      message: 'duplicate id "metric-nps": already used by plan.metrics[0]; ids must be unique',
    });
  });

  it('refuses links to goals, metrics and departments that do not exist', () => {
    const plan = sample();
    plan.goals[0].kpiMetricId = 'metric-revenue';
    plan.goalMetrics[0].goalId = 'goal-gone';
    plan.metricDepartments[0].departmentId = 'dept-sales';
    plan.scorecard[0].metricId = 'metric-gone';
    plan.guardrails[0].departmentId = 'dept-gone';
    expect(errorsOf(plan)).toEqual([
      { path: 'plan.goals[0].kpiMetricId', message: 'refers to metric "metric-revenue", which is not in plan.metrics' },
      { path: 'plan.goalMetrics[0].goalId', message: 'refers to goal "goal-gone", which is not in plan.goals' },
      {
        path: 'plan.metricDepartments[0].departmentId',
        message: 'refers to department "dept-sales", which is not in plan.departments',
      },
      { path: 'plan.scorecard[0].metricId', message: 'refers to metric "metric-gone", which is not in plan.metrics' },
      {
        path: 'plan.guardrails[0].departmentId',
        message: 'refers to department "dept-gone", which is not in plan.departments',
      },
    ]);
  });

  it('refuses the same matrix cell twice', () => {
    const plan = sample();
    plan.goalMetrics.push({ ...plan.goalMetrics[0], weight: 1 });
    plan.metricDepartments.push({ ...plan.metricDepartments[2], role: 'owner' });
    plan.scorecard.push({ ...plan.scorecard[3] });
    expect(errorsOf(plan)).toEqual([
      {
        path: 'plan.goalMetrics[3]',
        message:
          'duplicate cell goal "goal-retention" × metric "metric-nps": already given at plan.goalMetrics[0]; each cell may appear once',
      },
      {
        path: 'plan.metricDepartments[3]',
        message:
          'duplicate cell metric "metric-csat" × department "dept-it": already given at plan.metricDepartments[2]; each cell may appear once',
      },
      {
        path: 'plan.scorecard[4]',
        message:
          'duplicate cell department "dept-it" × metric "metric-nps": already given at plan.scorecard[3]; each cell may appear once',
      },
    ]);
  });

  it('tells cells apart even when ids contain the separator a naive key would use', () => {
    const plan = sample();
    plan.goals = [
      { ...plan.goals[0], id: 'a|b' },
      { ...plan.goals[1], id: 'a' },
    ];
    plan.metrics[0].id = 'c';
    plan.metrics[1].id = 'b|c';
    plan.goals[0].kpiMetricId = null;
    plan.goalMetrics = [
      { goalId: 'a|b', metricId: 'c', weight: 1, rationale: '' },
      { goalId: 'a', metricId: 'b|c', weight: 1, rationale: '' },
    ];
    plan.metricDepartments = [];
    plan.scorecard = [];
    plan.guardrails = [];
    plan.findings = [];
    plan.conflictDismissals = [];
    plan.model = null;
    plan.targets = [];
    plan.xlas = [];
    expect(validatePlan(plan)).toMatchObject({ ok: true });
  });

  it('refuses a guardrail that guards a metric with itself', () => {
    const plan = sample();
    plan.guardrails[0].guardMetricId = 'metric-aht';
    expect(errorsOf(plan)).toEqual([
      {
        path: 'plan.guardrails[0].guardMetricId',
        message: 'expected a metric other than the pushed one but found the same metric "metric-aht"',
      },
    ]);
  });

  it('refuses a scale whose maximum is not above its minimum, and repeated trade-off keys', () => {
    const plan = sample();
    plan.metrics[0].scaleMax = -100;
    plan.metrics[2].tradeOffs = ['csat', 'fcr', 'csat'];
    expect(errorsOf(plan)).toEqual([
      { path: 'plan.metrics[0].scaleMax', message: 'expected a scale maximum above the minimum (-100) but found -100' },
      {
        path: 'plan.metrics[2].tradeOffs[2]',
        message: 'duplicate trade-off key "csat": each key may be listed once',
      },
    ]);
  });

  it('accepts trade-off keys of metrics that are not in the plan (they name library metrics)', () => {
    const plan = sample();
    plan.metrics[2].tradeOffs = ['fcr', 'sla-compliance'];
    expect(validatePlan(plan).ok).toBe(true);
  });
});

describe('validatePlan: settings, findings and dismissed conflicts', () => {
  it('refuses a currency that is not an ISO 4217 code', () => {
    const plan = sample();
    plan.settings.currency = 'euro';
    expect(errorsOf(plan)).toEqual([
      { path: 'plan.settings.currency', message: 'expected a currency code like "USD" or "EUR" but found the text "euro"' },
    ]);
  });

  it('refuses a finding whose interval is upside down or whose correlation is out of range', () => {
    const plan = sample();
    plan.findings[0].slopeLow = 1;
    plan.findings[0].r = 1.5;
    expect(errorsOf(plan)).toEqual([
      { path: 'plan.findings[0].r', message: 'expected a correlation from -1 to 1 but found the number 1.5' },
    ]);
    plan.findings[0].r = 0.5;
    expect(errorsOf(plan)).toEqual([
      {
        path: 'plan.findings[0].slopeHigh',
        message: "expected the interval's upper end to be at least its lower end (1) but found -0.012",
      },
    ]);
  });

  it('refuses findings and dismissals about metrics the plan does not have, and a dismissal with no reason', () => {
    const plan = sample();
    plan.findings[0].metricId = 'metric-gone';
    plan.conflictDismissals[0].reason = '';
    plan.conflictDismissals[0].otherMetricId = 'metric-nowhere';
    expect(errorsOf(plan)).toEqual([
      {
        path: 'plan.conflictDismissals[0].reason',
        message: 'expected the reason it was dismissed (non-empty text) but found empty text',
      },
    ]);
    plan.conflictDismissals[0].reason = 'seasonal';
    expect(errorsOf(plan)).toEqual([
      { path: 'plan.findings[0].metricId', message: 'refers to metric "metric-gone", which is not in plan.metrics' },
      {
        path: 'plan.conflictDismissals[0].otherMetricId',
        message: 'refers to metric "metric-nowhere", which is not in plan.metrics',
      },
    ]);
  });
});

describe('validatePlan: the model, targets and XLAs', () => {
  it('refuses a model, target or XLA that names a metric, department or goal the plan does not have', () => {
    const plan = sample();
    plan.model.settings.reach[0].departmentId = 'dept-gone';
    plan.targets[0].goalId = 'goal-gone';
    plan.targets[0].cascade.root.children[0].departmentId = 'dept-nowhere';
    plan.xlas[0].metricId = 'metric-gone';
    expect(errorsOf(plan)).toEqual([
      {
        path: 'plan.model.settings.reach[0].departmentId',
        message: 'refers to department "dept-gone", which is not in plan.departments',
      },
      { path: 'plan.targets[0].goalId', message: 'refers to goal "goal-gone", which is not in plan.goals' },
      {
        path: 'plan.targets[0].cascade.root.children[0].departmentId',
        message: 'refers to department "dept-nowhere", which is not in plan.departments',
      },
      { path: 'plan.xlas[0].metricId', message: 'refers to metric "metric-gone", which is not in plan.metrics' },
    ]);
  });

  it('refuses a deadline that is not a calendar date, a horizon of 0 and a cascade node id used twice', () => {
    const plan = sample();
    plan.targets[0].deadline = '2027-02-30';
    plan.model.settings.horizonMonths = 0;
    expect(errorsOf(plan)).toEqual([
      { path: 'plan.model.settings.horizonMonths', message: 'expected a whole number of months from 1 to 120 but found the number 0' },
      { path: 'plan.targets[0].deadline', message: 'expected a date on a real calendar day' },
    ]);
    const twice = sample();
    twice.targets[0].cascade.root.children[0].id = 'node-company';
    expect(errorsOf(twice)).toEqual([
      {
        path: 'plan.targets[0].cascade.root.children[0].id',
        message: 'duplicate id "node-company": already used by plan.targets[0].cascade.root; ids must be unique',
      },
    ]);
  });
});
