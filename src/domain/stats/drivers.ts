// Key-driver analysis: how much of an outcome's R² each CX metric accounts for (Johnson's relative weights, Shapley/LMG).
import {
  allSubsetRSquared,
  cholesky,
  COLLINEARITY_TOLERANCE,
  correlationMatrix,
  squareMatrix,
  subsetRSquared,
  symmetricEigen,
  type EigenDecomposition,
  type SquareMatrix,
} from './linalg';

/** Exhaustive Shapley visits 2^p subsets; 12 drivers (4,096 regressions) stays instant, and workshops rarely need more. */
export const MAX_SHAPLEY_DRIVERS = 12;

export interface DriverOptions {
  /** Driver names used in failure messages; "driver 1", "driver 2"… when absent. */
  names?: readonly string[];
  /** Name of the outcome in failure messages; "the outcome" when absent. */
  outcomeName?: string;
}

export type DriverFailureCode =
  | 'no-drivers'
  | 'too-many-drivers'
  | 'length-mismatch'
  | 'too-few-rows'
  | 'constant-outcome'
  | 'constant-driver'
  | 'collinear';

export interface DriverFailure {
  ok: false;
  code: DriverFailureCode;
  /** Plain-English explanation for the user. */
  reason: string;
}

export interface JohnsonWeights {
  ok: true;
  /** Complete rows used (outcome and every driver present). */
  n: number;
  rSquared: number;
  /** One per driver, in input order: raw ε_j (sums to R²) and its share of R² in percent (sums to 100). */
  weights: { raw: number; pct: number }[];
}

export interface ShapleyShares {
  ok: true;
  n: number;
  rSquared: number;
  /** One per driver, in input order: LMG share of R² (sums to R²) and the same in percent of R² (sums to 100). */
  shares: { r2: number; pct: number }[];
}

/**
 * Johnson's relative weights. The drivers are replaced by their closest orthonormal counterparts Z = XΛ⁻¹
 * (Rxx = PΔPᵀ, Λ = PΔ^½Pᵀ); y is regressed on Z (β = Λ⁻¹r_xy), and each driver is credited with its squared
 * loadings on the Z's times their squared coefficients: ε_j = Σ_k λ_jk² β_k². The ε_j are never negative and sum
 * to R². Missing values (NaN or non-finite) drop the row: complete cases only.
 * Percentages are of R²; when the drivers explain nothing at all (R² = 0) every weight and percentage is 0.
 */
export function johnsonRelativeWeights(
  x: readonly Float64Array[],
  y: Float64Array,
  options: DriverOptions = {},
): JohnsonWeights | DriverFailure {
  const prepared = prepare(x, y, options);
  if (!prepared.ok) return prepared;
  const { n, rxx, rxy, eigen } = prepared;
  const p = rxx.size;
  const fit = subsetRSquared(rxx, rxy, range(p));
  if (!fit.ok) return collinearFailure(fit.kind === 'not-positive-definite' ? fit.index : null, options);
  const rSquared = fit.value;
  const raw = johnsonWeights(rxx, rxy, eigen);
  const weights = Array.from(raw, (weight) => ({ raw: weight, pct: percentOf(weight, rSquared) }));
  return { ok: true, n, rSquared, weights };
}

/**
 * Shapley value (LMG) decomposition of R²: each driver's R² gain when added to a subset of the others, averaged
 * over all orders of entry, i.e. Σ_S |S|!(p−|S|−1)!/p! · (R²(S ∪ j) − R²(S)) over subsets S without j.
 * Exact over all 2^p subsets, each subset's R² computed once; limited to MAX_SHAPLEY_DRIVERS drivers.
 * Shares are never negative (adding a driver never lowers R²; rounding may leave −1e-17) and sum to R².
 * Complete cases only, as for Johnson's weights.
 */
export function shapleyR2(
  x: readonly Float64Array[],
  y: Float64Array,
  options: DriverOptions = {},
): ShapleyShares | DriverFailure {
  if (x.length > MAX_SHAPLEY_DRIVERS) {
    return {
      ok: false,
      code: 'too-many-drivers',
      reason:
        `The Shapley decomposition is exact over every combination of drivers and is limited to ` +
        `${MAX_SHAPLEY_DRIVERS} drivers; ${x.length} were chosen. Remove some, or use Johnson's relative weights.`,
    };
  }
  const prepared = prepare(x, y, options);
  if (!prepared.ok) return prepared;
  const { n, rxx, rxy } = prepared;
  const p = rxx.size;
  const table = allSubsetRSquared(rxx, rxy);
  if (!table.ok) return collinearFailure(table.kind === 'not-positive-definite' ? table.index : null, options);
  const r2 = table.value;
  const totals = shapleyShares(r2, p);
  const rSquared = r2[r2.length - 1]!;
  const shares = Array.from(totals, (share) => ({ r2: share, pct: percentOf(share, rSquared) }));
  return { ok: true, n, rSquared, shares };
}

interface Prepared {
  ok: true;
  n: number;
  rxx: SquareMatrix;
  rxy: Float64Array;
  eigen: EigenDecomposition;
}

/**
 * Complete cases, then the drivers' correlation matrix and their correlations with the outcome, and the collinearity
 * test both methods share so that they succeed or fail together.
 */
function prepare(x: readonly Float64Array[], y: Float64Array, options: DriverOptions): Prepared | DriverFailure {
  const p = x.length;
  if (p === 0) return { ok: false, code: 'no-drivers', reason: 'Choose at least one driver to analyse.' };
  if (x.some((column) => column.length !== y.length)) {
    return {
      ok: false,
      code: 'length-mismatch',
      reason: `Every driver needs one value per period of ${outcomeName(options)}, and some columns have a different length.`,
    };
  }
  const all = [...x, y];
  const present = new Uint8Array(y.length).fill(1);
  for (const column of all) {
    for (let i = 0; i < column.length; i++) if (!Number.isFinite(column[i]!)) present[i] = 0;
  }
  let n = 0;
  for (const flag of present) n += flag;
  if (n === 0) {
    return {
      ok: false,
      code: 'too-few-rows',
      reason: `No period has values for ${outcomeName(options)} and all ${p} drivers at once.`,
    };
  }
  // With n ≤ p + 1 the regression fits exactly (no residual degree of freedom), so R² = 1 whatever the data.
  if (n <= p + 1) {
    return {
      ok: false,
      code: 'too-few-rows',
      reason:
        `Only ${n} ${n === 1 ? 'period has' : 'periods have'} values for ${outcomeName(options)} and all ${p} ` +
        `drivers; at least ${p + 2} are needed. Choose fewer drivers or add data.`,
    };
  }
  const columns = all.map((column) => {
    const kept = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < column.length; i++) if (present[i]) kept[k++] = column[i]!;
    return kept;
  });
  const correlations = correlationMatrix(columns);
  if (!correlations.ok) {
    if (correlations.kind === 'constant-column' && correlations.index === p) {
      return {
        ok: false,
        code: 'constant-outcome',
        reason: `Every complete period has the same value of ${outcomeName(options)}, so there is nothing to explain.`,
      };
    }
    if (correlations.kind === 'constant-column') {
      return {
        ok: false,
        code: 'constant-driver',
        reason:
          `Every complete period has the same value of ${driverName(correlations.index, options)}, so its ` +
          `importance cannot be measured. Remove it from the drivers.`,
      };
    }
    return { ok: false, code: 'length-mismatch', reason: 'The driver columns have different lengths.' };
  }
  const full = correlations.value.data;
  const rxx = squareMatrix(p);
  const rxy = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j < p; j++) rxx.data[i * p + j] = full[i * (p + 1) + j]!;
    rxy[i] = full[i * (p + 1) + p]!;
  }
  const checked = collinearityCheck(rxx);
  if (!checked.ok) return collinearFailure(checked.index, options);
  return { ok: true, n, rxx, rxy, eigen: checked.eigen };
}

/**
 * Whether the drivers can be told apart, from their correlation matrix; both methods and both entry points (whole
 * columns here, streamed co-moments in drivers/importance) apply it, so they succeed or fail together. A Cholesky
 * pivot names the first driver that repeats earlier ones (`index`); the eigenvalues catch near-singular sets whose
 * every pivot looks acceptable (condition number above 1/COLLINEARITY_TOLERANCE, where round-off would decide the
 * weights), with index null. The eigen-decomposition is what Johnson's weights are built from.
 */
export function collinearityCheck(
  rxx: SquareMatrix,
): { ok: true; eigen: EigenDecomposition } | { ok: false; index: number | null } {
  const p = rxx.size;
  const factor = cholesky(rxx);
  if (!factor.ok) return { ok: false, index: factor.index };
  const eigen = symmetricEigen(rxx);
  if (!(eigen.values[p - 1]! > COLLINEARITY_TOLERANCE * eigen.values[0]!)) return { ok: false, index: null };
  return { ok: true, eigen };
}

/**
 * Johnson's raw weights ε_j = Σ_k λ_jk² β_k², with Λ = PΔ^½Pᵀ and β = Λ⁻¹ r_xy (Rxx = PΔPᵀ), from the drivers'
 * correlation matrix, its eigen-decomposition and the drivers' correlations with the outcome: never negative, they
 * sum to R². The one implementation behind johnsonRelativeWeights and drivers/importance.
 */
export function johnsonWeights(rxx: SquareMatrix, rxy: Float64Array, eigen: EigenDecomposition): Float64Array {
  const p = rxx.size;
  const pv = eigen.vectors.data;
  const roots = eigen.values.map(Math.sqrt);
  const lambda = squareMatrix(p);
  const lambdaInverse = squareMatrix(p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let half = 0;
      let inverseHalf = 0;
      for (let m = 0; m < p; m++) {
        const product = pv[i * p + m]! * pv[j * p + m]!;
        const root = roots[m]!;
        half += product * root;
        inverseHalf += product / root;
      }
      lambda.data[i * p + j] = half;
      lambda.data[j * p + i] = half;
      lambdaInverse.data[i * p + j] = inverseHalf;
      lambdaInverse.data[j * p + i] = inverseHalf;
    }
  }
  const betaSquared = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    let beta = 0;
    for (let j = 0; j < p; j++) beta += lambdaInverse.data[k * p + j]! * rxy[j]!;
    betaSquared[k] = beta * beta;
  }
  const weights = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let raw = 0;
    for (let k = 0; k < p; k++) {
      const loading = lambda.data[j * p + k]!;
      raw += loading * loading * betaSquared[k]!;
    }
    weights[j] = raw;
  }
  return weights;
}

/**
 * Shapley/LMG shares Σ over subsets S without j of |S|!(p−|S|−1)!/p! · (R²(S ∪ j) − R²(S)), from the R² of every
 * subset of the p drivers by bitmask (allSubsetRSquared). The one implementation behind shapleyR2 and
 * drivers/importance.
 */
export function shapleyShares(r2: Float64Array, p: number): Float64Array {
  const factorial = [1];
  for (let k = 1; k <= p; k++) factorial.push(factorial[k - 1]! * k);
  const weightBySize = new Float64Array(p);
  for (let s = 0; s < p; s++) weightBySize[s] = (factorial[s]! * factorial[p - s - 1]!) / factorial[p]!;

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

/** `index` is the first driver found to be a combination of those before it, or null when no single one is known. */
function collinearFailure(index: number | null, options: DriverOptions): DriverFailure {
  if (index === null || index === 0) {
    return {
      ok: false,
      code: 'collinear',
      reason:
        'Some drivers move in lockstep (one is, or nearly is, an exact combination of others), so their separate ' +
        'contributions cannot be told apart. Remove one of the overlapping drivers.',
    };
  }
  const earlier = range(index).map((j) => driverName(j, options));
  return {
    ok: false,
    code: 'collinear',
    reason:
      `The data cannot tell ${driverName(index, options)} apart from ${listInWords(earlier)}: it is, or nearly ` +
      `is, an exact combination of ${earlier.length === 1 ? 'it' : 'them'}. Remove one of these drivers.`,
  };
}

function percentOf(part: number, whole: number): number {
  return whole > 0 ? (100 * part) / whole : 0;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function driverName(index: number, options: DriverOptions): string {
  return options.names?.[index] ?? `driver ${index + 1}`;
}

function outcomeName(options: DriverOptions): string {
  return options.outcomeName ?? 'the outcome';
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
