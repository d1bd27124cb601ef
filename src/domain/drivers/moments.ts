// Means and co-moments of several columns over their complete rows, in one streaming pass (Welford), chunk after chunk.

/** Values a variable may take; outside them an answer counts as missing ("99 = don't know" codes, typos). */
export interface ValidRange {
  min: number;
  max: number;
}

/**
 * Accumulates, over the rows where every column holds a valid value, the count, the means, the sums of cross-products
 * of deviations (co-moments) and each column's smallest and largest value. Rows may arrive in any number of
 * chunks, so a million stored responses are read a chunk at a time and never held whole.
 *
 * Welford's update keeps the co-moments exact to rounding however large the values' offset (revenue in the millions):
 * with d the deviation from the old mean, C_jk += d_j·d_k·(n − 1)/n. A constant column has co-moment exactly 0.
 */
export class CoMoments {
  readonly size: number;
  /** Complete rows seen so far. */
  count = 0;
  /** Rows seen, complete or not. */
  rows = 0;
  readonly means: Float64Array;
  /** Row-major size × size; only j ≤ k is updated while streaming, see `comoment`. */
  private readonly sums: Float64Array;
  readonly minima: Float64Array;
  readonly maxima: Float64Array;
  /** Per column: values present (finite) but outside the column's valid range. */
  readonly outOfRange: Float64Array;
  private readonly low: Float64Array;
  private readonly high: Float64Array;
  private readonly row: Float64Array;
  private readonly deviation: Float64Array;

  /** `ranges[j]`, when given, is column j's valid range; otherwise any finite value is valid. */
  constructor(size: number, ranges: readonly (ValidRange | null | undefined)[] = []) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`CoMoments needs at least one column, got ${size}.`);
    this.size = size;
    this.means = new Float64Array(size);
    this.sums = new Float64Array(size * size);
    this.minima = new Float64Array(size).fill(Infinity);
    this.maxima = new Float64Array(size).fill(-Infinity);
    this.outOfRange = new Float64Array(size);
    // ±MAX_VALUE rather than ±Infinity, so that one comparison per value also turns away infinite values; NaN fails
    // every comparison, so missing values need no test of their own.
    this.low = Float64Array.from({ length: size }, (_, j) => ranges[j]?.min ?? -Number.MAX_VALUE);
    this.high = Float64Array.from({ length: size }, (_, j) => ranges[j]?.max ?? Number.MAX_VALUE);
    this.row = new Float64Array(size);
    this.deviation = new Float64Array(size);
  }

  /** Adds rows from..to−1 of the columns (one array per column, all at least `to` long; NaN = missing). */
  add(columns: readonly Float64Array[], from = 0, to = columns[0]?.length ?? 0): void {
    const q = this.size;
    if (columns.length !== q) throw new RangeError(`Expected ${q} columns, got ${columns.length}.`);
    if (columns.some((c) => c.length < to)) throw new RangeError(`Every column needs at least ${to} rows.`);
    const { means, sums, minima, maxima, low, high, row, deviation } = this;
    let n = this.count;
    for (let i = from; i < to; i++) {
      let complete = true;
      for (let j = 0; j < q; j++) {
        const v = columns[j]![i]!;
        row[j] = v;
        if (!(v >= low[j]! && v <= high[j]!)) {
          complete = false;
          if (v === v && Math.abs(v) !== Infinity) this.outOfRange[j]!++;
        }
      }
      if (!complete) continue;
      n++;
      const inverse = 1 / n;
      const shrink = (n - 1) * inverse;
      for (let j = 0; j < q; j++) {
        const v = row[j]!;
        const d = v - means[j]!;
        deviation[j] = d;
        means[j]! += d * inverse;
        if (v < minima[j]!) minima[j] = v;
        if (v > maxima[j]!) maxima[j] = v;
      }
      for (let j = 0; j < q; j++) {
        const scaled = deviation[j]! * shrink;
        const base = j * q;
        for (let k = j; k < q; k++) sums[base + k]! += scaled * deviation[k]!;
      }
    }
    this.rows += to - from;
    this.count = n;
  }

  /** Sum over complete rows of (x_j − mean_j)(x_k − mean_k). */
  comoment(j: number, k: number): number {
    return j <= k ? this.sums[j * this.size + k]! : this.sums[k * this.size + j]!;
  }
}
