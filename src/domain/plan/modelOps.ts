// Pure, immutable edits of a plan's weighting and ROI model (plan.model): assumptions, initiatives and scenarios.
/*
 * The same contract as ops.ts: the input plan is never mutated, updatedAt is left to storage, and an edit that
 * would make the model impossible throws a PlanEditError naming the field. "Impossible" is what validateModel says:
 * an edit is refused when it adds a problem the model did not have before (a plan whose scorecards do not add up
 * yet can still have its model edited). The UI asks modelEditProblems first and shows the problem at the field,
 * so a throw here means a bug or a stale view.
 */
import type { Id, Plan } from './types';
import type {
  BusinessFigures,
  Estimate,
  Initiative,
  InitiativeEffect,
  MetricValue,
  ModelSettings,
  PlanModel,
  SavedRuns,
  Scenario,
  ScenarioOverride,
  SideEffect,
} from '../model/stored';
import type { ModelProblem } from '../model/validate';
import { validateModel } from '../model/validate';
import { effectKey, reachKey, sideEffectKey, valueKey } from '../model/inputKeys';
import { newId } from './ids';
import { PlanEditError, optionalText, requiredText } from './validation';

/** The scalar assumptions, plus any of the business figures; lists have their own edits below. */
export type ModelSettingsPatch = Partial<Omit<ModelSettings, 'business' | 'reach' | 'sideEffects' | 'values'>> & {
  business?: Partial<BusinessFigures>;
};

export interface NewInitiative {
  id?: Id;
  name: string;
  description?: string;
  enabled?: boolean;
  oneOffCost?: number;
  recurringCostPerMonth?: number;
  effects?: InitiativeEffect[];
  lagMonths?: number;
  rampUpMonths?: number;
}
export type InitiativePatch = Partial<Omit<Initiative, 'id'>>;

export interface NewScenario {
  id?: Id;
  name: string;
  description?: string;
  overrides?: ScenarioOverride[];
}
export type ScenarioPatch = Partial<Omit<Scenario, 'id'>>;

const problemKey = (p: ModelProblem): string => `${p.field}\u0000${p.message}`;

/**
 * The problems `after`'s model has that `before`'s did not: what an edit would break. Empty when the edit is
 * acceptable (or when `after` has no model).
 */
export function modelEditProblems(before: Plan, after: Plan): ModelProblem[] {
  if (after.model === null) return [];
  const known = new Set(before.model === null ? [] : validateModel(before, before.model).map(problemKey));
  return validateModel(after, after.model).filter((p) => !known.has(problemKey(p)));
}

function requireModel(plan: Plan): PlanModel {
  if (plan.model === null) throw new PlanEditError('model', 'this plan has no model yet; build it first.');
  return plan.model;
}

/** Puts the new model in the plan unless it adds a problem, which is thrown at its field. */
function withModel(plan: Plan, model: PlanModel): Plan {
  const next: Plan = { ...plan, model };
  const [problem] = modelEditProblems(plan, next);
  if (problem !== undefined) throw new PlanEditError(problem.field, problem.message);
  return next;
}

function withSettings(plan: Plan, settings: ModelSettings): Plan {
  return withModel(plan, { ...requireModel(plan), settings });
}

/** Scenarios keep no overrides on inputs that an edit removed (an initiative's effect, a reach, a value…). */
function withoutOverrides(scenarios: readonly Scenario[], removed: (inputKey: string) => boolean): Scenario[] {
  return scenarios.map((scenario) =>
    scenario.overrides.some((o) => removed(o.inputKey))
      ? { ...scenario, overrides: scenario.overrides.filter((o) => !removed(o.inputKey)) }
      : scenario,
  );
}

function freshId(existing: readonly { id: Id }[], id: Id | undefined, prefix: string): Id {
  if (id === undefined) return newId(prefix);
  const checked = requiredText('id', id);
  if (existing.some((e) => e.id === checked)) throw new PlanEditError('id', `"${checked}" is already used in this model.`);
  return checked;
}

function indexOf<T extends { id: Id }>(items: readonly T[], id: Id, field: string, what: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) throw new PlanEditError(field, `no ${what} with id "${id}" in this model.`);
  return index;
}

// ---- the model as a whole ----

/** Stores a model (a first one from defaultModel, or one restored), or removes it with null. */
export function setModel(plan: Plan, model: PlanModel | null): Plan {
  if (model === null) return plan.model === null ? plan : { ...plan, model: null };
  const next: Plan = { ...plan, model };
  const problems = validateModel(plan, model).filter((p) => !p.field.startsWith('scorecard['));
  const [problem] = problems;
  if (problem !== undefined) throw new PlanEditError(problem.field, problem.message);
  return next;
}

/**
 * Keeps a finished run as the last one of its kind, replacing the one before. A run is a result, not an input, so
 * it is never refused; a plan whose model was removed while the run worked has nowhere to keep it and is returned
 * unchanged.
 */
export function saveRun<K extends keyof SavedRuns>(plan: Plan, kind: K, run: NonNullable<SavedRuns[K]>): Plan {
  if (plan.model === null) return plan;
  return { ...plan, model: { ...plan.model, runs: { ...plan.model.runs, [kind]: run } } };
}

// ---- assumptions ----

export function updateModelSettings(plan: Plan, patch: ModelSettingsPatch): Plan {
  const settings = requireModel(plan).settings;
  const { business, ...scalars } = patch;
  return withSettings(plan, {
    ...settings,
    ...scalars,
    business: business === undefined ? settings.business : { ...settings.business, ...business },
  });
}

/** Sets one department's full-effort reach on one metric, or removes it with null. */
export function setReach(plan: Plan, departmentId: Id, metricId: Id, fullEffortChange: Estimate | null): Plan {
  const model = requireModel(plan);
  const s = model.settings;
  const at = s.reach.findIndex((r) => r.departmentId === departmentId && r.metricId === metricId);
  if (fullEffortChange === null) {
    if (at < 0) return plan;
    const key = reachKey(departmentId, metricId);
    return withModel(plan, {
      ...model,
      settings: { ...s, reach: s.reach.filter((_, i) => i !== at) },
      scenarios: withoutOverrides(model.scenarios, (k) => k === key),
    });
  }
  const entry = { departmentId, metricId, fullEffortChange };
  const reach = at < 0 ? [...s.reach, entry] : s.reach.map((r, i) => (i === at ? entry : r));
  return withSettings(plan, { ...s, reach });
}

/** Sets the side effect of one metric on another (replacing any there was), or removes it with null. */
export function setSideEffect(
  plan: Plan,
  fromMetricId: Id,
  toMetricId: Id,
  fields: Pick<SideEffect, 'perUnit' | 'source' | 'note'> | null,
): Plan {
  const model = requireModel(plan);
  const s = model.settings;
  const at = s.sideEffects.findIndex((e) => e.fromMetricId === fromMetricId && e.toMetricId === toMetricId);
  if (fields === null) {
    if (at < 0) return plan;
    const key = sideEffectKey(fromMetricId, toMetricId);
    return withModel(plan, {
      ...model,
      settings: { ...s, sideEffects: s.sideEffects.filter((_, i) => i !== at) },
      scenarios: withoutOverrides(model.scenarios, (k) => k === key),
    });
  }
  const entry: SideEffect = { fromMetricId, toMetricId, ...fields, note: optionalText('note', fields.note) };
  const sideEffects = at < 0 ? [...s.sideEffects, entry] : s.sideEffects.map((e, i) => (i === at ? entry : e));
  return withSettings(plan, { ...s, sideEffects });
}

/** Sets what one unit of a metric is worth per month (with its lag and source), or removes it with null. */
export function setMetricValue(plan: Plan, metricId: Id, fields: Omit<MetricValue, 'metricId'> | null): Plan {
  const model = requireModel(plan);
  const s = model.settings;
  const at = s.values.findIndex((v) => v.metricId === metricId);
  if (fields === null) {
    if (at < 0) return plan;
    const key = valueKey(metricId);
    return withModel(plan, {
      ...model,
      settings: { ...s, values: s.values.filter((_, i) => i !== at) },
      scenarios: withoutOverrides(model.scenarios, (k) => k === key),
    });
  }
  const entry: MetricValue = { metricId, ...fields, note: optionalText('note', fields.note) };
  const values = at < 0 ? [...s.values, entry] : s.values.map((v, i) => (i === at ? entry : v));
  return withSettings(plan, { ...s, values });
}

/** How a metric is named in a refusal: its abbreviation, or its name when it has none. */
function metricLabel(plan: Plan, metricId: Id): string {
  const metric = plan.metrics.find((m) => m.id === metricId);
  return metric === undefined ? `"${metricId}"` : metric.abbreviation || metric.name;
}

/**
 * Adds a department's full-effort reach on a metric it has none on yet. A pair that already has one is refused
 * (change it in its row instead), so an "add" never silently overwrites what someone entered.
 */
export function addReach(plan: Plan, departmentId: Id, metricId: Id, fullEffortChange: Estimate): Plan {
  const at = requireModel(plan).settings.reach.findIndex((r) => r.departmentId === departmentId && r.metricId === metricId);
  if (at >= 0) {
    const department = plan.departments.find((d) => d.id === departmentId)?.name ?? `"${departmentId}"`;
    throw new PlanEditError(`settings.reach[${at}]`, `${department} already has a reach on ${metricLabel(plan, metricId)}: change it in its row.`);
  }
  return setReach(plan, departmentId, metricId, fullEffortChange);
}

/**
 * Adds a side effect between two metrics that have none yet. Refused when the pair already has one, when a metric
 * would act on itself, or when the new link closes a loop (validateModel's rules).
 */
export function addSideEffect(
  plan: Plan,
  fromMetricId: Id,
  toMetricId: Id,
  fields: Pick<SideEffect, 'perUnit' | 'source' | 'note'>,
): Plan {
  const at = requireModel(plan).settings.sideEffects.findIndex((e) => e.fromMetricId === fromMetricId && e.toMetricId === toMetricId);
  if (at >= 0) {
    const name = `${metricLabel(plan, fromMetricId)} → ${metricLabel(plan, toMetricId)}`;
    throw new PlanEditError(`settings.sideEffects[${at}]`, `${name} is already a side effect: change it in its row.`);
  }
  return setSideEffect(plan, fromMetricId, toMetricId, fields);
}

/** Adds the value of a metric that has none yet; a metric with a value is refused (change it in its row). */
export function addMetricValue(plan: Plan, metricId: Id, fields: Omit<MetricValue, 'metricId'>): Plan {
  const at = requireModel(plan).settings.values.findIndex((v) => v.metricId === metricId);
  if (at >= 0) throw new PlanEditError(`settings.values[${at}]`, `${metricLabel(plan, metricId)} already has a value: change it in its row.`);
  return setMetricValue(plan, metricId, fields);
}

// ---- initiatives ----

export function addInitiative(plan: Plan, fields: NewInitiative): Plan {
  const model = requireModel(plan);
  const initiative: Initiative = {
    id: freshId(model.initiatives, fields.id, 'initiative'),
    name: requiredText('name', fields.name),
    description: optionalText('description', fields.description),
    enabled: fields.enabled ?? true,
    oneOffCost: fields.oneOffCost ?? 0,
    recurringCostPerMonth: fields.recurringCostPerMonth ?? 0,
    effects: fields.effects ?? [],
    lagMonths: fields.lagMonths ?? 0,
    rampUpMonths: fields.rampUpMonths ?? 0,
  };
  return withModel(plan, { ...model, initiatives: [...model.initiatives, initiative] });
}

/** Changes an initiative; scenario overrides on effects it no longer has are dropped with them. */
export function updateInitiative(plan: Plan, id: Id, patch: InitiativePatch): Plan {
  const model = requireModel(plan);
  const at = indexOf(model.initiatives, id, 'id', 'initiative');
  const current = model.initiatives[at] as Initiative;
  const next: Initiative = {
    ...current,
    ...patch,
    id,
    name: patch.name === undefined ? current.name : requiredText('name', patch.name),
    description: patch.description === undefined ? current.description : optionalText('description', patch.description),
  };
  const kept = new Set(next.effects.map((e) => effectKey(id, e.metricId)));
  const dropped = current.effects.map((e) => effectKey(id, e.metricId)).filter((k) => !kept.has(k));
  return withModel(plan, {
    ...model,
    initiatives: model.initiatives.map((i, k) => (k === at ? next : i)),
    scenarios: dropped.length === 0 ? model.scenarios : withoutOverrides(model.scenarios, (k) => dropped.includes(k)),
  });
}

/** Removes an initiative and the scenario overrides on its effects. */
export function removeInitiative(plan: Plan, id: Id): Plan {
  const model = requireModel(plan);
  indexOf(model.initiatives, id, 'id', 'initiative');
  const prefix = effectKey(id, '');
  return withModel(plan, {
    ...model,
    initiatives: model.initiatives.filter((i) => i.id !== id),
    scenarios: withoutOverrides(model.scenarios, (k) => k.startsWith(prefix)),
  });
}

// ---- scenarios ----

export function addScenario(plan: Plan, fields: NewScenario): Plan {
  const model = requireModel(plan);
  const scenario: Scenario = {
    id: freshId(model.scenarios, fields.id, 'scenario'),
    name: requiredText('name', fields.name),
    description: optionalText('description', fields.description),
    overrides: fields.overrides ?? [],
  };
  return withModel(plan, { ...model, scenarios: [...model.scenarios, scenario] });
}

export function updateScenario(plan: Plan, id: Id, patch: ScenarioPatch): Plan {
  const model = requireModel(plan);
  const at = indexOf(model.scenarios, id, 'id', 'scenario');
  const current = model.scenarios[at] as Scenario;
  const next: Scenario = {
    ...current,
    ...patch,
    id,
    name: patch.name === undefined ? current.name : requiredText('name', patch.name),
    description: patch.description === undefined ? current.description : optionalText('description', patch.description),
  };
  return withModel(plan, { ...model, scenarios: model.scenarios.map((s, k) => (k === at ? next : s)) });
}

export function removeScenario(plan: Plan, id: Id): Plan {
  const model = requireModel(plan);
  indexOf(model.scenarios, id, 'id', 'scenario');
  return withModel(plan, { ...model, scenarios: model.scenarios.filter((s) => s.id !== id) });
}
