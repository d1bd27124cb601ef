// Named scenarios: overrides applied to a compiled model's inputs, and the default pairs a workshop compares.
import { ALL_COLLECTIVE_SHARES_KEY, effectKey, isCollectiveShareKey } from './inputKeys';
import type { SensitivityModel } from './sensitivityModel';
import { baseInputs } from './sensitivityModel';
import type { Initiative, Scenario } from './stored';

/** Input positions and values a scenario fixes; "collectiveShare:*" expands to every department's share. */
export interface ResolvedOverrides {
  indices: Int32Array;
  values: Float64Array;
}

export function resolveOverrides(model: SensitivityModel, scenario: Scenario | null): ResolvedOverrides {
  const byIndex = new Map<number, number>();
  for (const override of scenario?.overrides ?? []) {
    model.inputs.forEach((input, i) => {
      const matches =
        override.inputKey === ALL_COLLECTIVE_SHARES_KEY ? isCollectiveShareKey(input.key) : input.key === override.inputKey;
      if (matches) byIndex.set(i, override.value);
    });
  }
  const entries = [...byIndex].sort((a, b) => a[0] - b[0]);
  return { indices: Int32Array.from(entries, (e) => e[0]), values: Float64Array.from(entries, (e) => e[1]) };
}

/** Writes the overrides into an input vector. */
export function applyOverrides(inputs: Float64Array, overrides: ResolvedOverrides): void {
  for (let k = 0; k < overrides.indices.length; k++) inputs[overrides.indices[k] as number] = overrides.values[k] as number;
}

/** The base-case inputs of a scenario (null: the model as it stands). */
export function scenarioInputs(model: SensitivityModel, scenario: Scenario | null): Float64Array {
  const inputs = baseInputs(model);
  applyOverrides(inputs, resolveOverrides(model, scenario));
  return inputs;
}

function upliftOverrides(initiatives: readonly Initiative[], end: 'low' | 'high'): Scenario['overrides'] {
  return initiatives.flatMap((initiative) =>
    initiative.effects.flatMap((effect) =>
      effect.change.distribution === null
        ? []
        : [{ inputKey: effectKey(initiative.id, effect.metricId), value: effect.change.distribution[end] }],
    ),
  );
}

/** Collective-heavy vs individual-heavy weighting, and (with ranged initiatives) cautious vs bold uplift. */
export function defaultScenarios(initiatives: readonly Initiative[]): Scenario[] {
  const scenarios: Scenario[] = [
    {
      id: 'scenario-collective-heavy',
      name: 'Collective-heavy weighting',
      description: 'Every department puts 70 % of its scorecard weight on the shared measures.',
      overrides: [{ inputKey: ALL_COLLECTIVE_SHARES_KEY, value: 70 }],
    },
    {
      id: 'scenario-individual-heavy',
      name: 'Individual-heavy weighting',
      description: 'Every department puts 20 % of its scorecard weight on the shared measures.',
      overrides: [{ inputKey: ALL_COLLECTIVE_SHARES_KEY, value: 20 }],
    },
  ];
  const low = upliftOverrides(initiatives, 'low');
  if (low.length > 0) {
    scenarios.push(
      {
        id: 'scenario-cautious-uplift',
        name: 'Cautious uplift',
        description: 'Every initiative moves its metrics only as far as the low end of its range.',
        overrides: low,
      },
      {
        id: 'scenario-bold-uplift',
        name: 'Bold uplift',
        description: 'Every initiative moves its metrics as far as the high end of its range.',
        overrides: upliftOverrides(initiatives, 'high'),
      },
    );
  }
  return scenarios;
}
