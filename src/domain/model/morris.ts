// Morris elementary-effects screening (μ*, μ, σ): which of many inputs matter, at (D + 1) runs per trajectory.
import type { RangeRunner } from './chunks';
import type { SensitivityModel } from './sensitivityModel';
import { baseInputs, outputIndex, uncertainInputs } from './sensitivityModel';
import { STREAM, UniformStream } from './uniforms';

export interface MorrisOptions {
  seed: number;
  /** Number of trajectories r (10–50 is usual). */
  trajectories: number;
  /** Grid levels p, even; default 4. The step is Δ = p / (2(p − 1)) of each input's range. */
  levels?: number;
  inputKeys?: readonly string[];
  /** The base case for inputs not screened; default the model's. */
  inputs?: Float64Array;
}

/**
 * Morris (1991) trajectories on each input's low..high range scaled to 0..1. A trajectory starts at a random grid
 * point and moves one input at a time, in random order, by ±Δ. Unit t is trajectory t: D + 1 runs, stored as
 * values[(t × (D + 1) + step) × K + k], followed by the D moves as (input position, signed step) pairs kept in
 * the runner (they depend only on (seed, t)).
 */
export class MorrisRunner implements RangeRunner {
  readonly total: number;
  readonly runsPerUnit: number;
  readonly valuesPerUnit: number;
  readonly varied: Int32Array;
  readonly levels: number;
  readonly delta: number;
  private readonly model: SensitivityModel;
  private readonly seed: number;
  private readonly low: Float64Array;
  private readonly span: Float64Array;
  private readonly x: Float64Array;
  private readonly unit: Float64Array;
  private readonly order: Int32Array;
  private readonly out: Float64Array;
  private readonly stream = new UniformStream();

  constructor(model: SensitivityModel, options: MorrisOptions) {
    const levels = options.levels ?? 4;
    if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new RangeError('Morris levels must be an even number ≥ 2.');
    if (!Number.isInteger(options.trajectories) || options.trajectories < 2) throw new RangeError('Morris needs at least 2 trajectories.');
    this.model = model;
    this.seed = options.seed;
    this.total = options.trajectories;
    this.levels = levels;
    this.delta = levels / (2 * (levels - 1));
    this.varied = uncertainInputs(model, options.inputKeys ?? null);
    const D = this.varied.length;
    if (D === 0) throw new RangeError('Morris needs at least one input with a range.');
    this.low = Float64Array.from(this.varied, (i) => model.inputs[i]?.distribution?.low ?? 0);
    this.span = Float64Array.from(this.varied, (i) => {
      const d = model.inputs[i]?.distribution;
      return d == null ? 0 : d.high - d.low;
    });
    this.runsPerUnit = D + 1;
    this.valuesPerUnit = (D + 1) * model.outputs.length;
    this.x = Float64Array.from(options.inputs ?? baseInputs(model));
    this.unit = new Float64Array(D);
    this.order = new Int32Array(D);
    this.out = new Float64Array(model.outputs.length);
  }

  /**
   * Trajectory t's start point (0..1 per input), the order inputs move in and each move's sign, from (seed, t).
   * Each input starts on a level in 0..1 − Δ and moves up, or starts Δ higher and moves down.
   */
  trajectory(t: number, unit: Float64Array, order: Int32Array, signs: Int8Array): void {
    const D = this.varied.length;
    const stream = this.stream;
    stream.reset(this.seed, STREAM.morris, t);
    const lowerLevels = this.levels / 2;
    for (let q = 0; q < D; q++) {
      const level = stream.below(lowerLevels) / (this.levels - 1);
      const up = stream.next() < 0.5;
      signs[q] = up ? 1 : -1;
      unit[q] = up ? level : level + this.delta;
      order[q] = q;
    }
    for (let q = D - 1; q > 0; q--) {
      const r = stream.below(q + 1);
      const swap = order[q] as number;
      order[q] = order[r] as number;
      order[r] = swap;
    }
  }

  runRange(start: number, end: number): Float64Array {
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= this.total)) {
      throw new RangeError(`Trajectories ${start}..${end} are outside 0..${this.total}.`);
    }
    const D = this.varied.length;
    const K = this.model.outputs.length;
    const values = new Float64Array((end - start) * this.valuesPerUnit);
    const signs = new Int8Array(D);
    const { varied, low, span, x, unit, order, out } = this;
    let at = 0;
    for (let t = start; t < end; t++) {
      this.trajectory(t, unit, order, signs);
      for (let q = 0; q < D; q++) x[varied[q] as number] = (low[q] as number) + (unit[q] as number) * (span[q] as number);
      this.model.evaluate(x, out);
      for (let k = 0; k < K; k++) values[at++] = out[k] as number;
      for (let s = 0; s < D; s++) {
        const q = order[s] as number;
        unit[q] = (unit[q] as number) + (signs[q] as number) * this.delta;
        x[varied[q] as number] = (low[q] as number) + (unit[q] as number) * (span[q] as number);
        this.model.evaluate(x, out);
        for (let k = 0; k < K; k++) values[at++] = out[k] as number;
      }
    }
    return values;
  }
}

export interface MorrisInputResult {
  key: string;
  label: string;
  /** Mean absolute elementary effect: the input's overall importance. */
  muStar: number;
  /** Mean elementary effect (effects of opposite signs cancel in it). */
  mu: number;
  /** Standard deviation of the effects: non-linearity or interactions. */
  sigma: number;
}

export interface MorrisResult {
  outputKey: string;
  trajectories: number;
  runs: number;
  /** Largest μ* first. */
  inputs: MorrisInputResult[];
}

/**
 * Elementary effects EE = Δoutput / (±Δ) per trajectory and input, in output units per whole input range
 * (so inputs of different units compare), summarised as μ*, μ and σ.
 */
export function morrisIndices(runner: MorrisRunner, model: SensitivityModel, values: Float64Array, outputKey: string): MorrisResult {
  const D = runner.varied.length;
  const K = model.outputs.length;
  const k = outputIndex(model, outputKey);
  const r = values.length / runner.valuesPerUnit;
  const unit = new Float64Array(D);
  const order = new Int32Array(D);
  const signs = new Int8Array(D);
  const sum = new Float64Array(D);
  const sumAbs = new Float64Array(D);
  const sumSquares = new Float64Array(D);
  for (let t = 0; t < r; t++) {
    runner.trajectory(t, unit, order, signs);
    const row = t * (D + 1) * K;
    for (let s = 0; s < D; s++) {
      const q = order[s] as number;
      const before = values[row + s * K + k] as number;
      const after = values[row + (s + 1) * K + k] as number;
      const effect = (after - before) / ((signs[q] as number) * runner.delta);
      sum[q] = (sum[q] as number) + effect;
      sumAbs[q] = (sumAbs[q] as number) + Math.abs(effect);
      sumSquares[q] = (sumSquares[q] as number) + effect * effect;
    }
  }
  const inputs = Array.from(runner.varied, (i, q) => {
    const spec = model.inputs[i] as { key: string; label: string };
    const mu = (sum[q] as number) / r;
    const variance = r > 1 ? Math.max(0, ((sumSquares[q] as number) - r * mu * mu) / (r - 1)) : 0;
    return { key: spec.key, label: spec.label, muStar: (sumAbs[q] as number) / r, mu, sigma: Math.sqrt(variance) };
  });
  inputs.sort((a, b) => b.muStar - a.muStar);
  return { outputKey, trajectories: r, runs: r * (D + 1), inputs };
}
