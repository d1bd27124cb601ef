// Tests for the two-way table of any two inputs, and the default grids.
import { describe, expect, it } from 'vitest';
import { compileModel, WEIGHTING_VALUE } from './compile';
import { baseInputs, evaluateOnce, inputIndex, outputIndex } from './sensitivityModel';
import { tinyModel, tinyPlan } from './testing';
import { gridValues, twoWayTable } from './twoWay';

describe('twoWayTable', () => {
  const compiled = compileModel(tinyPlan(), tinyModel());

  it('fills each cell with the output at that pair of values, the other inputs at base', () => {
    const table = twoWayTable(compiled, {
      rowKey: 'collectiveShare:d-cc',
      rowValues: [0, 50, 100],
      columnKey: 'value:m-aht',
      columnValues: [-2000, -1000],
      outputKey: WEIGHTING_VALUE,
    });
    const x = baseInputs(compiled);
    x[inputIndex(compiled, 'collectiveShare:d-cc')] = 50;
    x[inputIndex(compiled, 'value:m-aht')] = -1000;
    expect(table.values[1]?.[1]).toBe(evaluateOnce(compiled, x)[outputIndex(compiled, WEIGHTING_VALUE)]);
    expect(table.values).toHaveLength(3);
    expect(table.values.every((row) => row.length === 2)).toBe(true);
  });

  it('refuses the same input twice', () => {
    expect(() =>
      twoWayTable(compiled, { rowKey: 'lineOfSight', rowValues: [1], columnKey: 'lineOfSight', columnValues: [1], outputKey: WEIGHTING_VALUE }),
    ).toThrow(RangeError);
  });
});

describe('gridValues', () => {
  it('spans the range, 0..100 for a share, or base ± 50 %', () => {
    expect(gridValues({ key: 'x', label: '', base: 1, distribution: { kind: 'uniform', low: 0, high: 2 } }, 5)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(gridValues({ key: 'collectiveShare:d', label: '', base: 40, distribution: null }, 3)).toEqual([0, 50, 100]);
    expect(gridValues({ key: 'v', label: '', base: -10, distribution: null }, 3)).toEqual([-15, -10, -5]);
    expect(gridValues({ key: 'v', label: '', base: 0, distribution: null }, 3)).toEqual([-1, 0, 1]);
  });
});
