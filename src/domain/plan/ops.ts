// Pure, immutable edit operations on a plan that keep every link pointing at something that exists.
/*
 * Contract shared by every operation here:
 * - The input plan is never mutated; unchanged arrays and entities are shared with the result.
 * - updatedAt is left alone: the storage layer stamps it when it saves.
 * - Invalid input (blank name, number out of range, an id that is not in the plan, a duplicate) throws a
 *   PlanEditError naming the field. Callers are UI forms that validate first, so a throw means a bug or a stale
 *   view; silently returning the plan unchanged would hide it.
 * - An operation that legitimately changes nothing (clearing an empty matrix cell) returns the input plan itself.
 * - Operations that add an entity accept an optional id so the caller knows it (and tests stay deterministic).
 */
import type {
  ConflictDismissal,
  CorrelationFinding,
  Department,
  DepartmentRole,
  Goal,
  GoalMetricLink,
  Guardrail,
  Id,
  MeasureKind,
  Metric,
  MetricDepartmentLink,
  Plan,
  ScorecardEntry,
} from './types';
import { newId } from './ids';
import { detachDepartment, detachGoal, detachMetric } from './detach';
import {
  type CustomMetricFields,
  checkedMetric,
  customMetric,
  findTemplate,
  metricFromTemplate,
} from './metricLibrary';
import { PlanEditError, checkedNumber, oneOf, optionalText, requiredText } from './validation';

/** Goal-matrix weights are whole-number importance ratings on a 1..5 scale (as the plan-file schema requires). */
export const GOAL_WEIGHT_MIN = 1;
export const GOAL_WEIGHT_MAX = 5;

export interface NewGoal {
  id?: Id;
  name: string;
  description?: string;
  kpiMetricId?: Id | null;
  owner?: string;
}
export type GoalPatch = Partial<Omit<Goal, 'id'>>;

export interface NewDepartment {
  id?: Id;
  name: string;
  headcount?: number;
  surveyResponsesPerMonth?: number;
}
export type DepartmentPatch = Partial<Omit<Department, 'id'>>;

/** The key stays fixed once a metric exists (trade-offs and imported data refer to it); custom is fixed too. */
export type MetricPatch = Partial<Omit<Metric, 'id' | 'key' | 'custom'>>;

export interface NewGuardrail {
  id?: Id;
  metricId: Id;
  guardMetricId: Id;
  departmentId?: Id | null;
  note?: string;
}
export type GuardrailPatch = Partial<Omit<Guardrail, 'id'>>;

export interface ScorecardCell {
  kind: MeasureKind;
  weight: number;
}

const ROLES: readonly DepartmentRole[] = ['owner', 'contributor'];
const KINDS: readonly MeasureKind[] = ['collective', 'individual'];

// ---- lookups that throw when a reference is stale ----

function requireGoal(plan: Plan, id: Id, field = 'goalId'): Goal {
  const goal = plan.goals.find((g) => g.id === id);
  if (goal === undefined) throw new PlanEditError(field, `no goal with id "${id}" in this plan.`);
  return goal;
}

function requireMetric(plan: Plan, id: Id, field = 'metricId'): Metric {
  const metric = plan.metrics.find((m) => m.id === id);
  if (metric === undefined) throw new PlanEditError(field, `no metric with id "${id}" in this plan.`);
  return metric;
}

function requireDepartment(plan: Plan, id: Id, field = 'departmentId'): Department {
  const department = plan.departments.find((d) => d.id === id);
  if (department === undefined) throw new PlanEditError(field, `no department with id "${id}" in this plan.`);
  return department;
}

function requireGuardrail(plan: Plan, id: Id): Guardrail {
  const guardrail = plan.guardrails.find((g) => g.id === id);
  if (guardrail === undefined) throw new PlanEditError('guardrailId', `no guardrail with id "${id}" in this plan.`);
  return guardrail;
}

function freshId(existing: readonly { id: Id }[], id: Id | undefined, prefix: string): Id {
  if (id === undefined) return newId(prefix);
  const checked = requiredText('id', id);
  if (existing.some((e) => e.id === checked)) {
    throw new PlanEditError('id', `"${checked}" is already used in this plan.`);
  }
  return checked;
}

function replaceById<T extends { id: Id }>(items: readonly T[], next: T): T[] {
  return items.map((item) => (item.id === next.id ? next : item));
}

// ---- the plan itself ----

export function renamePlan(plan: Plan, name: string): Plan {
  return { ...plan, name: requiredText('name', name) };
}

export function setPlanDescription(plan: Plan, description: string): Plan {
  return { ...plan, description: optionalText('description', description) };
}

// ---- goals ----

function checkedKpi(plan: Plan, kpiMetricId: Id | null | undefined): Id | null {
  if (kpiMetricId === undefined || kpiMetricId === null) return null;
  return requireMetric(plan, kpiMetricId, 'kpiMetricId').id;
}

export function addGoal(plan: Plan, fields: NewGoal): Plan {
  const goal: Goal = {
    id: freshId(plan.goals, fields.id, 'goal'),
    name: requiredText('name', fields.name),
    description: optionalText('description', fields.description),
    kpiMetricId: checkedKpi(plan, fields.kpiMetricId),
    owner: optionalText('owner', fields.owner),
  };
  return { ...plan, goals: [...plan.goals, goal] };
}

export function updateGoal(plan: Plan, id: Id, patch: GoalPatch): Plan {
  const goal = requireGoal(plan, id, 'id');
  const next: Goal = {
    id: goal.id,
    name: patch.name === undefined ? goal.name : requiredText('name', patch.name),
    description: patch.description === undefined ? goal.description : optionalText('description', patch.description),
    kpiMetricId: patch.kpiMetricId === undefined ? goal.kpiMetricId : checkedKpi(plan, patch.kpiMetricId),
    owner: patch.owner === undefined ? goal.owner : optionalText('owner', patch.owner),
  };
  return { ...plan, goals: replaceById(plan.goals, next) };
}

/** Removes the goal and its row of the goals × metrics matrix; its targets stay, without a goal. */
export function removeGoal(plan: Plan, id: Id): Plan {
  requireGoal(plan, id, 'id');
  return {
    ...plan,
    goals: plan.goals.filter((g) => g.id !== id),
    goalMetrics: plan.goalMetrics.filter((l) => l.goalId !== id),
    ...detachGoal(plan, id),
  };
}

// ---- metrics ----

/** Adds a custom metric; its key is a slug of its name made unique in the plan (see customMetric). */
export function addMetric(plan: Plan, fields: CustomMetricFields & { id?: Id }): Plan {
  const id = freshId(plan.metrics, fields.id, 'metric');
  const metric = customMetric(
    fields,
    plan.metrics.map((m) => m.key),
    id,
  );
  return { ...plan, metrics: [...plan.metrics, metric] };
}

/** Adds the library metric with this key; refuses unknown keys and metrics the plan already holds. */
export function addMetricFromLibrary(plan: Plan, key: string, id?: Id): Plan {
  const template = findTemplate(key);
  if (template === undefined) throw new PlanEditError('key', `"${key}" is not a metric in the library.`);
  if (plan.metrics.some((m) => m.key === key)) {
    throw new PlanEditError('key', `${template.abbreviation} is already in this plan.`);
  }
  const metric = metricFromTemplate(template, freshId(plan.metrics, id, 'metric'));
  return { ...plan, metrics: [...plan.metrics, metric] };
}

export function updateMetric(plan: Plan, id: Id, patch: MetricPatch): Plan {
  const metric = requireMetric(plan, id, 'id');
  const merged: Metric = { ...metric };
  for (const field of Object.keys(patch) as (keyof MetricPatch)[]) {
    const value = patch[field];
    if (value !== undefined) Object.assign(merged, { [field]: value });
  }
  // A caller bypassing the type could slip identity fields into the patch; they are not editable.
  const next = checkedMetric({ ...merged, id: metric.id, key: metric.key, custom: metric.custom });
  return { ...plan, metrics: replaceById(plan.metrics, next) };
}

/**
 * Removes the metric and everything that refers to it: its goal-matrix column, its department links, scorecard
 * entries, guardrails, kept findings and dismissed conflicts on either side, its targets and its parts of the model
 * (see detach.ts); goals that used it as their KPI are left without one.
 */
export function removeMetric(plan: Plan, id: Id): Plan {
  requireMetric(plan, id, 'id');
  return {
    ...plan,
    metrics: plan.metrics.filter((m) => m.id !== id),
    goals: plan.goals.map((g) => (g.kpiMetricId === id ? { ...g, kpiMetricId: null } : g)),
    goalMetrics: plan.goalMetrics.filter((l) => l.metricId !== id),
    metricDepartments: plan.metricDepartments.filter((l) => l.metricId !== id),
    scorecard: plan.scorecard.filter((e) => e.metricId !== id),
    guardrails: plan.guardrails.filter((g) => g.metricId !== id && g.guardMetricId !== id),
    findings: plan.findings.filter((f) => f.metricId !== id && f.kpiMetricId !== id),
    conflictDismissals: plan.conflictDismissals.filter((d) => d.metricId !== id && d.otherMetricId !== id),
    ...detachMetric(plan, id),
  };
}

// ---- departments ----

function checkedHeadcount(value: number): number {
  return checkedNumber('headcount', value, { min: 0, integer: true });
}

function checkedResponses(value: number): number {
  return checkedNumber('surveyResponsesPerMonth', value, { min: 0 });
}

export function addDepartment(plan: Plan, fields: NewDepartment): Plan {
  const department: Department = {
    id: freshId(plan.departments, fields.id, 'dept'),
    name: requiredText('name', fields.name),
    headcount: checkedHeadcount(fields.headcount ?? 0),
    surveyResponsesPerMonth: checkedResponses(fields.surveyResponsesPerMonth ?? 0),
  };
  return { ...plan, departments: [...plan.departments, department] };
}

export function updateDepartment(plan: Plan, id: Id, patch: DepartmentPatch): Plan {
  const department = requireDepartment(plan, id, 'id');
  const next: Department = {
    id: department.id,
    name: patch.name === undefined ? department.name : requiredText('name', patch.name),
    headcount: patch.headcount === undefined ? department.headcount : checkedHeadcount(patch.headcount),
    surveyResponsesPerMonth:
      patch.surveyResponsesPerMonth === undefined
        ? department.surveyResponsesPerMonth
        : checkedResponses(patch.surveyResponsesPerMonth),
  };
  return { ...plan, departments: replaceById(plan.departments, next) };
}

/**
 * Removes the department, its metric links, its scorecard and the guardrails scoped to it. Such guardrails are
 * dropped rather than widened to the whole plan, which would change what they mean.
 */
export function removeDepartment(plan: Plan, id: Id): Plan {
  requireDepartment(plan, id, 'id');
  return {
    ...plan,
    departments: plan.departments.filter((d) => d.id !== id),
    metricDepartments: plan.metricDepartments.filter((l) => l.departmentId !== id),
    scorecard: plan.scorecard.filter((e) => e.departmentId !== id),
    guardrails: plan.guardrails.filter((g) => g.departmentId !== id),
    ...detachDepartment(plan, id),
  };
}

// ---- matrix cells ----

/**
 * Sets a cell of the goals × metrics matrix (whole-number weight 1..5), or clears it with null. An omitted
 * rationale keeps the cell's current one (empty for a new cell).
 */
export function setGoalMetric(plan: Plan, goalId: Id, metricId: Id, weight: number | null, rationale?: string): Plan {
  requireGoal(plan, goalId);
  requireMetric(plan, metricId);
  const isCell = (l: GoalMetricLink): boolean => l.goalId === goalId && l.metricId === metricId;
  const current = plan.goalMetrics.find(isCell);
  if (weight === null) {
    return current === undefined ? plan : { ...plan, goalMetrics: plan.goalMetrics.filter((l) => !isCell(l)) };
  }
  const cell: GoalMetricLink = {
    goalId,
    metricId,
    weight: checkedNumber('weight', weight, { min: GOAL_WEIGHT_MIN, max: GOAL_WEIGHT_MAX, integer: true }),
    rationale: rationale === undefined ? (current?.rationale ?? '') : optionalText('rationale', rationale),
  };
  const goalMetrics =
    current === undefined ? [...plan.goalMetrics, cell] : plan.goalMetrics.map((l) => (isCell(l) ? cell : l));
  return { ...plan, goalMetrics };
}

/** Sets a cell of the metrics × departments matrix, or clears it with null. */
export function setMetricDepartment(plan: Plan, metricId: Id, departmentId: Id, role: DepartmentRole | null): Plan {
  requireMetric(plan, metricId);
  requireDepartment(plan, departmentId);
  const isCell = (l: MetricDepartmentLink): boolean => l.metricId === metricId && l.departmentId === departmentId;
  const current = plan.metricDepartments.find(isCell);
  if (role === null) {
    return current === undefined
      ? plan
      : { ...plan, metricDepartments: plan.metricDepartments.filter((l) => !isCell(l)) };
  }
  const cell: MetricDepartmentLink = { metricId, departmentId, role: oneOf('role', role, ROLES) };
  const metricDepartments =
    current === undefined
      ? [...plan.metricDepartments, cell]
      : plan.metricDepartments.map((l) => (isCell(l) ? cell : l));
  return { ...plan, metricDepartments };
}

/**
 * Puts a metric on a department's scorecard with a kind and a percentage weight (0..100), or takes it off with
 * null. The weights of a scorecard are not forced to sum to 100 here: a scorecard is edited one line at a time,
 * and scorecardFor / coverageWarnings report the sum.
 */
export function setScorecardEntry(plan: Plan, departmentId: Id, metricId: Id, cell: ScorecardCell | null): Plan {
  requireDepartment(plan, departmentId);
  requireMetric(plan, metricId);
  const isEntry = (e: ScorecardEntry): boolean => e.departmentId === departmentId && e.metricId === metricId;
  const current = plan.scorecard.find(isEntry);
  if (cell === null) {
    return current === undefined ? plan : { ...plan, scorecard: plan.scorecard.filter((e) => !isEntry(e)) };
  }
  const entry: ScorecardEntry = {
    departmentId,
    metricId,
    kind: oneOf('kind', cell.kind, KINDS),
    weight: checkedNumber('weight', cell.weight, { min: 0, max: 100 }),
  };
  const scorecard =
    current === undefined ? [...plan.scorecard, entry] : plan.scorecard.map((e) => (isEntry(e) ? entry : e));
  return { ...plan, scorecard };
}

// ---- guardrails ----

function checkedGuardrail(plan: Plan, guardrail: Guardrail): Guardrail {
  requireMetric(plan, guardrail.metricId, 'metricId');
  requireMetric(plan, guardrail.guardMetricId, 'guardMetricId');
  if (guardrail.metricId === guardrail.guardMetricId) {
    throw new PlanEditError('guardMetricId', 'a metric cannot guard itself; choose a different metric to protect.');
  }
  const departmentId = guardrail.departmentId ?? null;
  if (departmentId !== null) requireDepartment(plan, departmentId);
  const duplicate = plan.guardrails.some(
    (g) =>
      g.id !== guardrail.id &&
      g.metricId === guardrail.metricId &&
      g.guardMetricId === guardrail.guardMetricId &&
      g.departmentId === departmentId,
  );
  if (duplicate) throw new PlanEditError('guardMetricId', 'the same guardrail already exists for this scope.');
  return { ...guardrail, departmentId, note: optionalText('note', guardrail.note) };
}

export function addGuardrail(plan: Plan, fields: NewGuardrail): Plan {
  const guardrail = checkedGuardrail(plan, {
    id: freshId(plan.guardrails, fields.id, 'guardrail'),
    metricId: fields.metricId,
    guardMetricId: fields.guardMetricId,
    departmentId: fields.departmentId ?? null,
    note: fields.note ?? '',
  });
  return { ...plan, guardrails: [...plan.guardrails, guardrail] };
}

export function updateGuardrail(plan: Plan, id: Id, patch: GuardrailPatch): Plan {
  const guardrail = requireGuardrail(plan, id);
  const next = checkedGuardrail(plan, {
    id: guardrail.id,
    metricId: patch.metricId ?? guardrail.metricId,
    guardMetricId: patch.guardMetricId ?? guardrail.guardMetricId,
    departmentId: patch.departmentId === undefined ? guardrail.departmentId : patch.departmentId,
    note: patch.note ?? guardrail.note,
  });
  return { ...plan, guardrails: replaceById(plan.guardrails, next) };
}

export function removeGuardrail(plan: Plan, id: Id): Plan {
  requireGuardrail(plan, id);
  return { ...plan, guardrails: plan.guardrails.filter((g) => g.id !== id) };
}

// ---- settings and evidence from the data ----

/** A currency must be an ISO 4217 code the browser knows how to format ("EUR", "USD"). */
export function setCurrency(plan: Plan, currency: string): Plan {
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new PlanEditError('currency', 'use a three-letter currency code such as EUR or USD.');
  if (code === plan.settings.currency) return plan;
  return { ...plan, settings: { ...plan.settings, currency: code } };
}

export type NewFinding = Omit<CorrelationFinding, 'id'> & { id?: Id };

/**
 * Keeps a correlation-test result as evidence. One finding per metric and KPI: keeping a newer reading of the same
 * pair replaces the older one, so models and targets never have to choose between two.
 */
export function keepFinding(plan: Plan, fields: NewFinding): Plan {
  requireMetric(plan, fields.kpiMetricId, 'kpiMetricId');
  requireMetric(plan, fields.metricId, 'metricId');
  if (fields.kpiMetricId === fields.metricId) throw new PlanEditError('metricId', 'a metric cannot be evidence for itself.');
  const numbers = [fields.r, fields.adjustedP, fields.slope, fields.slopeLow, fields.slopeHigh, fields.n, fields.lag];
  if (!numbers.every(Number.isFinite)) throw new PlanEditError('slope', 'the finding has a value that is not a number.');
  if (fields.slopeLow > fields.slopeHigh) throw new PlanEditError('slopeHigh', 'the interval is upside down.');
  const others = plan.findings.filter((f) => !(f.metricId === fields.metricId && f.kpiMetricId === fields.kpiMetricId));
  const finding: CorrelationFinding = { ...fields, id: freshId(others, fields.id, 'finding') };
  return { ...plan, findings: [...others, finding] };
}

export function removeFinding(plan: Plan, id: Id): Plan {
  if (!plan.findings.some((f) => f.id === id)) throw new PlanEditError('id', `no finding with id "${id}" in this plan.`);
  return { ...plan, findings: plan.findings.filter((f) => f.id !== id) };
}

const samePair = (d: ConflictDismissal, a: Id, b: Id) =>
  (d.metricId === a && d.otherMetricId === b) || (d.metricId === b && d.otherMetricId === a);

/** The dismissal of the conflict between two metrics, in either order, if the team set it aside. */
export function conflictDismissal(plan: Plan, a: Id, b: Id): ConflictDismissal | undefined {
  return plan.conflictDismissals.find((d) => samePair(d, a, b));
}

/** Sets a conflict aside with the team's reason (required: a dismissal nobody can explain later is no decision). */
export function dismissConflict(
  plan: Plan,
  fields: { id?: Id; metricId: Id; otherMetricId: Id; reason: string; dismissedAt: string },
): Plan {
  requireMetric(plan, fields.metricId, 'metricId');
  requireMetric(plan, fields.otherMetricId, 'otherMetricId');
  const reason = requiredText('reason', fields.reason);
  const others = plan.conflictDismissals.filter((d) => !samePair(d, fields.metricId, fields.otherMetricId));
  const dismissal: ConflictDismissal = {
    id: freshId(others, fields.id, 'dismissal'),
    metricId: fields.metricId,
    otherMetricId: fields.otherMetricId,
    reason,
    dismissedAt: fields.dismissedAt,
  };
  return { ...plan, conflictDismissals: [...others, dismissal] };
}

export function reopenConflict(plan: Plan, id: Id): Plan {
  if (!plan.conflictDismissals.some((d) => d.id === id)) {
    throw new PlanEditError('id', `no dismissed conflict with id "${id}" in this plan.`);
  }
  return { ...plan, conflictDismissals: plan.conflictDismissals.filter((d) => d.id !== id) };
}
