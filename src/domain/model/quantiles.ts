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

/** Summary of a column (sorted in place). */
export function summarizeColumn(values: Float64Array): ColumnSummary {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i] as number;
  mean /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    squares += d * d;
  }
  values.sort();
  return {
    mean,
    sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0,
    min: values[0] as number,
    p10: sortedQuantile(values, 0.1),
    p50: sortedQuantile(values, 0.5),
    p90: sortedQuantile(values, 0.9),
    max: values[n - 1] as number,
  };
}
