// Tests for model validation: each impossible input is refused at its field with a message; a sound model passes.
import { describe, expect, it } from 'vitest';
import type { PlanModel } from './stored';
import { tinyModel, tinyPlan } from './testing';
import { validateModel } from './validate';

function problemsAfter(change: (model: PlanModel) => void, plan = tinyPlan()): { field: string; message: string }[] {
  const model = tinyModel();
  change(model);
  return validateModel(plan, model);
}

describe('validateModel', () => {
  it('accepts the tiny model', () => {
    expect(validateModel(tinyPlan(), tinyModel())).toEqual([]);
  });

  it('refuses a scorecard whose weights do not add up to 100 %', () => {
    const plan = tinyPlan();
    plan.scorecard = plan.scorecard.map((e) => (e.metricId === 'm-aht' ? { ...e, weight: 50 } : e));
    expect(validateModel(plan, tinyModel())).toEqual([
      { field: 'scorecard["d-cc"]', message: 'Contact Centre: Weights add up to 90 %; they must add up to 100 %.' },
    ]);
  });

  it('refuses a range whose low is above its high', () => {
    const problems = problemsAfter((m) => {
      m.settings.reach[1] = { ...m.settings.reach[1]!, fullEffortChange: { base: -20, distribution: { kind: 'triangular', low: -10, high: -30 } } };
    });
    expect(problems).toEqual([{ field: 'settings.reach[1].fullEffortChange.distribution.low', message: 'low (-10) must not be above high (-30).' }]);
  });

  it('refuses a base outside its range', () => {
    const problems = problemsAfter((m) => {
      m.settings.lineOfSight = { base: 0.4, distribution: { kind: 'triangular', low: 0.5, high: 1 } };
    });
    expect(problems).toEqual([{ field: 'settings.lineOfSight.base', message: 'must lie between low (0.5) and high (1) (got 0.4).' }]);
  });

  it('refuses negative costs', () => {
    const problems = problemsAfter((m) => {
      m.initiatives[0] = { ...m.initiatives[0]!, oneOffCost: -5, recurringCostPerMonth: -1 };
    });
    expect(problems).toEqual([
      { field: 'initiatives[0].oneOffCost', message: 'must not be negative (got -5).' },
      { field: 'initiatives[0].recurringCostPerMonth', message: 'must not be negative (got -1).' },
    ]);
  });

  it('refuses a horizon of 0 and a fractional one', () => {
    expect(problemsAfter((m) => (m.settings.horizonMonths = 0))).toEqual([
      { field: 'settings.horizonMonths', message: 'must be at least 1 (got 0).' },
    ]);
    expect(problemsAfter((m) => (m.settings.horizonMonths = 2.5))[0]?.message).toBe('must be a whole number (got 2.5).');
  });

  it('refuses a discount rate out of 0..100 % and a missing number', () => {
    expect(problemsAfter((m) => (m.settings.discountRatePct = 150))).toEqual([
      { field: 'settings.discountRatePct', message: 'must be at most 100 (got 150).' },
    ]);
    expect(problemsAfter((m) => (m.settings.discountRatePct = Number.NaN))[0]?.message).toBe('must be a number (got NaN).');
  });

  it('refuses references to metrics and departments the plan does not have', () => {
    const problems = problemsAfter((m) => {
      m.settings.reach.push({ departmentId: 'd-gone', metricId: 'm-gone', fullEffortChange: { base: 1, distribution: null } });
    });
    expect(problems.map((p) => p.field)).toEqual(['settings.reach[3].departmentId', 'settings.reach[3].metricId']);
  });

  it('refuses side effects that loop back on themselves', () => {
    const problems = problemsAfter((m) => {
      m.settings.sideEffects.push({ fromMetricId: 'm-csat', toMetricId: 'm-aht', perUnit: { base: -1, distribution: null }, source: 'manual', note: '' });
    });
    expect(problems.map((p) => p.field)).toEqual(['settings.sideEffects[1]']);
  });

  it('refuses duplicates: two values for one metric, two initiatives with one id', () => {
    const problems = problemsAfter((m) => {
      m.settings.values.push({ ...m.settings.values[0]! });
      m.initiatives.push({ ...m.initiatives[0]! });
    });
    expect(problems.map((p) => p.field)).toEqual(['settings.values[3]', 'initiatives[1].id']);
  });

  it('refuses a scenario override on an input the model does not have, or a share beyond 100 %', () => {
    const problems = problemsAfter((m) => {
      m.scenarios[0]!.overrides.push({ inputKey: 'value:m-gone', value: 1 }, { inputKey: 'collectiveShare:d-cc', value: 120 });
    });
    expect(problems).toEqual([
      { field: 'scenarios[0].overrides[1].inputKey', message: 'the model has no input "value:m-gone".' },
      { field: 'scenarios[0].overrides[2].value', message: 'must be at most 100 (got 120).' },
    ]);
  });

  it('refuses an override of a share that cannot move (a department with one kind of measure)', () => {
    const problems = problemsAfter((m) => {
      m.scenarios[0]!.overrides.push({ inputKey: 'collectiveShare:d-sales', value: 50 });
    });
    expect(problems.map((p) => p.field)).toEqual(['scenarios[0].overrides[1].inputKey']);
  });

  it('refuses business figures below zero and a margin above 100 %', () => {
    const problems = problemsAfter((m) => {
      m.settings.business = { ...m.settings.business, contactsPerMonth: -1, grossMarginPct: 140 };
    });
    expect(problems.map((p) => p.field)).toEqual(['settings.business.contactsPerMonth', 'settings.business.grossMarginPct']);
  });
});
