// A first model derived from the plan (and correlation evidence when there is some), so one click gives an answer.
import type { Metric, Plan } from '../plan/types';
import type { ModelEvidence, SlopeEvidence } from './evidence';
import { planEvidence } from './evidence';
import { LINK_DEFAULTS, NPS_VALUE_PLACEHOLDER, OWNER_FULL_EFFORT_CHANGE, ROLE_REACH_FACTOR } from './libraryDefaults';
import { defaultScenarios } from './scenarios';
import { NO_SAVED_RUNS } from './savedRuns';
import type {
  BusinessFigures,
  Distribution,
  Estimate,
  Initiative,
  MetricValue,
  ModelSettings,
  PlanModel,
  Reach,
  SideEffect,
} from './stored';
import { ROUTE_OF_METRIC_KEY, routeValue } from './valueRoutes';

/** Placeholder figures of a mid-sized subscription business; the workshop replaces them with the company's own. */
export const DEFAULT_BUSINESS_FIGURES: BusinessFigures = {
  customers: 400_000,
  visitorsPerMonth: 250_000,
  ordersPerMonth: 7_500,
  newCustomersPerMonth: 6_000,
  averageOrderValue: 120,
  customerLifetimeValue: 1_400,
  grossMarginPct: 40,
  contactsPerMonth: 150_000,
  costPerContact: 6,
  costPerHandleHour: 36,
};

/** Base ± this share of itself, as a triangular range: the default uncertainty of a placeholder. */
const PLACEHOLDER_SPREAD = 0.5;
/** Formula values rest on known figures: a narrower range. */
const FORMULA_SPREAD = 0.2;

function triangular(base: number, spread: number): Estimate {
  const a = base * (1 - spread);
  const b = base * (1 + spread);
  return { base, distribution: { kind: 'triangular', low: Math.min(a, b), high: Math.max(a, b) } };
}

function range(kind: Distribution['kind'], base: number, low: number, high: number): Estimate {
  return { base, distribution: { kind, low: Math.min(low, high), high: Math.max(low, high) } };
}

/** Normal estimate from a slope and its 95 % interval, the interval widened when needed to contain the slope. */
function fromEvidence(evidence: SlopeEvidence, scale: number): Estimate {
  const base = evidence.slope * scale;
  const a = evidence.ciLow * scale;
  const b = evidence.ciHigh * scale;
  return range('normal', base, Math.min(a, b, base), Math.max(a, b, base));
}

function defaultSettings(): Omit<ModelSettings, 'reach' | 'sideEffects' | 'values'> {
  return {
    horizonMonths: 36,
    discountRatePct: 8,
    collectiveShareOverride: null,
    lineOfSight: range('triangular', 0.8, 0.5, 1),
    freeRiding: range('triangular', 0.5, 0.2, 0.8),
    returnsCurvature: range('triangular', 5, 2, 8),
    rampUpMonths: 6,
    business: { ...DEFAULT_BUSINESS_FIGURES },
  };
}

function defaultReach(plan: Plan): Reach[] {
  const metrics = new Map(plan.metrics.map((m) => [m.id, m]));
  const roles = new Map(plan.metricDepartments.map((l) => [`${l.departmentId} ${l.metricId}`, l.role]));
  const seen = new Set<string>();
  const reach: Reach[] = [];
  for (const entry of plan.scorecard) {
    const metric = metrics.get(entry.metricId);
    const pairKey = `${entry.departmentId} ${entry.metricId}`;
    if (metric === undefined || seen.has(pairKey)) continue;
    const owner = OWNER_FULL_EFFORT_CHANGE[metric.key];
    if (owner === undefined) continue;
    seen.add(pairKey);
    const factor = ROLE_REACH_FACTOR[roles.get(pairKey) ?? 'none'];
    reach.push({
      departmentId: entry.departmentId,
      metricId: entry.metricId,
      fullEffortChange: triangular(owner * factor, PLACEHOLDER_SPREAD),
    });
  }
  return reach;
}

function byKey(plan: Plan): Map<string, Metric> {
  return new Map(plan.metrics.map((m) => [m.key, m]));
}

function isMoneyKpi(metric: Metric): boolean {
  return metric.key === 'revenue';
}

function defaultSideEffects(plan: Plan, evidence: readonly SlopeEvidence[]): SideEffect[] {
  const metrics = new Map(plan.metrics.map((m) => [m.id, m]));
  const keyed = byKey(plan);
  const effects = new Map<string, SideEffect>();
  for (const link of LINK_DEFAULTS) {
    const from = keyed.get(link.from);
    const to = keyed.get(link.to);
    if (from === undefined || to === undefined) continue;
    effects.set(`${from.id} ${to.id}`, {
      fromMetricId: from.id,
      toMetricId: to.id,
      perUnit: triangular(link.perUnit, PLACEHOLDER_SPREAD),
      source: 'manual',
      note: link.note,
    });
  }
  for (const e of evidence) {
    const to = metrics.get(e.toMetricId);
    if (to === undefined || !metrics.has(e.fromMetricId) || isMoneyKpi(to) || e.fromMetricId === e.toMetricId) continue;
    effects.set(`${e.fromMetricId} ${e.toMetricId}`, {
      fromMetricId: e.fromMetricId,
      toMetricId: e.toMetricId,
      perUnit: fromEvidence(e, 1),
      source: 'correlation',
      note:
        `From the correlation test: slope ${e.slope.toPrecision(3)} (95 % CI ${e.ciLow.toPrecision(3)} to ` +
        `${e.ciHigh.toPrecision(3)}), lag ${e.lagMonths} months (side effects act without lag in the model).`,
    });
  }
  // Evidence may close a loop with a default link; the evidence wins and the default link goes.
  const list = [...effects.values()];
  return list.filter((e, i) => !(e.source === 'manual' && closesLoop(list, i)));
}

function closesLoop(effects: readonly SideEffect[], index: number): boolean {
  const edge = effects[index] as SideEffect;
  const out = new Map<string, string[]>();
  effects.forEach((e, i) => {
    if (i !== index) out.set(e.fromMetricId, [...(out.get(e.fromMetricId) ?? []), e.toMetricId]);
  });
  const stack = [edge.toMetricId];
  const seen = new Set(stack);
  while (stack.length > 0) {
    const node = stack.pop() as string;
    if (node === edge.fromMetricId) return true;
    for (const next of out.get(node) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

function defaultValues(plan: Plan, business: BusinessFigures, evidence: readonly SlopeEvidence[]): MetricValue[] {
  const currency = plan.settings.currency;
  const metrics = new Map(plan.metrics.map((m) => [m.id, m]));
  const values = new Map<string, MetricValue>();
  for (const metric of plan.metrics) {
    const route = ROUTE_OF_METRIC_KEY[metric.key];
    if (route !== undefined) {
      const value = routeValue(route, business, currency);
      values.set(metric.id, {
        metricId: metric.id,
        valuePerUnitPerMonth: triangular(value.valuePerUnitPerMonth, FORMULA_SPREAD),
        lagMonths: 0,
        category: value.category,
        source: 'formula',
        note: value.note,
      });
    } else if (metric.key === 'nps') {
      const p = NPS_VALUE_PLACEHOLDER;
      values.set(metric.id, {
        metricId: metric.id,
        valuePerUnitPerMonth: range('triangular', p.base, p.low, p.high),
        lagMonths: p.lagMonths,
        category: 'revenue',
        source: 'manual',
        note: 'Placeholder: profit per NPS point per month, 3 months later. Run the correlation test on your revenue to replace it.',
      });
    }
  }
  const margin = business.grossMarginPct / 100;
  for (const e of evidence) {
    const to = metrics.get(e.toMetricId);
    if (to === undefined || !metrics.has(e.fromMetricId) || !isMoneyKpi(to) || e.fromMetricId === e.toMetricId) continue;
    values.set(e.fromMetricId, {
      metricId: e.fromMetricId,
      valuePerUnitPerMonth: fromEvidence(e, margin / e.monthsPerPeriod),
      lagMonths: e.lagMonths,
      category: 'revenue',
      source: 'correlation',
      note:
        `From the correlation test: +1 unit ≈ +${e.slope.toPrecision(4)} ${currency} revenue per period ` +
        `(95 % CI ${e.ciLow.toPrecision(4)} to ${e.ciHigh.toPrecision(4)}), ${e.lagMonths} months later, ` +
        `per month × ${business.grossMarginPct} % margin.`,
    });
  }
  return [...values.values()];
}

/** Two example initiatives when the plan has the metrics they move, so the ROI view has something to show. */
function exampleInitiatives(plan: Plan): Initiative[] {
  const keyed = byKey(plan);
  const initiatives: Initiative[] = [];
  const fcr = keyed.get('fcr');
  const csat = keyed.get('csat');
  if (fcr !== undefined) {
    initiatives.push({
      id: 'initiative-knowledge-base',
      name: 'Knowledge base and agent coaching (example)',
      description: 'Agents find the answer on the first call: a searchable knowledge base and weekly coaching.',
      enabled: true,
      oneOffCost: 250_000,
      recurringCostPerMonth: 12_000,
      effects: [
        { metricId: fcr.id, change: range('triangular', 4, 1.5, 6) },
        ...(csat === undefined ? [] : [{ metricId: csat.id, change: range('triangular', 1.5, 0, 3) }]),
      ],
      lagMonths: 2,
      rampUpMonths: 4,
    });
  }
  const dropoff = keyed.get('app_dropoff');
  const ces = keyed.get('ces');
  if (dropoff !== undefined || ces !== undefined) {
    initiatives.push({
      id: 'initiative-self-service',
      name: 'Self-service app fixes (example)',
      description: 'Fix the five app journeys where customers give up and call instead.',
      enabled: true,
      oneOffCost: 400_000,
      recurringCostPerMonth: 8_000,
      effects: [
        ...(dropoff === undefined ? [] : [{ metricId: dropoff.id, change: range('triangular', -4, -6, -1) }]),
        ...(ces === undefined ? [] : [{ metricId: ces.id, change: range('triangular', -0.15, -0.3, -0.05) }]),
      ],
      lagMonths: 3,
      rampUpMonths: 6,
    });
  }
  return initiatives;
}

/**
 * The model a workshop starts from: reach for every scorecard measure of a library metric (owner full, contributor
 * half, others a quarter), the library's conflict and driver links among the plan's metrics, money values from the
 * value routes and the business figures, example initiatives and the default scenarios. Correlation evidence
 * replaces defaults: a slope onto revenue becomes the metric's value (at margin, with its lag), any other slope a
 * side effect. The evidence defaults to the findings kept in the plan. Metrics outside the library get no reach or
 * value: enter them by hand.
 */
export function defaultModel(plan: Plan, evidence: ModelEvidence = planEvidence(plan.findings)): PlanModel {
  const settings = defaultSettings();
  const initiatives = exampleInitiatives(plan);
  return {
    settings: {
      ...settings,
      reach: defaultReach(plan),
      sideEffects: defaultSideEffects(plan, evidence.slopes),
      values: defaultValues(plan, settings.business, evidence.slopes),
    },
    initiatives,
    scenarios: defaultScenarios(initiatives),
    runs: NO_SAVED_RUNS,
  };
}
