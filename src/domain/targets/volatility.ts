// How much a metric typically moves over a given number of periods, from its own history: the yardstick for targets.

import { sampleVariance } from '../stats/descriptive';

/** Changes over k periods seen in the history: y[i + k] − y[i] for every i where both readings exist. */
export function kPeriodChanges(values: ArrayLike<number>, k: number): number[] {
  const changes: number[] = [];
  if (!Number.isInteger(k) || k < 1) return changes;
  for (let i = 0; i + k < values.length; i++) {
    const change = (values[i + k] as number) - (values[i] as number);
    if (Number.isFinite(change)) changes.push(change);
  }
  return changes;
}

export interface TypicalChange {
  /** k: the number of periods the changes span. */
  horizon: number;
  /** k-period changes observed (overlapping windows). */
  count: number;
  /** Median of |change|: the "typical k-period change". */
  medianAbs: number;
  /** Standard deviation of the changes (n − 1 denominator). */
  sd: number;
  /** Largest change upwards and downwards seen; largestRise < 0 when the metric only ever fell over k periods. */
  largestRise: number;
  largestFall: number;
}

/** Fewest k-period changes from which a "typical" change is reported: fewer say nothing about volatility. */
export const MIN_CHANGES = 3;

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The typical k-period change of a history, or null when it holds fewer than MIN_CHANGES such changes. */
export function typicalChange(values: ArrayLike<number>, k: number): TypicalChange | null {
  const changes = kPeriodChanges(values, k);
  if (changes.length < MIN_CHANGES) return null;
  const absolute = changes.map(Math.abs).sort((a, b) => a - b);
  return {
    horizon: k,
    count: changes.length,
    medianAbs: median(absolute),
    sd: Math.sqrt(sampleVariance(changes)),
    largestRise: Math.max(...changes),
    largestFall: Math.min(...changes),
  };
}

/**
 * The largest change in the better direction (sign +1 for higher-is-better, −1 for lower) the history shows over
 * `k` periods, as a positive amount when there was any improvement. When the history is shorter than k + 1
 * periods, the best pace over the longest span it does cover is carried on linearly to k periods. null when the
 * history has no two readings to compare.
 */
export function bestImprovement(values: ArrayLike<number>, k: number, sign: 1 | -1): number | null {
  for (let span = Math.min(k, values.length - 1); span >= 1; span--) {
    const changes = kPeriodChanges(values, span);
    if (changes.length === 0) continue;
    const best = Math.max(...changes.map((c) => sign * c));
    return span === k ? best : (best * k) / span;
  }
  return null;
}
