// Tests for the target, cascade and agreement plan edits: results, immutability, refusals at the field, reconciliation.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Plan } from '../plan/types';
import { deepFreeze, smallPlan } from '../plan/testing';
import { removeGoal, removeMetric } from '../plan/ops';
import { PlanEditError } from '../plan/validation';
import { addChild, reconciles, rebalance } from './cascade';
import { cascadeRules, newPart, startCascade } from './cascadeStart';
import { addTarget, addXla, removeTarget, removeXla, setCascade, updateTarget, updateXla } from './ops';
import type { Cascade, Target, Xla } from './stored';
import { baselineOf } from './targetForTests';
import { xlaFromTemplate, XLA_TEMPLATES } from './xla';

const NPS_METRIC = 'm-nps';

function npsTarget(fields: Partial<Target> = {}): Target {
  return {
    id: 't-nps',
    metricId: NPS_METRIC,
    goalId: 'g-rev',
    baseline: baselineOf({ value: 52, asOf: '2026-12-01' }),
    targetValue: 58,
    deadline: '2027-12-31',
    benchmark: { value: 65, source: 'Bain telecoms 2024' },
    expectedResponsesPerMonth: 1000,
    kpiLink: null,
    cascade: null,
    createdAt: '2027-01-10T09:00:00.000Z',
    ...fields,
  };
}

function planWithTarget(fields: Partial<Target> = {}): Plan {
  return deepFreeze(addTarget(smallPlan(), npsTarget(fields)));
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

const NPS_RULES = { scaleMin: -100, scaleMax: 100, benchmark: 65 };

/** Three teams at 50, 60 and 40 answering 600, 300 and 100 surveys: pooled NPS 52. */
function threeTeamCascade(target = 58): Cascade {
  let cascade: Cascade = startCascade(npsTarget({ targetValue: target }), { key: 'nps', unit: 'score' }, {
    id: 'company',
    name: 'Company',
    method: 'equal-uplift',
  });
  for (const [id, baseline, responses] of [
    ['north', 50, 600],
    ['south', 60, 300],
    ['west', 40, 100],
  ] as const) {
    const added = addChild(cascade, 'company', newPart({ id, name: id, kind: 'team', departmentId: null, baseline, responses }, 'equal-uplift'), NPS_RULES);
    if (!added.ok) throw new Error(added.problems[0]?.message);
    cascade = added.cascade;
  }
  return cascade;
}

describe('targets', () => {
  it('adds a target without touching the plan it was given', () => {
    const plan = deepFreeze(smallPlan());
    const next = addTarget(plan, npsTarget());
    expect(next.targets).toEqual([npsTarget()]);
    expect(plan.targets).toEqual([]);
  });

  it('gives a target with an empty id a fresh one', () => {
    const next = addTarget(smallPlan(), npsTarget({ id: '' }));
    expect(next.targets[0]?.id).toMatch(/^target_[0-9a-f-]{36}$/);
  });

  it('refuses a second target with the same id', () => {
    expect(editError(() => addTarget(planWithTarget(), npsTarget())).field).toBe('id');
  });

  it('refuses NPS 120 at the target value with the scale in the message', () => {
    const error = editError(() => addTarget(smallPlan(), npsTarget({ targetValue: 120 })));
    expect(error.field).toBe('targetValue');
    expect(error.message).toBe('targetValue: NPS runs from \u2212100 to 100; 120 is not possible.');
  });

  it('refuses a CSAT target of −5 %', () => {
    const error = editError(() =>
      addTarget(smallPlan(), npsTarget({ metricId: 'm-csat', baseline: baselineOf({ value: 78 }), targetValue: -5, benchmark: null })),
    );
    expect(error.message).toBe('targetValue: CSAT runs from 0 to 100; \u22125 is not possible.');
  });

  it("refuses a deadline that is not after the baseline's date, without judging it against today", () => {
    const error = editError(() => addTarget(smallPlan(), npsTarget({ deadline: '2026-11-30' })));
    expect(error.field).toBe('deadline');
    expect(error.message).toContain("after the baseline's date (2026-12-01)");
    // A deadline long past but after the baseline is a stored fact, not an error (plans outlive their deadlines).
    const old = npsTarget({ baseline: baselineOf({ value: 52, asOf: '2019-01-01' }), deadline: '2019-12-31' });
    expect(addTarget(smallPlan(), old).targets).toHaveLength(1);
  });

  it('refuses a baseline without a date, a benchmark without a source and links to what is not in the plan', () => {
    expect(editError(() => addTarget(smallPlan(), npsTarget({ baseline: baselineOf({ asOf: '' }) }))).field).toBe('baseline.asOf');
    expect(editError(() => addTarget(smallPlan(), npsTarget({ benchmark: { value: 65, source: ' ' } }))).field).toBe('benchmark.source');
    expect(editError(() => addTarget(smallPlan(), npsTarget({ metricId: 'm-gone' }))).field).toBe('metricId');
    expect(editError(() => addTarget(smallPlan(), npsTarget({ goalId: 'g-gone' }))).field).toBe('goalId');
  });

  it('updates fields but never the metric, id or creation time', () => {
    const plan = planWithTarget();
    const next = updateTarget(plan, 't-nps', { deadline: '2028-06-30', goalId: null, ...({ metricId: 'm-csat' } as object) });
    expect(next.targets[0]).toEqual({ ...npsTarget(), deadline: '2028-06-30', goalId: null });
  });

  it('moves the top of the cascade with a new target value and re-balances the parts so they still add up', () => {
    const plan = setCascade(planWithTarget(), 't-nps', threeTeamCascade());
    const next = updateTarget(plan, 't-nps', { targetValue: 60 });
    const cascade = next.targets[0]?.cascade;
    expect(cascade?.root.target).toBe(60);
    expect(cascade?.root.children.map((c) => c.target)).toEqual([58, 68, 48]);
    expect(cascade && reconciles(cascade)).toBe(true);
  });

  it('removes a target, and refuses to remove one that is not there', () => {
    expect(removeTarget(planWithTarget(), 't-nps').targets).toEqual([]);
    expect(editError(() => removeTarget(planWithTarget(), 't-other')).field).toBe('id');
  });

  it('keeps targets consistent when their goal or metric leaves the plan', () => {
    expect(removeGoal(planWithTarget(), 'g-rev').targets[0]?.goalId).toBeNull();
    expect(removeMetric(planWithTarget(), NPS_METRIC).targets).toEqual([]);
  });
});

describe('cascades', () => {
  it('keeps a cascade whose every level reconciles: equal uplift of 6 points for each team', () => {
    const next = setCascade(planWithTarget(), 't-nps', threeTeamCascade());
    expect(next.targets[0]?.cascade?.root.children.map((c) => c.target)).toEqual([56, 66, 46]);
  });

  it('refuses a cascade whose parts do not add up to the target', () => {
    const cascade = threeTeamCascade();
    const broken: Cascade = {
      ...cascade,
      root: { ...cascade.root, children: cascade.root.children.map((c) => ({ ...c, target: c.baseline })) },
    };
    const error = editError(() => setCascade(planWithTarget(), 't-nps', broken));
    expect(error.message).toBe('cascade: the parts of Company do not add up to its target.');
  });

  it("refuses a cascade whose top does not carry the target's value", () => {
    const error = editError(() => setCascade(planWithTarget({ targetValue: 57 }), 't-nps', threeTeamCascade(58)));
    expect(error.field).toBe('cascade.root.target');
  });

  it('refuses a node linked to a department that is not in the plan', () => {
    const cascade = threeTeamCascade();
    const linked: Cascade = { ...cascade, root: { ...cascade.root, departmentId: 'd-gone' } };
    expect(editError(() => setCascade(planWithTarget(), 't-nps', linked)).field).toBe('cascade.root.departmentId');
  });

  it('removes a cascade with null, and returns the plan itself when there was none', () => {
    const plan = planWithTarget();
    expect(setCascade(plan, 't-nps', null)).toBe(plan);
    expect(setCascade(setCascade(plan, 't-nps', threeTeamCascade()), 't-nps', null).targets[0]?.cascade).toBeNull();
  });

  it('accepts every re-balanced cascade of any team sizes and target (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ baseline: fc.integer({ min: -80, max: 80 }), responses: fc.integer({ min: 1, max: 2000 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: -90, max: 90 }),
        fc.constantFrom('equal-uplift' as const, 'response-weighted' as const),
        (teams, targetValue, method) => {
          const base = startCascade(npsTarget({ targetValue }), { key: 'nps', unit: 'score' }, { id: 'top', name: 'Top', method });
          const cascade: Cascade = {
            ...base,
            root: {
              ...base.root,
              children: teams.map((t, i) => newPart({ id: `p${i}`, name: `Team ${i}`, kind: 'team', departmentId: null, ...t }, method)),
            },
          };
          const balanced = rebalance(cascade, cascadeRules({ scaleMin: -100, scaleMax: 100 }, { benchmark: null }));
          if (!balanced.ok) return;
          const plan = setCascade(addTarget(smallPlan(), npsTarget({ targetValue })), 't-nps', balanced.cascade);
          expect(plan.targets[0]?.cascade).toEqual(balanced.cascade);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('agreements', () => {
  const digitalCsat = (): Xla => xlaFromTemplate(XLA_TEMPLATES[1] as (typeof XLA_TEMPLATES)[number], 'x-csat', 'm-csat');

  it('adds an agreement from a template and updates its threshold', () => {
    const plan = deepFreeze(addXla(smallPlan(), digitalCsat()));
    expect(plan.xlas).toEqual([
      { id: 'x-csat', name: 'Digital CSAT', metricId: 'm-csat', comparator: '>=', threshold: 80, unit: 'percent', kind: 'xla' },
    ]);
    expect(updateXla(plan, 'x-csat', { threshold: 85 }).xlas[0]?.threshold).toBe(85);
  });

  it('refuses a threshold off the metric scale, a blank name and an unknown metric', () => {
    const plan = addXla(smallPlan(), digitalCsat());
    const error = editError(() => updateXla(plan, 'x-csat', { threshold: 120 }));
    expect(error.field).toBe('xla.threshold');
    expect(error.message).toBe('xla.threshold: CSAT runs from 0 to 100; 120 is not possible.');
    expect(editError(() => updateXla(plan, 'x-csat', { name: '  ' })).field).toBe('xla.name');
    expect(editError(() => addXla(smallPlan(), { ...digitalCsat(), metricId: 'm-gone' })).field).toBe('metricId');
  });

  it('keeps an agreement on a measure that is not a plan metric, with any finite threshold', () => {
    const rating = xlaFromTemplate(XLA_TEMPLATES[0] as (typeof XLA_TEMPLATES)[number], '', null);
    const plan = addXla(smallPlan(), rating);
    expect(plan.xlas[0]).toMatchObject({ name: 'App rating', metricId: null, threshold: 4.5 });
    expect(editError(() => updateXla(plan, plan.xlas[0]?.id ?? '', { threshold: Number.NaN })).field).toBe('xla.threshold');
  });

  it('removes an agreement, and refuses one that is not there', () => {
    expect(removeXla(addXla(smallPlan(), digitalCsat()), 'x-csat').xlas).toEqual([]);
    expect(editError(() => removeXla(smallPlan(), 'x-csat')).field).toBe('id');
  });
});
