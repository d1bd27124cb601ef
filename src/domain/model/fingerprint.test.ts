// The model fingerprint: equal inputs give equal fingerprints, any input that feeds the model changes it, results do not.
import { describe, expect, it } from 'vitest';
import { setModel, saveRun, updateModelSettings, updateScenario } from '../plan/modelOps';
import { setScorecardEntry, updateDepartment, updateGoal } from '../plan/ops';
import { createSamplePlan } from '../plan/samplePlan';
import { TEST_NOW } from '../plan/testing';
import type { Plan } from '../plan/types';
import { compileModel } from './compile';
import { defaultModel } from './defaults';
import { cyrb53, FINGERPRINT_LENGTH, modelFingerprint } from './fingerprint';
import { baseInputs, evaluateOnce } from './sensitivityModel';
import type { SavedMorrisRun } from './stored';

function sample(): Plan {
  const plan = createSamplePlan(TEST_NOW);
  return setModel(plan, defaultModel(plan));
}

const fingerprint = (plan: Plan): string => modelFingerprint(plan, plan.model!);

/** The same data with every object's keys in reverse order, as another reader might build it. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
  }
  return value;
}

const morrisRun: SavedMorrisRun = {
  ranAt: '2026-11-23T16:40:00.000Z',
  fingerprint: '00000000000000',
  seed: 3,
  trajectories: 10,
  runs: 70,
  outcome: { key: 'weightingValue', label: 'Value of the scorecard effort', unit: 'currency' },
  inputs: [{ key: 'lineOfSight', label: 'Line of sight to collective measures', muStar: 1, mu: 1, sigma: 0 }],
};

describe('cyrb53', () => {
  it('gives the reference implementation’s values', () => {
    expect([cyrb53('a'), cyrb53('b'), cyrb53('revenge'), cyrb53('revenue')]).toEqual([
      7929297801672961, 8684336938537663, 4051478007546757, 8309097637345594,
    ]);
  });

  it('stays within 53 bits', () => {
    expect(Number.isSafeInteger(cyrb53('x'.repeat(10_000)))).toBe(true);
  });
});

describe('modelFingerprint', () => {
  it('is 14 lowercase hex digits, the same for equal models whatever their key order or copy', () => {
    const plan = sample();
    expect(fingerprint(plan)).toMatch(new RegExp(`^[0-9a-f]{${FINGERPRINT_LENGTH}}$`));
    expect(fingerprint(structuredClone(plan))).toBe(fingerprint(plan));
    expect(fingerprint(reversedKeys(plan))).toBe(fingerprint(plan));
  });

  it('changes when anything that feeds the model changes', () => {
    const plan = sample();
    const model = plan.model!;
    const department = plan.departments[0]!;
    const entry = plan.scorecard[0]!;
    const goal = plan.goals.find((g) => g.kpiMetricId !== null)!;
    const scenario = model.scenarios[0]!;
    const changed: Record<string, Plan> = {
      horizon: updateModelSettings(plan, { horizonMonths: model.settings.horizonMonths + 1 }),
      'a reach estimate': { ...plan, model: { ...model, settings: { ...model.settings, reach: model.settings.reach.slice(1) } } },
      'a scenario override': updateScenario(plan, scenario.id, { overrides: [{ inputKey: 'collectiveShare:*', value: 42 }] }),
      'a department name (it labels inputs)': updateDepartment(plan, department.id, { name: `${department.name} team` }),
      'a scorecard weight': setScorecardEntry(plan, entry.departmentId, entry.metricId, { kind: entry.kind, weight: entry.weight + 1 }),
      'a goal KPI': updateGoal(plan, goal.id, { kpiMetricId: null }),
    };
    for (const [what, other] of Object.entries(changed)) {
      expect(fingerprint(other), what).not.toBe(fingerprint(plan));
    }
  });

  it('does not change when only the saved runs, or parts of the plan the model never reads, change', () => {
    const plan = sample();
    const goal = plan.goals[0]!;
    const others: Record<string, Plan> = {
      'a saved run': saveRun(plan, 'morris', morrisRun),
      'the plan description and updatedAt': { ...plan, description: 'Edited.', updatedAt: '2027-01-01T00:00:00.000Z' },
      'a goal name': updateGoal(plan, goal.id, { name: `${goal.name}!` }),
      'a department headcount': { ...plan, departments: plan.departments.map((d) => ({ ...d, headcount: d.headcount + 1 })) },
    };
    for (const [what, other] of Object.entries(others)) {
      expect(fingerprint(other), what).toBe(fingerprint(plan));
      // The guarantee behind it: the model compiles to the same inputs, outputs and values.
      const a = compileModel(plan, plan.model!);
      const b = compileModel(other, other.model!);
      expect([b.inputs, b.outputs], what).toEqual([a.inputs, a.outputs]);
      expect(evaluateOnce(b, baseInputs(b)), what).toEqual(evaluateOnce(a, baseInputs(a)));
    }
  });
});
