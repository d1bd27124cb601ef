// Conflicts the data showed between measures on one department's scorecard: the unintended consequences of its KPIs.
import type { Id, MeasureKind, Plan } from './types';

/** A significant better-with-worse link between two plan metrics, found in imported data. */
export interface MetricConflict {
  metricId: Id;
  otherMetricId: Id;
  /** Direction-adjusted correlation in levels: negative means better goes with worse. */
  adjustedR: number;
  p: number;
  /** Where it was found, for the reader. */
  datasetName: string;
}

export interface ScorecardConflict extends MetricConflict {
  departmentId: Id;
  /** The pushed measure is individual; the other may be collective or individual. */
  kinds: [MeasureKind, MeasureKind];
  /** True when the plan already holds a guardrail for this pair (for this department or the whole plan). */
  guarded: boolean;
}

/**
 * Every conflict between two measures of the same department's scorecard where at least one measure is individual
 * (a team pushing its own number can hurt a shared one, or another of its own), leaving out conflicts the team
 * dismissed. The individual measure comes first.
 */
export function scorecardConflicts(plan: Plan, conflicts: readonly MetricConflict[]): ScorecardConflict[] {
  const dismissed = (a: Id, b: Id) =>
    plan.conflictDismissals.some((d) => (d.metricId === a && d.otherMetricId === b) || (d.metricId === b && d.otherMetricId === a));
  const result: ScorecardConflict[] = [];
  for (const department of plan.departments) {
    const kindOf = new Map(plan.scorecard.filter((e) => e.departmentId === department.id).map((e) => [e.metricId, e.kind]));
    for (const conflict of conflicts) {
      const kindA = kindOf.get(conflict.metricId);
      const kindB = kindOf.get(conflict.otherMetricId);
      if (kindA === undefined || kindB === undefined) continue;
      if (kindA === 'collective' && kindB === 'collective') continue;
      if (dismissed(conflict.metricId, conflict.otherMetricId)) continue;
      const swap = kindA === 'collective';
      const metricId = swap ? conflict.otherMetricId : conflict.metricId;
      const otherMetricId = swap ? conflict.metricId : conflict.otherMetricId;
      const guarded = plan.guardrails.some(
        (g) =>
          (g.departmentId === null || g.departmentId === department.id) &&
          ((g.metricId === metricId && g.guardMetricId === otherMetricId) ||
            (g.metricId === otherMetricId && g.guardMetricId === metricId)),
      );
      result.push({
        ...conflict,
        metricId,
        otherMetricId,
        departmentId: department.id,
        kinds: swap ? [kindB, kindA] : [kindA, kindB],
        guarded,
      });
    }
  }
  return result;
}
