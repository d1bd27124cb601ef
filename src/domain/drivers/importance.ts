// Relative importance of key drivers from streamed co-moments: Johnson's relative weights and Shapley/LMG shares of R².
import { collinearityCheck, johnsonWeights, MAX_SHAPLEY_DRIVERS, shapleyShares } from '../stats/drivers';
import { allSubsetRSquared, squareMatrix, subsetRSquared, type SquareMatrix } from '../stats/linalg';
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
 * from co-moments streamed over columns [driver 1, …, driver p, outcome]. The correlation matrix comes from the
 * co-moments, so a million responses need only the one streaming pass; from there the collinearity test and the
 * arithmetic are stats/drivers' own (johnsonRelativeWeights and shapleyR2 take whole columns and match R to 1e-9).
 * Both sets sum to R². Input the regression cannot use gives a failure whose reason says why and what to do, never NaN.
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
  const checked = collinearityCheck(rxx);
  if (!checked.ok) return collinear(checked.index, options);
  const full = subsetRSquared(rxx, rxy, range(p));
  if (!full.ok) return collinear(full.kind === 'not-positive-definite' ? full.index : null, options);
  const rSquared = full.value;

  const johnson = johnsonWeights(rxx, rxy, checked.eigen);
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
