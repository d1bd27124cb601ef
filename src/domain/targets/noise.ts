// Measurement noise of a metric reading: sampling margins for NPS and shares, or the scatter of the metric's history.

import type { Metric } from '../plan/types';
import type { PeriodUnit } from '../series/periods';
import { Z95 } from '../stats/distributions';
import { npsFromCounts } from '../survey/scores';
import { linePrediction } from './baseline';
import { MONTHS_PER_PERIOD } from './dates';

/** How a reading is sampled: NPS from 0–10 answers, or a share of responses (CSAT top-2, FCR, conversion). */
export type SamplingModel = 'nps' | 'proportion';

/**
 * Passives' share assumed when only an NPS value is known. Promoters and detractors then follow from the score
 * (p − d = NPS/100, p + d = 1 − passives); 35 % is typical of published NPS studies, and the survey fixture has 40 %.
 */
export const DEFAULT_PASSIVE_SHARE = 0.35;

type SamplingFields = Pick<Metric, 'key' | 'unit' | 'scaleMin' | 'scaleMax'>;

/** The sampling model of a metric, or null when a reading's noise cannot be derived from a response count. */
export function samplingModel(metric: SamplingFields): SamplingModel | null {
  if (metric.key === 'nps') return 'nps';
  if (metric.unit === 'percent' && metric.scaleMin === 0 && metric.scaleMax === 100) return 'proportion';
  return null;
}

/**
 * Promoter and detractor shares (0..1) behind an NPS value with the given passive share. Where the score is too
 * extreme for that many passives (NPS 80 leaves at most 20 % passives), passives shrink to what the score allows.
 */
export function npsMix(score: number, passiveShare = DEFAULT_PASSIVE_SHARE): { promoters: number; detractors: number } {
  const net = Math.max(-1, Math.min(1, score / 100));
  const decided = Math.max(1 - passiveShare, Math.abs(net));
  return { promoters: (decided + net) / 2, detractors: (decided - net) / 2 };
}

/**
 * Standard error of one reading at value `value` from n responses, in the metric's units: for NPS the formula of
 * survey/scores (100·√((p + d − (p − d)²)/n)) at the mix npsMix gives; for a share 100·√(q(1 − q)/n).
 */
export function readingSe(model: SamplingModel, value: number, n: number, passiveShare = DEFAULT_PASSIVE_SHARE): number {
  if (!(n > 0)) return Infinity;
  if (model === 'nps') {
    const { promoters, detractors } = npsMix(value, passiveShare);
    const score = npsFromCounts(promoters * n, detractors * n, n);
    return score.ok ? score.se : Infinity;
  }
  const q = Math.max(0, Math.min(1, value / 100));
  return 100 * Math.sqrt((q * (1 - q)) / n);
}

/** 95 % margin of error of one reading: ±z₀.₉₇₅·SE. */
export function readingMargin(model: SamplingModel, value: number, n: number, passiveShare = DEFAULT_PASSIVE_SHARE): number {
  return Z95 * readingSe(model, value, n, passiveShare);
}

/**
 * 95 % margin of error of the change between a reading at `from` and one at `to`, each from n responses:
 * z₀.₉₇₅·√(SE₁² + SE₂²), the rule by which two NPS waves differ. A target change smaller than this cannot be told
 * apart from noise when it is reached.
 */
export function changeMargin(
  model: SamplingModel,
  from: number,
  to: number,
  n: number,
  passiveShare = DEFAULT_PASSIVE_SHARE,
): number {
  return Z95 * Math.hypot(readingSe(model, from, n, passiveShare), readingSe(model, to, n, passiveShare));
}

/** Responses in one period from a monthly volume (a quarter gets three months' worth). */
export function responsesPerPeriod(perMonth: number, unit: PeriodUnit): number {
  return perMonth * MONTHS_PER_PERIOD[unit];
}

/**
 * 95 % margin of one reading judged from the history itself: ±z₀.₉₇₅ × the readings' residual standard deviation
 * about a straight-line trend. Serves metrics with no sampling model (AHT, revenue); null with fewer than 3 readings.
 */
export function historicalMargin(values: ArrayLike<number>): number | null {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) {
      x.push(i);
      y.push(v);
    }
  }
  const line = linePrediction(x, y, x[x.length - 1] ?? 0);
  return 'reason' in line ? null : Z95 * line.sigma;
}
