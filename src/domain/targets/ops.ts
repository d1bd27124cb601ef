// Pure, immutable plan edits for targets, their cascades and agreements, refusing anything the plan cannot hold.
/*
 * The same contract as plan/ops.ts: the input plan is never mutated, updatedAt is left to storage, and invalid
 * input throws a PlanEditError naming the field (forms check first with checkSmart / validateXla, so a throw
 * means a stale view or a bug). These edits are replayed when the editor saves, so they depend on nothing but
 * their arguments: in particular not on today's date. Whether a deadline still lies ahead is the form's check; a
 * stored target only has to be consistent in itself (its deadline after its baseline's date).
 */
import type { Id, Metric, Plan } from '../plan/types';
import { newId } from '../plan/ids';
import { PlanEditError } from '../plan/validation';
import { reconciliation, roundTo, setRootTarget } from './cascade';
import { cascadeRules } from './cascadeStart';
import { parseIsoDate } from './dates';
import type { FieldProblem } from './problem';
import type { Cascade, CascadeNode, Target, Xla } from './stored';
import { validateCascade, validateTarget, validateXla } from './validate';

/** Everything of a target but what fixes its identity: the metric it measures and when it was set. */
export type TargetPatch = Partial<Omit<Target, 'id' | 'metricId' | 'createdAt'>>;
export type XlaPatch = Partial<Omit<Xla, 'id'>>;

function refuse(problems: readonly FieldProblem[]): void {
  const first = problems[0];
  if (first !== undefined) throw new PlanEditError(first.field, first.message);
}

function requireMetric(plan: Plan, id: Id, field: string): Metric {
  const metric = plan.metrics.find((m) => m.id === id);
  if (metric === undefined) throw new PlanEditError(field, `no metric with id "${id}" in this plan.`);
  return metric;
}

function requireTarget(plan: Plan, id: Id): Target {
  const target = plan.targets.find((t) => t.id === id);
  if (target === undefined) throw new PlanEditError('id', `no target with id "${id}" in this plan.`);
  return target;
}

function requireXla(plan: Plan, id: Id): Xla {
  const xla = plan.xlas.find((x) => x.id === id);
  if (xla === undefined) throw new PlanEditError('id', `no agreement with id "${id}" in this plan.`);
  return xla;
}

function freshId(existing: readonly { id: Id }[], id: string, prefix: string): Id {
  const chosen = id.trim() === '' ? newId(prefix) : id;
  if (existing.some((e) => e.id === chosen)) throw new PlanEditError('id', `"${chosen}" is already used in this plan.`);
  return chosen;
}

function checkCascadeDepartments(plan: Plan, root: CascadeNode): void {
  const departments = new Set(plan.departments.map((d) => d.id));
  const visit = (node: CascadeNode, path: string): void => {
    if (node.departmentId !== null && !departments.has(node.departmentId)) {
      throw new PlanEditError(`${path}.departmentId`, `no department with id "${node.departmentId}" in this plan.`);
    }
    node.children.forEach((child, i) => visit(child, `${path}.children[${i}]`));
  };
  visit(root, 'cascade.root');
}

/**
 * A cascade must belong to its target (its top carries the target's value) and add up at every level (every
 * parent recomputed from its parts shows its own target at the cascade's decimals).
 */
function checkCascade(plan: Plan, target: Target, metric: Metric, cascade: Cascade): void {
  refuse(validateCascade(cascade, metric));
  checkCascadeDepartments(plan, cascade.root);
  if (roundTo(cascade.root.target, cascade.decimals) !== roundTo(target.targetValue, cascade.decimals)) {
    throw new PlanEditError('cascade.root.target', "the top of the cascade must carry the target's value.");
  }
  const broken = reconciliation(cascade).find((row) => !row.reconciles);
  if (broken !== undefined) {
    throw new PlanEditError('cascade', `the parts of ${broken.name} do not add up to its target.`);
  }
}

/** A target as the plan can keep it: its metric, goal and KPI exist, and its values are possible on the scale. */
function checkedTarget(plan: Plan, target: Target): Target {
  const metric = requireMetric(plan, target.metricId, 'metricId');
  if (target.goalId !== null && !plan.goals.some((g) => g.id === target.goalId)) {
    throw new PlanEditError('goalId', `no goal with id "${target.goalId}" in this plan.`);
  }
  if (target.kpiLink !== null) {
    requireMetric(plan, target.kpiLink.kpiMetricId, 'kpiLink.kpiMetricId');
    if (target.kpiLink.kpiMetricId === target.metricId) {
      throw new PlanEditError('kpiLink.kpiMetricId', 'a metric cannot be the KPI of its own target.');
    }
  }
  // Judged against the baseline's date rather than today (see the contract above); the cascade is checked apart.
  const problems = validateTarget({ ...target, cascade: null }, { metric, today: target.baseline.asOf });
  refuse(
    problems.map((p) =>
      p.field === 'deadline' && parseIsoDate(target.deadline) !== null
        ? { field: 'deadline', message: `The deadline must come after the baseline's date (${target.baseline.asOf}).` }
        : p,
    ),
  );
  if (target.cascade !== null) checkCascade(plan, target, metric, target.cascade);
  return target;
}

/** Adds a target; an empty id gets a fresh one. */
export function addTarget(plan: Plan, target: Target): Plan {
  const next = checkedTarget(plan, { ...target, id: freshId(plan.targets, target.id, 'target') });
  return { ...plan, targets: [...plan.targets, next] };
}

/**
 * Changes a target. A new value moves the top of its cascade with it and re-balances the parts (unless the patch
 * brings its own cascade); a value the locked parts cannot reconcile with is refused at `targetValue`.
 */
export function updateTarget(plan: Plan, id: Id, patch: TargetPatch): Plan {
  const current = requireTarget(plan, id);
  const merged: Target = { ...current };
  for (const field of Object.keys(patch) as (keyof TargetPatch)[]) {
    if (patch[field] !== undefined) Object.assign(merged, { [field]: patch[field] });
  }
  const next: Target = { ...merged, id: current.id, metricId: current.metricId, createdAt: current.createdAt };
  if (patch.cascade === undefined && next.cascade !== null && next.targetValue !== current.targetValue) {
    const metric = requireMetric(plan, next.metricId, 'metricId');
    const moved = setRootTarget(next.cascade, next.targetValue, cascadeRules(metric, next));
    if (!moved.ok) throw new PlanEditError('targetValue', moved.problems[0]?.message ?? 'the cascade cannot follow this value.');
    next.cascade = moved.cascade;
  }
  const checked = checkedTarget(plan, next);
  return { ...plan, targets: plan.targets.map((t) => (t.id === id ? checked : t)) };
}

export function removeTarget(plan: Plan, id: Id): Plan {
  requireTarget(plan, id);
  return { ...plan, targets: plan.targets.filter((t) => t.id !== id) };
}

/** Replaces a target's cascade (null removes it); refused unless it belongs to the target and reconciles. */
export function setCascade(plan: Plan, targetId: Id, cascade: Cascade | null): Plan {
  const target = requireTarget(plan, targetId);
  if (cascade === null) {
    return target.cascade === null ? plan : { ...plan, targets: plan.targets.map((t) => (t.id === targetId ? { ...t, cascade: null } : t)) };
  }
  checkCascade(plan, target, requireMetric(plan, target.metricId, 'metricId'), cascade);
  return { ...plan, targets: plan.targets.map((t) => (t.id === targetId ? { ...t, cascade } : t)) };
}

function checkedXla(plan: Plan, xla: Xla): Xla {
  const metric = xla.metricId === null ? null : requireMetric(plan, xla.metricId, 'metricId');
  refuse(validateXla(xla, metric, 'xla'));
  return { ...xla, name: xla.name.trim() };
}

/** Adds an agreement; an empty id gets a fresh one. */
export function addXla(plan: Plan, xla: Xla): Plan {
  const next = checkedXla(plan, { ...xla, id: freshId(plan.xlas, xla.id, 'xla') });
  return { ...plan, xlas: [...plan.xlas, next] };
}

export function updateXla(plan: Plan, id: Id, patch: XlaPatch): Plan {
  const current = requireXla(plan, id);
  const merged: Xla = { ...current };
  for (const field of Object.keys(patch) as (keyof XlaPatch)[]) {
    if (patch[field] !== undefined) Object.assign(merged, { [field]: patch[field] });
  }
  const checked = checkedXla(plan, { ...merged, id: current.id });
  return { ...plan, xlas: plan.xlas.map((x) => (x.id === id ? checked : x)) };
}

export function removeXla(plan: Plan, id: Id): Plan {
  requireXla(plan, id);
  return { ...plan, xlas: plan.xlas.filter((x) => x.id !== id) };
}
