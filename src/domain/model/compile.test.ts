// Tests for the compiled model: hand-computed outputs of the tiny model, input layout, refusal of invalid models, invariants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel, INITIATIVES_NPV, INITIATIVES_ROI, kpiOutputKey, ModelInvalidError, TOTAL_VALUE, WEIGHTING_VALUE } from './compile';
import { diminishingReturn } from './model';
import { baseInputs, evaluateOnce, inputIndex, outputIndex } from './sensitivityModel';
import { fixed, tinyModel, tinyPlan } from './testing';

const FOCUS = 0.8 * 2 ** -0.5;

function outputs(model = tinyModel(), plan = tinyPlan()): Record<string, number> {
  const compiled = compileModel(plan, model);
  const out = evaluateOnce(compiled, baseInputs(compiled));
  return Object.fromEntries(compiled.outputs.map((o, k) => [o.key, out[k] as number]));
}

describe('compileModel', () => {
  it('lays out the inputs: adjustable shares, behaviour, reach, side effects, values, initiative effects', () => {
    const compiled = compileModel(tinyPlan(), tinyModel());
    expect(compiled.inputs.map((i) => i.key)).toEqual([
      'collectiveShare:d-cc',
      'lineOfSight',
      'freeRiding',
      'returnsCurvature',
      'reach:d-cc:m-revenue',
      'reach:d-cc:m-aht',
      'reach:d-sales:m-revenue',
      'sideEffect:m-aht:m-csat',
      'value:m-revenue',
      'value:m-aht',
      'value:m-csat',
      'effect:i-coach:m-aht',
      'effect:i-coach:m-csat',
    ]);
    expect(compiled.inputs[0]?.base).toBe(40);
    expect(compiled.departments.map((d) => [d.id, d.inputIndex])).toEqual([
      ['d-cc', 0],
      ['d-sales', -1],
    ]);
    expect(compiled.outputs.map((o) => o.key)).toEqual([WEIGHTING_VALUE, INITIATIVES_NPV, INITIATIVES_ROI, TOTAL_VALUE, kpiOutputKey('m-revenue')]);
  });

  it('values the scorecard effort as computed by hand (straight-line returns, no ramp, 0 %)', () => {
    // Revenue: CC 1,000 × 0.4 × focus + Sales 5,000 × 1 × focus; AHT: −20 × 0.6 = −12 s; CSAT: 0.04 × −12 = −0.48.
    // 12 months of revenue × 0.4 and AHT × −1,500; CSAT's value starts 2 months late (10 months × 100).
    const o = outputs();
    expect(o[WEIGHTING_VALUE]).toBeCloseTo(0.4 * 5400 * FOCUS * 12 + 1500 * 12 * 12 - 0.48 * 100 * 10, 6);
    expect(o[kpiOutputKey('m-revenue')]).toBeCloseTo(5400 * FOCUS, 9);
  });

  it('computes the initiative’s NPV and ROI by hand, side effects and value lags included', () => {
    // AHT −10 s reaching half in month 2, full from month 3: 7,500 + 10 × 15,000 = 157,500.
    // CSAT +2 − 0.4 = +1.6, valued 2 months later: 80 in month 4, then 160 for 8 months = 1,360. Costs 16,000.
    const o = outputs();
    expect(o[INITIATIVES_NPV]).toBeCloseTo(158_860 - 16_000, 6);
    expect(o[INITIATIVES_ROI]).toBeCloseTo(142_860 / 16_000, 12);
    expect(o[TOTAL_VALUE]).toBeCloseTo((o[WEIGHTING_VALUE] as number) + 142_860, 6);
  });

  it('bends the returns with the curvature: g(e) = (1 − e^(−κe)) / (1 − e^(−κ))', () => {
    const model = tinyModel();
    model.settings.returnsCurvature = fixed(3);
    const o = outputs(model);
    const revenue = 1000 * diminishingReturn(0.4 * FOCUS, 3) + 5000 * diminishingReturn(FOCUS, 3);
    expect(o[kpiOutputKey('m-revenue')]).toBeCloseTo(revenue, 9);
    const aht = -20 * diminishingReturn(0.6, 3);
    expect(o[WEIGHTING_VALUE]).toBeCloseTo(0.4 * revenue * 12 - 1500 * aht * 12 + 100 * 0.04 * aht * 10, 6);
  });

  it('takes every department’s share from the override when one is set', () => {
    const model = tinyModel();
    model.settings.collectiveShareOverride = 100;
    const compiled = compileModel(tinyPlan(), model);
    expect(compiled.inputs[0]?.base).toBe(100);
    const o = evaluateOnce(compiled, baseInputs(compiled));
    expect(o[outputIndex(compiled, kpiOutputKey('m-revenue'))]).toBeCloseTo(6000 * FOCUS, 9);
  });

  it('leaves out switched-off initiatives, and with them the NPV and ROI outputs', () => {
    const model = tinyModel();
    (model.initiatives[0] as { enabled: boolean }).enabled = false;
    const compiled = compileModel(tinyPlan(), model);
    expect(compiled.outputs.map((o) => o.key)).toEqual([WEIGHTING_VALUE, TOTAL_VALUE, kpiOutputKey('m-revenue')]);
    expect(compiled.inputs.some((i) => i.key.startsWith('effect:'))).toBe(false);
  });

  it('refuses an invalid model with its problems', () => {
    const model = tinyModel();
    model.settings.horizonMonths = 0;
    expect(() => compileModel(tinyPlan(), model)).toThrow(ModelInvalidError);
    try {
      compileModel(tinyPlan(), model);
    } catch (error) {
      expect((error as ModelInvalidError).problems.map((p) => p.field)).toEqual(['settings.horizonMonths']);
    }
  });

  it('scales every money output in proportion when every value per unit is scaled', () => {
    const compiled = compileModel(tinyPlan(), tinyModel());
    const values = ['value:m-revenue', 'value:m-aht', 'value:m-csat'].map((k) => inputIndex(compiled, k));
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 10, noNaN: true }), (factor) => {
        const x = baseInputs(compiled);
        const before = evaluateOnce(compiled, x);
        for (const i of values) x[i] = (x[i] as number) * factor;
        const after = evaluateOnce(compiled, x);
        expect(after[0]).toBeCloseTo((before[0] as number) * factor, 4);
        expect(after[4]).toBeCloseTo(before[4] as number, 9);
      }),
    );
  });

  it('never returns NaN, whatever the inputs (out-of-range draws are clamped)', () => {
    const compiled = compileModel(tinyPlan(), tinyModel());
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 13, maxLength: 13 }), (values) => {
        const out = evaluateOnce(compiled, Float64Array.from(values));
        expect(out.every(Number.isFinite)).toBe(true);
      }),
    );
  });
});
