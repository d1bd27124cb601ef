// Targets, their cascades and experience-level agreements as stored in the plan file: plain JSON data, no optionals.

import type { Id, MetricUnit } from '../plan/types';

/*
 * Every field is always present (null where there is nothing), so a stored target round-trips through JSON
 * unchanged and a validator can check each field without guessing at defaults. Change nothing here without a
 * plan-file migration.
 */

/** The length of the periods a baseline's history is measured in (the same units as the period series). */
export type TargetPeriodUnit = 'day' | 'week' | 'month' | 'quarter';
export const TARGET_PERIOD_UNITS: readonly TargetPeriodUnit[] = ['day', 'week', 'month', 'quarter'];

/**
 * How the starting level is read from history: the last reading, the mean of the last `windowPeriods` readings,
 * or a straight-line trend fitted to them.
 */
export type BaselineMethod = 'last' | 'trailing-mean' | 'trend';
export const BASELINE_METHODS: readonly BaselineMethod[] = ['last', 'trailing-mean', 'trend'];

/** Where a fitted trend puts the metric in the deadline's period if nothing changes. */
export interface TrendProjection {
  value: number;
  /** 95 % prediction interval for one reading in that period (R's predict(lm, interval = "prediction")). */
  low: number;
  high: number;
}

export interface StoredBaseline {
  method: BaselineMethod;
  /**
   * The metric's level at `asOf`: the last reading ('last'), the window's mean ('trailing-mean') or the fitted
   * trend's value in the last period ('trend').
   */
  value: number;
  /** ISO date (YYYY-MM-DD): the start of the last period of history the baseline uses. */
  asOf: string;
  /** Periods of history looked back over, counting the last one (1 for 'last'). */
  windowPeriods: number;
  periodUnit: TargetPeriodUnit;
  /** The trend carried on to the deadline; null for 'last' and 'trailing-mean'. */
  projection: TrendProjection | null;
}

/** An industry benchmark the user entered, always with where it comes from. */
export interface Benchmark {
  value: number;
  /** "Bain NPS benchmarks 2024, telecoms": a benchmark without a source cannot be checked. */
  source: string;
}

/** The reading of the correlation test the slope came from (the same names as the test's lag modes). */
export type KpiLinkReading = 'levels' | 'trendControlled' | 'differences';
export const KPI_LINK_READINGS: readonly KpiLinkReading[] = ['levels', 'trendControlled', 'differences'];

/**
 * The "up" link: how much a corporate KPI moves per unit of the target's metric, from the correlation test.
 * Slope and interval are in KPI units per period per metric unit, `lagPeriods` periods later.
 */
export interface KpiLink {
  kpiMetricId: Id;
  slope: number;
  /** 95 % interval of the slope. */
  slopeCiLow: number;
  slopeCiHigh: number;
  lagPeriods: number;
  reading: KpiLinkReading;
  /** p-value of the slope as the test reported it (Bonferroni-adjusted when it was the best of several lags). */
  p: number;
  /** Pairs of periods the slope was estimated from. */
  n: number;
  /** The KPI's level per period the target was derived from, and the KPI target; null when set from the metric side. */
  kpiBaseline: number | null;
  kpiTarget: number | null;
}

/**
 * How a node's target is split among its children. Each allocates the change the children must deliver
 * together; they differ in who carries it (see docs/targets.md):
 * - 'response-weighted': a child's move is in proportion to its responses, so the parts that carry the pooled
 *   number carry more of the uplift;
 * - 'equal-uplift': every child moves by the same amount (the same points);
 * - 'proportional': every child moves by the same relative amount (proportional to its baseline);
 * - 'gap-to-benchmark': every child moves in proportion to its own distance from the benchmark.
 */
export type CascadeMethod = 'response-weighted' | 'equal-uplift' | 'proportional' | 'gap-to-benchmark';
export const CASCADE_METHODS: readonly CascadeMethod[] = [
  'response-weighted',
  'equal-uplift',
  'proportional',
  'gap-to-benchmark',
];

/**
 * How children roll up into their parent. 'weighted-mean': Σ nᵢ·xᵢ / Σ nᵢ with n the responses (pooled scores
 * such as NPS and CSAT, or contact-weighted averages such as AHT); 'sum': Σ xᵢ (revenue, counts).
 */
export type CascadeAggregation = 'weighted-mean' | 'sum';
export const CASCADE_AGGREGATIONS: readonly CascadeAggregation[] = ['weighted-mean', 'sum'];

export type CascadeNodeKind = 'company' | 'department' | 'team' | 'individual';
export const CASCADE_NODE_KINDS: readonly CascadeNodeKind[] = ['company', 'department', 'team', 'individual'];

export interface CascadeNode {
  id: Id;
  name: string;
  kind: CascadeNodeKind;
  /** The plan department this node belongs to, if any. */
  departmentId: Id | null;
  /**
   * The explicit weight: the share of its parent's change this node delivers, nᵢ·(targetᵢ − baselineᵢ) over the
   * sum of the same for its siblings (1 for the root; 0 when the parent's change is nil).
   */
  weight: number;
  /** Responses (or contacts, customers: what the metric is averaged over) per period; the weight in a weighted mean. */
  responses: number;
  baseline: number;
  target: number;
  /** Kept at its target when its siblings are re-balanced: "stays on plan". */
  locked: boolean;
  /** This node's own benchmark for 'gap-to-benchmark'; null falls back to the target's benchmark. */
  benchmark: number | null;
  /** How this node's target is split among its children; kept on a leaf so that children added later follow it. */
  method: CascadeMethod;
  children: CascadeNode[];
}

export interface Cascade {
  aggregation: CascadeAggregation;
  /** Decimals targets are stored and shown with; every parent reconciles with its children at this rounding. */
  decimals: number;
  /** The whole whose target is the Target's `targetValue` (usually the company). */
  root: CascadeNode;
}

export interface Target {
  id: Id;
  metricId: Id;
  /** The plan goal the target serves; null when not yet linked (the SMART check then finds it not relevant). */
  goalId: Id | null;
  baseline: StoredBaseline;
  targetValue: number;
  /** ISO date (YYYY-MM-DD) by which the target is to be reached. */
  deadline: string;
  benchmark: Benchmark | null;
  /** Survey responses (or other observations) expected per month: sets the margin of error of each reading. */
  expectedResponsesPerMonth: number | null;
  kpiLink: KpiLink | null;
  cascade: Cascade | null;
  /** ISO 8601 timestamp. */
  createdAt: string;
}

export type XlaComparator = '>=' | '<=';
export const XLA_COMPARATORS: readonly XlaComparator[] = ['>=', '<='];

/** Experience-level agreements judge outcomes users feel; service-level agreements judge the service's own times. */
export type AgreementKind = 'xla' | 'sla';
export const AGREEMENT_KINDS: readonly AgreementKind[] = ['xla', 'sla'];

/** An agreement that a measure stays on the right side of a threshold in every period ("app rating ≥ 4.5"). */
export interface Xla {
  id: Id;
  name: string;
  /** The plan metric measured; null for a measure that is not a plan metric (its data are matched by name). */
  metricId: Id | null;
  comparator: XlaComparator;
  threshold: number;
  unit: MetricUnit;
  kind: AgreementKind;
}

/** What the plan file holds for this feature. */
export interface PlanTargets {
  targets: Target[];
  xlas: Xla[];
}
