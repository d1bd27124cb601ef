// Consistency of a structurally valid plan: unique ids, links that point at existing parts, one value per matrix cell.
import type { Id, Plan } from '../domain/plan/types';
import type { FieldError } from './fieldError';
import { checkModelReferences, checkTargetReferences } from './modelTargetReferences';

const SINGULAR: Record<'goals' | 'metrics' | 'departments', string> = {
  goals: 'goal',
  metrics: 'metric',
  departments: 'department',
};

/** Maps each id to the index of its first occurrence, reporting every later duplicate. */
export function indexIds(collection: string, items: readonly { id: Id }[], errors: FieldError[]): Map<Id, number> {
  const firstIndex = new Map<Id, number>();
  items.forEach((item, i) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) {
      firstIndex.set(item.id, i);
    } else {
      errors.push({
        path: `plan.${collection}[${i}].id`,
        message:
          `duplicate id ${JSON.stringify(item.id)}: already used by plan.${collection}[${first}]; ` +
          'ids must be unique',
      });
    }
  });
  return firstIndex;
}

export function checkReference(
  path: string,
  target: 'goals' | 'metrics' | 'departments',
  id: Id,
  known: ReadonlyMap<Id, number>,
  errors: FieldError[],
): void {
  if (!known.has(id)) {
    errors.push({
      path,
      message: `refers to ${SINGULAR[target]} ${JSON.stringify(id)}, which is not in plan.${target}`,
    });
  }
}

/** Reports the second and later occurrences of the same cell (pair of ids) in a matrix. */
function checkUniqueCells<T>(
  collection: 'goalMetrics' | 'metricDepartments' | 'scorecard',
  items: readonly T[],
  cell: (item: T) => readonly [Id, Id],
  describe: (item: T) => string,
  errors: FieldError[],
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    // JSON of the pair cannot collide the way plain concatenation of two free-text ids could.
    const cellKey = JSON.stringify(cell(item));
    const first = seen.get(cellKey);
    if (first === undefined) {
      seen.set(cellKey, i);
    } else {
      errors.push({
        path: `plan.${collection}[${i}]`,
        message:
          `duplicate cell ${describe(item)}: already given at plan.${collection}[${first}]; ` +
          'each cell may appear once',
      });
    }
  });
}

/** All consistency problems of a plan whose structure is already valid; empty when the plan is consistent. */
export function checkPlanReferences(plan: Plan): FieldError[] {
  const errors: FieldError[] = [];
  const goals = indexIds('goals', plan.goals, errors);
  const metrics = indexIds('metrics', plan.metrics, errors);
  const departments = indexIds('departments', plan.departments, errors);
  indexIds('guardrails', plan.guardrails, errors);
  indexIds('findings', plan.findings, errors);
  indexIds('conflictDismissals', plan.conflictDismissals, errors);

  plan.metrics.forEach((metric, i) => {
    if (metric.scaleMin !== null && metric.scaleMax !== null && metric.scaleMin >= metric.scaleMax) {
      errors.push({
        path: `plan.metrics[${i}].scaleMax`,
        message: `expected a scale maximum above the minimum (${metric.scaleMin}) but found ${metric.scaleMax}`,
      });
    }
    const seenKeys = new Set<string>();
    metric.tradeOffs.forEach((tradeOff, j) => {
      if (seenKeys.has(tradeOff)) {
        errors.push({
          path: `plan.metrics[${i}].tradeOffs[${j}]`,
          message: `duplicate trade-off key ${JSON.stringify(tradeOff)}: each key may be listed once`,
        });
      }
      seenKeys.add(tradeOff);
    });
  });

  plan.goals.forEach((goal, i) => {
    if (goal.kpiMetricId !== null) {
      checkReference(`plan.goals[${i}].kpiMetricId`, 'metrics', goal.kpiMetricId, metrics, errors);
    }
  });
  plan.goalMetrics.forEach((link, i) => {
    checkReference(`plan.goalMetrics[${i}].goalId`, 'goals', link.goalId, goals, errors);
    checkReference(`plan.goalMetrics[${i}].metricId`, 'metrics', link.metricId, metrics, errors);
  });
  plan.metricDepartments.forEach((link, i) => {
    checkReference(`plan.metricDepartments[${i}].metricId`, 'metrics', link.metricId, metrics, errors);
    checkReference(`plan.metricDepartments[${i}].departmentId`, 'departments', link.departmentId, departments, errors);
  });
  plan.scorecard.forEach((entry, i) => {
    checkReference(`plan.scorecard[${i}].departmentId`, 'departments', entry.departmentId, departments, errors);
    checkReference(`plan.scorecard[${i}].metricId`, 'metrics', entry.metricId, metrics, errors);
  });
  plan.guardrails.forEach((guardrail, i) => {
    checkReference(`plan.guardrails[${i}].metricId`, 'metrics', guardrail.metricId, metrics, errors);
    checkReference(`plan.guardrails[${i}].guardMetricId`, 'metrics', guardrail.guardMetricId, metrics, errors);
    if (guardrail.departmentId !== null) {
      checkReference(`plan.guardrails[${i}].departmentId`, 'departments', guardrail.departmentId, departments, errors);
    }
    if (guardrail.metricId === guardrail.guardMetricId) {
      errors.push({
        path: `plan.guardrails[${i}].guardMetricId`,
        message:
          'expected a metric other than the pushed one but found the same metric ' +
          JSON.stringify(guardrail.metricId),
      });
    }
  });

  plan.findings.forEach((finding, i) => {
    checkReference(`plan.findings[${i}].kpiMetricId`, 'metrics', finding.kpiMetricId, metrics, errors);
    checkReference(`plan.findings[${i}].metricId`, 'metrics', finding.metricId, metrics, errors);
    if (finding.slopeLow > finding.slopeHigh) {
      errors.push({
        path: `plan.findings[${i}].slopeHigh`,
        message: `expected the interval's upper end to be at least its lower end (${finding.slopeLow}) but found ${finding.slopeHigh}`,
      });
    }
  });
  plan.conflictDismissals.forEach((dismissal, i) => {
    checkReference(`plan.conflictDismissals[${i}].metricId`, 'metrics', dismissal.metricId, metrics, errors);
    checkReference(`plan.conflictDismissals[${i}].otherMetricId`, 'metrics', dismissal.otherMetricId, metrics, errors);
  });

  if (plan.model !== null) checkModelReferences(plan.model, metrics, departments, errors);
  checkTargetReferences(plan, goals, metrics, departments, errors);

  checkUniqueCells(
    'goalMetrics',
    plan.goalMetrics,
    (l) => [l.goalId, l.metricId],
    (l) => `goal ${JSON.stringify(l.goalId)} × metric ${JSON.stringify(l.metricId)}`,
    errors,
  );
  checkUniqueCells(
    'metricDepartments',
    plan.metricDepartments,
    (l) => [l.metricId, l.departmentId],
    (l) => `metric ${JSON.stringify(l.metricId)} × department ${JSON.stringify(l.departmentId)}`,
    errors,
  );
  checkUniqueCells(
    'scorecard',
    plan.scorecard,
    (e) => [e.departmentId, e.metricId],
    (e) => `department ${JSON.stringify(e.departmentId)} × metric ${JSON.stringify(e.metricId)}`,
    errors,
  );
  return errors;
}
