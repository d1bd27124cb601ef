// Referential integrity of a plan: every link points at an existing entity, and nothing is listed twice.
import type { Id, Plan } from './types';

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) repeated.add(v);
    seen.add(v);
  }
  return [...repeated];
}

/** Each problem as a sentence naming the collection and ids involved; an empty list means the plan is consistent. */
export function brokenLinks(plan: Plan): string[] {
  const problems: string[] = [];
  const goals = new Set<Id>(plan.goals.map((g) => g.id));
  const metrics = new Set<Id>(plan.metrics.map((m) => m.id));
  const departments = new Set<Id>(plan.departments.map((d) => d.id));

  for (const [label, ids] of [
    ['goal id', plan.goals.map((g) => g.id)],
    ['metric id', plan.metrics.map((m) => m.id)],
    ['metric key', plan.metrics.map((m) => m.key)],
    ['department id', plan.departments.map((d) => d.id)],
    ['guardrail id', plan.guardrails.map((g) => g.id)],
    ['finding id', plan.findings.map((f) => f.id)],
    ['dismissal id', plan.conflictDismissals.map((d) => d.id)],
    ['target id', plan.targets.map((t) => t.id)],
    ['XLA id', plan.xlas.map((x) => x.id)],
    ['goals × metrics cell', plan.goalMetrics.map((l) => `${l.goalId} × ${l.metricId}`)],
    ['metrics × departments cell', plan.metricDepartments.map((l) => `${l.metricId} × ${l.departmentId}`)],
    ['scorecard entry', plan.scorecard.map((e) => `${e.departmentId} × ${e.metricId}`)],
  ] as const) {
    for (const d of duplicates(ids)) problems.push(`duplicate ${label} "${d}"`);
  }

  for (const g of plan.goals) {
    if (g.kpiMetricId !== null && !metrics.has(g.kpiMetricId)) {
      problems.push(`goal "${g.id}" has KPI "${g.kpiMetricId}", which is not a metric of the plan`);
    }
  }
  for (const l of plan.goalMetrics) {
    if (!goals.has(l.goalId)) problems.push(`goals × metrics cell refers to missing goal "${l.goalId}"`);
    if (!metrics.has(l.metricId)) problems.push(`goals × metrics cell refers to missing metric "${l.metricId}"`);
  }
  for (const l of plan.metricDepartments) {
    if (!metrics.has(l.metricId)) problems.push(`metrics × departments cell refers to missing metric "${l.metricId}"`);
    if (!departments.has(l.departmentId)) {
      problems.push(`metrics × departments cell refers to missing department "${l.departmentId}"`);
    }
  }
  for (const e of plan.scorecard) {
    if (!departments.has(e.departmentId)) problems.push(`scorecard entry refers to missing department "${e.departmentId}"`);
    if (!metrics.has(e.metricId)) problems.push(`scorecard entry refers to missing metric "${e.metricId}"`);
  }
  for (const g of plan.guardrails) {
    if (!metrics.has(g.metricId)) problems.push(`guardrail "${g.id}" refers to missing metric "${g.metricId}"`);
    if (!metrics.has(g.guardMetricId)) problems.push(`guardrail "${g.id}" refers to missing metric "${g.guardMetricId}"`);
    if (g.departmentId !== null && !departments.has(g.departmentId)) {
      problems.push(`guardrail "${g.id}" refers to missing department "${g.departmentId}"`);
    }
  }
  for (const f of plan.findings) {
    for (const id of [f.metricId, f.kpiMetricId]) {
      if (!metrics.has(id)) problems.push(`finding "${f.id}" refers to missing metric "${id}"`);
    }
  }
  for (const d of plan.conflictDismissals) {
    for (const id of [d.metricId, d.otherMetricId]) {
      if (!metrics.has(id)) problems.push(`dismissed conflict "${d.id}" refers to missing metric "${id}"`);
    }
  }
  const model = plan.model?.settings;
  for (const r of model?.reach ?? []) {
    if (!metrics.has(r.metricId)) problems.push(`model reach refers to missing metric "${r.metricId}"`);
    if (!departments.has(r.departmentId)) problems.push(`model reach refers to missing department "${r.departmentId}"`);
  }
  for (const e of model?.sideEffects ?? []) {
    for (const id of [e.fromMetricId, e.toMetricId]) {
      if (!metrics.has(id)) problems.push(`model side effect refers to missing metric "${id}"`);
    }
  }
  for (const v of model?.values ?? []) {
    if (!metrics.has(v.metricId)) problems.push(`model value refers to missing metric "${v.metricId}"`);
  }
  for (const i of plan.model?.initiatives ?? []) {
    for (const e of i.effects) {
      if (!metrics.has(e.metricId)) problems.push(`initiative "${i.id}" refers to missing metric "${e.metricId}"`);
    }
  }
  for (const t of plan.targets) {
    if (!metrics.has(t.metricId)) problems.push(`target "${t.id}" refers to missing metric "${t.metricId}"`);
    if (t.goalId !== null && !goals.has(t.goalId)) problems.push(`target "${t.id}" refers to missing goal "${t.goalId}"`);
    if (t.kpiLink !== null && !metrics.has(t.kpiLink.kpiMetricId)) {
      problems.push(`target "${t.id}" links to missing KPI "${t.kpiLink.kpiMetricId}"`);
    }
    const stack = t.cascade === null ? [] : [t.cascade.root];
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (node.departmentId !== null && !departments.has(node.departmentId)) {
        problems.push(`target "${t.id}" cascade node "${node.id}" refers to missing department "${node.departmentId}"`);
      }
      stack.push(...node.children);
    }
  }
  for (const x of plan.xlas) {
    if (x.metricId !== null && !metrics.has(x.metricId)) problems.push(`XLA "${x.id}" refers to missing metric "${x.metricId}"`);
  }
  return problems;
}
