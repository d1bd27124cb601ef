// Accurate summaries shared by the statistics: mean with rounding correction, sample variance, constancy test.

/** Mean by a two-pass sum (as R's mean): the correction term recovers the rounding of the first pass. */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] as number;
  const first = sum / n;
  let correction = 0;
  for (let i = 0; i < n; i++) correction += (values[i] as number) - first;
  return first + correction / n;
}

/** Sample variance (n − 1 denominator) from deviations about the accurate mean. */
export function sampleVariance(values: ArrayLike<number>): number {
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += ((values[i] as number) - m) ** 2;
  return ss / (values.length - 1);
}

/** True when every value is the same: such a series has no variance and no correlation. */
export function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}
