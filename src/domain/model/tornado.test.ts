// Tests for the tornado: swings at each input's ends with the others at base, largest first.
import { describe, expect, it } from 'vitest';
import { baseInputs } from './sensitivityModel';
import { linearModel } from './testFunctions';
import { tornado } from './tornado';
import type { InputSpec } from './sensitivityModel';

const inputs: InputSpec[] = [
  { key: 'a', label: 'A', base: 1, distribution: { kind: 'uniform', low: 0, high: 2 } },
  { key: 'b', label: 'B', base: 5, distribution: { kind: 'triangular', low: 4, high: 10 } },
  { key: 'c', label: 'C', base: 3, distribution: null },
  { key: 'd', label: 'D', base: 0, distribution: { kind: 'normal', low: -1, high: 1 } },
];

describe('tornado', () => {
  const model = linearModel([10, -2, 7, 3], inputs);

  it('gives each uncertain input its swing |c| × (high − low), sorted largest first', () => {
    const result = tornado(model, { outputKey: 'y' });
    expect(result.baseValue).toBe(10 - 10 + 21 + 0);
    expect(result.bars.map((b) => [b.key, b.swing])).toEqual([
      ['a', 20],
      ['b', 12],
      ['d', 6],
    ]);
    expect(result.bars[1]).toMatchObject({ low: 4, high: 10, outputAtLow: 21 + 10 - 8, outputAtHigh: 21 + 10 - 20 });
  });

  it('starts from a given base case and varies only the inputs asked for', () => {
    const x = baseInputs(model);
    x[2] = 0;
    const result = tornado(model, { outputKey: 'y', inputs: x, inputKeys: ['d'] });
    expect(result.baseValue).toBe(0);
    expect(result.bars.map((b) => b.key)).toEqual(['d']);
  });
});
