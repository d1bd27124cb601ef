// CSV-ready tables: headers, one row per target, node, reading or agreement period, cells as plain values.

import { describe, expect, it } from 'vitest';
import { rebalance } from './cascade';
import { cascadeOf, threeTeams } from './cascadeFixturesForTests';
import { monthly } from './historyForTests';
import type { TableColumn } from './rows';
import { CASCADE_HEADERS, cascadeTable, complianceSummaryTable, complianceTable, targetTable, TARGET_HEADERS, trackingTable } from './rows';
import { baselineOf, targetOf } from './targetForTests';
import { trackTarget } from './tracking';
import { compliance } from './xla';

function rows(columns: TableColumn[]): (string | number | null)[][] {
  const count = columns[0]?.values.length ?? 0;
  return Array.from({ length: count }, (_, r) => columns.map((c) => c.values[r] ?? null));
}

describe('targetTable', () => {
  it('writes one row per target with names for ids and empty cells for what is not set', () => {
    const columns = targetTable([targetOf({ benchmark: { value: 62, source: 'Bain 2024' } })], {
      metric: (id) => (id === 'metric_nps' ? 'NPS' : id),
      goal: (id) => (id === 'goal_retention' ? 'Keep customers longer' : id),
    });
    expect(columns.map((c) => c.header)).toEqual([...TARGET_HEADERS]);
    const [row] = rows(columns);
    const cell = (header: string): unknown => row?.[TARGET_HEADERS.indexOf(header as (typeof TARGET_HEADERS)[number])];
    expect(cell('Metric')).toBe('NPS');
    expect(cell('Goal')).toBe('Keep customers longer');
    expect(cell('Baseline')).toBe(60);
    expect(cell('Change')).toBe(5);
    expect(cell('Benchmark source')).toBe('Bain 2024');
    expect(cell('Trend projection at deadline')).toBeNull();
    expect(cell('KPI')).toBeNull();
  });
});

describe('cascadeTable', () => {
  it('lists every node top-down with its share, change and the reconciliation check', () => {
    const result = rebalance(cascadeOf(threeTeams('equal-uplift')), { scaleMin: -100, scaleMax: 100, benchmark: null });
    if (!result.ok) throw new Error('refused');
    const columns = cascadeTable(result.cascade);
    expect(columns.map((c) => c.header)).toEqual([...CASCADE_HEADERS]);
    expect(rows(columns)).toEqual([
      [0, 'company', 'company', 'company', 1000, null, 52, 58, 6, 'no', 'equal-uplift', 58, 'yes'],
      [1, 'company › north', 'north', 'team', 600, 60, 50, 56, 6, 'no', null, null, null],
      [1, 'company › south', 'south', 'team', 300, 30, 60, 66, 6, 'no', null, null, null],
      [1, 'company › west', 'west', 'team', 100, 10, 40, 46, 6, 'no', null, null, null],
    ]);
  });
});

describe('trackingTable and compliance tables', () => {
  it('writes tracking rows with their status', () => {
    const target = targetOf({ baseline: baselineOf({ value: 50, asOf: '2025-01-01' }), targetValue: 56, deadline: '2025-07-31' });
    const table = trackingTable(trackTarget(target, 'higher', monthly('2025-01', [50, 51.2]), 1.5));
    expect(rows(table)).toEqual([['2025-02-01', 51.2, 51, 51.2 - 51, 5, 'on-track']]);
  });

  it('writes XLAs and SLAs per period and in summary', () => {
    const xla = { id: 'x', name: 'App rating', metricId: null, comparator: '>=' as const, threshold: 4.5, unit: 'rating' as const, kind: 'xla' as const };
    const sla = { ...xla, id: 's', name: 'SLA compliance', threshold: 95, unit: 'percent' as const, kind: 'sla' as const };
    const results = [compliance(xla, monthly('2025-01', [4.6, NaN])), compliance(sla, monthly('2025-01', [93, 96]))];
    expect(rows(complianceTable(results))).toEqual([
      ['App rating', 'XLA', '>= 4.5', '2025-01-01', 4.6, 'yes'],
      ['App rating', 'XLA', '>= 4.5', '2025-02-01', null, null],
      ['SLA compliance', 'SLA', '>= 95', '2025-01-01', 93, 'no'],
      ['SLA compliance', 'SLA', '>= 95', '2025-02-01', 96, 'yes'],
    ]);
    expect(rows(complianceSummaryTable(results))).toEqual([
      ['App rating', 'XLA', '>= 4.5', 1, 1, 100, 0, 0],
      ['SLA compliance', 'SLA', '>= 95', 2, 1, 50, 1, 1],
    ]);
  });
});
