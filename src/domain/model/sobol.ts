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
  /**
   * Outputs whose values the design keeps; default all. An analysis of one output keeps only it: the values are
   * then K times smaller to move between workers and to merge.
   */
  outputKeys?: readonly string[];
}

/**
 * The Saltelli design: row j draws two independent points A_j and B_j of the studied inputs and evaluates
 * f(A_j), f(B_j) and f(A_B^(i)_j) for each input i (A_j with input i taken from B_j). Unit j is row j; its values
 * are values[((j × (D + 2)) + c) × K + k] with c = 0 for A, 1 for B, 2 + i for A_B^(i), and k the k-th kept output
 * (`outputKeys`). Row j's numbers depend only on (seed, j), so any split into ranges reproduces a single pass exactly.
 */
export class SobolRunner implements RangeRunner {
  readonly total: number;
  readonly runsPerUnit: number;
  readonly valuesPerUnit: number;
  /** Positions of the studied inputs. */
  readonly varied: Int32Array;
  /** Keys of the outputs kept, in the order of their values. */
  readonly outputKeys: readonly string[];
  readonly seed: number;
  private readonly model: SensitivityModel;
  private readonly sampler: Sampler;
  private readonly x: Float64Array;
  private readonly uniforms: Float64Array;
  private readonly a: Float64Array;
  private readonly b: Float64Array;
  private readonly identity: Int32Array;
  /** Positions in the model's outputs of the kept ones. */
  private readonly kept: Int32Array;
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
    this.outputKeys = options.outputKeys ?? model.outputs.map((output) => output.key);
    this.kept = Int32Array.from(this.outputKeys, (key) => outputIndex(model, key));
    this.runsPerUnit = D + 2;
    this.valuesPerUnit = (D + 2) * this.kept.length;
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
    const K = this.kept.length;
    const values = new Float64Array((end - start) * this.valuesPerUnit);
    const { varied, sampler, uniforms, a, b, x, out, stream, identity, kept } = this;
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
      for (let k = 0; k < K; k++) values[bAt + k] = out[kept[k] as number] as number;
      for (let q = 0; q < D; q++) x[varied[q] as number] = a[q] as number;
      evaluate(x, out);
      for (let k = 0; k < K; k++) values[at + k] = out[kept[k] as number] as number;
      at += 2 * K;
      for (let q = 0; q < D; q++) {
        const position = varied[q] as number;
        x[position] = b[q] as number;
        evaluate(x, out);
        x[position] = a[q] as number;
        for (let k = 0; k < K; k++) values[at++] = out[kept[k] as number] as number;
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

/**
 * Rows are bootstrapped in this many blocks of consecutive rows (fewer rows: one row per block). Rows are
 * independent, so blocks are too, and resampling blocks is a valid bootstrap of the estimators (smooth functions of
 * means). Each resample then costs blocks × D rather than N × D, which for N = 8,192 and 30 inputs turns the
 * bootstrap from most of a Sobol run's time into a few milliseconds; 512 blocks keep the percentile intervals fine.
 */
export const BOOTSTRAP_BLOCKS = 512;

/**
 * The estimators' sums per block of rows. With d_A = f_A − c and d_B = f_B − c (c the outputs' mean): count,
 * Σ(d_A + d_B), Σ(d_A² + d_B²), and per input i, Σ d_B (f_ABi − f_A) and Σ (f_A − f_ABi)² (first[b × D + i],
 * total[b × D + i]).
 */
interface BlockSums {
  blocks: number;
  count: Float64Array;
  sum: Float64Array;
  squares: Float64Array;
  first: Float64Array;
  total: Float64Array;
}

function blockSums(values: Float64Array, n: number, D: number, K: number, k: number, center: number): BlockSums {
  const blocks = Math.min(n, BOOTSTRAP_BLOCKS);
  const sums: BlockSums = {
    blocks,
    count: new Float64Array(blocks),
    sum: new Float64Array(blocks),
    squares: new Float64Array(blocks),
    first: new Float64Array(blocks * D),
    total: new Float64Array(blocks * D),
  };
  const { count, sum, squares, first, total } = sums;
  const stride = (D + 2) * K;
  for (let blk = 0; blk < blocks; blk++) {
    const end = Math.floor(((blk + 1) * n) / blocks);
    const at = blk * D;
    for (let j = Math.floor((blk * n) / blocks); j < end; j++) {
      const row = j * stride;
      const ya = values[row + k] as number;
      const da = ya - center;
      const db = (values[row + K + k] as number) - center;
      count[blk] = (count[blk] as number) + 1;
      sum[blk] = (sum[blk] as number) + da + db;
      squares[blk] = (squares[blk] as number) + da * da + db * db;
      for (let i = 0; i < D; i++) {
        const step = (values[row + (2 + i) * K + k] as number) - ya;
        first[at + i] = (first[at + i] as number) + db * step;
        total[at + i] = (total[at + i] as number) + step * step;
      }
    }
  }
  return sums;
}

/**
 * Estimates from the blocks taken `weights[b]` times (a bootstrap resample) or once each (weights = null), into
 * first[i] and total[i]. V is the variance of f(A) and f(B) pooled; S_i = mean(f_B (f_ABi − f_A)) / V (Saltelli et
 * al. 2010), ST_i = mean((f_A − f_ABi)²) / (2V) (Jansen 1999). f_B is taken about the outputs' mean (see
 * blockSums), as SALib does by standardising: the expectation is unchanged (f_ABi − f_A has mean 0) but the
 * estimator's variance no longer grows with the square of the output's level, which for money outputs far from 0 is
 * the difference between a usable and a useless index. Returns V.
 */
function estimate(s: BlockSums, D: number, weights: Int32Array | null, first: Float64Array, total: Float64Array): number {
  first.fill(0);
  total.fill(0);
  let n = 0;
  let sum = 0;
  let squares = 0;
  for (let blk = 0; blk < s.blocks; blk++) {
    const w = weights === null ? 1 : (weights[blk] as number);
    if (w === 0) continue;
    n += w * (s.count[blk] as number);
    sum += w * (s.sum[blk] as number);
    squares += w * (s.squares[blk] as number);
    const at = blk * D;
    for (let i = 0; i < D; i++) {
      first[i] = (first[i] as number) + w * (s.first[at + i] as number);
      total[i] = (total[i] as number) + w * (s.total[at + i] as number);
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

/** First-order and total indices of one output with bootstrap percentile intervals (resampling blocks of rows). */
export function sobolIndices(
  runner: SobolRunner,
  model: SensitivityModel,
  values: Float64Array,
  options: SobolAnalysisOptions,
): SobolResult {
  const D = runner.varied.length;
  const K = runner.outputKeys.length;
  const n = values.length / runner.valuesPerUnit;
  if (!Number.isInteger(n) || n < 2) throw new RangeError('The values do not hold a whole Sobol design of at least 2 rows.');
  outputIndex(model, options.outputKey);
  const k = runner.outputKeys.indexOf(options.outputKey);
  if (k < 0) throw new RangeError(`The design did not keep the output "${options.outputKey}".`);
  const bootstrap = options.bootstrap ?? 200;
  const confidence = options.confidence ?? 0.95;
  const stride = (D + 2) * K;
  let center = 0;
  for (let j = 0; j < n; j++) center += ((values[j * stride + k] as number) + (values[j * stride + K + k] as number)) / (2 * n);
  const sums = blockSums(values, n, D, K, k, center);
  const first = new Float64Array(D);
  const total = new Float64Array(D);
  const variance = estimate(sums, D, null, first, total);
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
  const weights = new Int32Array(sums.blocks);
  const bFirst = new Float64Array(D);
  const bTotal = new Float64Array(D);
  const stream = new UniformStream();
  for (let r = 0; r < bootstrap; r++) {
    stream.reset(options.seed ?? runner.seed, STREAM.sobolBootstrap, r);
    weights.fill(0);
    for (let b = 0; b < sums.blocks; b++) {
      const picked = stream.below(sums.blocks);
      weights[picked] = (weights[picked] as number) + 1;
    }
    estimate(sums, D, weights, bFirst, bTotal);
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
