// Least-squares regression with standard errors and t intervals, reproducing R's lm / summary.lm / confint.

import type { NotComputed, Paired } from './correlation';
import { completePairs } from './correlation';
import { isConstant, mean } from './descriptive';
import { studentTQuantile, twoSidedTPValue } from './distributions';

export interface SimpleRegression {
  ok: true;
  n: number;
  /** Residual degrees of freedom, n − 2. */
  df: number;
  slope: number;
  slopeSe: number;
  /** 95 % t interval for the slope. */
  slopeCiLow: number;
  slopeCiHigh: number;
  /** Two-sided p-value of slope = 0. */
  slopeP: number;
  intercept: number;
  rSquared: number;
}

export type SimpleRegressionResult = SimpleRegression | NotComputed;

export interface MultipleRegression {
  ok: true;
  n: number;
  /** Residual degrees of freedom, n − 1 − number of predictors. */
  df: number;
  intercept: number;
  interceptSe: number;
  /** One entry per predictor, in the order given. */
  coefficients: Float64Array;
  standardErrors: Float64Array;
  ciLow: Float64Array;
  ciHigh: Float64Array;
  pValues: Float64Array;
  rSquared: number;
  /** Residual standard error √(RSS/df). */
  sigma: number;
}

export type MultipleRegressionResult = MultipleRegression | NotComputed;

/** Whole-number df up to this many have their t95 remembered: every regression of a scan shares a handful of them. */
const T95_CACHED_DF = 4096;
const t95ByDf = new Float64Array(T95_CACHED_DF).fill(Number.NaN);

/**
 * Half-width multiplier of a two-sided 95 % t interval (R's qt(0.975, df)). The quantile takes Newton steps on the
 * incomplete beta function, the dearest step of a regression, and a lag scan asks for the same few df hundreds of
 * times, so whole-number df are computed once; the value is the same either way.
 */
export function t95(df: number): number {
  if (!Number.isInteger(df) || df < 1 || df >= T95_CACHED_DF) return studentTQuantile(0.975, df);
  const cached = t95ByDf[df] as number;
  if (!Number.isNaN(cached)) return cached;
  const computed = studentTQuantile(0.975, df);
  t95ByDf[df] = computed;
  return computed;
}

/**
 * Simple regression y = a + b·x on complete pairs (R's lm(y ~ x)), from centred sums and residuals computed
 * directly, so revenue in the millions against scores in the tens loses no digits.
 */
export function ols(x: ArrayLike<number>, y: ArrayLike<number>): SimpleRegressionResult {
  return olsOfPairs(completePairs(x, y));
}

/** `ols` on pairs already complete (x the predictor, y the outcome). */
export function olsOfPairs(pairs: Paired): SimpleRegressionResult {
  const n = pairs.x.length;
  if (n < 3) {
    return { ok: false, n, reason: `A regression needs at least 3 periods with both values; there ${n === 1 ? 'is' : 'are'} ${n}.` };
  }
  if (isConstant(pairs.x)) return { ok: false, n, reason: 'The predictor does not vary, so its effect cannot be estimated.' };
  if (isConstant(pairs.y)) return { ok: false, n, reason: 'The outcome does not vary, so there is nothing to explain.' };
  const mx = mean(pairs.x);
  const my = mean(pairs.y);
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (pairs.x[i] as number) - mx;
    const dy = (pairs.y[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (![sxx, sxy, syy].every(Number.isFinite) || !(sxx > 0)) {
    return { ok: false, n, reason: 'The values are too large or too small for a regression to be computed reliably; rescale them.' };
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const e = (pairs.y[i] as number) - my - slope * ((pairs.x[i] as number) - mx);
    rss += e * e;
  }
  const df = n - 2;
  const slopeSe = Math.sqrt(rss / df / sxx);
  const half = t95(df) * slopeSe;
  return {
    ok: true,
    n,
    df,
    slope,
    slopeSe,
    slopeCiLow: slope - half,
    slopeCiHigh: slope + half,
    slopeP: slopeSe > 0 ? twoSidedTPValue(slope / slopeSe, df) : 0,
    intercept,
    rSquared: Math.max(0, 1 - rss / syy),
  };
}

/**
 * Multiple regression y = b0 + Σ b_j·x_j (R's lm(y ~ x1 + x2 + …)) on the rows where every value is present.
 * Predictors are centred and solved by Householder QR, never by forming XᵀX, so a time index next to a
 * score column stays well conditioned.
 */
export function olsMulti(y: ArrayLike<number>, predictors: readonly ArrayLike<number>[]): MultipleRegressionResult {
  const k = predictors.length;
  const keep = new Int32Array(y.length);
  let n = 0;
  rows: for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i] as number)) continue;
    for (let j = 0; j < k; j++) {
      const column = predictors[j] as ArrayLike<number>;
      if (i >= column.length || !Number.isFinite(column[i] as number)) continue rows;
    }
    keep[n++] = i;
  }
  const rows = keep.subarray(0, n);
  const df = n - 1 - k;
  if (k === 0) return { ok: false, n, reason: 'No predictors were given.' };
  if (df < 1) {
    return { ok: false, n, reason: `${n} complete period${n === 1 ? '' : 's'} cannot support ${k + 1} coefficients and an error estimate; at least ${k + 2} are needed.` };
  }
  const yc = new Float64Array(n);
  for (let i = 0; i < n; i++) yc[i] = y[rows[i] as number] as number;
  const my = mean(yc);
  for (let i = 0; i < n; i++) yc[i] = (yc[i] as number) - my;
  if (isConstant(yc)) return { ok: false, n, reason: 'The outcome does not vary, so there is nothing to explain.' };

  // Column-major centred design matrix and the column means needed for the intercept.
  const means = new Float64Array(k);
  const a = new Float64Array(n * k);
  const norms = new Float64Array(k);
  const values = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    const column = predictors[j] as ArrayLike<number>;
    for (let i = 0; i < n; i++) values[i] = column[rows[i] as number] as number;
    if (isConstant(values)) return { ok: false, n, reason: `Predictor ${j + 1} does not vary, so its effect cannot be estimated.` };
    const m = mean(values);
    means[j] = m;
    let norm = 0;
    for (let i = 0; i < n; i++) {
      const v = (values[i] as number) - m;
      a[j * n + i] = v;
      norm += v * v;
    }
    norms[j] = Math.sqrt(norm);
  }
  // The QR overwrites a; the residuals are taken from the centred data themselves.
  const centred = a.slice();

  // Householder QR: A = QR; R overwrites the upper triangle, Qᵀy accumulates in qty.
  const qty = Float64Array.from(yc);
  const rDiag = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let alpha = 0;
    for (let i = j; i < n; i++) alpha += (a[j * n + i] as number) ** 2;
    alpha = Math.sqrt(alpha);
    // A column this small next to its own length is a linear combination of the earlier ones.
    if (alpha <= 1e-10 * (norms[j] as number)) {
      return { ok: false, n, reason: `Predictor ${j + 1} is (almost) a linear combination of the others, so their effects cannot be separated.` };
    }
    const head = a[j * n + j] as number;
    const diag = head > 0 ? -alpha : alpha;
    const v0 = head - diag;
    a[j * n + j] = v0;
    const vNorm2 = v0 * v0 + alpha * alpha - head * head;
    const reflect = (column: Float64Array, offset: number): void => {
      let dot = 0;
      for (let i = j; i < n; i++) dot += (a[j * n + i] as number) * (column[offset + i] as number);
      const scale = (2 * dot) / vNorm2;
      for (let i = j; i < n; i++) column[offset + i] = (column[offset + i] as number) - scale * (a[j * n + i] as number);
    };
    for (let c = j + 1; c < k; c++) reflect(a, c * n);
    reflect(qty, 0);
    rDiag[j] = diag;
  }
  const rAt = (row: number, col: number): number => (row === col ? (rDiag[row] as number) : (a[col * n + row] as number));

  // Back substitution R·b = (Qᵀy)[0..k).
  const coefficients = new Float64Array(k);
  for (let row = k - 1; row >= 0; row--) {
    let sum = qty[row] as number;
    for (let col = row + 1; col < k; col++) sum -= rAt(row, col) * (coefficients[col] as number);
    coefficients[row] = sum / rAt(row, row);
  }

  // Residuals from the data, not from ‖Qᵀy‖ tail, for accuracy when the fit is good.
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let j = 0; j < k; j++) fitted += (coefficients[j] as number) * (centred[j * n + i] as number);
    const e = (yc[i] as number) - fitted;
    rss += e * e;
  }
  let tss = 0;
  for (let i = 0; i < n; i++) tss += (yc[i] as number) ** 2;
  const sigma2 = rss / df;

  // (XcᵀXc)⁻¹ = R⁻¹R⁻ᵀ: invert the triangle, then its row sums of squares give the variances.
  const rInv = new Float64Array(k * k); // row-major upper triangle
  for (let col = 0; col < k; col++) {
    rInv[col * k + col] = 1 / rAt(col, col);
    for (let row = col - 1; row >= 0; row--) {
      let sum = 0;
      for (let m = row + 1; m <= col; m++) sum += rAt(row, m) * (rInv[m * k + col] as number);
      rInv[row * k + col] = -sum / rAt(row, row);
    }
  }
  const covariance = (p: number, q: number): number => {
    let sum = 0;
    for (let m = Math.max(p, q); m < k; m++) sum += (rInv[p * k + m] as number) * (rInv[q * k + m] as number);
    return sum * sigma2;
  };

  const standardErrors = new Float64Array(k);
  const ciLow = new Float64Array(k);
  const ciHigh = new Float64Array(k);
  const pValues = new Float64Array(k);
  const tq = t95(df);
  for (let j = 0; j < k; j++) {
    const se = Math.sqrt(covariance(j, j));
    const b = coefficients[j] as number;
    standardErrors[j] = se;
    ciLow[j] = b - tq * se;
    ciHigh[j] = b + tq * se;
    pValues[j] = se > 0 ? twoSidedTPValue(b / se, df) : 0;
  }
  let intercept = my;
  for (let j = 0; j < k; j++) intercept -= (coefficients[j] as number) * (means[j] as number);
  // Var(b0) = σ²/n + x̄ᵀ Cov(b) x̄ for a model fitted on centred predictors.
  let interceptVariance = sigma2 / n;
  for (let p = 0; p < k; p++) {
    for (let q = 0; q < k; q++) interceptVariance += (means[p] as number) * (means[q] as number) * covariance(p, q);
  }
  return {
    ok: true,
    n,
    df,
    intercept,
    interceptSe: Math.sqrt(interceptVariance),
    coefficients,
    standardErrors,
    ciLow,
    ciHigh,
    pValues,
    rSquared: Math.max(0, 1 - rss / tss),
    sigma: Math.sqrt(sigma2),
  };
}
