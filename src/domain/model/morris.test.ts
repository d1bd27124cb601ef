// Tests for Morris screening: exact elementary effects of a linear model, Ishigami's interacting input, split invariance.
import { describe, expect, it } from 'vitest';
import { concatChunks } from './chunks';
import { morrisIndices, MorrisRunner } from './morris';
import type { InputSpec } from './sensitivityModel';
import { ishigamiModel, linearModel } from './testFunctions';

const inputs: InputSpec[] = [
  { key: 'a', label: 'a', base: 1, distribution: { kind: 'uniform', low: 0, high: 2 } },
  { key: 'b', label: 'b', base: 5, distribution: { kind: 'triangular', low: 4, high: 10 } },
  { key: 'c', label: 'c', base: 0, distribution: { kind: 'normal', low: -1, high: 1 } },
];

describe('Morris screening', () => {
  it('gives a linear model μ* = |c| × range, μ = c × range and σ = 0', () => {
    const model = linearModel([5, -1, 0], inputs);
    const runner = new MorrisRunner(model, { seed: 1, trajectories: 10 });
    const result = morrisIndices(runner, model, runner.runRange(0, 10), 'y');
    expect(result.runs).toBe(40);
    expect(result.inputs.map((i) => i.key)).toEqual(['a', 'b', 'c']);
    expect(result.inputs[0]?.muStar).toBeCloseTo(10, 10);
    expect(result.inputs[1]?.mu).toBeCloseTo(-6, 10);
    expect(result.inputs[1]?.sigma).toBeCloseTo(0, 10);
    expect(result.inputs[2]?.muStar).toBe(0);
  });

  it('shows Ishigami’s x3 (no effect alone, strong interaction with x1) with σ well above zero', () => {
    const model = ishigamiModel();
    const runner = new MorrisRunner(model, { seed: 2, trajectories: 50, levels: 6 });
    const result = morrisIndices(runner, model, runner.runRange(0, 50), 'y');
    const x3 = result.inputs.find((i) => i.key === 'x3');
    expect(x3?.sigma).toBeGreaterThan(1);
    expect(Math.abs(x3?.mu ?? 0)).toBeLessThan(x3?.muStar ?? 0);
  });

  it('gives identical results however the trajectories are split', () => {
    const model = ishigamiModel();
    const whole = new MorrisRunner(model, { seed: 3, trajectories: 20 }).runRange(0, 20);
    const runner = new MorrisRunner(model, { seed: 3, trajectories: 20 });
    expect(concatChunks([runner.runRange(0, 7), runner.runRange(7, 8), runner.runRange(8, 20)])).toEqual(whole);
  });

  it('refuses an odd number of levels', () => {
    expect(() => new MorrisRunner(ishigamiModel(), { seed: 1, trajectories: 4, levels: 5 })).toThrow(RangeError);
  });
});
