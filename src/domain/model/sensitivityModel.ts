// The contract every analysis engine works on: named inputs with ranges, named outputs and one allocation-free evaluator.
import type { MetricUnit } from '../plan/types';
import type { Distribution } from './stored';

export interface InputSpec {
  /** Stable key (see inputKeys.ts), used by scenarios, tables and charts. */
  key: string;
  /** Short name for people ("Reach: Contact Centre on AHT"). */
  label: string;
  /** Value in the base case. */
  base: number;
  /** Range for the sensitivity analyses; null when the input is treated as known. */
  distribution: Distribution | null;
}

export interface OutputSpec {
  key: string;
  label: string;
  unit: MetricUnit;
}

/**
 * A model compiled for speed. `evaluate` reads `inputs.length` values in input order and writes one value per output
 * into `out`; it must not allocate, so millions of runs cost only the arithmetic.
 */
export interface SensitivityModel {
  readonly inputs: readonly InputSpec[];
  readonly outputs: readonly OutputSpec[];
  evaluate(inputs: Float64Array, out: Float64Array): void;
}

/** Thrown when an analysis names an input or output the model does not have (a caller bug, not a user error). */
export class UnknownKeyError extends Error {
  constructor(kind: 'input' | 'output', key: string) {
    super(`The model has no ${kind} "${key}".`);
    this.name = 'UnknownKeyError';
  }
}

/** The base-case input vector. */
export function baseInputs(model: SensitivityModel): Float64Array {
  return Float64Array.from(model.inputs, (input) => input.base);
}

export function inputIndex(model: SensitivityModel, key: string): number {
  const index = model.inputs.findIndex((input) => input.key === key);
  if (index < 0) throw new UnknownKeyError('input', key);
  return index;
}

export function outputIndex(model: SensitivityModel, key: string): number {
  const index = model.outputs.findIndex((output) => output.key === key);
  if (index < 0) throw new UnknownKeyError('output', key);
  return index;
}

/**
 * Positions of the inputs an analysis varies: the named ones, or by default every input with a distribution.
 * Named inputs without a distribution are refused: there is no range to vary them over.
 */
export function uncertainInputs(model: SensitivityModel, keys: readonly string[] | null = null): Int32Array {
  if (keys === null) {
    const indices: number[] = [];
    model.inputs.forEach((input, i) => {
      if (input.distribution !== null) indices.push(i);
    });
    return Int32Array.from(indices);
  }
  return Int32Array.from(keys, (key) => {
    const index = inputIndex(model, key);
    if (model.inputs[index]?.distribution === null) {
      throw new RangeError(`The input "${key}" has no range, so it cannot be varied.`);
    }
    return index;
  });
}

/** Evaluates the model once (allocating; for one-off reads, not for loops). */
export function evaluateOnce(model: SensitivityModel, inputs: Float64Array): Float64Array {
  const out = new Float64Array(model.outputs.length);
  model.evaluate(inputs, out);
  return out;
}
