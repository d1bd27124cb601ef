// Consistency of a plan's model, targets and XLAs: ids unique, every metric, department and goal they name exists.
import type { Id, Plan } from '../domain/plan/types';
import type { PlanModel } from '../domain/model/stored';
import type { CascadeNode } from '../domain/targets/stored';
import type { FieldError } from './fieldError';
import { checkReference, indexIds } from './planReferences';
import { cascadeDepth, TARGET_FILE_LIMITS } from './targetsSchema';

type Known = ReadonlyMap<Id, number>;

export function checkModelReferences(model: PlanModel, metrics: Known, departments: Known, errors: FieldError[]): void {
  const at = 'plan.model.settings';
  model.settings.reach.forEach((reach, i) => {
    checkReference(`${at}.reach[${i}].departmentId`, 'departments', reach.departmentId, departments, errors);
    checkReference(`${at}.reach[${i}].metricId`, 'metrics', reach.metricId, metrics, errors);
  });
  model.settings.sideEffects.forEach((effect, i) => {
    checkReference(`${at}.sideEffects[${i}].fromMetricId`, 'metrics', effect.fromMetricId, metrics, errors);
    checkReference(`${at}.sideEffects[${i}].toMetricId`, 'metrics', effect.toMetricId, metrics, errors);
  });
  model.settings.values.forEach((value, i) => {
    checkReference(`${at}.values[${i}].metricId`, 'metrics', value.metricId, metrics, errors);
  });
  indexIds('model.initiatives', model.initiatives, errors);
  model.initiatives.forEach((initiative, i) => {
    initiative.effects.forEach((effect, j) => {
      checkReference(`plan.model.initiatives[${i}].effects[${j}].metricId`, 'metrics', effect.metricId, metrics, errors);
    });
  });
  indexIds('model.scenarios', model.scenarios, errors);
}

/** Every node of a cascade with its path from the target, depth first. */
function nodesOf(root: CascadeNode, path: string): { node: CascadeNode; path: string }[] {
  const found: { node: CascadeNode; path: string }[] = [];
  const stack = [{ node: root, path }];
  while (stack.length > 0) {
    const current = stack.pop()!;
    found.push(current);
    current.node.children.forEach((child, i) => stack.push({ node: child, path: `${current.path}.children[${i}]` }));
  }
  return found;
}

export function checkTargetReferences(plan: Plan, goals: Known, metrics: Known, departments: Known, errors: FieldError[]): void {
  indexIds('targets', plan.targets, errors);
  plan.targets.forEach((target, i) => {
    const at = `plan.targets[${i}]`;
    checkReference(`${at}.metricId`, 'metrics', target.metricId, metrics, errors);
    if (target.goalId !== null) checkReference(`${at}.goalId`, 'goals', target.goalId, goals, errors);
    if (target.kpiLink !== null) checkReference(`${at}.kpiLink.kpiMetricId`, 'metrics', target.kpiLink.kpiMetricId, metrics, errors);
    if (target.cascade === null) return;
    if (cascadeDepth(target.cascade.root) > TARGET_FILE_LIMITS.depthMax) {
      errors.push({
        path: `${at}.cascade.root`,
        message: `expected a cascade at most ${TARGET_FILE_LIMITS.depthMax} levels deep but found a deeper one`,
      });
      return;
    }
    const seen = new Map<Id, string>();
    for (const { node, path } of nodesOf(target.cascade.root, `${at}.cascade.root`)) {
      const first = seen.get(node.id);
      if (first !== undefined) {
        errors.push({ path: `${path}.id`, message: `duplicate id ${JSON.stringify(node.id)}: already used by ${first}; ids must be unique` });
      }
      seen.set(node.id, path);
      if (node.departmentId !== null) checkReference(`${path}.departmentId`, 'departments', node.departmentId, departments, errors);
    }
  });
  indexIds('xlas', plan.xlas, errors);
  plan.xlas.forEach((xla, i) => {
    if (xla.metricId !== null) checkReference(`plan.xlas[${i}].metricId`, 'metrics', xla.metricId, metrics, errors);
  });
}
