// Consistency of a plan's model, targets and XLAs: ids unique, every metric, department and goal they name exists, and
// saved runs that hang together.
import type { Id, Plan } from '../domain/plan/types';
import type { PlanModel, SavedRuns } from '../domain/model/stored';
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
  checkSavedRuns(model.runs, errors);
}

/** Reports the second and later uses of the same key in one list (tables key their rows by it). */
function uniqueKeys(path: string, field: string, keys: readonly string[], errors: FieldError[]): void {
  const first = new Map<string, number>();
  keys.forEach((key, i) => {
    const at = first.get(key);
    if (at === undefined) first.set(key, i);
    else errors.push({ path: `${path}[${i}].${field}`, message: `duplicate key ${JSON.stringify(key)}: already used by ${path}[${at}]` });
  });
}

/** Reports where `keys` departs from `expectedKeys`: the same keys in the same order. */
function sameKeys(path: string, field: string, keys: readonly string[], expectedKeys: readonly string[], errors: FieldError[]): void {
  if (keys.length !== expectedKeys.length) {
    const message = `expected ${expectedKeys.length} items, one per outcome of the first scenario, but found ${keys.length}`;
    errors.push({ path, message });
    return;
  }
  const at = keys.findIndex((key, i) => key !== expectedKeys[i]);
  if (at >= 0) {
    errors.push({
      path: `${path}[${at}].${field}`,
      message: `expected the outcome ${JSON.stringify(expectedKeys[at])}, as in the first scenario, but found ${JSON.stringify(keys[at])}`,
    });
  }
}

/**
 * Saved runs are results, so they name no part of the plan that must still exist (a scenario or KPI may have gone
 * since). What is checked is what drawing them relies on: unique row keys, every scenario of a Monte Carlo run with
 * the same outcomes in the same order, and a comparison of A with B exactly when two scenarios ran.
 */
function checkSavedRuns(runs: SavedRuns, errors: FieldError[]): void {
  const at = 'plan.model.runs';
  const mc = runs.monteCarlo;
  if (mc !== null) {
    const first = mc.scenarios[0]?.outputs.map((o) => o.key) ?? [];
    uniqueKeys(`${at}.monteCarlo.scenarios[0].outputs`, 'key', first, errors);
    mc.scenarios.slice(1).forEach((scenario, i) => {
      const keys = scenario.outputs.map((o) => o.key);
      sameKeys(`${at}.monteCarlo.scenarios[${i + 1}].outputs`, 'key', keys, first, errors);
    });
    if (mc.scenarios.length === 1 && mc.beats !== null) {
      errors.push({ path: `${at}.monteCarlo.beats`, message: 'expected null, as only one scenario ran, but found a list' });
    } else if (mc.scenarios.length === 2 && mc.beats === null) {
      errors.push({ path: `${at}.monteCarlo.beats`, message: 'expected a comparison of the two scenarios but found null' });
    } else if (mc.beats !== null) {
      sameKeys(`${at}.monteCarlo.beats`, 'outputKey', mc.beats.map((b) => b.outputKey), first, errors);
    }
  }
  if (runs.sobol !== null) uniqueKeys(`${at}.sobol.inputs`, 'key', runs.sobol.inputs.map((input) => input.key), errors);
  if (runs.morris !== null) uniqueKeys(`${at}.morris.inputs`, 'key', runs.morris.inputs.map((input) => input.key), errors);
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
