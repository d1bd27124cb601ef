// The plan model: the vocabulary every layer of CX Align speaks (goals, metrics, departments and how they align).

import type { PlanModel } from '../model/stored';
import type { Target, Xla } from '../targets/stored';

export type Id = string;

/** Which way is better for a metric. */
export type Direction = 'higher' | 'lower';
/** Leading indicators warn early; lagging ones confirm. */
export type Timing = 'leading' | 'lagging';
export type MetricCategory = 'cx' | 'operational' | 'financial';
export type MetricUnit = 'score' | 'percent' | 'seconds' | 'currency' | 'count' | 'rating' | 'ratio';

export interface Metric {
  id: Id;
  /** Short stable key for well-known metrics ("nps", "aht"); custom metrics get a slug of their name. */
  key: string;
  name: string;
  abbreviation: string;
  category: MetricCategory;
  definition: string;
  formula: string;
  unit: MetricUnit;
  /** Scale bounds where the metric has them (NPS −100..100); null when open-ended (revenue). */
  scaleMin: number | null;
  scaleMax: number | null;
  direction: Direction;
  timing: Timing;
  /** Keys of metrics this one is known to trade off against when pushed alone (AHT ↔ CSAT, FCR). */
  tradeOffs: string[];
  custom: boolean;
}

export interface Goal {
  id: Id;
  name: string;
  description: string;
  /** The corporate KPI (a metric of the plan) that measures this goal, if chosen. */
  kpiMetricId: Id | null;
  owner: string;
}

export interface Department {
  id: Id;
  name: string;
  headcount: number;
  /** Survey responses the department's customers return per month: sets the noise of its NPS/CSAT. */
  surveyResponsesPerMonth: number;
}

/** A cell of the goals × metrics matrix. */
export interface GoalMetricLink {
  goalId: Id;
  metricId: Id;
  /** Relative importance of the metric for the goal, 1..5. */
  weight: number;
  rationale: string;
}

export type DepartmentRole = 'owner' | 'contributor';

/** A cell of the metrics × departments matrix. */
export interface MetricDepartmentLink {
  metricId: Id;
  departmentId: Id;
  role: DepartmentRole;
}

/** Collective measures are shared across functions; individual ones belong to the department's own domain. */
export type MeasureKind = 'collective' | 'individual';

export interface ScorecardEntry {
  departmentId: Id;
  metricId: Id;
  kind: MeasureKind;
  /** Percentage weight; a department's entries must sum to 100. */
  weight: number;
}

/** A pair of metrics held together so that pushing one cannot silently hurt the other. */
export interface Guardrail {
  id: Id;
  /** The metric being pushed (e.g. AHT). */
  metricId: Id;
  /** The metric that must not get worse (e.g. CSAT). */
  guardMetricId: Id;
  /** The department the guardrail applies to, or null for the whole plan. */
  departmentId: Id | null;
  note: string;
}

/** Plan-wide preferences. */
export interface PlanSettings {
  /** ISO 4217 code money is shown in ("USD", "EUR"); figures are never converted. */
  currency: string;
}

/** How the correlation test read the series: raw levels, with a linear trend controlled, or period-over-period changes. */
export type FindingMode = 'levels' | 'trendControlled' | 'differences';
export type FindingPeriod = 'day' | 'week' | 'month' | 'quarter';

/**
 * A correlation-test result the team chose to keep: "metric moves KPI by slope per unit, lag periods later". It is the
 * evidence ROI models and "up" targets start from, so it keeps its interval and the data it came from.
 */
export interface CorrelationFinding {
  id: Id;
  kpiMetricId: Id;
  metricId: Id;
  mode: FindingMode;
  period: FindingPeriod;
  /** Periods by which the metric leads the KPI. */
  lag: number;
  r: number;
  /** Bonferroni-adjusted over the lags searched. */
  adjustedP: number;
  /** KPI units per metric unit, with its 95 % interval. */
  slope: number;
  slopeLow: number;
  slopeHigh: number;
  n: number;
  /** The plain sentence shown when it was kept, for readers of the plan file. */
  sentence: string;
  datasetName: string;
  recordedAt: string;
}

/** A conflict the data showed between two metrics that the team looked at and set aside, with why. */
export interface ConflictDismissal {
  id: Id;
  metricId: Id;
  otherMetricId: Id;
  reason: string;
  dismissedAt: string;
}

export interface Plan {
  id: Id;
  name: string;
  description: string;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  goals: Goal[];
  metrics: Metric[];
  departments: Department[];
  goalMetrics: GoalMetricLink[];
  metricDepartments: MetricDepartmentLink[];
  scorecard: ScorecardEntry[];
  guardrails: Guardrail[];
  settings: PlanSettings;
  findings: CorrelationFinding[];
  conflictDismissals: ConflictDismissal[];
  /** The weighting and ROI model; null until the team builds it (one click derives it from the plan). */
  model: PlanModel | null;
  /** SMART targets with their cascades to teams and individuals. */
  targets: Target[];
  /** Experience- and service-level agreements tracked per period. */
  xlas: Xla[];
}
