// What removing a metric, department or goal does to the model, targets and XLAs that mention it.
import type { PlanModel } from '../model/stored';
import type { CascadeNode, Target } from '../targets/stored';
import type { Id, Plan } from './types';

type Parts = Pick<Plan, 'model' | 'targets' | 'xlas'>;

function modelWithoutMetric(model: PlanModel, id: Id): PlanModel {
  const s = model.settings;
  return {
    ...model,
    settings: {
      ...s,
      reach: s.reach.filter((r) => r.metricId !== id),
      sideEffects: s.sideEffects.filter((e) => e.fromMetricId !== id && e.toMetricId !== id),
      values: s.values.filter((v) => v.metricId !== id),
    },
    initiatives: model.initiatives.map((i) => ({ ...i, effects: i.effects.filter((e) => e.metricId !== id) })),
  };
}

/**
 * A removed metric takes its targets with it (a target of a metric that no longer exists means nothing), loses its
 * place in the model, and leaves KPI links and XLAs that named it unlinked rather than deleted.
 */
export function detachMetric(plan: Plan, id: Id): Parts {
  return {
    model: plan.model === null ? null : modelWithoutMetric(plan.model, id),
    targets: plan.targets
      .filter((t) => t.metricId !== id)
      .map((t): Target => (t.kpiLink?.kpiMetricId === id ? { ...t, kpiLink: null } : t)),
    xlas: plan.xlas.map((x) => (x.metricId === id ? { ...x, metricId: null } : x)),
  };
}

function nodeWithoutDepartment(node: CascadeNode, id: Id): CascadeNode {
  return {
    ...node,
    departmentId: node.departmentId === id ? null : node.departmentId,
    children: node.children.map((child) => nodeWithoutDepartment(child, id)),
  };
}

/** A removed department leaves the model's reach; cascade nodes that stood for it keep their numbers, unlinked. */
export function detachDepartment(plan: Plan, id: Id): Parts {
  const model =
    plan.model === null
      ? null
      : { ...plan.model, settings: { ...plan.model.settings, reach: plan.model.settings.reach.filter((r) => r.departmentId !== id) } };
  return {
    model,
    targets: plan.targets.map((t) =>
      t.cascade === null ? t : { ...t, cascade: { ...t.cascade, root: nodeWithoutDepartment(t.cascade.root, id) } },
    ),
    xlas: plan.xlas,
  };
}

/** A removed goal leaves its targets without a goal (the SMART check then asks for one). */
export function detachGoal(plan: Plan, id: Id): Pick<Plan, 'targets'> {
  return { targets: plan.targets.map((t) => (t.goalId === id ? { ...t, goalId: null } : t)) };
}
