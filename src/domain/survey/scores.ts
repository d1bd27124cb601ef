// Survey scores with their uncertainty: NPS, CSAT top-2 box, Wilson intervals for proportions, t intervals for means.

import { mean } from '../stats/descriptive';
import { studentTQuantile, Z95 } from '../stats/distributions';

/** A score that could not be computed, with the reason in plain words. */
export interface NoScore {
  ok: false;
  /** Valid answers found. */
  n: number;
  reason: string;
}

export interface NpsScore {
  ok: true;
  /** Valid answers (whole numbers 0–10); blanks and out-of-range values are not counted. */
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  promotersPct: number;
  detractorsPct: number;
  /** % promoters − % detractors, −100..100. */
  nps: number;
  /** Standard error in NPS points: 100·√((p + d − (p − d)²)/n). */
  se: number;
  /** 95 % interval NPS ± z·SE, clamped to −100..100. */
  ciLow: number;
  ciHigh: number;
  /** Values present but not whole numbers 0–10, left out of n. */
  invalid: number;
}

export type NpsResult = NpsScore | NoScore;

/** Tally of a scale question: valid answers are whole numbers from min to max; NaN is a blank. */
function tally(scores: ArrayLike<number>, min: number, max: number): { valid: number[]; invalid: number } {
  const valid: number[] = [];
  let invalid = 0;
  for (let i = 0; i < scores.length; i++) {
    const v = scores[i] as number;
    if (Number.isNaN(v)) continue;
    if (Number.isInteger(v) && v >= min && v <= max) valid.push(v);
    else invalid++;
  }
  return { valid, invalid };
}

function noAnswers(invalid: number): NoScore {
  return {
    ok: false,
    n: 0,
    reason:
      invalid > 0
        ? `None of the answers is on the expected scale (${invalid} value${invalid === 1 ? '' : 's'} out of range).`
        : 'There are no answers.',
  };
}

/**
 * Net Promoter Score of the "how likely are you to recommend us" answers (0–10): promoters answer 9–10,
 * detractors 0–6. A blank is missing, never a zero.
 */
export function nps(scores: ArrayLike<number>): NpsResult {
  const { valid, invalid } = tally(scores, 0, 10);
  let promoters = 0;
  let detractors = 0;
  for (const v of valid) {
    if (v >= 9) promoters++;
    else if (v <= 6) detractors++;
  }
  return npsFromCounts(promoters, detractors, valid.length, invalid);
}

/**
 * NPS from pooled counts: n valid 0–10 answers of which `promoters` are 9–10 and `detractors` 0–6. Aggregation
 * over large columns counts answers per group and calls this, so every group's score is exactly the one `nps`
 * gives on the same answers. `invalid` is the number of present but off-scale values that were left out.
 */
export function npsFromCounts(promoters: number, detractors: number, n: number, invalid = 0): NpsResult {
  if (n === 0) return noAnswers(invalid);
  const p = promoters / n;
  const d = detractors / n;
  const score = (100 * (promoters - detractors)) / n;
  const se = 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
  return {
    ok: true,
    n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    promotersPct: 100 * p,
    detractorsPct: 100 * d,
    nps: score,
    se,
    ciLow: Math.max(-100, score - Z95 * se),
    ciHigh: Math.min(100, score + Z95 * se),
    invalid,
  };
}

export interface NpsComparison {
  /** Second NPS minus first, in points. */
  difference: number;
  /** √(SE₁² + SE₂²). */
  seDifference: number;
  /** |difference| / seDifference. */
  z: number;
  /** True when z exceeds the 95 % normal quantile (the "1.96" rule). */
  significant: boolean;
}

/** Whether two independent NPS readings (two waves, two teams) differ beyond their sampling noise. */
export function npsDifferenceSignificant(first: NpsScore, second: NpsScore): NpsComparison {
  const difference = second.nps - first.nps;
  const seDifference = Math.sqrt(first.se ** 2 + second.se ** 2);
  const z = seDifference > 0 ? Math.abs(difference) / seDifference : difference === 0 ? 0 : Infinity;
  return { difference, seDifference, z, significant: z > Z95 };
}

export interface Interval {
  low: number;
  high: number;
}

/** Wilson score interval for a proportion of successes out of n, as fractions 0..1. */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval {
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Top2Score {
  ok: true;
  /** Valid answers (whole numbers 1..scaleMax). */
  n: number;
  top2: number;
  /** Share of answers in the top two boxes, in %. */
  top2Pct: number;
  /** 95 % Wilson interval, in %. */
  wilsonLow: number;
  wilsonHigh: number;
  invalid: number;
}

export type Top2Result = Top2Score | NoScore;

/** CSAT as the top-2-box share: answers of 4 or 5 on a 1–5 scale (or the two highest points of 1..scaleMax). */
export function csatTop2(scores: ArrayLike<number>, scaleMax = 5): Top2Result {
  const { valid, invalid } = tally(scores, 1, scaleMax);
  const top2 = valid.filter((v) => v >= scaleMax - 1).length;
  return top2FromCounts(top2, valid.length, invalid);
}

/** Top-2-box share with its Wilson interval from pooled counts: `top2` of n valid answers were in the top two boxes. */
export function top2FromCounts(top2: number, n: number, invalid = 0): Top2Result {
  if (n === 0) return noAnswers(invalid);
  const interval = wilsonInterval(top2, n);
  return {
    ok: true,
    n,
    top2,
    top2Pct: (100 * top2) / n,
    wilsonLow: 100 * interval.low,
    wilsonHigh: 100 * interval.high,
    invalid,
  };
}

export interface MeanScore {
  ok: true;
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 denominator). */
  sd: number;
  se: number;
  df: number;
  /** t interval at the requested confidence (95 % by default). */
  ciLow: number;
  ciHigh: number;
}

export type MeanResult = MeanScore | NoScore;

/** Mean with a t interval, for scores averaged rather than boxed: CES, AHT. NaN values are blanks. */
export function meanWithTInterval(values: ArrayLike<number>, confidence = 0.95): MeanResult {
  const present: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v)) present.push(v);
  }
  const m = mean(present);
  let sumOfSquares = 0;
  for (const v of present) sumOfSquares += (v - m) ** 2;
  return meanFromMoments(present.length, m, sumOfSquares, confidence);
}

/**
 * Mean with a t interval from a group's summary: n values, their mean and their sum of squared deviations from
 * that mean. Lets aggregation build the interval from per-group counts without keeping the values.
 */
export function meanFromMoments(n: number, meanValue: number, sumOfSquares: number, confidence = 0.95): MeanResult {
  if (n < 2) {
    const reason = n === 0 ? 'There are no answers.' : 'One answer gives a mean but no measure of its uncertainty.';
    return { ok: false, n, reason };
  }
  const sd = Math.sqrt(sumOfSquares / (n - 1));
  const se = sd / Math.sqrt(n);
  const df = n - 1;
  const half = studentTQuantile(0.5 + confidence / 2, df) * se;
  return { ok: true, n, mean: meanValue, sd, se, df, ciLow: meanValue - half, ciHigh: meanValue + half };
}
