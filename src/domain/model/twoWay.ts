// Two-way table: the output over a grid of any two inputs, the others held at base (a data table without its limits).
import { isCollectiveShareKey } from './inputKeys';
import type { InputSpec, SensitivityModel } from './sensitivityModel';
import { baseInputs, inputIndex, outputIndex } from './sensitivityModel';

export interface TwoWayOptions {
  rowKey: string;
  rowValues: readonly number[];
  columnKey: string;
  columnValues: readonly number[];
  outputKey: string;
  /** The base case (a scenario's inputs); default the model's. */
  inputs?: Float64Array;
}

export interface TwoWayTable {
  rowKey: string;
  columnKey: string;
  outputKey: string;
  rowValues: number[];
  columnValues: number[];
  /** values[r][c]: the output with the row input at rowValues[r] and the column input at columnValues[c]. */
  values: number[][];
}

/**
 * `points` evenly spaced values for an input: its range when it has one, 0..100 for a collective share,
 * otherwise base ± 50 % (−1..1 around a base of 0).
 */
export function gridValues(input: InputSpec, points = 5): number[] {
  if (!Number.isInteger(points) || points < 2) throw new RangeError('A grid needs at least 2 points.');
  let low: number;
  let high: number;
  if (input.distribution !== null) {
    ({ low, high } = input.distribution);
  } else if (isCollectiveShareKey(input.key)) {
    low = 0;
    high = 100;
  } else if (input.base === 0) {
    low = -1;
    high = 1;
  } else {
    low = Math.min(input.base * 0.5, input.base * 1.5);
    high = Math.max(input.base * 0.5, input.base * 1.5);
  }
  return Array.from({ length: points }, (_, k) => low + ((high - low) * k) / (points - 1));
}

export function twoWayTable(model: SensitivityModel, options: TwoWayOptions): TwoWayTable {
  const r = inputIndex(model, options.rowKey);
  const c = inputIndex(model, options.columnKey);
  if (r === c) throw new RangeError('A two-way table needs two different inputs.');
  const o = outputIndex(model, options.outputKey);
  const inputs = Float64Array.from(options.inputs ?? baseInputs(model));
  const out = new Float64Array(model.outputs.length);
  const values = options.rowValues.map((rowValue) => {
    inputs[r] = rowValue;
    return options.columnValues.map((columnValue) => {
      inputs[c] = columnValue;
      model.evaluate(inputs, out);
      return out[o] as number;
    });
  });
  return {
    rowKey: options.rowKey,
    columnKey: options.columnKey,
    outputKey: options.outputKey,
    rowValues: [...options.rowValues],
    columnValues: [...options.columnValues],
    values,
  };
}
