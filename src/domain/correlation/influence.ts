// Regression influence diagnostics (leverage and Cook's distance) that name the periods a fitted effect leans on.

import { cholesky, squareMatrix } from '../stats/linalg';
import { mean } from '../stats/descriptive';

export interface Influence {
  /** Leverage hᵢ: the diagonal of the hat matrix X(XᵀX)⁻¹Xᵀ of the model with an intercept. */
  hat: Float64Array;
  /**
   * Cook's distance Dᵢ = eᵢ²·hᵢ / ((k + 1)·s²·(1 − hᵢ)²). Infinity where hᵢ = 1: that point alone fixes a
   * coefficient, so deleting it would leave the fit undetermined.
   */
  cooksDistance: Float64Array;
}

/** A point whose leverage or Cook's distance passes the usual screening cut-offs. */
export interface InfluentialPoint {
  /** Position of the point in the arrays given. */
  index: number;
  hat: number;
  /** null when the point alone determines a coefficient (hat value 1). */
  cooksDistance: number | null;
}

/** Leverage cut-off 2(k + 1)/n: twice the mean hat value of a model with k predictors and an intercept. */
export function hatCutoff(predictors: number, n: number): number {
  return (2 * (predictors + 1)) / n;
}

/** Cook's distance cut-off 4/n. */
export function cooksCutoff(n: number): number {
  return 4 / n;
}

/** Hat values closer to 1 than this are treated as exactly 1 (the point fits itself). */
const HAT_ONE = 1e-10;

/**
 * Leverage and Cook's distance of every point in the least-squares fit y = b₀ + Σ bⱼxⱼ, for complete data
 * (no missing values). null when the fit has no residual degrees of freedom, a predictor is constant or
 * collinear with another, or the fit is exact (no residual variance to scale Cook's distance by).
 */
export function influence(y: ArrayLike<number>, predictors: readonly ArrayLike<number>[]): Influence | null {
  const n = y.length;
  const k = predictors.length;
  if (k === 0 || n <= k + 1 || predictors.some((column) => column.length !== n)) return null;
  // Centred columns: the intercept's share of each hat value is then exactly 1/n.
  const my = mean(y);
  const yc = Float64Array.from({ length: n }, (_, i) => (y[i] as number) - my);
  const z = predictors.map((column) => {
    const m = mean(column);
    return Float64Array.from({ length: n }, (_, i) => (column[i] as number) - m);
  });
  const cross = squareMatrix(k);
  const xty = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    const za = z[a] as Float64Array;
    for (let b = 0; b <= a; b++) {
      const zb = z[b] as Float64Array;
      let s = 0;
      for (let i = 0; i < n; i++) s += (za[i] as number) * (zb[i] as number);
      cross.data[a * k + b] = s;
      cross.data[b * k + a] = s;
    }
    let s = 0;
    for (let i = 0; i < n; i++) s += (za[i] as number) * (yc[i] as number);
    xty[a] = s;
  }
  const factor = cholesky(cross);
  if (!factor.ok) return null;
  const l = factor.value.data;
  // w = L⁻¹v by forward substitution, so that vᵀ(ZᵀZ)⁻¹v = ‖w‖² without forming an inverse.
  const forward = (v: Float64Array): Float64Array => {
    const w = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      let s = v[a] as number;
      for (let b = 0; b < a; b++) s -= (l[a * k + b] as number) * (w[b] as number);
      w[a] = s / (l[a * k + a] as number);
    }
    return w;
  };
  const wy = forward(xty);
  const coefficients = new Float64Array(k);
  for (let a = k - 1; a >= 0; a--) {
    let s = wy[a] as number;
    for (let b = a + 1; b < k; b++) s -= (l[b * k + a] as number) * (coefficients[b] as number);
    coefficients[a] = s / (l[a * k + a] as number);
  }

  const residuals = new Float64Array(n);
  let rss = 0;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let a = 0; a < k; a++) fitted += (coefficients[a] as number) * ((z[a] as Float64Array)[i] as number);
    const e = (yc[i] as number) - fitted;
    residuals[i] = e;
    rss += e * e;
    tss += (yc[i] as number) ** 2;
  }
  // An exact fit (up to rounding) has no error variance: every Cook's distance would be 0/0.
  if (!(rss > 1e-24 * tss) || !Number.isFinite(rss)) return null;
  const s2 = rss / (n - k - 1);

  const hat = new Float64Array(n);
  const cooksDistance = new Float64Array(n);
  const row = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < k; a++) row[a] = (z[a] as Float64Array)[i] as number;
    const w = forward(row);
    let h = 1 / n;
    for (let a = 0; a < k; a++) h += (w[a] as number) ** 2;
    h = Math.min(1, h);
    hat[i] = h;
    const e = residuals[i] as number;
    cooksDistance[i] = 1 - h <= HAT_ONE ? Infinity : (e * e * h) / ((k + 1) * s2 * (1 - h) ** 2);
  }
  return { hat, cooksDistance };
}

/**
 * The points with hat value > 2(k + 1)/n or Cook's distance > 4/n, most influential (largest Cook's distance)
 * first; empty when the influence cannot be computed.
 */
export function influentialPoints(y: ArrayLike<number>, predictors: readonly ArrayLike<number>[]): InfluentialPoint[] {
  const result = influence(y, predictors);
  if (!result) return [];
  const n = y.length;
  const hatLimit = hatCutoff(predictors.length, n);
  const cooksLimit = cooksCutoff(n);
  const points: InfluentialPoint[] = [];
  for (let i = 0; i < n; i++) {
    const hat = result.hat[i] as number;
    const cooks = result.cooksDistance[i] as number;
    // Leverage alone (a far-out x sitting on the line) or a small Cook's distance alone flags several clean periods
    // in any 60-month series; a point is named when it is both far out and moves the fit, or moves it a lot (D > 1).
    if ((hat > hatLimit && cooks > cooksLimit) || cooks > 1) {
      points.push({ index: i, hat, cooksDistance: Number.isFinite(cooks) ? cooks : null });
    }
  }
  const rank = (point: InfluentialPoint): number => point.cooksDistance ?? Infinity;
  return points.sort((a, b) => rank(b) - rank(a) || a.index - b.index);
}
