// Pearson and Spearman correlation tests on complete pairs, reproducing R's cor.test (two-sided, 95 % Fisher interval).

import { isConstant, mean } from './descriptive';
import { normalCdf, normalUpperCdf, twoSidedTPValue, Z95 } from './distributions';

/** A computation that could not be done, with the reason in words a workshop audience understands. */
export interface NotComputed {
  ok: false;
  /** Complete pairs available. */
  n: number;
  reason: string;
}

export interface PearsonTest {
  ok: true;
  n: number;
  r: number;
  /** 95 % confidence interval for r by Fisher's z transform. */
  ciLow: number;
  ciHigh: number;
  /** Two-sided p-value of r = 0, from the t statistic with n − 2 df. */
  p: number;
}

/** How the Spearman p-value was obtained; R picks the same way by default. */
export type SpearmanPMethod = 'AS 89 exact' | 'AS 89 Edgeworth' | 't approximation';

export interface SpearmanTest {
  ok: true;
  n: number;
  rho: number;
  p: number;
  pMethod: SpearmanPMethod;
}

export type PearsonResult = PearsonTest | NotComputed;
export type SpearmanResult = SpearmanTest | NotComputed;

/** Fewest complete pairs for a correlation test: the Fisher interval needs n − 3 > 0. */
export const MIN_CORRELATION_PAIRS = 4;

export interface CompletePairs {
  x: Float64Array;
  y: Float64Array;
  /** Position of each kept pair in the input arrays. */
  index: Int32Array;
}

/** Keeps the pairs where both values are present (R's complete.cases); NaN marks a missing value. */
export function completePairs(x: ArrayLike<number>, y: ArrayLike<number>): CompletePairs {
  const length = Math.min(x.length, y.length);
  // Counting first sizes the typed arrays exactly, so no growable list is built and copied per call.
  let n = 0;
  for (let i = 0; i < length; i++) {
    if (Number.isFinite(x[i] as number) && Number.isFinite(y[i] as number)) n++;
  }
  const out: CompletePairs = { x: new Float64Array(n), y: new Float64Array(n), index: new Int32Array(n) };
  for (let i = 0, k = 0; k < n; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    out.x[k] = a;
    out.y[k] = b;
    out.index[k] = i;
    k++;
  }
  return out;
}

/** Pearson r on arrays already free of missing values, from centred sums; NaN when the sums are not representable. */
export function pearsonR(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const mx = mean(x);
  const my = mean(y);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const denominator = Math.sqrt(sxx * syy);
  // Sums that overflowed or underflowed would give a confident-looking but meaningless r.
  if (!Number.isFinite(sxy) || !Number.isFinite(denominator) || !(denominator > 0)) return NaN;
  return Math.max(-1, Math.min(1, sxy / denominator));
}

/** Two-sided p-value of a correlation r on n pairs by R's t test: t = r·√((n − 2)/(1 − r²)), n − 2 df. */
export function correlationPValue(r: number, n: number): number {
  const t = r * Math.sqrt((n - 2) / ((1 - r) * (1 + r)));
  return twoSidedTPValue(t, n - 2);
}

/** Why two complete series cannot be correlated, or null when they can. */
function correlationObstacle(x: Float64Array, y: Float64Array): string | null {
  const n = x.length;
  if (n === 0) return 'There are no periods where both series have a value.';
  if (n < MIN_CORRELATION_PAIRS) {
    return `Only ${n} period${n === 1 ? '' : 's'} where both series have a value; at least ${MIN_CORRELATION_PAIRS} are needed.`;
  }
  if (isConstant(x)) return 'The first series does not vary over these periods, so it cannot correlate with anything.';
  if (isConstant(y)) return 'The second series does not vary over these periods, so it cannot correlate with anything.';
  return null;
}

const OVERFLOW_REASON = 'The values are too large or too small for a correlation to be computed reliably; rescale them.';

const PERFECT_REASON =
  'The points lie exactly on a line (|r| = 1), so a p-value and an interval are not meaningful: check that the two series are not the same data.';

/** Two series of equal length with no missing value at any position, as `completePairs` returns them. */
export type Paired = Pick<CompletePairs, 'x' | 'y'>;

/** Pearson correlation test as R's cor.test(x, y): r, 95 % Fisher interval and two-sided p. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): PearsonResult {
  return pearsonOfPairs(completePairs(x, y));
}

/** `pearson` on pairs already complete: a lag scan tests the same pairs several ways and copies them once. */
export function pearsonOfPairs(pairs: Paired): PearsonResult {
  const n = pairs.x.length;
  const obstacle = correlationObstacle(pairs.x, pairs.y);
  if (obstacle) return { ok: false, n, reason: obstacle };
  const r = pearsonR(pairs.x, pairs.y);
  if (Number.isNaN(r)) return { ok: false, n, reason: OVERFLOW_REASON };
  if (Math.abs(r) === 1) return { ok: false, n, reason: PERFECT_REASON };
  const z = Math.atanh(r);
  const halfWidth = Z95 / Math.sqrt(n - 3);
  return {
    ok: true,
    n,
    r,
    ciLow: Math.tanh(z - halfWidth),
    ciHigh: Math.tanh(z + halfWidth),
    p: correlationPValue(r, n),
  };
}

/** Mid-ranks of a series and whether any value occurs more than once. */
interface Ranking {
  ranks: Float64Array;
  ties: boolean;
}

/** Runs this short are put in order by insertion before the merge passes join them. */
const INSERTION_RUN = 16;

/**
 * Positions 0..n−1 ordered by their value (ties in any order): insertion-sorted runs joined by bottom-up merges,
 * comparing the values inline. The lag scans rank two series at every lag, and a sort that calls a comparator
 * function for each comparison is most of what ranking costs.
 */
function orderByValue(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let low = 0; low < n; low += INSERTION_RUN) {
    const high = Math.min(n, low + INSERTION_RUN);
    for (let i = low + 1; i < high; i++) {
      const item = order[i] as number;
      const value = values[item] as number;
      let j = i - 1;
      while (j >= low && (values[order[j] as number] as number) > value) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = item;
    }
  }
  let merged = new Int32Array(n);
  for (let width = INSERTION_RUN; width < n; width *= 2) {
    for (let low = 0; low < n; low += 2 * width) {
      const middle = Math.min(n, low + width);
      const high = Math.min(n, low + 2 * width);
      let a = low;
      let b = middle;
      let k = low;
      while (a < middle && b < high) {
        const fromB = (values[order[b] as number] as number) < (values[order[a] as number] as number);
        merged[k++] = fromB ? (order[b++] as number) : (order[a++] as number);
      }
      while (a < middle) merged[k++] = order[a++] as number;
      while (b < high) merged[k++] = order[b++] as number;
    }
    [order, merged] = [merged, order];
  }
  return order;
}

/** Mid-ranks of values free of NaN, and whether any value occurs more than once. */
function ranking(values: ArrayLike<number>): Ranking {
  const n = values.length;
  const order = orderByValue(values);
  const ranks = new Float64Array(n);
  let ties = false;
  let start = 0;
  while (start < n) {
    let end = start + 1;
    const value = values[order[start] as number];
    while (end < n && values[order[end] as number] === value) end++;
    if (end - start > 1) ties = true;
    const rank = (start + 1 + end) / 2; // mean of start+1 .. end
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    start = end;
  }
  return { ranks, ties };
}

/** Ranks 1..n with tied values given the mean of the ranks they span (R's rank(), ties.method = "average"). */
export function midranks(values: ArrayLike<number>): Float64Array {
  return ranking(values).ranks;
}

/** Largest n for which R uses AS 89 (n·(n² − 1) still fits its integer arithmetic). */
const AS89_MAX_N = 1290;
/** R evaluates AS 89 exactly by enumerating permutations up to this n. */
const AS89_EXACT_MAX_N = 9;

/** Exact P(S ≥ s) over all n! equally likely rankings, S = Σ(i − π(i))² (Heap's permutation order). */
function spearmanExactUpper(n: number, s: number): { atLeast: number; total: number } {
  const perm = Array.from({ length: n }, (_, i) => i);
  const counters = new Array<number>(n).fill(0);
  let atLeast = 0;
  let total = 0;
  const visit = (): void => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const d = i - (perm[i] as number);
      sum += d * d;
    }
    total++;
    if (sum >= s) atLeast++;
  };
  visit();
  let i = 1;
  while (i < n) {
    if ((counters[i] as number) < i) {
      const j = i % 2 === 0 ? 0 : (counters[i] as number);
      const tmp = perm[j] as number;
      perm[j] = perm[i] as number;
      perm[i] = tmp;
      visit();
      counters[i] = (counters[i] as number) + 1;
      i = 1;
    } else {
      counters[i] = 0;
      i++;
    }
  }
  return { atLeast, total };
}

/**
 * Best & Roberts (1975) Algorithm AS 89 as R's prho: P(S ≥ s), or P(S < s) for the lower tail, of Spearman's
 * S = (n³ − n)(1 − ρ)/6 under independence. Exact for n ≤ 9, Edgeworth series beyond.
 */
export function spearmanSTail(n: number, s: number, lowerTail: boolean): number {
  if (n <= 1 || s <= 0) return lowerTail ? 0 : 1;
  const maxS = (n * (n * n - 1)) / 3;
  if (s > maxS) return lowerTail ? 1 : 0;
  if (n <= AS89_EXACT_MAX_N) {
    const { atLeast, total } = spearmanExactUpper(n, s);
    return (lowerTail ? total - atLeast : atLeast) / total;
  }
  // Edgeworth coefficients published with AS 89.
  const b = 1 / n;
  const x = ((6 * (s - 1) * b) / (n * n - 1) - 1) * Math.sqrt(n - 1);
  let y = x * x;
  const u =
    x *
    b *
    (0.2274 +
      b * (0.2531 + 0.1745 * b) +
      y *
        (-0.0758 +
          b * (0.1033 + 0.3932 * b) -
          y * b * (0.0879 + 0.0151 * b - y * (0.0072 - 0.0831 * b + y * b * (0.0131 - 4.6e-4 * y)))));
  y = u / Math.exp(y / 2);
  const p = (lowerTail ? -y : y) + (lowerTail ? normalCdf(x) : normalUpperCdf(x));
  return Math.max(0, Math.min(1, p));
}

/** Two-sided Spearman p-value as R's cor.test(method = "spearman") with its default exact = NULL. */
function spearmanPValue(rho: number, n: number, ties: boolean): { p: number; pMethod: SpearmanPMethod } {
  if (ties || n > AS89_MAX_N) return { p: correlationPValue(rho, n), pMethod: 't approximation' };
  const s = ((n * n * n - n) * (1 - rho)) / 6;
  // R passes round(S) for the upper tail and round(S) + 2 for the lower one (S is even without ties).
  const oneSided =
    s > (n * n * n - n) / 6 ? spearmanSTail(n, Math.round(s), false) : spearmanSTail(n, Math.round(s) + 2, true);
  return {
    p: Math.min(1, 2 * oneSided),
    pMethod: n <= AS89_EXACT_MAX_N ? 'AS 89 exact' : 'AS 89 Edgeworth',
  };
}

/**
 * Spearman rank correlation test as R's cor.test(x, y, method = "spearman"): ρ is Pearson's r on mid-ranks;
 * with ties (or n > 1290) p comes from the t approximation, otherwise from AS 89.
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): SpearmanResult {
  return spearmanOfPairs(completePairs(x, y));
}

/** `spearman` on pairs already complete. */
export function spearmanOfPairs(pairs: Paired): SpearmanResult {
  const n = pairs.x.length;
  const obstacle = correlationObstacle(pairs.x, pairs.y);
  if (obstacle) return { ok: false, n, reason: obstacle };
  const rx = ranking(pairs.x);
  const ry = ranking(pairs.y);
  const rho = pearsonR(rx.ranks, ry.ranks);
  const ties = rx.ties || ry.ties;
  if (Math.abs(rho) === 1 && ties) {
    return { ok: false, n, reason: 'The two series rank every period in exactly the same order (|ρ| = 1), so a p-value is not meaningful.' };
  }
  return { ok: true, n, rho, ...spearmanPValue(rho, n, ties) };
}
