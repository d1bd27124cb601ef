// Tracking: actual readings against the straight path from baseline to target, judged on track, at risk or off track.

import type { Direction } from '../plan/types';
import { periodOrdinal } from '../series/periods';
import type { History } from './baseline';
import { isoFromEpochMs, periodOfIsoDate } from './dates';
import type { SmartMetric } from './smart';
import { betterSign } from './smart';
import { DEFAULT_PASSIVE_SHARE, historicalMargin, readingMargin, responsesPerPeriod, samplingModel } from './noise';
import type { Target } from './stored';
import { bestImprovement } from './volatility';

/**
 * 'on-track': at or ahead of the path, or behind it by no more than one reading's margin of error;
 * 'at-risk': behind beyond the noise, but the rest of the way has been covered before in as many periods;
 * 'off-track': behind beyond the noise, and the rest needs more than the history has ever managed in the time left.
 */
export type TrackStatus = 'on-track' | 'at-risk' | 'off-track';

export type TrackedTarget = Pick<Target, 'baseline' | 'targetValue' | 'deadline'>;

export interface TrackingRow {
  /** YYYY-MM-DD: the start of the reading's period. */
  period: string;
  actual: number;
  /** Where the path says the metric should be in this period. */
  planned: number;
  /** actual − planned, in the metric's units. */
  gap: number;
  /** Periods left to the deadline's period (0 from then on). */
  remainingPeriods: number;
  status: TrackStatus;
}

export interface Tracking {
  /** One row per reading after the baseline's period, oldest first. */
  rows: TrackingRow[];
  /** The newest row, which gives the target's current status; null before the first reading after the baseline. */
  latest: TrackingRow | null;
  /** The margin of error the rows were judged with. */
  margin: number;
}

/**
 * The target path's value in the period with this ordinal: linear from the baseline (in its period) to the target
 * (in the deadline's period), flat at the target after it.
 */
export function plannedValue(target: TrackedTarget, ordinal: number): number {
  const unit = target.baseline.periodUnit;
  const start = periodOfIsoDate(target.baseline.asOf, unit) as number;
  const end = periodOfIsoDate(target.deadline, unit) as number;
  const progress = end > start ? Math.min(1, Math.max(0, (ordinal - start) / (end - start))) : 1;
  return target.baseline.value + (target.targetValue - target.baseline.value) * progress;
}

/**
 * The margin of error one reading is judged with: the sampling margin at the expected responses for NPS and shares,
 * else ±1.96 residual standard deviations of the history up to the baseline about its trend. 0 when neither is known,
 * so every shortfall counts.
 */
export function trackingMargin(
  metric: SmartMetric,
  target: Pick<Target, 'baseline' | 'expectedResponsesPerMonth'>,
  history: History,
  passiveShare = DEFAULT_PASSIVE_SHARE,
): number {
  const model = samplingModel(metric);
  const perMonth = target.expectedResponsesPerMonth;
  if (model !== null && perMonth !== null) {
    return readingMargin(model, target.baseline.value, responsesPerPeriod(perMonth, target.baseline.periodUnit), passiveShare);
  }
  const start = periodOfIsoDate(target.baseline.asOf, target.baseline.periodUnit);
  const before: number[] = [];
  for (let i = 0; i < history.values.length; i++) {
    if (start !== null && periodOrdinal(history.t[i] as number, history.granularity) <= start) before.push(history.values[i] as number);
  }
  return historicalMargin(before) ?? 0;
}

/**
 * Judges every reading after the baseline against the target path. A reading behind the path is first compared
 * with the margin of error; beyond it, the improvement still needed is compared with the best improvement the
 * history up to that reading shows over the periods left (volatility.bestImprovement).
 */
export function trackTarget(target: TrackedTarget, direction: Direction, history: History, margin: number): Tracking {
  const unit = target.baseline.periodUnit;
  const sign = betterSign(direction);
  const start = periodOfIsoDate(target.baseline.asOf, unit) as number;
  const end = periodOfIsoDate(target.deadline, unit) as number;
  const rows: TrackingRow[] = [];
  for (let i = 0; i < history.values.length; i++) {
    const actual = history.values[i] as number;
    const ordinal = periodOrdinal(history.t[i] as number, unit);
    if (!Number.isFinite(actual) || ordinal <= start) continue;
    const planned = plannedValue(target, ordinal);
    const gap = actual - planned;
    const remainingPeriods = Math.max(0, end - ordinal);
    let status: TrackStatus = 'on-track';
    if (sign * gap < -margin) {
      const needed = sign * (target.targetValue - actual);
      const known = Array.from({ length: i + 1 }, (_, k) => history.values[k] as number);
      const best = remainingPeriods > 0 ? bestImprovement(known, remainingPeriods, sign) : null;
      status = best !== null && needed <= best ? 'at-risk' : 'off-track';
    }
    rows.push({ period: isoFromEpochMs(history.t[i] as number), actual, planned, gap, remainingPeriods, status });
  }
  return { rows, latest: rows[rows.length - 1] ?? null, margin };
}
