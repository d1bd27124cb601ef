// Gaps in a plan's alignment (unmeasured goals, unowned metrics, lopsided scorecards, unguarded trade-offs).
import type { Department, Goal, Id, Metric, Plan } from './types';
import { scorecardFor } from './scorecard';

/** 'error': the plan cannot be used as it stands; 'warning': it works but leaves a gap worth discussing. */
export type Severity = 'error' | 'warning';

interface WarningBase {
  severity: Severity;
  message: string;
}

export type CoverageWarning =
  | (WarningBase & { kind: 'goal-without-metric'; goalId: Id })
  | (WarningBase & { kind: 'goal-without-kpi'; goalId: Id })
  | (WarningBase & { kind: 'metric-without-owner'; metricId: Id })
  | (WarningBase & { kind: 'department-without-cx-metric'; departmentId: Id })
  | (WarningBase & { kind: 'department-without-collective'; departmentId: Id })
  | (WarningBase & { kind: 'scorecard-weights'; departmentId: Id; total: number })
  | (WarningBase & { kind: 'trade-off-without-guardrail'; departmentId: Id; metricIds: [Id, Id] });

export type CoverageWarningKind = CoverageWarning['kind'];

function goalWarnings(plan: Plan, goal: Goal): CoverageWarning[] {
  const warnings: CoverageWarning[] = [];
  if (!plan.goalMetrics.some((l) => l.goalId === goal.id)) {
    warnings.push({
      kind: 'goal-without-metric',
      goalId: goal.id,
      // Unmeasured, a goal cannot be steered or cascaded to teams: the map is incomplete.
      severity: 'error',
      message: `"${goal.name}" has no metrics yet. Link the CX metrics that show whether it is moving.`,
    });
  }
  if (goal.kpiMetricId === null) {
    warnings.push({
      kind: 'goal-without-kpi',
      goalId: goal.id,
      // Without a KPI the goal still has its metrics; the correlation test just has nothing to test them against.
      severity: 'warning',
      message:
        `"${goal.name}" has no KPI. Choose the corporate measure that says whether the goal is met, ` +
        'so its CX metrics can be tested against it.',
    });
  }
  return warnings;
}

function usedMetricIds(plan: Plan): Set<Id> {
  const used = new Set<Id>();
  for (const goal of plan.goals) if (goal.kpiMetricId !== null) used.add(goal.kpiMetricId);
  for (const link of plan.goalMetrics) used.add(link.metricId);
  for (const entry of plan.scorecard) used.add(entry.metricId);
  return used;
}

function metricWarnings(plan: Plan, metric: Metric, used: ReadonlySet<Id>): CoverageWarning[] {
  if (!used.has(metric.id)) return [];
  const owned = plan.metricDepartments.some((l) => l.metricId === metric.id && l.role === 'owner');
  if (owned) return [];
  return [
    {
      kind: 'metric-without-owner',
      metricId: metric.id,
      severity: 'warning',
      message:
        `Nobody owns ${metric.abbreviation}. It is used in the plan, but no department is its owner, ` +
        'so no one is accountable for moving it.',
    },
  ];
}

/** Either metric naming the other is enough: a trade-off declared on one side is still a trade-off. */
function tradeOff(a: Metric, b: Metric): boolean {
  return a.tradeOffs.includes(b.key) || b.tradeOffs.includes(a.key);
}

function guarded(plan: Plan, departmentId: Id, a: Id, b: Id): boolean {
  return plan.guardrails.some(
    (g) =>
      (g.departmentId === null || g.departmentId === departmentId) &&
      ((g.metricId === a && g.guardMetricId === b) || (g.metricId === b && g.guardMetricId === a)),
  );
}

function departmentWarnings(plan: Plan, department: Department, metrics: ReadonlyMap<Id, Metric>): CoverageWarning[] {
  const card = scorecardFor(plan, department.id);
  const measures = plan.scorecard
    .filter((e) => e.departmentId === department.id)
    .flatMap((e) => metrics.get(e.metricId) ?? []);
  const warnings: CoverageWarning[] = [];
  const name = department.name;
  if (measures.length > 0 && !card.valid) {
    warnings.push({
      kind: 'scorecard-weights',
      departmentId: department.id,
      total: card.total,
      severity: 'error',
      message: `${name}: ${card.message ?? ''}`,
    });
  }
  if (!measures.some((m) => m.category === 'cx')) {
    warnings.push({
      kind: 'department-without-cx-metric',
      departmentId: department.id,
      severity: 'warning',
      message:
        measures.length === 0
          ? `${name} has no scorecard yet, so nothing ties its work to the customer. Add a CX measure such as NPS or CSAT.`
          : `${name}'s scorecard has no CX measure, so nothing in it rewards what customers experience. ` +
            'Add one such as NPS or CSAT.',
    });
  }
  if (measures.length > 0 && card.collective.length === 0) {
    warnings.push({
      kind: 'department-without-collective',
      departmentId: department.id,
      severity: 'warning',
      message:
        `${name}'s scorecard has only its own measures. Add a shared one such as revenue growth or NPS, ` +
        'so the team pulls in the same direction as the others.',
    });
  }
  for (let i = 0; i < measures.length; i += 1) {
    for (let j = i + 1; j < measures.length; j += 1) {
      const a = measures[i];
      const b = measures[j];
      if (a === undefined || b === undefined || !tradeOff(a, b) || guarded(plan, department.id, a.id, b.id)) continue;
      warnings.push({
        kind: 'trade-off-without-guardrail',
        departmentId: department.id,
        metricIds: [a.id, b.id],
        severity: 'warning',
        message:
          `${name} is scored on both ${a.abbreviation} and ${b.abbreviation}, which pull against each other. ` +
          `Add a guardrail so pushing one cannot quietly hurt the other.`,
      });
    }
  }
  return warnings;
}

/**
 * Every coverage gap in the plan, in a stable order: goals (plan order), then metrics, then departments; within a
 * department, weights, CX measure, collective measure, then trade-offs in scorecard order.
 */
export function coverageWarnings(plan: Plan): CoverageWarning[] {
  const used = usedMetricIds(plan);
  const metrics = new Map(plan.metrics.map((m) => [m.id, m]));
  return [
    ...plan.goals.flatMap((g) => goalWarnings(plan, g)),
    ...plan.metrics.flatMap((m) => metricWarnings(plan, m, used)),
    ...plan.departments.flatMap((d) => departmentWarnings(plan, d, metrics)),
  ];
}
