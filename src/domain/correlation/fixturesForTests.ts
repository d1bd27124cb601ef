// Shared by this folder's unit tests: the R reference fixtures, their tolerances and a NaN detector.

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { CsvTable } from '../stats/csvForTests';
import { readTable } from '../stats/csvForTests';

export function fixture(name: string): CsvTable {
  return readTable(readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url), 'utf8'));
}

export const kpis = fixture('monthly_kpis.csv');
export const months = kpis.text('month');
export const revenue = kpis.numbers('revenue');

/** R's fixture tolerance for estimates: 1e-9 relative. */
export function expectEstimate(actual: number, expected: number, label: string): void {
  const error = Math.abs(actual - expected) / Math.abs(expected);
  expect(error, `${label}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
}

/** R's fixture tolerance for p-values: 1e-6 relative or 1e-12 absolute. */
export function expectP(actual: number, expected: number, label: string): void {
  const absolute = Math.abs(actual - expected);
  expect(absolute <= 1e-12 || absolute / Math.abs(expected) <= 1e-6, `${label}: ${actual} vs ${expected}`).toBe(true);
}

/** Paths of every NaN number inside a result (typed arrays included), for the never-NaN guarantees. */
export function nanPaths(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isNaN(value) ? [path] : [];
  if (ArrayBuffer.isView(value)) {
    return Array.from(value as unknown as ArrayLike<number>).flatMap((v, i) => nanPaths(v, `${path}[${i}]`));
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => nanPaths(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => nanPaths(v, `${path}.${key}`));
  }
  return [];
}
