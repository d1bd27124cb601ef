// Removing a metric, department or goal from the golden plan: what happens to its model, targets and XLAs, and the
// result still validates.
import { describe, expect, it } from 'vitest';
import { brokenLinks } from '../domain/plan/integrity';
import { removeDepartment, removeGoal, removeMetric } from '../domain/plan/ops';
import { deepFreeze } from '../domain/plan/testing';
import { northwindPlan } from './fixtures/northwindPlan';
import { validatePlan } from './planSchema';

const plan = () => deepFreeze(structuredClone(northwindPlan));

describe('removing parts of a plan that the model, targets and XLAs refer to', () => {
  it('a removed metric takes its targets, reach, side effects and initiative effects, and unlinks XLAs', () => {
    const after = removeMetric(plan(), 'metric-csat');
    expect(after.targets).toEqual([]);
    expect(after.model?.settings.reach.map((r) => r.metricId)).toEqual(['metric-aht']);
    expect(after.model?.settings.sideEffects).toEqual([]);
    expect(after.model?.initiatives[0]?.effects).toEqual([]);
    expect(after.xlas[0]?.metricId).toBeNull();
    expect(brokenLinks(after)).toEqual([]);
    expect(validatePlan(after)).toMatchObject({ ok: true });
  });

  it('a removed department leaves the reach and unlinks the cascade nodes that stood for it, keeping their numbers', () => {
    const after = removeDepartment(plan(), 'dept-contact');
    expect(after.model?.settings.reach).toEqual([]);
    const node = after.targets[0]?.cascade?.root.children[0];
    expect(node).toMatchObject({ departmentId: null, baseline: 78, target: 82 });
    expect(brokenLinks(after)).toEqual([]);
    expect(validatePlan(after)).toMatchObject({ ok: true });
  });

  it('a removed goal leaves its targets without a goal', () => {
    const after = removeGoal(plan(), 'goal-retention');
    expect(after.targets[0]?.goalId).toBeNull();
    expect(brokenLinks(after)).toEqual([]);
    expect(validatePlan(after)).toMatchObject({ ok: true });
  });
});
