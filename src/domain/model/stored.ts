// The weighting/ROI model as it is stored in the plan file: plain JSON data only (no undefined, no Maps, no classes).
import type { MetricUnit } from '../plan/types';

/**
 * How an uncertain number may vary. `low` and `high` bound the range the sensitivity analyses use (tornado ends,
 * Morris levels, two-way defaults). The estimate's `base` is the triangular's peak and the normal's mean; a normal's
 * low..high is read as its central 95 % range, so its standard deviation is (high − low) / (2 × 1.959964).
 */
export type DistributionKind = 'triangular' | 'uniform' | 'normal';

export interface Distribution {
  kind: DistributionKind;
  low: number;
  high: number;
}

/** A number of the model: its base (most likely) value and, when it is uncertain, the range it may take. */
export interface Estimate {
  base: number;
  /** Null when the number is treated as known. Otherwise low ≤ base ≤ high. */
  distribution: Distribution | null;
}

/**
 * The company's own figures the value routes turn into money per metric unit (see valueRoutes.ts).
 * Currency amounts are in the plan's currency (plan.settings.currency); counts are per month.
 */
export interface BusinessFigures {
  /** Active customers. */
  customers: number;
  /** Visitors (web and shop) per month: the base of the conversion rate. */
  visitorsPerMonth: number;
  /** Orders per month: the base of the average order value. */
  ordersPerMonth: number;
  /** New customers per month: each one brings the customer lifetime value. */
  newCustomersPerMonth: number;
  /** Average order value (currency). */
  averageOrderValue: number;
  /** Customer lifetime value (currency, revenue before costs as the metric library defines it). */
  customerLifetimeValue: number;
  /** Gross margin in percent (0..100): the share of extra revenue that is profit. 100 counts revenue in full. */
  grossMarginPct: number;
  /** Service contacts (calls, chats, e-mails) per month. */
  contactsPerMonth: number;
  /** Full cost of one service contact (currency). */
  costPerContact: number;
  /** Loaded cost of one agent hour (currency): turns handle time into money. */
  costPerHandleHour: number;
}

/** How far one department moves one metric when it puts all of its effort on it (steady state). */
export interface Reach {
  departmentId: string;
  metricId: string;
  /** Change of the metric in its own units (signed: −30 for 30 seconds off AHT) at full effort. */
  fullEffortChange: Estimate;
}

/** Where a number came from: the correlation test on the plan's data, a value-route formula, or a person. */
export type NumberSource = 'correlation' | 'formula' | 'manual';

/** A metric change that changes another metric: a confirmed conflict (AHT → CSAT) or a driver (CSAT → NPS). */
export interface SideEffect {
  fromMetricId: string;
  toMetricId: string;
  /** Change of the `to` metric per unit change of the `from` metric (−10 s AHT → −0.4 CSAT is 0.04). */
  perUnit: Estimate;
  source: NumberSource;
  note: string;
}

/** The three ways a metric change reaches the accounts. */
export type ValueCategory = 'revenue' | 'cost' | 'retention';

/** Money per month that a one-unit change of a metric is worth, after a lag. */
export interface MetricValue {
  metricId: string;
  /** Currency per month per unit of the metric (signed: negative for AHT, where a higher value costs money). */
  valuePerUnitPerMonth: Estimate;
  /** Months between the metric changing and the money following (NPS → revenue: about 3). */
  lagMonths: number;
  category: ValueCategory;
  source: NumberSource;
  /** How the number was reached, in words for the room ("150,000 contacts × 1 % × €6 per contact"). */
  note: string;
}

/** The assumptions of the weighting model and of the money it is worth. */
export interface ModelSettings {
  /** Whole months the projection runs for (1..120). */
  horizonMonths: number;
  /** Annual discount rate in percent (0 ≤ rate < 100); cash flows of month t are discounted by (1 + r)^(−t/12). */
  discountRatePct: number;
  /** Collective share (0..100 %) applied to every department, or null to take each one's from its scorecard. */
  collectiveShareOverride: number | null;
  /** How clearly a department sees its own effect on a collective measure, 0..1 (1 = as clearly as its own). */
  lineOfSight: Estimate;
  /** Free-riding exponent, 0..1: effort on a measure shared by n departments is scaled by n^(−freeRiding). */
  freeRiding: Estimate;
  /** Curvature of diminishing returns, 0..20 (0 = straight line; 3: half the effort gives 82 % of the effect). */
  returnsCurvature: Estimate;
  /** Months until effort under new weights has its full effect on the metrics (0 = at once). */
  rampUpMonths: number;
  business: BusinessFigures;
  reach: Reach[];
  sideEffects: SideEffect[];
  values: MetricValue[];
}

/** A change an initiative makes to one metric once it has its full effect. */
export interface InitiativeEffect {
  metricId: string;
  /** Change in the metric's units; base = most likely, a triangular distribution gives the low..high range. */
  change: Estimate;
}

/** A CX initiative leadership is asked to fund. */
export interface Initiative {
  id: string;
  name: string;
  description: string;
  /** Counted in the ROI and in the scenarios; a switched-off initiative is kept but not counted. */
  enabled: boolean;
  /** Paid at the start (month 0), currency, ≥ 0. */
  oneOffCost: number;
  /** Paid every month of the horizon, currency, ≥ 0. */
  recurringCostPerMonth: number;
  effects: InitiativeEffect[];
  /** Whole months before the initiative starts to move its metrics. */
  lagMonths: number;
  /** Whole months from the first effect to the full effect (linear ramp; 0 = full at once). */
  rampUpMonths: number;
}

/** One model input set to a fixed value, by its input key (see inputKeys.ts; "collectiveShare:*" = every department). */
export interface ScenarioOverride {
  inputKey: string;
  value: number;
}

/** A named variant of the model (collective-heavy vs individual-heavy weighting, cautious vs bold uplift). */
export interface Scenario {
  id: string;
  name: string;
  description: string;
  overrides: ScenarioOverride[];
}

/**
 * When and on what a saved run ran. The seed is kept with the settings so the same run can be made again; the
 * fingerprint (fingerprint.ts) is that of the plan and model it ran on, so the app can tell when they have changed.
 */
export interface SavedRunStamp {
  /** ISO 8601 timestamp of the moment the run finished. */
  ranAt: string;
  /** modelFingerprint of the plan and model the run used: 14 lowercase hex digits. */
  fingerprint: string;
  seed: number;
}

/** An outcome of the model as it was named when a run was made (the model may have lost or renamed it since). */
export interface SavedOutcome {
  /** Output key (compile.ts: "weightingValue", "kpi:<metric id>"…). */
  key: string;
  label: string;
  unit: MetricUnit;
}

/** The Monte Carlo summary of one outcome in one scenario: what the table, the range chart and the CSV show. */
export interface SavedDistribution extends SavedOutcome {
  mean: number;
  sd: number;
  p10: number;
  p50: number;
  p90: number;
}

/** One scenario of a Monte Carlo run: its id (null for the model as it stood), its name then, every outcome. */
export interface SavedScenarioSummary {
  scenarioId: string | null;
  name: string;
  outputs: SavedDistribution[];
}

/** P(first scenario beats the second) on one outcome, over the same draws. */
export interface SavedBeats {
  outputKey: string;
  label: string;
  probability: number;
  standardError: number;
}

/** The last Monte Carlo run: its settings and the summary of every outcome of the one or two scenarios it ran. */
export interface SavedMonteCarloRun extends SavedRunStamp {
  draws: number;
  /** One scenario, or two on the same draws (A then B); every one lists the same outcomes in the same order. */
  scenarios: SavedScenarioSummary[];
  /** With two scenarios, A against B on every outcome in that order; null with one. */
  beats: SavedBeats[] | null;
}

/** A Sobol index as shown: the reported estimate and its bootstrap interval. */
export interface SavedSobolIndex {
  value: number;
  low: number;
  high: number;
}

export interface SavedSobolInput {
  key: string;
  label: string;
  first: SavedSobolIndex;
  total: SavedSobolIndex;
}

/** The last Sobol run: its settings, the outcome it studied and every uncertain input's indices. */
export interface SavedSobolRun extends SavedRunStamp {
  /** Base sample size N. */
  n: number;
  /** Model evaluations, N × (D + 2). */
  runs: number;
  outcome: SavedOutcome;
  mean: number;
  /** True when the outcome did not vary: every index is 0. */
  constantOutput: boolean;
  /** In input order. */
  inputs: SavedSobolInput[];
}

export interface SavedMorrisInput {
  key: string;
  label: string;
  muStar: number;
  mu: number;
  sigma: number;
}

/** The last Morris screening: its settings, the outcome it screened and every uncertain input's effects. */
export interface SavedMorrisRun extends SavedRunStamp {
  trajectories: number;
  /** Model evaluations, r × (D + 1). */
  runs: number;
  outcome: SavedOutcome;
  /** Largest μ* first. */
  inputs: SavedMorrisInput[];
}

/** The last completed run of each analysis that takes long enough to be worth keeping; null until one has run. */
export interface SavedRuns {
  monteCarlo: SavedMonteCarloRun | null;
  sobol: SavedSobolRun | null;
  morris: SavedMorrisRun | null;
}

/**
 * Everything the plan stores for issue 5: the model's settings, the initiatives, the named scenarios and the last
 * saved run of each background analysis (which are results, not inputs: they never feed the model).
 */
export interface PlanModel {
  settings: ModelSettings;
  initiatives: Initiative[];
  scenarios: Scenario[];
  runs: SavedRuns;
}
