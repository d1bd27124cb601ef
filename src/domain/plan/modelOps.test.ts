// Tests for the model's plan edits: results, immutability, cascades onto scenarios, refusals at the field.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Plan } from './types';
import { createSamplePlan } from './samplePlan';
import { setScorecardEntry } from './ops';
import { TEST_NOW, deepFreeze } from './testing';
import { PlanEditError } from './validation';
import { defaultModel } from '../model/defaults';
import { validateModel } from '../model/validate';
import { effectKey } from '../model/inputKeys';
import type { SavedMorrisRun } from '../model/stored';
import {
  addInitiative,
  addMetricValue,
  addReach,
  addScenario,
  addSideEffect,
  modelEditProblems,
  removeInitiative,
  removeScenario,
  saveRun,
  setMetricValue,
  setModel,
  setReach,
  setSideEffect,
  updateInitiative,
  updateModelSettings,
  updateScenario,
} from './modelOps';

const KB = 'initiative-knowledge-base';
const FCR = 'sample-metric-fcr';
const CSAT = 'sample-metric-csat';
const AHT = 'sample-metric-aht';
const NPS = 'sample-metric-nps';
const CES = 'sample-metric-ces';
const SENTIMENT = 'sample-metric-sentiment';
const BOLD = 'scenario-bold-uplift';
const byHand = (base: number) => ({ perUnit: { base, distribution: null }, source: 'manual' as const, note: '' });

function sampleWithModel(): Plan {
  const plan = createSamplePlan(TEST_NOW);
  return deepFreeze(setModel(plan, defaultModel(plan)));
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

describe('building and replacing the model', () => {
  it('stores the one-click model in a plan without one and leaves the input plan alone', () => {
    const plan = deepFreeze(createSamplePlan(TEST_NOW));
    const next = setModel(plan, defaultModel(plan));
    expect(plan.model).toBeNull();
    expect(next.model?.settings.horizonMonths).toBe(36);
    expect(next.model?.initiatives).toHaveLength(2);
    expect(next.updatedAt).toBe(plan.updatedAt);
  });

  it('removes the model with null, and returns the same plan when there was none', () => {
    const plan = sampleWithModel();
    expect(setModel(plan, null).model).toBeNull();
    const bare = createSamplePlan(TEST_NOW);
    expect(setModel(bare, null)).toBe(bare);
  });

  it('refuses a model with a problem at its field', () => {
    const plan = createSamplePlan(TEST_NOW);
    const model = defaultModel(plan);
    const broken = { ...model, settings: { ...model.settings, horizonMonths: 0 } };
    expect(editError(() => setModel(plan, broken)).field).toBe('settings.horizonMonths');
  });

  it('refuses to edit the assumptions of a plan that has no model yet', () => {
    const plan = createSamplePlan(TEST_NOW);
    expect(editError(() => updateModelSettings(plan, { horizonMonths: 24 })).field).toBe('model');
  });
});

describe('saved runs', () => {
  const morrisRun = (ranAt: string): SavedMorrisRun => ({
    ranAt,
    fingerprint: '00000000000001',
    seed: 1,
    trajectories: 10,
    runs: 70,
    outcome: { key: 'weightingValue', label: 'Value of the scorecard effort', unit: 'currency' },
    inputs: [{ key: 'lineOfSight', label: 'Line of sight to collective measures', muStar: 5, mu: -5, sigma: 1 }],
  });

  it('keeps a run as the last of its kind, replaces the one before and leaves the other kinds and the plan alone', () => {
    const plan = sampleWithModel();
    const first = saveRun(plan, 'morris', morrisRun('2026-11-23T16:40:00.000Z'));
    expect(first.model?.runs).toEqual({ monteCarlo: null, sobol: null, morris: morrisRun('2026-11-23T16:40:00.000Z') });
    expect(plan.model?.runs.morris).toBeNull();
    const second = saveRun(first, 'morris', morrisRun('2026-11-23T17:00:00.000Z'));
    expect(second.model?.runs.morris?.ranAt).toBe('2026-11-23T17:00:00.000Z');
    expect(second.model?.settings).toBe(plan.model?.settings);
    expect(second.updatedAt).toBe(plan.updatedAt);
  });

  it('returns a plan whose model was removed unchanged', () => {
    const bare = createSamplePlan(TEST_NOW);
    expect(saveRun(bare, 'morris', morrisRun('2026-11-23T16:40:00.000Z'))).toBe(bare);
  });

  it('survives later edits of the model', () => {
    const plan = saveRun(sampleWithModel(), 'morris', morrisRun('2026-11-23T16:40:00.000Z'));
    expect(updateModelSettings(plan, { horizonMonths: 24 }).model?.runs.morris).toEqual(morrisRun('2026-11-23T16:40:00.000Z'));
  });
});

describe('assumptions', () => {
  it('changes the horizon and one business figure, keeping the other figures', () => {
    const plan = sampleWithModel();
    const next = updateModelSettings(plan, { horizonMonths: 24, business: { costPerContact: 7.5 } });
    expect(next.model?.settings.horizonMonths).toBe(24);
    expect(next.model?.settings.business.costPerContact).toBe(7.5);
    expect(next.model?.settings.business.customers).toBe(plan.model?.settings.business.customers);
  });

  it('refuses a horizon of 0 months at the horizon field', () => {
    const error = editError(() => updateModelSettings(sampleWithModel(), { horizonMonths: 0 }));
    expect(error.field).toBe('settings.horizonMonths');
    expect(error.message).toContain('at least 1');
  });

  it('refuses a line-of-sight range whose low is above its high at the low field', () => {
    const error = editError(() =>
      updateModelSettings(sampleWithModel(), {
        lineOfSight: { base: 0.8, distribution: { kind: 'triangular', low: 0.9, high: 0.85 } },
      }),
    );
    expect(error.field).toBe('settings.lineOfSight.distribution.low');
  });

  it('refuses a discount rate above 100 % and a negative business figure', () => {
    expect(editError(() => updateModelSettings(sampleWithModel(), { discountRatePct: 120 })).field).toBe(
      'settings.discountRatePct',
    );
    expect(editError(() => updateModelSettings(sampleWithModel(), { business: { customers: -1 } })).field).toBe(
      'settings.business.customers',
    );
  });

  it('adds, replaces and removes a reach, dropping scenario overrides on a removed one', () => {
    const plan = sampleWithModel();
    const d = 'sample-dept-it';
    const estimate = { base: 2, distribution: { kind: 'uniform' as const, low: 1, high: 3 } };
    const added = setReach(plan, d, CSAT, estimate);
    expect(added.model?.settings.reach.filter((r) => r.departmentId === d && r.metricId === CSAT)).toHaveLength(1);
    const replaced = setReach(added, d, CSAT, { base: 1, distribution: null });
    expect(replaced.model?.settings.reach.find((r) => r.departmentId === d && r.metricId === CSAT)?.fullEffortChange.base).toBe(1);
    const withOverride = updateScenario(replaced, 'scenario-bold-uplift', {
      overrides: [{ inputKey: `reach:${d}:${CSAT}`, value: 3 }],
    });
    const removed = setReach(withOverride, d, CSAT, null);
    expect(removed.model?.settings.reach.some((r) => r.departmentId === d && r.metricId === CSAT)).toBe(false);
    expect(removed.model?.scenarios.find((s) => s.id === 'scenario-bold-uplift')?.overrides).toEqual([]);
  });

  it('replaces the value of a metric and refuses a lag that is not a whole number of months', () => {
    const plan = sampleWithModel();
    const value = { valuePerUnitPerMonth: { base: 1000, distribution: null }, lagMonths: 2, category: 'cost' as const, source: 'manual' as const, note: ' by hand ' };
    const next = setMetricValue(plan, FCR, value);
    expect(next.model?.settings.values.find((v) => v.metricId === FCR)).toEqual({ metricId: FCR, ...value, note: 'by hand' });
    expect(editError(() => setMetricValue(plan, FCR, { ...value, lagMonths: 1.5 })).field).toMatch(/^settings\.values\[\d+\]\.lagMonths$/);
  });
});

describe('adding and removing assumptions by hand', () => {
  it('adds a reach for a department and metric that had none, and refuses a second one for the same pair', () => {
    const plan = sampleWithModel();
    const d = 'sample-dept-it';
    const before = plan.model!.settings.reach.length;
    const added = addReach(plan, d, CES, { base: 0, distribution: null });
    expect(added.model?.settings.reach).toHaveLength(before + 1);
    expect(added.model?.settings.reach.at(-1)).toEqual({ departmentId: d, metricId: CES, fullEffortChange: { base: 0, distribution: null } });
    const error = editError(() => addReach(added, d, CES, { base: 3, distribution: null }));
    expect(error.field).toBe(`settings.reach[${before}]`);
    expect(error.message).toContain('IT already has a reach on CES');
  });

  it('refuses a reach for a department the plan does not have', () => {
    expect(editError(() => addReach(sampleWithModel(), 'nowhere', CES, { base: 1, distribution: null })).field).toMatch(
      /^settings\.reach\[\d+\]\.departmentId$/,
    );
  });

  it('adds a side effect between two metrics that had none, with what was entered', () => {
    const plan = sampleWithModel();
    const next = addSideEffect(plan, AHT, NPS, { perUnit: { base: -0.02, distribution: { kind: 'uniform', low: -0.04, high: 0 } }, source: 'manual', note: ' seen in Q3 ' });
    expect(next.model?.settings.sideEffects.at(-1)).toEqual({
      fromMetricId: AHT,
      toMetricId: NPS,
      perUnit: { base: -0.02, distribution: { kind: 'uniform', low: -0.04, high: 0 } },
      source: 'manual',
      note: 'seen in Q3',
    });
    expect(validateModel(next, next.model!)).toEqual([]);
  });

  it('refuses a side effect the two metrics already have, leaving the one entered before', () => {
    const plan = sampleWithModel();
    const at = plan.model!.settings.sideEffects.findIndex((e) => e.fromMetricId === AHT && e.toMetricId === CSAT);
    const error = editError(() => addSideEffect(plan, AHT, CSAT, byHand(9)));
    expect(error.field).toBe(`settings.sideEffects[${at}]`);
    expect(error.message).toContain('AHT → CSAT is already a side effect');
  });

  it('refuses a side effect of a metric on itself at its "to" metric', () => {
    const error = editError(() => addSideEffect(sampleWithModel(), NPS, NPS, byHand(1)));
    expect(error.field).toMatch(/^settings\.sideEffects\[\d+\]\.toMetricId$/);
    expect(error.message).toContain('on itself');
  });

  it('refuses a side effect that closes a loop (CSAT → NPS exists, so NPS → CSAT would feed back)', () => {
    const plan = sampleWithModel();
    const error = editError(() => addSideEffect(plan, NPS, CSAT, byHand(0.1)));
    expect(error.field).toBe(`settings.sideEffects[${plan.model!.settings.sideEffects.length}]`);
    expect(error.message).toContain('closes a loop');
  });

  it('removes a side effect with null, together with the scenario overrides on it', () => {
    const plan = sampleWithModel();
    const key = `sideEffect:${AHT}:${CSAT}`;
    const withOverride = updateScenario(plan, BOLD, { overrides: [{ inputKey: key, value: 0.1 }] });
    const removed = setSideEffect(withOverride, AHT, CSAT, null);
    expect(removed.model?.settings.sideEffects.some((e) => e.fromMetricId === AHT && e.toMetricId === CSAT)).toBe(false);
    expect(removed.model?.settings.sideEffects).toHaveLength(plan.model!.settings.sideEffects.length - 1);
    expect(removed.model?.scenarios.find((s) => s.id === BOLD)?.overrides).toEqual([]);
    expect(setSideEffect(removed, AHT, CSAT, null)).toBe(removed);
  });

  it('adds a value for a metric that had none and refuses a second value for it', () => {
    const plan = sampleWithModel();
    const fields = { valuePerUnitPerMonth: { base: 8000, distribution: null }, lagMonths: 0, category: 'revenue' as const, source: 'manual' as const, note: '' };
    const added = addMetricValue(plan, SENTIMENT, fields);
    expect(added.model?.settings.values.at(-1)).toEqual({ metricId: SENTIMENT, ...fields });
    const at = plan.model!.settings.values.length;
    const error = editError(() => addMetricValue(added, SENTIMENT, { ...fields, lagMonths: 2 }));
    expect(error.field).toBe(`settings.values[${at}]`);
    expect(error.message).toContain('Sentiment already has a value');
  });

  it('removes a value with null, together with the scenario overrides on it', () => {
    const plan = sampleWithModel();
    const withOverride = updateScenario(plan, BOLD, { overrides: [{ inputKey: `value:${NPS}`, value: 30000 }] });
    const removed = setMetricValue(withOverride, NPS, null);
    expect(removed.model?.settings.values.some((v) => v.metricId === NPS)).toBe(false);
    expect(removed.model?.scenarios.find((s) => s.id === BOLD)?.overrides).toEqual([]);
    expect(validateModel(removed, removed.model!)).toEqual([]);
  });

  it('never lets hand-added side effects form a loop or a duplicate: each is refused exactly when it would', () => {
    const metrics = [AHT, CSAT, NPS, CES, SENTIMENT];
    const edge = fc.record({ from: fc.constantFrom(...metrics), to: fc.constantFrom(...metrics) });
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 12 }), (edges) => {
        let plan = sampleWithModel();
        // Start from no side effects, so whether an edge closes a loop can be worked out here independently.
        for (const e of plan.model!.settings.sideEffects) plan = setSideEffect(plan, e.fromMetricId, e.toMetricId, null);
        const kept: { from: string; to: string }[] = [];
        const reaches = (from: string, to: string): boolean =>
          from === to || kept.some((k) => k.from === from && reaches(k.to, to));
        for (const { from, to } of edges) {
          const expectRefusal = kept.some((k) => k.from === from && k.to === to) || reaches(to, from);
          let refused = false;
          try {
            plan = addSideEffect(plan, from, to, byHand(0.1));
          } catch (error) {
            if (!(error instanceof PlanEditError)) throw error;
            refused = true;
          }
          expect(refused).toBe(expectRefusal);
          if (!refused) kept.push({ from, to });
        }
        expect(validateModel(plan, plan.model!)).toEqual([]);
        expect(plan.model!.settings.sideEffects.map((e) => ({ from: e.fromMetricId, to: e.toMetricId }))).toEqual(kept);
      }),
      { numRuns: 60 },
    );
  });
});

describe('initiatives', () => {
  it('adds an initiative with zero costs, no effects and no lag by default', () => {
    const next = addInitiative(sampleWithModel(), { id: 'i-chat', name: '  Web chat  ' });
    expect(next.model?.initiatives.at(-1)).toEqual({
      id: 'i-chat',
      name: 'Web chat',
      description: '',
      enabled: true,
      oneOffCost: 0,
      recurringCostPerMonth: 0,
      effects: [],
      lagMonths: 0,
      rampUpMonths: 0,
    });
  });

  it('refuses a blank name, a duplicate id and a negative one-off cost', () => {
    const plan = sampleWithModel();
    expect(editError(() => addInitiative(plan, { name: ' ' })).field).toBe('name');
    expect(editError(() => addInitiative(plan, { id: KB, name: 'Again' })).field).toBe('id');
    expect(editError(() => updateInitiative(plan, KB, { oneOffCost: -5 })).field).toBe('initiatives[0].oneOffCost');
  });

  it('refuses an effect whose most likely value lies outside its low..high range', () => {
    const plan = sampleWithModel();
    const effects = [{ metricId: FCR, change: { base: 9, distribution: { kind: 'triangular' as const, low: 1, high: 6 } } }];
    expect(editError(() => updateInitiative(plan, KB, { effects })).field).toBe('initiatives[0].effects[0].change.base');
  });

  it('drops the scenario overrides on an effect the initiative no longer has', () => {
    const plan = sampleWithModel();
    const csatKey = effectKey(KB, CSAT);
    expect(plan.model?.scenarios.find((s) => s.id === 'scenario-bold-uplift')?.overrides.map((o) => o.inputKey)).toContain(csatKey);
    const effects = plan.model?.initiatives[0]?.effects.filter((e) => e.metricId !== CSAT) ?? [];
    const next = updateInitiative(plan, KB, { effects });
    for (const scenario of next.model?.scenarios ?? []) {
      expect(scenario.overrides.map((o) => o.inputKey)).not.toContain(csatKey);
    }
    expect(next.model?.scenarios.find((s) => s.id === 'scenario-bold-uplift')?.overrides.map((o) => o.inputKey)).toContain(
      effectKey(KB, FCR),
    );
  });

  it('removes an initiative together with every scenario override on its effects', () => {
    const next = removeInitiative(sampleWithModel(), KB);
    expect(next.model?.initiatives.map((i) => i.id)).toEqual(['initiative-self-service']);
    const keys = next.model?.scenarios.flatMap((s) => s.overrides.map((o) => o.inputKey)) ?? [];
    expect(keys.some((k) => k.startsWith(`effect:${KB}:`))).toBe(false);
    expect(validateModel(next, next.model!)).toEqual([]);
  });

  it('refuses to change or remove an initiative that is not in the model', () => {
    expect(editError(() => removeInitiative(sampleWithModel(), 'nope')).field).toBe('id');
  });
});

describe('scenarios', () => {
  it('adds, renames and removes a scenario', () => {
    const plan = sampleWithModel();
    const added = addScenario(plan, { id: 's-mid', name: 'Middle', overrides: [{ inputKey: 'collectiveShare:*', value: 50 }] });
    expect(added.model?.scenarios.at(-1)).toEqual({
      id: 's-mid',
      name: 'Middle',
      description: '',
      overrides: [{ inputKey: 'collectiveShare:*', value: 50 }],
    });
    const renamed = updateScenario(added, 's-mid', { name: 'Half and half' });
    expect(renamed.model?.scenarios.at(-1)?.name).toBe('Half and half');
    expect(removeScenario(renamed, 's-mid').model?.scenarios).toHaveLength(plan.model?.scenarios.length ?? -1);
  });

  it('refuses an override on an input the model does not have, and a share above 100 %', () => {
    const plan = sampleWithModel();
    expect(editError(() => addScenario(plan, { name: 'X', overrides: [{ inputKey: 'reach:nowhere:x', value: 1 }] })).field).toMatch(
      /^scenarios\[\d+\]\.overrides\[0\]\.inputKey$/,
    );
    expect(editError(() => addScenario(plan, { name: 'X', overrides: [{ inputKey: 'collectiveShare:*', value: 140 }] })).field).toMatch(
      /^scenarios\[\d+\]\.overrides\[0\]\.value$/,
    );
  });
});

describe('what an edit would break', () => {
  it('ignores problems the plan already had, such as a scorecard that does not add up', () => {
    const plan = sampleWithModel();
    const card = plan.scorecard.find((e) => e.departmentId === 'sample-dept-it');
    const broken = setScorecardEntry(plan, 'sample-dept-it', card!.metricId, { kind: card!.kind, weight: card!.weight + 5 });
    expect(validateModel(broken, broken.model!).some((p) => p.field.startsWith('scorecard['))).toBe(true);
    expect(modelEditProblems(broken, updateModelSettings(broken, { horizonMonths: 48 }))).toEqual([]);
  });

  it('leaves the model computable after any horizon, rate and cost it accepts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 130 }),
        fc.double({ min: -10, max: 110, noNaN: true }),
        fc.double({ min: -1000, max: 1e6, noNaN: true }),
        (horizonMonths, discountRatePct, oneOffCost) => {
          let plan = sampleWithModel();
          for (const edit of [
            (p: Plan) => updateModelSettings(p, { horizonMonths }),
            (p: Plan) => updateModelSettings(p, { discountRatePct }),
            (p: Plan) => updateInitiative(p, KB, { oneOffCost }),
          ]) {
            try {
              plan = edit(plan);
            } catch (error) {
              if (!(error instanceof PlanEditError)) throw error;
            }
          }
          expect(validateModel(plan, plan.model!)).toEqual([]);
          const accepted = plan.model!.settings.horizonMonths === horizonMonths;
          expect(accepted).toBe(horizonMonths >= 1 && horizonMonths <= 120);
        },
      ),
      { numRuns: 60 },
    );
  });
});
