// Monte Carlo with seeded draws: outputs of every draw for one or more scenarios on the same draws, and their summaries.
import type { RangeRunner } from './chunks';
import { Sampler } from './distributions';
import type { ColumnSummary } from './quantiles';
import { summarizeColumn } from './quantiles';
import type { ResolvedOverrides } from './scenarios';
import { applyOverrides, resolveOverrides } from './scenarios';
import type { SensitivityModel } from './sensitivityModel';
import { baseInputs, outputIndex, uncertainInputs } from './sensitivityModel';
import type { Distribution, Scenario } from './stored';
import { STREAM, UniformStream } from './uniforms';

/** Draws share one random block; a range starting inside a block skips the draws before it. */
const BLOCK = 256;

export interface MonteCarloVariant {
  name: string;
  overrides: ResolvedOverrides;
}

/** A scenario as a Monte Carlo variant (null: the model as it stands, named "Base case"). */
export function scenarioVariant(model: SensitivityModel, scenario: Scenario | null): MonteCarloVariant {
  return { name: scenario?.name ?? 'Base case', overrides: resolveOverrides(model, scenario) };
}

export interface MonteCarloOptions {
  seed: number;
  draws: number;
  /**
   * Scenarios evaluated on the same draws (common random numbers), so their difference is not blurred by
   * independent noise. Inputs a scenario fixes keep its value. Default: the model as it stands.
   */
  variants?: readonly MonteCarloVariant[];
  /** Inputs to vary; default every input with a range. */
  inputKeys?: readonly string[];
}

/**
 * The runner: unit j is draw j; its values are variant-major then output: values[(j × V + v) × K + k].
 * Draw j's inputs depend only on (seed, j), so any split into ranges reproduces a single pass exactly.
 */
export class MonteCarloRunner implements RangeRunner {
  readonly total: number;
  readonly runsPerUnit: number;
  readonly valuesPerUnit: number;
  readonly variantNames: readonly string[];
  private readonly model: SensitivityModel;
  private readonly seed: number;
  private readonly varied: Int32Array;
  private readonly sampler: Sampler;
  private readonly variants: readonly MonteCarloVariant[];
  private readonly buffers: Float64Array[];
  private readonly uniforms: Float64Array;
  private readonly out: Float64Array;
  private readonly stream = new UniformStream();

  constructor(model: SensitivityModel, options: MonteCarloOptions) {
    if (!Number.isInteger(options.draws) || options.draws < 1) throw new RangeError('Monte Carlo needs at least one draw.');
    this.model = model;
    this.seed = options.seed;
    this.total = options.draws;
    this.variants = options.variants ?? [{ name: 'Base case', overrides: { indices: new Int32Array(0), values: new Float64Array(0) } }];
    this.variantNames = this.variants.map((v) => v.name);
    this.varied = uncertainInputs(model, options.inputKeys ?? null);
    this.sampler = new Sampler(
      Array.from(this.varied, (i) => {
        const input = model.inputs[i];
        return { base: input?.base ?? 0, distribution: input?.distribution as Distribution };
      }),
    );
    this.runsPerUnit = this.variants.length;
    this.valuesPerUnit = this.variants.length * model.outputs.length;
    this.buffers = this.variants.map(() => baseInputs(model));
    this.uniforms = new Float64Array(this.varied.length);
    this.out = new Float64Array(model.outputs.length);
  }

  runRange(start: number, end: number): Float64Array {
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= this.total)) {
      throw new RangeError(`Draws ${start}..${end} are outside 0..${this.total}.`);
    }
    const D = this.varied.length;
    const K = this.model.outputs.length;
    const V = this.variants.length;
    const values = new Float64Array((end - start) * V * K);
    const { varied, sampler, uniforms, out, stream, buffers, variants } = this;
    const evaluate = this.model.evaluate;
    let at = 0;
    for (let j = start; j < end; j++) {
      const offset = j % BLOCK;
      if (offset === 0 || j === start) {
        stream.reset(this.seed, STREAM.monteCarlo, (j - offset) / BLOCK);
        stream.skip(offset * D);
      }
      stream.fill(uniforms, 0, D);
      for (let v = 0; v < V; v++) {
        const x = buffers[v] as Float64Array;
        sampler.fill(uniforms, 0, x, varied);
        applyOverrides(x, (variants[v] as MonteCarloVariant).overrides);
        evaluate(x, out);
        for (let k = 0; k < K; k++) values[at++] = out[k] as number;
      }
    }
    return values;
  }
}

export interface OutputDistribution extends ColumnSummary {
  key: string;
  label: string;
}

export interface MonteCarloSummary {
  draws: number;
  variants: { name: string; outputs: OutputDistribution[] }[];
}

/** A run's values: one array, or the arrays of its ranges in unit order (read in place, without joining them). */
export type MonteCarloValues = Float64Array | readonly Float64Array[];

const pieces = (values: MonteCarloValues): readonly Float64Array[] => (values instanceof Float64Array ? [values] : values);

/** Mean, SD, min, P10, P50, P90 and max of every output of every variant. */
export function summarizeMonteCarlo(runner: MonteCarloRunner, model: SensitivityModel, values: MonteCarloValues): MonteCarloSummary {
  const V = runner.variantNames.length;
  const K = model.outputs.length;
  const C = V * K;
  const parts = pieces(values);
  const draws = parts.reduce((sum, part) => sum + part.length, 0) / C;
  // All columns in one sequential pass over the draws, into one allocation: reading one column at a time would
  // touch every cache line of the values once per column.
  const all = new Float64Array(C * draws);
  let j = 0;
  for (const part of parts) {
    for (let at = 0; at < part.length; j++) {
      for (let c = 0; c < C; c++) all[c * draws + j] = part[at++] as number;
    }
  }
  return {
    draws,
    variants: runner.variantNames.map((name, v) => ({
      name,
      outputs: model.outputs.map((output, k) => {
        const c = v * K + k;
        return { key: output.key, label: output.label, ...summarizeColumn(all.subarray(c * draws, (c + 1) * draws)) };
      }),
    })),
  };
}

/** P(first scenario beats the second) on one output, over the same draws. */
export interface OutputBeats {
  outputKey: string;
  label: string;
  /** Share of draws where the first scenario's output is above the second's (ties count half). */
  probability: number;
  standardError: number;
}

/** A finished Monte Carlo run of one or more scenarios, as the sensitivity workers return it. */
export interface MonteCarloOutcome {
  /** The scenario of each of `summary.variants`, in the same order; null is the model as it stands (base case). */
  scenarioIds: (string | null)[];
  /** Mean, SD, min, P10, P50, P90 and max of every output of every scenario. */
  summary: MonteCarloSummary;
  /** With two or more scenarios: the first against the second on every output, in output order; otherwise null. */
  beats: OutputBeats[] | null;
}

export interface BeatsResult {
  /** Share of draws where variant a's output is above b's (ties count half). */
  probability: number;
  /** Monte Carlo standard error of that share. */
  standardError: number;
}

/** P(a beats b) on one output over the same draws (common random numbers). */
export function probabilityBeats(
  runner: MonteCarloRunner,
  model: SensitivityModel,
  values: MonteCarloValues,
  a: number,
  b: number,
  outputKey: string,
): BeatsResult {
  const V = runner.variantNames.length;
  if (!(a >= 0 && a < V && b >= 0 && b < V)) throw new RangeError(`Variants ${a} and ${b} are not both among 0..${V - 1}.`);
  const K = model.outputs.length;
  const k = outputIndex(model, outputKey);
  let draws = 0;
  let wins = 0;
  for (const part of pieces(values)) {
    const count = part.length / (V * K);
    draws += count;
    for (let j = 0; j < count; j++) {
      const x = part[(j * V + a) * K + k] as number;
      const y = part[(j * V + b) * K + k] as number;
      wins += x > y ? 1 : x === y ? 0.5 : 0;
    }
  }
  const probability = wins / draws;
  return { probability, standardError: Math.sqrt((probability * (1 - probability)) / draws) };
}
