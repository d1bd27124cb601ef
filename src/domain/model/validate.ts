// Refuses impossible model input with field-level problems, so no analysis ever runs on it (and no NaN reaches a screen).
import { formatPercent, scorecardFor } from '../plan/scorecard';
import type { Plan } from '../plan/types';
import { DISTRIBUTION_KINDS } from './distributions';
import {
  ALL_COLLECTIVE_SHARES_KEY,
  collectiveShareKey,
  effectKey,
  FREE_RIDING_KEY,
  LINE_OF_SIGHT_KEY,
  reachKey,
  RETURNS_CURVATURE_KEY,
  sideEffectKey,
  valueKey,
} from './inputKeys';
import type { BusinessFigures, Estimate, PlanModel } from './stored';

/** One problem at one field, e.g. { field: 'initiatives[0].oneOffCost', message: 'must not be negative (got −5).' }. */
export interface ModelProblem {
  field: string;
  message: string;
}

/** Limits of the model's settings (the UI can cap its inputs with them). */
export const MODEL_LIMITS = {
  horizonMonthsMax: 120,
  discountRatePctMax: 100,
  lagMonthsMax: 120,
  returnsCurvatureMax: 20,
} as const;

const VALUE_CATEGORIES = ['revenue', 'cost', 'retention'] as const;
const NUMBER_SOURCES = ['correlation', 'formula', 'manual'] as const;

interface Bounds {
  min?: number;
  max?: number;
}

function show(x: number): string {
  return Number.isFinite(x) ? formatPercent(x) : String(x);
}

class Problems {
  readonly list: ModelProblem[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  /** A finite number within bounds; false (with a problem) when not. */
  number(field: string, value: unknown, bounds: Bounds = {}, integer = false): boolean {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(field, `must be a number (got ${String(value)}).`);
      return false;
    }
    if (integer && !Number.isInteger(value)) {
      this.add(field, `must be a whole number (got ${show(value)}).`);
      return false;
    }
    if (bounds.min !== undefined && value < bounds.min) {
      const message = bounds.min === 0 ? 'must not be negative' : `must be at least ${show(bounds.min)}`;
      this.add(field, `${message} (got ${show(value)}).`);
      return false;
    }
    if (bounds.max !== undefined && value > bounds.max) {
      this.add(field, `must be at most ${show(bounds.max)} (got ${show(value)}).`);
      return false;
    }
    return true;
  }

  /** Base within bounds; a range, when given, with low ≤ base ≤ high, itself within bounds (normal tails are clamped). */
  estimate(field: string, estimate: Estimate, bounds: Bounds = {}): void {
    if (!this.number(`${field}.base`, estimate.base, bounds)) return;
    const d = estimate.distribution;
    if (d === null) return;
    if (!DISTRIBUTION_KINDS.includes(d.kind)) {
      this.add(`${field}.distribution.kind`, `must be one of ${DISTRIBUTION_KINDS.join(', ')} (got ${String(d.kind)}).`);
      return;
    }
    const lowOk = this.number(`${field}.distribution.low`, d.low, bounds);
    const highOk = this.number(`${field}.distribution.high`, d.high, bounds);
    if (!lowOk || !highOk) return;
    if (d.low > d.high) {
      this.add(`${field}.distribution.low`, `low (${show(d.low)}) must not be above high (${show(d.high)}).`);
    } else if (estimate.base < d.low || estimate.base > d.high) {
      this.add(`${field}.base`, `must lie between low (${show(d.low)}) and high (${show(d.high)}) (got ${show(estimate.base)}).`);
    }
  }

  oneOf(field: string, value: string, allowed: readonly string[]): void {
    if (!allowed.includes(value)) this.add(field, `must be one of ${allowed.join(', ')} (got ${String(value)}).`);
  }
}

function checkBusiness(p: Problems, business: BusinessFigures): void {
  const at = (name: keyof BusinessFigures): string => `settings.business.${name}`;
  const amounts: (keyof BusinessFigures)[] = [
    'customers',
    'visitorsPerMonth',
    'ordersPerMonth',
    'newCustomersPerMonth',
    'averageOrderValue',
    'customerLifetimeValue',
    'contactsPerMonth',
    'costPerContact',
    'costPerHandleHour',
  ];
  for (const name of amounts) p.number(at(name), business[name], { min: 0 });
  p.number(at('grossMarginPct'), business.grossMarginPct, { min: 0, max: 100 });
}

/** The side effect whose edge closes a loop, by index, or −1 when the side effects form no loop. */
function loopClosingEdge(edges: readonly { from: string; to: string }[]): number {
  const out = new Map<string, string[]>();
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i] as { from: string; to: string };
    if (reaches(out, edge.to, edge.from)) return i;
    out.set(edge.from, [...(out.get(edge.from) ?? []), edge.to]);
  }
  return -1;
}

function reaches(out: Map<string, string[]>, start: string, target: string): boolean {
  if (start === target) return true;
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const next of out.get(stack.pop() as string) ?? []) {
      if (next === target) return true;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}

/** The keys scenario overrides may name: every input the compiled model will have, plus "collectiveShare:*". */
export function overridableKeys(plan: Plan, model: PlanModel): Set<string> {
  const keys = new Set<string>([ALL_COLLECTIVE_SHARES_KEY, LINE_OF_SIGHT_KEY, FREE_RIDING_KEY, RETURNS_CURVATURE_KEY]);
  for (const d of plan.departments) {
    // Only a department with measures of both kinds has a share that can move.
    const card = scorecardFor(plan, d.id);
    if (card.collective.length > 0 && card.individual.length > 0) keys.add(collectiveShareKey(d.id));
  }
  for (const r of model.settings.reach) keys.add(reachKey(r.departmentId, r.metricId));
  for (const s of model.settings.sideEffects) keys.add(sideEffectKey(s.fromMetricId, s.toMetricId));
  for (const v of model.settings.values) keys.add(valueKey(v.metricId));
  for (const i of model.initiatives) for (const e of i.effects) keys.add(effectKey(i.id, e.metricId));
  return keys;
}

/**
 * Every problem that would make the model impossible to compute or meaningless: the plan's scorecards must add up
 * to 100 % (departments without measures are left out of the model), references must exist, ranges must be
 * ordered, costs non-negative, horizon and lags whole months, the discount rate within 0..100 %, side effects
 * without loops, scenario overrides on known inputs. An empty list means the model can be compiled.
 */
export function validateModel(plan: Plan, model: PlanModel): ModelProblem[] {
  const p = new Problems();
  const departments = new Set(plan.departments.map((d) => d.id));
  const metrics = new Set(plan.metrics.map((m) => m.id));
  const s = model.settings;

  plan.departments.forEach((department) => {
    const card = scorecardFor(plan, department.id);
    if (card.collective.length + card.individual.length > 0 && !card.valid) {
      p.add(`scorecard[${JSON.stringify(department.id)}]`, `${department.name}: ${card.message ?? 'the weights do not add up to 100 %.'}`);
    }
  });

  p.number('settings.horizonMonths', s.horizonMonths, { min: 1, max: MODEL_LIMITS.horizonMonthsMax }, true);
  p.number('settings.discountRatePct', s.discountRatePct, { min: 0, max: MODEL_LIMITS.discountRatePctMax });
  if (s.collectiveShareOverride !== null) p.number('settings.collectiveShareOverride', s.collectiveShareOverride, { min: 0, max: 100 });
  p.estimate('settings.lineOfSight', s.lineOfSight, { min: 0, max: 1 });
  p.estimate('settings.freeRiding', s.freeRiding, { min: 0, max: 1 });
  p.estimate('settings.returnsCurvature', s.returnsCurvature, { min: 0, max: MODEL_LIMITS.returnsCurvatureMax });
  p.number('settings.rampUpMonths', s.rampUpMonths, { min: 0, max: MODEL_LIMITS.lagMonthsMax }, true);
  checkBusiness(p, s.business);

  const reachSeen = new Set<string>();
  s.reach.forEach((r, i) => {
    const at = `settings.reach[${i}]`;
    if (!departments.has(r.departmentId)) p.add(`${at}.departmentId`, `no department with id "${r.departmentId}" in the plan.`);
    if (!metrics.has(r.metricId)) p.add(`${at}.metricId`, `no metric with id "${r.metricId}" in the plan.`);
    const key = reachKey(r.departmentId, r.metricId);
    if (reachSeen.has(key)) p.add(at, 'this department and metric already have a reach; keep one.');
    reachSeen.add(key);
    p.estimate(`${at}.fullEffortChange`, r.fullEffortChange);
  });

  const edgeSeen = new Set<string>();
  s.sideEffects.forEach((e, i) => {
    const at = `settings.sideEffects[${i}]`;
    if (!metrics.has(e.fromMetricId)) p.add(`${at}.fromMetricId`, `no metric with id "${e.fromMetricId}" in the plan.`);
    if (!metrics.has(e.toMetricId)) p.add(`${at}.toMetricId`, `no metric with id "${e.toMetricId}" in the plan.`);
    if (e.fromMetricId === e.toMetricId) p.add(`${at}.toMetricId`, 'a metric cannot have a side effect on itself.');
    const key = sideEffectKey(e.fromMetricId, e.toMetricId);
    if (edgeSeen.has(key)) p.add(at, 'these two metrics already have a side effect; keep one.');
    edgeSeen.add(key);
    p.estimate(`${at}.perUnit`, e.perUnit);
    p.oneOf(`${at}.source`, e.source, NUMBER_SOURCES);
  });
  const loop = loopClosingEdge(s.sideEffects.map((e) => ({ from: e.fromMetricId, to: e.toMetricId })));
  if (loop >= 0) {
    p.add(
      `settings.sideEffects[${loop}]`,
      'this side effect closes a loop (a metric would feed back into itself); remove one link of the loop.',
    );
  }

  const valueSeen = new Set<string>();
  s.values.forEach((v, i) => {
    const at = `settings.values[${i}]`;
    if (!metrics.has(v.metricId)) p.add(`${at}.metricId`, `no metric with id "${v.metricId}" in the plan.`);
    if (valueSeen.has(v.metricId)) p.add(at, 'this metric already has a value; keep one.');
    valueSeen.add(v.metricId);
    p.estimate(`${at}.valuePerUnitPerMonth`, v.valuePerUnitPerMonth);
    p.number(`${at}.lagMonths`, v.lagMonths, { min: 0, max: MODEL_LIMITS.lagMonthsMax }, true);
    p.oneOf(`${at}.category`, v.category, VALUE_CATEGORIES);
    p.oneOf(`${at}.source`, v.source, NUMBER_SOURCES);
  });

  const initiativeIds = new Set<string>();
  model.initiatives.forEach((initiative, i) => {
    const at = `initiatives[${i}]`;
    if (typeof initiative.id !== 'string' || initiative.id === '') p.add(`${at}.id`, 'must not be empty.');
    else if (initiativeIds.has(initiative.id)) p.add(`${at}.id`, `another initiative already has the id "${initiative.id}".`);
    initiativeIds.add(initiative.id);
    if (typeof initiative.name !== 'string' || initiative.name.trim() === '') p.add(`${at}.name`, 'must not be empty.');
    p.number(`${at}.oneOffCost`, initiative.oneOffCost, { min: 0 });
    p.number(`${at}.recurringCostPerMonth`, initiative.recurringCostPerMonth, { min: 0 });
    p.number(`${at}.lagMonths`, initiative.lagMonths, { min: 0, max: MODEL_LIMITS.lagMonthsMax }, true);
    p.number(`${at}.rampUpMonths`, initiative.rampUpMonths, { min: 0, max: MODEL_LIMITS.lagMonthsMax }, true);
    const effectSeen = new Set<string>();
    initiative.effects.forEach((effect, j) => {
      const eat = `${at}.effects[${j}]`;
      if (!metrics.has(effect.metricId)) p.add(`${eat}.metricId`, `no metric with id "${effect.metricId}" in the plan.`);
      if (effectSeen.has(effect.metricId)) p.add(`${eat}.metricId`, 'this initiative already has an effect on this metric; keep one.');
      effectSeen.add(effect.metricId);
      p.estimate(`${eat}.change`, effect.change);
    });
  });

  const keys = overridableKeys(plan, model);
  const scenarioIds = new Set<string>();
  model.scenarios.forEach((scenario, i) => {
    const at = `scenarios[${i}]`;
    if (typeof scenario.id !== 'string' || scenario.id === '') p.add(`${at}.id`, 'must not be empty.');
    else if (scenarioIds.has(scenario.id)) p.add(`${at}.id`, `another scenario already has the id "${scenario.id}".`);
    scenarioIds.add(scenario.id);
    if (typeof scenario.name !== 'string' || scenario.name.trim() === '') p.add(`${at}.name`, 'must not be empty.');
    scenario.overrides.forEach((override, j) => {
      const oat = `${at}.overrides[${j}]`;
      if (!keys.has(override.inputKey)) {
        p.add(`${oat}.inputKey`, `the model has no input "${override.inputKey}".`);
        return;
      }
      const bounds: Bounds = override.inputKey.startsWith('collectiveShare:')
        ? { min: 0, max: 100 }
        : override.inputKey === RETURNS_CURVATURE_KEY
          ? { min: 0, max: MODEL_LIMITS.returnsCurvatureMax }
          : override.inputKey === LINE_OF_SIGHT_KEY || override.inputKey === FREE_RIDING_KEY
            ? { min: 0, max: 1 }
            : {};
      p.number(`${oat}.value`, override.value, bounds);
    });
  });
  return p.list;
}
