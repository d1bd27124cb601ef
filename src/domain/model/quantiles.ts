// Sample quantiles and moments of a column of analysis results (R's default type-7 quantiles).

/** The p-quantile (0..1) of ascending-sorted values by linear interpolation (R: quantile(x, p, type = 7)). */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('No values to take a quantile of.');
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] as number;
  return a + (h - lo) * ((sorted[hi] as number) - a);
}

export interface ColumnSummary {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  sd: number;
  min: number;
  p10: number;
  p50: number;
  p90: number;
  max: number;
}

/** Equal-width buckets between the column's minimum and maximum (one more holds values that round to the top). */
const BUCKETS = 4_096;
/** Below this many values sorting a copy is about as quick as bucketing, and simpler. */
const BUCKET_FROM = 4 * BUCKETS;

/**
 * The order statistics at `ranks` (0-based) of a column whose minimum and maximum are known, without sorting it.
 * One pass counts the values per equal-width bucket; the running counts name the bucket and position of each rank
 * (bucketing is monotone: a larger value never lands in a lower bucket); a second pass copies only those buckets'
 * values, which are sorted to read the ranks. Both passes are arithmetic with predictable branches, where sorting
 * or partitioning random values mispredicts a branch at almost every comparison. Values pooled in one bucket (a
 * heavy tail) only make that bucket's sort bigger; the result is exact either way.
 */
function bucketOrderStatistics(values: Float64Array, min: number, max: number, ranks: readonly number[]): number[] {
  const n = values.length;
  const scale = BUCKETS / (max - min);
  const bucketOf = (v: number): number => ((v - min) * scale) | 0;
  const counts = new Int32Array(BUCKETS + 1);
  for (let i = 0; i < n; i++) {
    const b = bucketOf(values[i] as number);
    counts[b] = (counts[b] as number) + 1;
  }
  const bucketOfRank = new Int32Array(ranks.length);
  const positionInBucket = new Int32Array(ranks.length);
  const slot = new Int32Array(BUCKETS + 1).fill(-1);
  const wanted: number[] = [];
  ranks.forEach((rank, r) => {
    let below = 0;
    let b = 0;
    while (below + (counts[b] as number) <= rank) below += counts[b++] as number;
    bucketOfRank[r] = b;
    positionInBucket[r] = rank - below;
    if (slot[b] === -1) slot[b] = wanted.push(b) - 1;
  });
  const buffers = wanted.map((b) => new Float64Array(counts[b] as number));
  const filled = new Int32Array(wanted.length);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const s = slot[bucketOf(v)] as number;
    if (s >= 0) {
      (buffers[s] as Float64Array)[filled[s] as number] = v;
      filled[s] = (filled[s] as number) + 1;
    }
  }
  for (const buffer of buffers) buffer.sort();
  return ranks.map((_, r) => (buffers[slot[bucketOfRank[r] as number] as number] as Float64Array)[positionInBucket[r] as number] as number);
}

/** Type-7 quantiles at probabilities `ps` of a column with known, finite, distinct minimum and maximum. */
function bucketQuantiles(values: Float64Array, min: number, max: number, ps: readonly number[]): number[] {
  const n = values.length;
  const ranks = ps.flatMap((p) => {
    const lo = Math.floor((n - 1) * p);
    return [lo, Math.min(n - 1, lo + 1)];
  });
  const stats = bucketOrderStatistics(values, min, max, ranks);
  return ps.map((p, q) => {
    const h = (n - 1) * p;
    const a = stats[2 * q] as number;
    return a + (h - Math.floor(h)) * ((stats[2 * q + 1] as number) - a);
  });
}

/** Summary of a column (left as it is). */
export function summarizeColumn(values: Float64Array): ColumnSummary {
  const n = values.length;
  let mean = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    mean += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  mean /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    squares += d * d;
  }
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  // Buckets need a finite, non-zero range (a NaN or an infinity would break their order); sorting puts NaN last.
  if (n < BUCKET_FROM || !(Number.isFinite(max - min) && max > min)) {
    const sorted = Float64Array.from(values).sort();
    return {
      mean,
      sd,
      min: sorted[0] as number,
      p10: sortedQuantile(sorted, 0.1),
      p50: sortedQuantile(sorted, 0.5),
      p90: sortedQuantile(sorted, 0.9),
      max: sorted[n - 1] as number,
    };
  }
  const [p10, p50, p90] = bucketQuantiles(values, min, max, [0.1, 0.5, 0.9]) as [number, number, number];
  return { mean, sd, min, p10, p50, p90, max };
}
