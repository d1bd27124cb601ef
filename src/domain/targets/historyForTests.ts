// Shared by the targets tests: monthly histories built from the R fixture and from literal values.

import { readFileSync } from 'node:fs';
import { readTable } from '../stats/csvForTests';
import type { History } from './baseline';

const table = readTable(readFileSync(new URL('../../../../shared/fixtures/monthly_kpis.csv', import.meta.url), 'utf8'));

/** A monthly history starting in `firstMonth` (YYYY-MM); NaN values are missing months. */
export function monthly(firstMonth: string, values: readonly number[]): History {
  const [year, month] = firstMonth.split('-').map(Number) as [number, number];
  return {
    granularity: 'month',
    t: Float64Array.from(values, (_, k) => Date.UTC(year, month - 1 + k, 1)),
    values: Float64Array.from(values),
  };
}

/** One column of monthly_kpis.csv (2020-01..2024-12) as a history. */
export function fixtureHistory(column: string): History {
  return monthly('2020-01', Array.from(table.numbers(column)));
}
