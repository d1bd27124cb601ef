// Test support: the shared survey fixture, its R reference figures, and the 1e-9 comparisons the survey tests use.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { readTable } from '../stats/csvForTests';
import type { NpsResult } from './scores';

export const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url), 'utf8');

export interface NpsTruth {
  n: number;
  promoters_pct: number;
  detractors_pct: number;
  nps: number;
  se: number;
}

export const truth = JSON.parse(fixture('truth_open.json')) as {
  survey: {
    overall: {
      nps: NpsTruth;
      csat: { n: number; csat_top2_pct: number; wilson_low: number; wilson_high: number };
    };
    by_month: Record<string, NpsTruth>;
    by_region: Record<string, NpsTruth>;
    mean_of_region_nps_is_not_overall_nps: [number, number];
  };
};

export const responses = readTable(fixture('survey_responses.csv'));

export function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected) / Math.abs(expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

export function expectNps(actual: NpsResult | undefined, expected: NpsTruth): void {
  if (!actual?.ok) throw new Error(`no NPS: ${actual?.reason}`);
  expect(actual.n).toBe(expected.n);
  expectRelative(actual.promotersPct, expected.promoters_pct);
  expectRelative(actual.detractorsPct, expected.detractors_pct);
  expectRelative(actual.nps, expected.nps);
  expectRelative(actual.se, expected.se);
}
