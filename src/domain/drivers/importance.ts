// Relative importance of key drivers from streamed co-moments: Johnson's relative weights and Shapley/LMG shares of R².
import { MAX_SHAPLEY_DRIVERS } from '../stats/drivers';
import {
  allSubsetRSquared,
  cholesky,
  COLLINEARITY_TOLERANCE,
  squareMatrix,
  subsetRSquared,
  symmetricEigen,
  type SquareMatrix,
} from '../stats/linalg';
import type { CoMoments } from './moments';

export { MAX_SHAPLEY_DRIVERS };

/** What one row is called in messages: a period of a KPI series, a response of a survey. */
export interface RowNoun {
  one: string;
  many: string;
}

export interface ImportanceOptions {
  /** Driver names, in column order. */
  names: readonly string[];
  outcomeName: string;
  rows: RowNoun;
}

export type ImportanceFailureCode =
  | 'no-drivers'
  | 'no-complete-rows'
  | 'too-few-rows'
  | 'constant-outcome'
  | 'constant-driver'
  | 'collinear';

export interface ImportanceFailure {
  ok: false;
  code: ImportanceFailureCode;
  /** Completes "Cannot compute because …": plain words, what to do next. */
  reason: string;
}

export interface DriverImportance {
  /** Correlation of the driver with the outcome over the complete rows: its sign says which way they move together. */
  r: number;
  /** Johnson's relative weight ε_j (sums to R² over the drivers) and its percentage of R² (sums to 100). */
  johnson: { raw: number; pct: number };
  /** Shapley/LMG share of R² and its percentage of R²; null when Shapley could not be run (see `shapleyNote`). */
  shapley: { r2: number; pct: number } | null;
}

export interface ImportanceResult {
  ok: true;
  /** Complete rows used: the outcome and every driver valid. */
  n: number;
  rSquared: number;
  /** One per driver, in column order. */
  drivers: DriverImportance[];
  /** Why the Shapley shares are missing (too many drivers for the exact decomposition), else null. */
  shapleyNote: string | null;
}

/**
 * Johnson's relative weights and the exact Shapley/LMG decomposition of R² for an outcome regressed on p drivers,
 * from co-moments streamed over columns [driver 1, …, driver p, outcome]. The arithmetic is that of
 * johnsonRelativeWeights and shapleyR2 in stats/drivers (which take whole columns and match R to 1e-9); here it
 * starts from the correlation matrix so that a million responses need only the one streaming pass. Both sets sum to
 * R². Input the regression cannot use gives a failure whose reason says why and what to do, never NaN.
 */
export function relativeImportance(moments: CoMoments, options: ImportanceOptions): ImportanceResult | ImportanceFailure {
  const p = moments.size - 1;
  const { rows } = options;
  if (p === 0) return failure('no-drivers', 'no driver is chosen. Tick at least one driver.');
  const n = moments.count;
  if (n === 0) {
    return failure(
      'no-complete-rows',
      `no ${rows.one} has a valid value for ${options.outcomeName} and all ${p} ${p === 1 ? 'driver' : 'drivers'} at once.`,
    );
  }
  // With n ≤ p + 1 the regression fits exactly (no residual degree of freedom), so R² = 1 whatever the data.
  if (n <= p + 1) {
    return failure(
      'too-few-rows',
      `only ${n} ${n === 1 ? `${rows.one} has` : `${rows.many} have`} a value for ${options.outcomeName} and all ` +
        `${p} ${p === 1 ? 'driver' : 'drivers'}; at least ${p + 2} are needed. Choose fewer drivers or add data.`,
    );
  }
  if (!(moments.comoment(p, p) > 0)) {
    return failure(
      'constant-outcome',
      `${options.outcomeName} has the same value in every complete ${rows.one}, so there is nothing to explain.`,
    );
  }
  for (let j = 0; j < p; j++) {
    if (!(moments.comoment(j, j) > 0)) {
      return failure(
        'constant-driver',
        `${nameOf(j, options)} has the same value in every complete ${rows.one}, so its importance cannot be ` +
          'measured. Untick it.',
      );
    }
  }

  const { rxx, rxy } = correlations(moments);
  const factor = cholesky(rxx);
  if (!factor.ok) return collinear(factor.index, options);
  const eigen = symmetricEigen(rxx);
  // Near-singular sets whose every pivot looks acceptable: round-off would decide the weights.
  if (!(eigen.values[p - 1]! > COLLINEARITY_TOLERANCE * eigen.values[0]!)) return collinear(null, options);
  const full = subsetRSquared(rxx, rxy, range(p));
  if (!full.ok) return collinear(full.kind === 'not-positive-definite' ? full.index : null, options);
  const rSquared = full.value;

  const johnson = johnsonWeights(rxx, rxy, eigen.values, eigen.vectors);
  let shapley: Float64Array | null = null;
  let shapleyNote: string | null = null;
  if (p > MAX_SHAPLEY_DRIVERS) {
    shapleyNote =
      `the exact Shapley decomposition visits every combination of drivers and is limited to ${MAX_SHAPLEY_DRIVERS} ` +
      `drivers; ${p} are chosen. Johnson's weights are shown; untick some drivers for Shapley too.`;
  } else {
    const table = allSubsetRSquared(rxx, rxy);
    if (!table.ok) return collinear(table.kind === 'not-positive-definite' ? table.index : null, options);
    shapley = shapleyShares(table.value, p);
  }
  const drivers = range(p).map((j) => ({
    r: rxy[j]!,
    johnson: { raw: johnson[j]!, pct: percentOf(johnson[j]!, rSquared) },
    shapley: shapley ? { r2: shapley[j]!, pct: percentOf(shapley[j]!, rSquared) } : null,
  }));
  return { ok: true, n, rSquared, drivers, shapleyNote };
}

/** The drivers' correlation matrix and their correlations with the outcome (the last column). */
function correlations(moments: CoMoments): { rxx: SquareMatrix; rxy: Float64Array } {
  const p = moments.size - 1;
  const scale = Float64Array.from({ length: p + 1 }, (_, j) => Math.sqrt(moments.comoment(j, j)));
  // Rounding can push |r| a hair past 1 for (nearly) identical columns; a correlation never exceeds 1.
  const r = (j: number, k: number) => Math.max(-1, Math.min(1, moments.comoment(j, k) / (scale[j]! * scale[k]!)));
  const rxx = squareMatrix(p);
  const rxy = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    rxx.data[j * p + j] = 1;
    for (let k = 0; k < j; k++) {
      const value = r(j, k);
      rxx.data[j * p + k] = value;
      rxx.data[k * p + j] = value;
    }
    rxy[j] = r(j, p);
  }
  return { rxx, rxy };
}

/** ε_j = Σ_k λ_jk² β_k² with Λ = PΔ^½Pᵀ and β = Λ⁻¹ r_xy (Rxx = PΔPᵀ): never negative, sums to R². */
function johnsonWeights(rxx: SquareMatrix, rxy: Float64Array, values: Float64Array, vectors: SquareMatrix): Float64Array {
  const p = rxx.size;
  const pv = vectors.data;
  const roots = Array.from(values, Math.sqrt);
  const lambda = new Float64Array(p * p);
  const lambdaInverse = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let half = 0;
      let inverseHalf = 0;
      for (let m = 0; m < p; m++) {
        const product = pv[i * p + m]! * pv[j * p + m]!;
        half += product * roots[m]!;
        inverseHalf += product / roots[m]!;
      }
      lambda[i * p + j] = half;
      lambda[j * p + i] = half;
      lambdaInverse[i * p + j] = inverseHalf;
      lambdaInverse[j * p + i] = inverseHalf;
    }
  }
  const betaSquared = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let beta = 0;
    for (let j = 0; j < p; j++) beta += lambdaInverse[k * p + j]! * rxy[j]!;
    betaSquared[k] = beta * beta;
  }
  const weights = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let raw = 0;
    for (let k = 0; k < p; k++) raw += lambda[j * p + k]! ** 2 * betaSquared[k]!;
    weights[j] = raw;
  }
  return weights;
}

/** Σ over subsets S without j of |S|!(p−|S|−1)!/p! · (R²(S ∪ j) − R²(S)), from the R² of every subset by bitmask. */
function shapleyShares(r2: Float64Array, p: number): Float64Array {
  const factorial = [1];
  for (let k = 1; k <= p; k++) factorial.push(factorial[k - 1]! * k);
  const weightBySize = Float64Array.from({ length: p }, (_, s) => (factorial[s]! * factorial[p - s - 1]!) / factorial[p]!);
  const size = new Uint8Array(r2.length);
  const totals = new Float64Array(p);
  for (let mask = 0; mask < r2.length; mask++) {
    if (mask > 0) size[mask] = size[mask >> 1]! + (mask & 1);
    const w = weightBySize[size[mask]!]!;
    const base = r2[mask]!;
    for (let j = 0; j < p; j++) {
      const bit = 1 << j;
      if ((mask & bit) === 0) totals[j]! += w * (r2[mask | bit]! - base);
    }
  }
  return totals;
}

function collinear(index: number | null, options: ImportanceOptions): ImportanceFailure {
  if (index === null || index === 0) {
    return failure(
      'collinear',
      'some drivers move in lockstep (one is, or nearly is, an exact combination of others), so their separate ' +
        'contributions cannot be told apart. Untick one of the overlapping drivers.',
    );
  }
  const earlier = range(index).map((j) => nameOf(j, options));
  return failure(
    'collinear',
    `the data cannot tell ${nameOf(index, options)} apart from ${listInWords(earlier)}: it is, or nearly is, an ` +
      `exact combination of ${earlier.length === 1 ? 'it' : 'them'}. Untick one of these drivers.`,
  );
}

function failure(code: ImportanceFailureCode, reason: string): ImportanceFailure {
  return { ok: false, code, reason };
}

function percentOf(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function nameOf(index: number, options: ImportanceOptions): string {
  return options.names[index] ?? `driver ${index + 1}`;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
