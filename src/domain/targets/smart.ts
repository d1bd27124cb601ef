// The SMART checks of a target: achievable against history and benchmark, meaningful against noise, relevant, time-bound.

import type { Direction, Metric, Plan } from '../plan/types';
import type { History } from './baseline';
import { lastReadingIndex } from './baseline';
import { parseIsoDate, periodsBetween } from './dates';
import type { SamplingModel } from './noise';
import { changeMargin, DEFAULT_PASSIVE_SHARE, readingMargin, responsesPerPeriod, samplingModel } from './noise';
import type { FieldProblem } from './problem';
import type { Target, TargetPeriodUnit, TrendProjection } from './stored';
import { validateTarget } from './validate';
import type { TypicalChange } from './volatility';
import { bestImprovement, typicalChange } from './volatility';

export type SmartMetric = Pick<Metric, 'key' | 'name' | 'abbreviation' | 'unit' | 'scaleMin' | 'scaleMax' | 'direction'>;

export interface SmartInput {
  target: Target;
  metric: SmartMetric;
  plan: Pick<Plan, 'goals' | 'goalMetrics'>;
  /** The metric's history on its period grid (for its volatility); null when none has been imported. */
  history: History | null;
  /** Today as YYYY-MM-DD. */
  today: string;
  /** Passives' share assumed for the NPS noise (see noise.ts). */
  passiveShare?: number;
}

/** +1 when higher is better, −1 when lower is better: multiplies a change into "improvement". */
export function betterSign(direction: Direction): 1 | -1 {
  return direction === 'higher' ? 1 : -1;
}

export type ChangeKind = 'increase' | 'decrease' | 'hold';

export interface SpecificCheck {
  change: ChangeKind;
  /** target − baseline, in the metric's units. */
  requiredChange: number;
  /** False when the target is no better than the baseline in the metric's direction. */
  improves: boolean;
}

export interface MeasurableCheck {
  /** True when the metric has readings to track it by. */
  ok: boolean;
  readings: number;
}

/**
 * 'within-typical': the change is no larger than the median change over the same number of periods;
 * 'stretch': larger, but the history has seen an improvement at least as large over that span;
 * 'unprecedented': larger than any improvement on record over that span;
 * 'no-improvement': the target does not improve on the baseline; 'unknown': too little history to tell.
 */
export type AchievableVerdict = 'within-typical' | 'stretch' | 'unprecedented' | 'no-improvement' | 'unknown';

export interface BenchmarkComparison {
  value: number;
  source: string;
  /** Where the target stands against the benchmark, in the metric's better direction. */
  relation: 'beyond' | 'at' | 'short';
  /** Share of the baseline-to-benchmark gap the target closes (1 = reaches it); null when the baseline is the benchmark. */
  gapClosed: number | null;
}

export interface TrendComparison {
  projection: TrendProjection;
  /** The trend alone gets there: the projection is at or beyond the target. */
  trendReachesTarget: boolean;
  /** The target lies inside the 95 % prediction interval: business as usual could land there by chance. */
  withinPredictionInterval: boolean;
}

export interface AchievableCheck {
  verdict: AchievableVerdict;
  /** Periods from the baseline's period to the deadline's. */
  horizon: number;
  periodUnit: TargetPeriodUnit;
  typical: TypicalChange | null;
  /** |required change| ÷ the typical change over the horizon; null without a typical change or when it is 0. */
  ratio: number | null;
  /** Largest improvement on record over the horizon (see volatility.bestImprovement). */
  bestImprovement: number | null;
  trend: TrendComparison | null;
  benchmark: BenchmarkComparison | null;
}

export type MeaningfulVerdict = 'outside-noise' | 'inside-noise' | 'unknown';

export interface MeaningfulCheck {
  verdict: MeaningfulVerdict;
  model: SamplingModel | null;
  responsesPerMonth: number | null;
  /** Responses behind one reading in the baseline's period length. */
  responsesPerPeriod: number | null;
  /** 95 % margin of error of the change from baseline to target, two readings apart (see noise.changeMargin). */
  changeMargin: number | null;
  /** 95 % margin of error of one reading at the baseline. */
  readingMargin: number | null;
  /** Why the verdict is 'unknown'. */
  missing: 'sampling-model' | 'responses' | null;
}

export interface KpiEvidence {
  slope: number;
  ciLow: number;
  ciHigh: number;
  lagPeriods: number;
  p: number;
  /** The slope's 95 % interval lies wholly on one side of zero. */
  significant: boolean;
}

/** 'linked-with-evidence': a goal, and a correlation test whose slope interval excludes zero. */
export type RelevantVerdict = 'linked-with-evidence' | 'linked-without-evidence' | 'linked' | 'not-linked';

export interface RelevantCheck {
  verdict: RelevantVerdict;
  goalName: string | null;
  /** The metric's weight for the goal in the plan's goals × metrics matrix (1..5); null when the matrix has no link. */
  goalWeight: number | null;
  evidence: KpiEvidence | null;
}

export interface TimeBoundCheck {
  ok: boolean;
  daysLeft: number;
}

export interface SmartReport {
  specific: SpecificCheck;
  measurable: MeasurableCheck;
  achievable: AchievableCheck;
  meaningful: MeaningfulCheck;
  relevant: RelevantCheck;
  timeBound: TimeBoundCheck;
}

export type SmartResult = { ok: true; report: SmartReport } | { ok: false; problems: FieldProblem[] };

function achievable(input: SmartInput, horizon: number, improvement: number): AchievableCheck {
  const { target, metric, history } = input;
  const sign = betterSign(metric.direction);
  const required = target.targetValue - target.baseline.value;
  const typical = history === null ? null : typicalChange(history.values, horizon);
  const best = history === null ? null : bestImprovement(history.values, horizon, sign);
  let verdict: AchievableVerdict;
  if (improvement <= 0) verdict = 'no-improvement';
  else if (typical === null) verdict = 'unknown';
  else if (improvement <= typical.medianAbs) verdict = 'within-typical';
  else if (best !== null && improvement <= best) verdict = 'stretch';
  else verdict = 'unprecedented';

  const projection = target.baseline.projection;
  const benchmark = target.benchmark;
  let benchmarkComparison: BenchmarkComparison | null = null;
  if (benchmark !== null) {
    const beyond = sign * (target.targetValue - benchmark.value);
    const gap = benchmark.value - target.baseline.value;
    benchmarkComparison = {
      value: benchmark.value,
      source: benchmark.source,
      relation: beyond > 0 ? 'beyond' : beyond < 0 ? 'short' : 'at',
      gapClosed: gap !== 0 ? required / gap : null,
    };
  }
  return {
    verdict,
    horizon,
    periodUnit: target.baseline.periodUnit,
    typical,
    ratio: typical !== null && typical.medianAbs > 0 ? Math.abs(required) / typical.medianAbs : null,
    bestImprovement: best,
    trend:
      projection === null
        ? null
        : {
            projection,
            trendReachesTarget: sign * (projection.value - target.targetValue) >= 0,
            withinPredictionInterval: projection.low <= target.targetValue && target.targetValue <= projection.high,
          },
    benchmark: benchmarkComparison,
  };
}

function meaningful(input: SmartInput): MeaningfulCheck {
  const { target, metric } = input;
  const model = samplingModel(metric);
  const perMonth = target.expectedResponsesPerMonth;
  const unknown = (missing: MeaningfulCheck['missing']): MeaningfulCheck => ({
    verdict: 'unknown',
    model,
    responsesPerMonth: perMonth,
    responsesPerPeriod: null,
    changeMargin: null,
    readingMargin: null,
    missing,
  });
  if (model === null) return unknown('sampling-model');
  if (perMonth === null) return unknown('responses');
  const n = responsesPerPeriod(perMonth, target.baseline.periodUnit);
  const passives = input.passiveShare ?? DEFAULT_PASSIVE_SHARE;
  const margin = changeMargin(model, target.baseline.value, target.targetValue, n, passives);
  return {
    verdict: Math.abs(target.targetValue - target.baseline.value) > margin ? 'outside-noise' : 'inside-noise',
    model,
    responsesPerMonth: perMonth,
    responsesPerPeriod: n,
    changeMargin: margin,
    readingMargin: readingMargin(model, target.baseline.value, n, passives),
    missing: null,
  };
}

function relevant(input: SmartInput): RelevantCheck {
  const { target, plan } = input;
  const goal = target.goalId === null ? undefined : plan.goals.find((g) => g.id === target.goalId);
  const link = target.kpiLink;
  const evidence: KpiEvidence | null =
    link === null
      ? null
      : {
          slope: link.slope,
          ciLow: link.slopeCiLow,
          ciHigh: link.slopeCiHigh,
          lagPeriods: link.lagPeriods,
          p: link.p,
          significant: link.slopeCiLow > 0 || link.slopeCiHigh < 0,
        };
  if (goal === undefined) return { verdict: 'not-linked', goalName: null, goalWeight: null, evidence };
  const cell = plan.goalMetrics.find((l) => l.goalId === goal.id && l.metricId === target.metricId);
  return {
    verdict: evidence === null ? 'linked' : evidence.significant ? 'linked-with-evidence' : 'linked-without-evidence',
    goalName: goal.name,
    goalWeight: cell?.weight ?? null,
    evidence,
  };
}

/**
 * Checks a target the SMART way. Refused with field problems first when the target is impossible (a value off
 * the scale, a deadline not in the future, no baseline date): such a target is not kept, so it is not judged.
 */
export function checkSmart(input: SmartInput): SmartResult {
  const { target, metric, history, today } = input;
  const problems = validateTarget(target, { metric, today });
  if (problems.length > 0) return { ok: false, problems };
  const sign = betterSign(metric.direction);
  const required = target.targetValue - target.baseline.value;
  const improvement = sign * required;
  const horizon = periodsBetween(target.baseline.asOf, target.deadline, target.baseline.periodUnit) as number;
  const readings = history === null ? 0 : Array.from(history.values).filter(Number.isFinite).length;
  return {
    ok: true,
    report: {
      specific: {
        change: required > 0 ? 'increase' : required < 0 ? 'decrease' : 'hold',
        requiredChange: required,
        improves: improvement > 0,
      },
      measurable: { ok: history !== null && lastReadingIndex(history.values) >= 0, readings },
      achievable: achievable(input, horizon, improvement),
      meaningful: meaningful(input),
      relevant: relevant(input),
      timeBound: { ok: true, daysLeft: (parseIsoDate(target.deadline) as number) - (parseIsoDate(today) as number) },
    },
  };
}
