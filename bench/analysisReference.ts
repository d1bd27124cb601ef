// Bare Float64Array loops doing the analysis arithmetic the app does, as the benchmark's yardstick: no storage, no
// messaging, no result objects, preallocated buffers. The special functions (t distribution) are the app's own,
// since rewriting them would time a different algorithm, not leaner plumbing.
import { studentTQuantile, twoSidedTPValue } from '../src/domain/stats/distributions';

const Z95 = 1.959963984540054;

export type ScanMode = 'levels' | 'trendControlled' | 'differences';
export const SCAN_MODES: readonly ScanMode[] = ['levels', 'trendControlled', 'differences'];

/** Best lag and its correlation per metric and mode: enough to check the app found the same answers. */
export interface ScanCheck {
  mode: ScanMode;
  metric: number;
  lag: number;
  r: number;
}

/** Buffers shared by every lag, sized for the longest series. */
class Buffers {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly t: Float64Array;
  readonly rx: Float64Array;
  readonly ry: Float64Array;
  readonly order: Int32Array;
  constructor(length: number) {
    this.x = new Float64Array(length);
    this.y = new Float64Array(length);
    this.t = new Float64Array(length);
    this.rx = new Float64Array(length);
    this.ry = new Float64Array(length);
    this.order = new Int32Array(length);
  }
}

/** Mid-ranks of values[0..n) into out (ties averaged), by an index sort. */
function midranks(values: Float64Array, n: number, order: Int32Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) order[i] = i;
  order.subarray(0, n).sort((a, b) => values[a]! - values[b]!);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!] = rank;
    i = j + 1;
  }
}

function pearsonOf(x: Float64Array, y: Float64Array, n: number): number {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Levels or changes at one lag: Pearson with Fisher CI and p, Spearman with p, OLS slope with SE, CI and p. */
function simpleLag(b: Buffers, n: number): number {
  const { x, y } = b;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  const df = n - 2;
  const z = Math.atanh(r);
  const half = Z95 / Math.sqrt(n - 3);
  const fisher = Math.tanh(z + half) - Math.tanh(z - half);
  const p = twoSidedTPValue(r * Math.sqrt(df / (1 - r * r)), df);
  midranks(x, n, b.order, b.rx);
  midranks(y, n, b.order, b.ry);
  const rho = pearsonOf(b.rx, b.ry, n);
  const rhoP = twoSidedTPValue(rho * Math.sqrt(df / (1 - rho * rho)), df);
  const slope = sxy / sxx;
  const rss = Math.max(0, syy - slope * sxy);
  const se = Math.sqrt(rss / df / sxx);
  const width = studentTQuantile(0.975, df) * se;
  const slopeP = twoSidedTPValue(slope / se, df);
  // Folded into the result so that no statistic can be optimised away.
  return r + 1e-300 * (fisher + p + rhoP + width + slopeP);
}

/** Trend controlled at one lag: y ~ x + t by centred normal equations, partial r with Fisher CI, partial Spearman. */
function trendLag(b: Buffers, n: number): number {
  const { x, y, t } = b;
  let mx = 0;
  let my = 0;
  let mt = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
    mt += t[i]!;
  }
  mx /= n;
  my /= n;
  mt /= n;
  let sxx = 0;
  let stt = 0;
  let sxt = 0;
  let sxy = 0;
  let sty = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    const dt = t[i]! - mt;
    sxx += dx * dx;
    stt += dt * dt;
    sxt += dx * dt;
    sxy += dx * dy;
    sty += dt * dy;
    syy += dy * dy;
  }
  const det = sxx * stt - sxt * sxt;
  const slope = (stt * sxy - sxt * sty) / det;
  const trend = (sxx * sty - sxt * sxy) / det;
  const rss = Math.max(0, syy - slope * sxy - trend * sty);
  const df = n - 3;
  const se = Math.sqrt(((rss / df) * stt) / det);
  const tStat = slope / se;
  const p = twoSidedTPValue(tStat, df);
  const width = studentTQuantile(0.975, df) * se;
  const r = tStat / Math.sqrt(tStat * tStat + df);
  const z = Math.atanh(r);
  const half = Z95 / Math.sqrt(n - 4);
  const fisher = Math.tanh(z + half) - Math.tanh(z - half);
  midranks(x, n, b.order, b.rx);
  midranks(y, n, b.order, b.ry);
  for (let i = 0; i < n; i++) t[i] = i + 1;
  const rxy = pearsonOf(b.rx, b.ry, n);
  const rxt = pearsonOf(b.rx, t, n);
  const ryt = pearsonOf(b.ry, t, n);
  const rho = (rxy - rxt * ryt) / Math.sqrt((1 - rxt * rxt) * (1 - ryt * ryt));
  const rhoP = twoSidedTPValue(rho * Math.sqrt((n - 3) / ((1 - rho) * (1 + rho))), n - 3);
  return r + 1e-300 * (p + width + fisher + rhoP);
}

/**
 * Pairs (x[s], y[s + lag]) with both present into the buffers (differenced first in 'differences'); a negative lag
 * lets the KPI lead. Returns n.
 */
function pairs(metric: Float64Array, kpi: Float64Array, lag: number, mode: ScanMode, b: Buffers): number {
  const shift = mode === 'differences' ? 1 : 0;
  const length = metric.length - shift;
  let n = 0;
  for (let s = Math.max(0, -lag); s + lag < length; s++) {
    const x = shift ? metric[s + 1]! - metric[s]! : metric[s]!;
    const y = shift ? kpi[s + lag + 1]! - kpi[s + lag]! : kpi[s + lag]!;
    if (x !== x || y !== y) continue;
    b.x[n] = x;
    b.y[n] = y;
    b.t[n] = s + lag;
    n++;
  }
  return n;
}

/**
 * Leverage and Cook's distance of every pair in the buffers for y ~ x (+ t with the trend), by the closed-form
 * inverse of the centred 1 × 1 or 2 × 2 cross-product matrix; returns how many pass the screening cut-offs.
 */
function influentialCount(b: Buffers, n: number, withTrend: boolean): number {
  const { x, y, t } = b;
  let mx = 0;
  let my = 0;
  let mt = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
    mt += t[i]!;
  }
  mx /= n;
  my /= n;
  mt /= n;
  let sxx = 0;
  let stt = 0;
  let sxt = 0;
  let sxy = 0;
  let sty = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    const dt = withTrend ? t[i]! - mt : 0;
    sxx += dx * dx;
    stt += dt * dt;
    sxt += dx * dt;
    sxy += dx * dy;
    sty += dt * dy;
  }
  const k = withTrend ? 2 : 1;
  const det = withTrend ? sxx * stt - sxt * sxt : sxx;
  const bx = withTrend ? (stt * sxy - sxt * sty) / det : sxy / sxx;
  const bt = withTrend ? (sxx * sty - sxt * sxy) / det : 0;
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i]! - my - bx * (x[i]! - mx) - bt * (withTrend ? t[i]! - mt : 0);
    rss += e * e;
  }
  const s2 = rss / (n - k - 1);
  let flagged = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dt = withTrend ? t[i]! - mt : 0;
    const h = 1 / n + (withTrend ? (stt * dx * dx - 2 * sxt * dx * dt + sxx * dt * dt) / det : (dx * dx) / sxx);
    const e = y[i]! - my - bx * dx - bt * dt;
    const cook = (e * e * h) / ((k + 1) * s2 * (1 - h) ** 2);
    if (h > (2 * (k + 1)) / n || cook > 4 / n) flagged++;
  }
  return flagged;
}

/** Trend slope p and lag-1 autocorrelation of one series: the levels reading's "trending, likely spurious" check. */
function persistenceOf(values: Float64Array, b: Buffers): number {
  let n = 0;
  for (let s = 0; s < values.length; s++) {
    if (values[s] !== values[s]) continue;
    b.x[n] = s;
    b.y[n] = values[s]!;
    n++;
  }
  let mt = 0;
  let mv = 0;
  for (let i = 0; i < n; i++) {
    mt += b.x[i]!;
    mv += b.y[i]!;
  }
  mt /= n;
  mv /= n;
  let stt = 0;
  let stv = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    const dt = b.x[i]! - mt;
    const dv = b.y[i]! - mv;
    stt += dt * dt;
    stv += dt * dv;
    svv += dv * dv;
  }
  const slope = stv / stt;
  const se = Math.sqrt(Math.max(0, svv - slope * stv) / (n - 2) / stt);
  const trend = twoSidedTPValue(slope / se, n - 2);
  n = 0;
  for (let s = 0; s + 1 < values.length; s++) {
    if (values[s] !== values[s] || values[s + 1] !== values[s + 1]) continue;
    b.x[n] = values[s]!;
    b.y[n] = values[s + 1]!;
    n++;
  }
  return trend + pearsonOf(b.x, b.y, n);
}

/** Cross-correlations of the changes at lags −maxLag..maxLag with t-test p: whether the metric's changes come first. */
function leadLagProfile(metric: Float64Array, kpi: Float64Array, maxLag: number, b: Buffers): number {
  let strongest = 0;
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const n = pairs(metric, kpi, lag, 'differences', b);
    const r = pearsonOf(b.x, b.y, n);
    const p = twoSidedTPValue(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2);
    if (lag !== 0 && Math.abs(r) > Math.abs(strongest)) strongest = r + 1e-300 * p;
  }
  return strongest;
}

/**
 * What the app's correlation test computes for every metric in every reading: lags 0..maxLag keeping the best by
 * |r|, the influence screen at the best lag, the persistence check in levels, and the lead/lag profile of changes
 * (which the app recomputes with each reading).
 */
export function referenceScan(kpi: Float64Array, metrics: readonly Float64Array[], maxLag: number): ScanCheck[] {
  const b = new Buffers(kpi.length);
  const checks: ScanCheck[] = [];
  let sink = 0;
  for (const mode of SCAN_MODES) {
    metrics.forEach((metric, j) => {
      let best = { lag: -1, r: 0 };
      for (let lag = 0; lag <= maxLag; lag++) {
        const n = pairs(metric, kpi, lag, mode, b);
        const r = mode === 'trendControlled' ? trendLag(b, n) : simpleLag(b, n);
        if (best.lag < 0 || Math.abs(r) > Math.abs(best.r)) best = { lag, r };
      }
      sink += influentialCount(b, pairs(metric, kpi, best.lag, mode, b), mode === 'trendControlled');
      if (mode === 'levels') sink += persistenceOf(metric, b) + persistenceOf(kpi, b);
      sink += leadLagProfile(metric, kpi, maxLag, b);
      checks.push({ mode, metric: j, ...best });
    });
  }
  // Keeps every statistic live for the optimiser without changing any answer.
  if (sink === Number.MAX_VALUE) checks.length = 0;
  return checks;
}

/** R² of every subset of the drivers (by bitmask) from their correlation matrix, one Cholesky per subset. */
function subsetRSquared(rxx: Float64Array, rxy: Float64Array, p: number): Float64Array {
  const r2 = new Float64Array(1 << p);
  const l = new Float64Array(p * p);
  const index = new Int32Array(p);
  const z = new Float64Array(p);
  for (let mask = 1; mask < 1 << p; mask++) {
    let k = 0;
    for (let j = 0; j < p; j++) if (mask & (1 << j)) index[k++] = j;
    let total = 0;
    for (let i = 0; i < k; i++) {
      for (let c = 0; c <= i; c++) {
        let s = rxx[index[i]! * p + index[c]!]!;
        for (let m = 0; m < c; m++) s -= l[i * p + m]! * l[c * p + m]!;
        l[i * p + c] = i === c ? Math.sqrt(s) : s / l[c * p + c]!;
      }
      let s = rxy[index[i]!]!;
      for (let m = 0; m < i; m++) s -= l[i * p + m]! * z[m]!;
      z[i] = s / l[i * p + i]!;
      total += z[i]! * z[i]!;
    }
    r2[mask] = total;
  }
  return r2;
}

/** Correlations of the drivers (all but the last column) with each other and with the outcome (the last column). */
function correlations(columns: readonly Float64Array[], n: number): { rxx: Float64Array; rxy: Float64Array; p: number } {
  const q = columns.length;
  const p = q - 1;
  const centred = columns.map((column) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += column[i]!;
    mean /= n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = column[i]! - mean;
    return out;
  });
  const cross = new Float64Array(q * q);
  for (let j = 0; j < q; j++) {
    for (let k = 0; k <= j; k++) {
      let s = 0;
      const a = centred[j]!;
      const c = centred[k]!;
      for (let i = 0; i < n; i++) s += a[i]! * c[i]!;
      cross[j * q + k] = s;
      cross[k * q + j] = s;
    }
  }
  const rxx = new Float64Array(p * p);
  const rxy = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < p; k++) rxx[j * p + k] = cross[j * q + k]! / Math.sqrt(cross[j * q + j]! * cross[k * q + k]!);
    rxy[j] = cross[j * q + p]! / Math.sqrt(cross[j * q + j]! * cross[p * q + p]!);
  }
  return { rxx, rxy, p };
}

/** Shapley/LMG shares of R² for drivers [0..p) and the outcome last, over the rows where all are present. */
export function referenceShapley(columns: readonly Float64Array[]): { rSquared: number; shares: Float64Array } {
  const length = columns[0]!.length;
  const complete = columns.map(() => new Float64Array(length));
  let n = 0;
  for (let i = 0; i < length; i++) {
    let ok = true;
    for (const column of columns) if (column[i] !== column[i]) ok = false;
    if (!ok) continue;
    columns.forEach((column, j) => (complete[j]![n] = column[i]!));
    n++;
  }
  const { rxx, rxy, p } = correlations(complete, n);
  const r2 = subsetRSquared(rxx, rxy, p);
  const factorial = [1];
  for (let k = 1; k <= p; k++) factorial.push(factorial[k - 1]! * k);
  const shares = new Float64Array(p);
  for (let mask = 0; mask < 1 << p; mask++) {
    let size = 0;
    for (let j = 0; j < p; j++) if (mask & (1 << j)) size++;
    const w = (factorial[size]! * factorial[p - size - 1]!) / factorial[p]!;
    for (let j = 0; j < p; j++) if (!(mask & (1 << j))) shares[j]! += w * (r2[mask | (1 << j)]! - r2[mask]!);
  }
  return { rSquared: r2[(1 << p) - 1]!, shares };
}

/**
 * The respondent-level pass: over rows where every column holds a value inside its range, Welford's running means
 * and co-moments; then R² of the last column on the others. The same arithmetic as the app's streamed key drivers.
 */
export function referenceDrivers(columns: readonly Float64Array[], ranges: readonly (readonly [number, number])[]): { n: number; rSquared: number } {
  const q = columns.length;
  const low = Float64Array.from(ranges, (r) => r[0]);
  const high = Float64Array.from(ranges, (r) => r[1]);
  const means = new Float64Array(q);
  const sums = new Float64Array(q * q);
  const row = new Float64Array(q);
  const d = new Float64Array(q);
  const length = columns[0]!.length;
  let n = 0;
  for (let i = 0; i < length; i++) {
    let ok = true;
    for (let j = 0; j < q; j++) {
      const v = columns[j]![i]!;
      row[j] = v;
      if (!(v >= low[j]! && v <= high[j]!)) ok = false;
    }
    if (!ok) continue;
    n++;
    const inverse = 1 / n;
    const shrink = (n - 1) * inverse;
    for (let j = 0; j < q; j++) {
      d[j] = row[j]! - means[j]!;
      means[j]! += d[j]! * inverse;
    }
    for (let j = 0; j < q; j++) {
      const scaled = d[j]! * shrink;
      for (let k = j; k < q; k++) sums[j * q + k]! += scaled * d[k]!;
    }
  }
  const p = q - 1;
  const rxx = new Float64Array(p * p);
  const rxy = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let k = 0; k < p; k++) {
      const [a, b] = j <= k ? [j, k] : [k, j];
      rxx[j * p + k] = sums[a * q + b]! / Math.sqrt(sums[j * q + j]! * sums[k * q + k]!);
    }
    rxy[j] = sums[j * q + p]! / Math.sqrt(sums[j * q + j]! * sums[p * q + p]!);
  }
  return { n, rSquared: subsetRSquared(rxx, rxy, p)[(1 << p) - 1]! };
}
