// CSV-ready tables of targets, cascades, tracking and agreement compliance: columns of plain cells, no escaping here.

import { reconciliation } from './cascade';
import type { Cascade, CascadeNode, Target } from './stored';
import type { Tracking } from './tracking';
import type { Compliance } from './xla';

/** A cell as io/csvExport writes it: numbers stay numbers, null is an empty cell. */
export type Cell = string | number | null;

/** One column of a table; the shape io/csvExport's toCsv takes, so escaping stays in one place. */
export interface TableColumn {
  header: string;
  values: Cell[];
}

function table(headers: readonly string[], rows: readonly Cell[][]): TableColumn[] {
  return headers.map((header, c) => ({ header, values: rows.map((row) => row[c] ?? null) }));
}

function yesNo(value: boolean | null): Cell {
  return value === null ? null : value ? 'yes' : 'no';
}

/** How names are looked up for ids stored in targets. */
export interface TargetNames {
  metric: (id: string) => string;
  goal: (id: string) => string;
}

export const TARGET_HEADERS = [
  'Target id',
  'Metric',
  'Goal',
  'Baseline method',
  'Baseline',
  'Baseline as of',
  'Window (periods)',
  'Period',
  'Trend projection at deadline',
  'Projection low (95 %)',
  'Projection high (95 %)',
  'Target',
  'Change',
  'Deadline',
  'Benchmark',
  'Benchmark source',
  'Expected responses a month',
  'KPI',
  'KPI change per metric unit',
  'Slope low (95 %)',
  'Slope high (95 %)',
  'Lag (periods)',
  'Created',
] as const;

/** One row per target, everything the plan file holds about it except its cascade. */
export function targetTable(targets: readonly Target[], names: TargetNames): TableColumn[] {
  return table(
    TARGET_HEADERS,
    targets.map((t) => [
      t.id,
      names.metric(t.metricId),
      t.goalId === null ? null : names.goal(t.goalId),
      t.baseline.method,
      t.baseline.value,
      t.baseline.asOf,
      t.baseline.windowPeriods,
      t.baseline.periodUnit,
      t.baseline.projection?.value ?? null,
      t.baseline.projection?.low ?? null,
      t.baseline.projection?.high ?? null,
      t.targetValue,
      t.targetValue - t.baseline.value,
      t.deadline,
      t.benchmark?.value ?? null,
      t.benchmark?.source ?? null,
      t.expectedResponsesPerMonth,
      t.kpiLink === null ? null : names.metric(t.kpiLink.kpiMetricId),
      t.kpiLink?.slope ?? null,
      t.kpiLink?.slopeCiLow ?? null,
      t.kpiLink?.slopeCiHigh ?? null,
      t.kpiLink?.lagPeriods ?? null,
      t.createdAt,
    ]),
  );
}

export const CASCADE_HEADERS = [
  'Level',
  'Path',
  'Name',
  'Kind',
  'Responses',
  "Share of parent's change (%)",
  'Baseline',
  'Target',
  'Change',
  'Stays on plan',
  'Split of its parts',
  'Recomputed from its parts',
  'Reconciles',
] as const;

/**
 * One row per node of a cascade, top-down, each parent followed by its parts; a parent's row carries its target
 * recomputed from its parts and whether that reconciles, so the file itself shows the check.
 */
export function cascadeTable(cascade: Cascade): TableColumn[] {
  const checks = new Map(reconciliation(cascade).map((row) => [row.nodeId, row]));
  const rows: Cell[][] = [];
  const visit = (node: CascadeNode, depth: number, path: string): void => {
    const check = checks.get(node.id);
    rows.push([
      depth,
      path,
      node.name,
      node.kind,
      node.responses,
      depth === 0 ? null : 100 * node.weight,
      node.baseline,
      node.target,
      node.target - node.baseline,
      yesNo(node.locked),
      node.children.length > 0 ? node.method : null,
      check?.rolledUp ?? null,
      check === undefined ? null : yesNo(check.reconciles),
    ]);
    for (const child of node.children) visit(child, depth + 1, `${path} › ${child.name}`);
  };
  visit(cascade.root, 0, cascade.root.name);
  return table(CASCADE_HEADERS, rows);
}

export const TRACKING_HEADERS = ['Period', 'Actual', 'Planned', 'Gap', 'Periods left', 'Status'] as const;

/** One row per reading after the baseline, as tracked against the target path. */
export function trackingTable(tracking: Tracking): TableColumn[] {
  return table(
    TRACKING_HEADERS,
    tracking.rows.map((r) => [r.period, r.actual, r.planned, r.gap, r.remainingPeriods, r.status]),
  );
}

function rule(c: Compliance): string {
  return `${c.xla.comparator} ${c.xla.threshold}`;
}

export const COMPLIANCE_HEADERS = ['Agreement', 'Kind', 'Rule', 'Period', 'Value', 'Met'] as const;

/** Long format: one row per agreement and period, a missing reading leaving Value and Met empty. */
export function complianceTable(results: readonly Compliance[]): TableColumn[] {
  return table(
    COMPLIANCE_HEADERS,
    results.flatMap((c) =>
      c.periods.map((p): Cell[] => [c.xla.name, c.xla.kind.toUpperCase(), rule(c), p.period, p.value, yesNo(p.met)]),
    ),
  );
}

export const COMPLIANCE_SUMMARY_HEADERS = [
  'Agreement',
  'Kind',
  'Rule',
  'Periods measured',
  'Periods met',
  'Compliance (%)',
  'Breaches',
  'Longest breach run',
] as const;

/** One row per agreement: XLAs and SLAs side by side. */
export function complianceSummaryTable(results: readonly Compliance[]): TableColumn[] {
  return table(
    COMPLIANCE_SUMMARY_HEADERS,
    results.map((c) => [
      c.xla.name,
      c.xla.kind.toUpperCase(),
      rule(c),
      c.measured,
      c.met,
      c.rate === null ? null : 100 * c.rate,
      c.breaches.length,
      c.longestBreachRun,
    ]),
  );
}
