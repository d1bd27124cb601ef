// Small dense linear algebra for key-driver analysis: correlation matrices, Jacobi eigen-decomposition, Cholesky, subset R².

/** A dense square (here always symmetric) matrix stored row-major: element (i, j) is `data[i * size + j]`. */
export interface SquareMatrix {
  readonly size: number;
  readonly data: Float64Array;
}

/** Why a computation has no answer; the caller turns these into words for the user. */
export type LinalgFailure =
  | { kind: 'length-mismatch' }
  | { kind: 'constant-column'; index: number }
  /** Pivot `index` fell to (numerically) zero: that row/column is a linear combination of the ones before it. */
  | { kind: 'not-positive-definite'; index: number };

export type LinalgResult<T> = { ok: true; value: T } | ({ ok: false } & LinalgFailure);

/**
 * Relative size below which a Cholesky pivot counts as zero. On a correlation matrix the pivot of variable j is
 * 1 − R² of j on the variables before it, so this flags a variance inflation factor above 1e10: such a variable
 * carries no information of its own and round-off would decide its weight.
 */
export const COLLINEARITY_TOLERANCE = 1e-10;

export function squareMatrix(size: number, data?: ArrayLike<number>): SquareMatrix {
  const values = new Float64Array(size * size);
  if (data !== undefined) {
    if (data.length !== size * size) throw new RangeError(`expected ${size * size} values, got ${data.length}`);
    values.set(data);
  }
  return { size, data: values };
}

export function identity(size: number): SquareMatrix {
  const m = squareMatrix(size);
  for (let i = 0; i < size; i++) m.data[i * size + i] = 1;
  return m;
}

/** Arithmetic mean with one correction pass (as R's `mean`), so sums of many similar values do not drift. */
export function mean(x: ArrayLike<number>): number {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  const m = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += x[i]! - m;
  return m + residual / n;
}

/**
 * Pearson correlation matrix of equally long columns of finite values (drop incomplete rows first).
 * Centred two-pass sums keep it exact to rounding even for large-offset data such as revenue in the millions.
 * A constant column has no correlation, so it is reported rather than turned into NaN.
 */
export function correlationMatrix(columns: readonly Float64Array[]): LinalgResult<SquareMatrix> {
  const p = columns.length;
  const n = columns[0]?.length ?? 0;
  if (columns.some((c) => c.length !== n)) return { ok: false, kind: 'length-mismatch' };
  const centred: Float64Array[] = [];
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const column = columns[j]!;
    if (isConstant(column)) return { ok: false, kind: 'constant-column', index: j };
    const scaled = scaleToUnit(column);
    const m = mean(scaled);
    const c = new Float64Array(n);
    let ss = 0;
    for (let i = 0; i < n; i++) {
      const d = scaled[i]! - m;
      c[i] = d;
      ss += d * d;
    }
    centred.push(c);
    norms[j] = Math.sqrt(ss);
  }
  const r = squareMatrix(p);
  for (let j = 0; j < p; j++) {
    r.data[j * p + j] = 1;
    const cj = centred[j]!;
    for (let k = 0; k < j; k++) {
      const ck = centred[k]!;
      let s = 0;
      for (let i = 0; i < n; i++) s += cj[i]! * ck[i]!;
      // Rounding can push |r| a hair past 1 for (nearly) identical columns; a correlation never exceeds 1.
      const value = Math.max(-1, Math.min(1, s / (norms[j]! * norms[k]!)));
      r.data[j * p + k] = value;
      r.data[k * p + j] = value;
    }
  }
  return { ok: true, value: r };
}

/**
 * The column multiplied by a power of two that brings its largest magnitude into (½, 1]. Correlation does not
 * depend on scale, and a power of two changes no significant bit, so ordinary data give bit-identical results while
 * extreme magnitudes (1e300 or subnormal values) can no longer overflow or underflow to NaN in the squared sums.
 */
function scaleToUnit(column: Float64Array): Float64Array {
  let largest = 0;
  for (const v of column) largest = Math.max(largest, Math.abs(v));
  const exponent = -Math.ceil(Math.log2(largest));
  // Two factors, because 2^exponent alone overflows for subnormal columns (exponent up to 1074).
  const first = 2 ** Math.trunc(exponent / 2);
  const second = 2 ** (exponent - Math.trunc(exponent / 2));
  const scaled = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) scaled[i] = column[i]! * first * second;
  return scaled;
}

function isConstant(column: Float64Array): boolean {
  const first = column[0];
  for (let i = 1; i < column.length; i++) if (column[i] !== first) return false;
  return true;
}

export interface EigenDecomposition {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Eigenvectors as columns: component i of the vector for `values[k]` is `vectors.data[i * size + k]`. */
  vectors: SquareMatrix;
}

const MAX_JACOBI_SWEEPS = 100;

/**
 * Eigen-decomposition A = P·diag(values)·Pᵀ of a symmetric matrix by cyclic Jacobi rotations. Jacobi is slower
 * than tridiagonal QR but, with the Demmel–Veselić stopping rule used here (an off-diagonal element is dropped
 * only when it is below machine epsilon relative to its two diagonal elements), it finds even small eigenvalues to
 * high relative accuracy: for the ≤ 30 × 30 correlation matrices of key-driver analysis, that is ~1e-14.
 */
export function symmetricEigen(matrix: SquareMatrix): EigenDecomposition {
  const n = matrix.size;
  const a = Float64Array.from(matrix.data);
  const v = identity(n).data;
  for (let sweep = 0; sweep < MAX_JACOBI_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        if (Math.abs(apq) <= Number.EPSILON * Math.sqrt(Math.abs(app * aqq))) {
          a[p * n + q] = 0;
          a[q * n + p] = 0;
          continue;
        }
        rotated = true;
        // The smaller of the two rotation angles that zero a[p][q], in the cancellation-free form.
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.hypot(theta, 1));
        const c = 1 / Math.hypot(t, 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          if (k === p || k === q) continue;
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          const newKp = c * akp - s * akq;
          const newKq = s * akp + c * akq;
          a[k * n + p] = newKp;
          a[p * n + k] = newKp;
          a[k * n + q] = newKq;
          a[q * n + k] = newKq;
        }
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[p * n + q] = 0;
        a[q * n + p] = 0;
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
    if (!rotated) break;
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => a[y * n + y]! - a[x * n + x]!);
  const values = new Float64Array(n);
  const vectors = squareMatrix(n);
  order.forEach((from, to) => {
    values[to] = a[from * n + from]!;
    for (let i = 0; i < n; i++) vectors.data[i * n + to] = v[i * n + from]!;
  });
  return { values, vectors };
}

/**
 * Cholesky factor L (lower triangular, A = L·Lᵀ) of a symmetric positive-definite matrix. A pivot at or below
 * `tolerance` times its diagonal element means the matrix is singular or nearly so (collinear variables).
 */
export function cholesky(
  matrix: SquareMatrix,
  tolerance = COLLINEARITY_TOLERANCE,
): { ok: true; value: SquareMatrix } | { ok: false; kind: 'not-positive-definite'; index: number } {
  const n = matrix.size;
  const a = matrix.data;
  const l = squareMatrix(n);
  const ld = l.data;
  for (let j = 0; j < n; j++) {
    let pivot = a[j * n + j]!;
    for (let k = 0; k < j; k++) pivot -= ld[j * n + k]! * ld[j * n + k]!;
    if (!(pivot > tolerance * Math.abs(a[j * n + j]!))) return { ok: false, kind: 'not-positive-definite', index: j };
    const diagonal = Math.sqrt(pivot);
    ld[j * n + j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= ld[i * n + k]! * ld[j * n + k]!;
      ld[i * n + j] = s / diagonal;
    }
  }
  return { ok: true, value: l };
}

/** Solves A·x = b for symmetric positive-definite A through its Cholesky factor. */
export function choleskySolve(
  matrix: SquareMatrix,
  b: ArrayLike<number>,
  tolerance = COLLINEARITY_TOLERANCE,
): LinalgResult<Float64Array> {
  if (b.length !== matrix.size) return { ok: false, kind: 'length-mismatch' };
  const factor = cholesky(matrix, tolerance);
  if (!factor.ok) return factor;
  const n = matrix.size;
  const l = factor.value.data;
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return { ok: true, value: x };
}

/**
 * R² of the regression of y on the predictors in `subset`, from correlations alone: R² = r_Sᵀ R_SS⁻¹ r_S where
 * R_SS is the predictors' correlation matrix and r_S their correlations with y. Computed as ‖L⁻¹ r_S‖² with
 * L the Cholesky factor of R_SS, which needs no inverse. The empty subset explains nothing (R² = 0).
 */
export function subsetRSquared(
  rxx: SquareMatrix,
  rxy: ArrayLike<number>,
  subset: readonly number[],
  tolerance = COLLINEARITY_TOLERANCE,
): LinalgResult<number> {
  const k = subset.length;
  const sub = squareMatrix(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) sub.data[i * k + j] = rxx.data[subset[i]! * rxx.size + subset[j]!]!;
  }
  const factor = cholesky(sub, tolerance);
  if (!factor.ok) return { ok: false, kind: 'not-positive-definite', index: subset[factor.index]! };
  const l = factor.value.data;
  const z = new Float64Array(k);
  let r2 = 0;
  for (let i = 0; i < k; i++) {
    let s = rxy[subset[i]!]!;
    for (let m = 0; m < i; m++) s -= l[i * k + m]! * z[m]!;
    const zi = s / l[i * k + i]!;
    z[i] = zi;
    r2 += zi * zi;
  }
  return { ok: true, value: r2 };
}

/** 2^20 subsets already take 8 MB of results; past this the exhaustive table is the wrong tool. */
export const MAX_SUBSET_PREDICTORS = 20;

/**
 * R² of y on every subset of the p predictors, indexed by bitmask (bit j set = predictor j included).
 * Subsets are visited depth-first in increasing index order, so each one extends its parent by a single predictor:
 * its Cholesky row and its R² increment cost O(k²) from the parent's factor instead of a fresh O(k³) factorisation,
 * and all work happens in buffers allocated once. If the full set is positive definite, so is every subset;
 * a failure names the first predictor that is a linear combination of lower-numbered ones.
 */
export function allSubsetRSquared(
  rxx: SquareMatrix,
  rxy: ArrayLike<number>,
  tolerance = COLLINEARITY_TOLERANCE,
): LinalgResult<Float64Array> {
  const p = rxx.size;
  if (p > MAX_SUBSET_PREDICTORS) throw new RangeError(`all-subsets R² is limited to ${MAX_SUBSET_PREDICTORS} predictors`);
  if (rxy.length !== p) return { ok: false, kind: 'length-mismatch' };
  const r = rxx.data;
  const r2 = new Float64Array(2 ** p);
  // Row d of `l` is the Cholesky row of the d-th predictor on the current path; `z` holds L⁻¹·r_xy along it.
  const l = new Float64Array(p * p);
  const z = new Float64Array(p);
  const path = new Int32Array(p);
  let failedAt = -1;

  const visit = (mask: number, depth: number, start: number, r2Parent: number): void => {
    const row = depth * p;
    for (let j = start; j < p && failedAt < 0; j++) {
      let pivot = r[j * p + j]!;
      let zNumerator = rxy[j]!;
      for (let e = 0; e < depth; e++) {
        let s = r[j * p + path[e]!]!;
        for (let f = 0; f < e; f++) s -= l[row + f]! * l[e * p + f]!;
        const lje = s / l[e * p + e]!;
        l[row + e] = lje;
        pivot -= lje * lje;
        zNumerator -= lje * z[e]!;
      }
      if (!(pivot > tolerance * Math.abs(r[j * p + j]!))) {
        failedAt = j;
        return;
      }
      const diagonal = Math.sqrt(pivot);
      l[row + depth] = diagonal;
      const zj = zNumerator / diagonal;
      z[depth] = zj;
      path[depth] = j;
      const childMask = mask | (1 << j);
      const childR2 = r2Parent + zj * zj;
      r2[childMask] = childR2;
      visit(childMask, depth + 1, j + 1, childR2);
    }
  };
  visit(0, 0, 0, 0);
  if (failedAt >= 0) return { ok: false, kind: 'not-positive-definite', index: failedAt };
  return { ok: true, value: r2 };
}
