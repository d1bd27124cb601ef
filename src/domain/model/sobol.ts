// Sobol global sensitivity: Saltelli design run by ranges, first-order (Saltelli 2010) and total (Jansen) indices, bootstrap intervals.
import type { RangeRunner } from './chunks';
import { Sampler } from './distributions';
import { sortedQuantile } from './quantiles';
import type { SensitivityModel } from './sensitivityModel';
import { baseInputs, outputIndex, uncertainInputs } from './sensitivityModel';
import type { Distribution } from './stored';
import { STREAM, UniformStream } from './uniforms';

/** Rows share one random block; a range starting inside a block skips the rows before it. */
const BLOCK = 64;

export interface SobolOptions {
  seed: number;
  /** Base sample size N: the design evaluates the model N × (D + 2) times. */
  n: number;
  /** Inputs to study; default every input with a range. */
  inputKeys?: readonly string[];
  /** The base case for inputs not studied (a scenario's); default the model's. */
  inputs?: Float64Array;
}

/**
 * The Saltelli design: row j draws two independent points A_j and B_j of the studied inputs and evaluates
 * f(A_j), f(B_j) and f(A_B^(i)_j) for each input i (A_j with input i taken from B_j). Unit j is row j; its values
 * are values[((j × (D + 2)) + c) × K + k] with c = 0 for A, 1 for B, 2 + i for A_B^(i). Row j's numbers depend only
 * on (seed, j), so any split into ranges reproduces a single pass exactly.
 */
export class SobolRunner implements RangeRunner {
  readonly total: number;
  readonly runsPerUnit: number;
  readonly valuesPerUnit: number;
  /** Positions of the studied inputs. */
  readonly varied: Int32Array;
  readonly seed: number;
  private readonly model: SensitivityModel;
  private readonly sampler: Sampler;
  private readonly x: Float64Array;
  private readonly uniforms: Float64Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly identity: Int32Array;
  private readonly out: Float64Array;
  private readonly stream = new UniformStream();

  constructor(model: SensitivityModel, options: SobolOptions) {
    if (!Number.isInteger(options.n) || options.n < 2) throw new RangeError('Sobol needs a base sample of at least 2.');
    this.model = model;
    this.seed = options.seed;
    this.total = options.n;
    this.varied = uncertainInputs(model, options.inputKeys ?? null);
    if (this.varied.length === 0) throw new RangeError('Sobol needs at least one input with a range.');
    const D = this.varied.length;
    this.sampler = new Sampler(
      Array.from(this.varied, (i) => {
        const input = model.inputs[i];
        return { base: input?.base ?? 0, distribution: input?.distribution as Distribution };
      }),
    );
    this.runsPerUnit = D + 2;
    this.valuesPerUnit = (D + 2) * model.outputs.length;
    this.x = Float64Array.from(options.inputs ?? baseInputs(model));
    this.uniforms = new Float64Array(2 * D);
    this.a = new Float64Array(D);
    this.b = new Float64Array(D);
    this.identity = Int32Array.from({ length: D }, (_, q) => q);
    this.out = new Float64Array(model.outputs.length);
  }

  runRange(start: number, end: number): Float64Array {
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= this.total)) {
      throw new RangeError(`Rows ${start}..${end} are outside 0..${this.total}.`);
    }
    const D = this.varied.length;
    const K = this.model.outputs.length;
    const values = new Float64Array((end - start) * this.valuesPerUnit);
    const { varied, sampler, uniforms, a, b, x, out, stream, identity } = this;
    const evaluate = this.model.evaluate;
    let at = 0;
    for (let j = start; j < end; j++) {
      const offset = j % BLOCK;
      if (offset === 0 || j === start) {
        stream.reset(this.seed, STREAM.sobol, (j - offset) / BLOCK);
        stream.skip(offset * 2 * D);
      }
      stream.fill(uniforms, 0, 2 * D);
      sampler.fill(uniforms, 0, a, identity);
      sampler.fill(uniforms, D, b, identity);
      for (let q = 0; q < D; q++) x[varied[q] as number] = b[q] as number;
      evaluate(x, out);
      const bAt = at + K;
      for (let k = 0; k < K; k++) values[bAt + k] = out[k] as number;
      for (let q = 0; q < D; q++) x[varied[q] as number] = a[q] as number;
      evaluate(x, out);
      for (let k = 0; k < K; k++) values[at + k] = out[k] as number;
      at += 2 * K;
      for (let q = 0; q < D; q++) {
        const position = varied[q] as number;
        x[position] = b[q] as number;
        evaluate(x, out);
        x[position] = a[q] as number;
        for (let k = 0; k < K; k++) values[at++] = out[k] as number;
      }
    }
    return values;
  }
}

export interface SobolIndex {
  /** The estimate as reported: a negative estimate whose interval reaches zero is shown as 0. */
  value: number;
  /** The estimate as computed. */
  raw: number;
  /** Bootstrap percentile interval. */
  low: number;
  high: number;
}

export interface SobolInputResult {
  key: string;
  label: string;
  first: SobolIndex;
  total: SobolIndex;
}

export interface SobolResult {
  outputKey: string;
  n: number;
  runs: number;
  mean: number;
  variance: number;
  /** True when the output did not vary at all: every index is then 0. */
  constantOutput: boolean;
  confidence: number;
  bootstrap: number;
  /** In input order. */
  inputs: SobolInputResult[];
}

export interface SobolAnalysisOptions {
  outputKey: string;
  /** Bootstrap resamples; default 200. */
  bootstrap?: number;
  /** Interval level; default 0.95. */
  confidence?: number;
  /** Seed of the resampling; default the design's. */
  seed?: number;
}

/** A design's values for one output, split into f(A), f(B) and f(A_B^(i)) (row-major N × D). */
interface Columns {
  yA: Float64Array;
  yB: Float64Array;
  yAB: Float64Array;
}

function columns(values: Float64Array, n: number, D: number, K: number, k: number): Columns {
  const yA = new Float64Array(n);
  const yB = new Float64Array(n);
  const yAB = new Float64Array(n * D);
  const stride = (D + 2) * K;
  for (let j = 0; j < n; j++) {
    const row = j * stride;
    yA[j] = values[row + k] as number;
    yB[j] = values[row + K + k] as number;
    for (let i = 0; i < D; i++) yAB[j * D + i] = values[row + (2 + i) * K + k] as number;
  }
  return { yA, yB, yAB };
}

/**
 * Estimates over the rows listed in `rows` (a bootstrap resample) or all rows (rows = null), into first[i] and
 * total[i]. V is the variance of f(A) and f(B) pooled; S_i = mean(f_B (f_ABi − f_A)) / V (Saltelli et al. 2010),
 * ST_i = mean((f_A − f_ABi)²) / (2V) (Jansen 1999). f_B is taken about the outputs' mean (`center`), as SALib
 * does by standardising: the expectation is unchanged (f_ABi − f_A has mean 0) but the estimator's variance no
 * longer grows with the square of the output's level, which for money outputs far from 0 is the difference
 * between a usable and a useless index. Returns V.
 */
function estimate(c: Columns, D: number, rows: Int32Array | null, center: number, first: Float64Array, total: Float64Array): number {
  const n = rows === null ? c.yA.length : rows.length;
  first.fill(0);
  total.fill(0);
  let sum = 0;
  let squares = 0;
  for (let r = 0; r < n; r++) {
    const j = rows === null ? r : (rows[r] as number);
    const ya = c.yA[j] as number;
    const yb = c.yB[j] as number;
    const da = ya - center;
    const db = yb - center;
    sum += da + db;
    squares += da * da + db * db;
    const base = j * D;
    for (let i = 0; i < D; i++) {
      const yab = c.yAB[base + i] as number;
      first[i] = (first[i] as number) + db * (yab - ya);
      total[i] = (total[i] as number) + (ya - yab) * (ya - yab);
    }
  }
  const mean = sum / (2 * n);
  const variance = squares / (2 * n) - mean * mean;
  for (let i = 0; i < D; i++) {
    first[i] = (first[i] as number) / n / variance;
    total[i] = (total[i] as number) / (2 * n) / variance;
  }
  return variance;
}

function reported(raw: number, low: number, high: number): SobolIndex {
  return { value: raw < 0 && high >= 0 ? 0 : raw, raw, low, high };
}

/** First-order and total indices of one output with bootstrap percentile intervals (resampling rows). */
export function sobolIndices(
  runner: SobolRunner,
  model: SensitivityModel,
  values: Float64Array,
  options: SobolAnalysisOptions,
): SobolResult {
  const D = runner.varied.length;
  const K = model.outputs.length;
  const n = values.length / runner.valuesPerUnit;
  if (!Number.isInteger(n) || n < 2) throw new RangeError('The values do not hold a whole Sobol design of at least 2 rows.');
  const k = outputIndex(model, options.outputKey);
  const bootstrap = options.bootstrap ?? 200;
  const confidence = options.confidence ?? 0.95;
  const c = columns(values, n, D, K, k);
  let center = 0;
  for (let j = 0; j < n; j++) center += ((c.yA[j] as number) + (c.yB[j] as number)) / (2 * n);
  const first = new Float64Array(D);
  const total = new Float64Array(D);
  const variance = estimate(c, D, null, center, first, total);
  const labelled = Array.from(runner.varied, (i) => model.inputs[i] as { key: string; label: string });
  const base = { outputKey: options.outputKey, n, runs: n * (D + 2), mean: center, confidence, bootstrap };
  if (!(variance > 1e-12 * (1 + center * center))) {
    const zero: SobolIndex = { value: 0, raw: 0, low: 0, high: 0 };
    return {
      ...base,
      variance: 0,
      constantOutput: true,
      inputs: labelled.map((input) => ({ key: input.key, label: input.label, first: zero, total: zero })),
    };
  }

  const firstDraws = new Float64Array(bootstrap * D);
  const totalDraws = new Float64Array(bootstrap * D);
  const rows = new Int32Array(n);
  const bFirst = new Float64Array(D);
  const bTotal = new Float64Array(D);
  const stream = new UniformStream();
  for (let r = 0; r < bootstrap; r++) {
    stream.reset(options.seed ?? runner.seed, STREAM.sobolBootstrap, r);
    for (let j = 0; j < n; j++) rows[j] = stream.below(n);
    estimate(c, D, rows, center, bFirst, bTotal);
    for (let i = 0; i < D; i++) {
      firstDraws[i * bootstrap + r] = bFirst[i] as number;
      totalDraws[i * bootstrap + r] = bTotal[i] as number;
    }
  }
  const lowP = (1 - confidence) / 2;
  const highP = 1 - lowP;
  const interval = (draws: Float64Array, i: number): [number, number] => {
    const sorted = draws.subarray(i * bootstrap, (i + 1) * bootstrap).sort();
    return [sortedQuantile(sorted, lowP), sortedQuantile(sorted, highP)];
  };
  return {
    ...base,
    variance,
    constantOutput: false,
    inputs: labelled.map((input, i) => {
      const [fLow, fHigh] = interval(firstDraws, i);
      const [tLow, tHigh] = interval(totalDraws, i);
      return {
        key: input.key,
        label: input.label,
        first: reported(first[i] as number, fLow, fHigh),
        total: reported(total[i] as number, tLow, tHigh),
      };
    }),
  };
}
