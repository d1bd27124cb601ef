// Tests for scenarios: overrides resolved onto inputs ("every department" included) and the default scenarios.
import { describe, expect, it } from 'vitest';
import { compileModel } from './compile';
import { defaultScenarios, resolveOverrides, scenarioInputs } from './scenarios';
import { inputIndex } from './sensitivityModel';
import { tinyModel, tinyPlan } from './testing';

describe('scenarios', () => {
  const model = tinyModel();
  const compiled = compileModel(tinyPlan(), model);

  it('expands "collectiveShare:*" to every adjustable department and sets named inputs', () => {
    const resolved = resolveOverrides(compiled, {
      id: 's',
      name: 's',
      description: '',
      overrides: [
        { inputKey: 'collectiveShare:*', value: 70 },
        { inputKey: 'lineOfSight', value: 0.6 },
      ],
    });
    expect([...resolved.indices]).toEqual([inputIndex(compiled, 'collectiveShare:d-cc'), inputIndex(compiled, 'lineOfSight')]);
    expect([...resolved.values]).toEqual([70, 0.6]);
  });

  it('gives the base case with a scenario’s overrides in place', () => {
    const x = scenarioInputs(compiled, model.scenarios[0] ?? null);
    expect(x[0]).toBe(100);
    expect(scenarioInputs(compiled, null)[0]).toBe(40);
  });

  it('adds cautious and bold uplift from the ends of the initiatives’ ranges', () => {
    const scenarios = defaultScenarios(model.initiatives);
    expect(scenarios.map((s) => s.id)).toEqual([
      'scenario-collective-heavy',
      'scenario-individual-heavy',
      'scenario-cautious-uplift',
      'scenario-bold-uplift',
    ]);
    expect(scenarios[2]?.overrides).toEqual([{ inputKey: 'effect:i-coach:m-aht', value: -15 }]);
    expect(scenarios[3]?.overrides).toEqual([{ inputKey: 'effect:i-coach:m-aht', value: -5 }]);
    expect(defaultScenarios([])).toHaveLength(2);
  });
});
