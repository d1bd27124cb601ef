// SMART checks: a fixture NPS target judged against its history, noise, benchmark, goal and deadline.

import { describe, expect, it } from 'vitest';
import { Z95 } from '../stats/distributions';
import { fixtureHistory, monthly } from './historyForTests';
import { checkSmart } from './smart';
import type { SmartInput, SmartReport } from './smart';
import { AHT, baselineOf, NPS, PLAN, targetOf } from './targetForTests';

const nps = fixtureHistory('nps');
const fixtureTarget = targetOf({
  baseline: baselineOf({ value: 37.6, asOf: '2024-12-01' }),
  targetValue: 45,
  deadline: '2025-06-30',
  benchmark: { value: 45, source: 'Example telecom benchmark 2024' },
  kpiLink: {
    kpiMetricId: 'metric_revenue',
    slope: 4030,
    slopeCiLow: 3340,
    slopeCiHigh: 4720,
    lagPeriods: 3,
    reading: 'trendControlled',
    p: 1e-12,
    n: 56,
    kpiBaseline: null,
    kpiTarget: null,
  },
});

function report(input: Partial<SmartInput>): SmartReport {
  const result = checkSmart({ target: fixtureTarget, metric: NPS, plan: PLAN, history: nps, today: '2025-01-15', ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.report;
}

describe('checkSmart on the fixture NPS (37.6 in December 2024 → 45 by June 2025)', () => {
  const r = report({});

  it('is specific and measurable', () => {
    expect(r.specific.change).toBe('increase');
    expect(r.specific.requiredChange).toBeCloseTo(7.4, 12);
    // 60 months, one of them blank.
    expect(r.measurable).toEqual({ ok: true, readings: 59 });
  });

  it('judges +7.4 points a stretch: 1.76× the typical 6-month change of 4.2, within the best of 11.8', () => {
    expect(r.achievable.verdict).toBe('stretch');
    expect(r.achievable.horizon).toBe(6);
    expect(r.achievable.ratio).toBeCloseTo(7.4 / 4.2, 12);
    expect(r.achievable.bestImprovement).toBeCloseTo(11.8, 12);
    expect(r.achievable.benchmark).toEqual({ value: 45, source: 'Example telecom benchmark 2024', relation: 'at', gapClosed: 1 });
  });

  it('finds the change outside the noise at 1,200 responses a month', () => {
    // Mix with 35 % passives: at 37.6, p + d = 0.65; at 45 likewise.
    const se1 = 100 * Math.sqrt((0.65 - 0.376 ** 2) / 1200);
    const se2 = 100 * Math.sqrt((0.65 - 0.45 ** 2) / 1200);
    expect(r.meaningful.verdict).toBe('outside-noise');
    expect(r.meaningful.changeMargin).toBeCloseTo(Z95 * Math.hypot(se1, se2), 12);
    expect(r.meaningful.readingMargin).toBeCloseTo(Z95 * se1, 12);
  });

  it('is relevant with evidence from the correlation test, and time-bound', () => {
    expect(r.relevant).toMatchObject({ verdict: 'linked-with-evidence', goalName: 'Keep customers longer', goalWeight: 4 });
    expect(r.timeBound).toEqual({ ok: true, daysLeft: 166 });
  });
});

describe('checkSmart verdicts at the edges', () => {
  it('calls +4.4 points at 1,200 responses a month inside the noise', () => {
    expect(report({ target: { ...fixtureTarget, targetValue: 42 } }).meaningful.verdict).toBe('inside-noise');
  });

  it('calls +15 points unprecedented over six months', () => {
    expect(report({ target: { ...fixtureTarget, targetValue: 52.6 } }).achievable.verdict).toBe('unprecedented');
  });

  it('calls +3 points within the typical movement', () => {
    expect(report({ target: { ...fixtureTarget, targetValue: 40.6 } }).achievable.verdict).toBe('within-typical');
  });

  it('sees no improvement in a target below the baseline', () => {
    const r = report({ target: { ...fixtureTarget, targetValue: 35 } });
    expect(r.specific).toEqual({ change: 'decrease', requiredChange: 35 - 37.6, improves: false });
    expect(r.achievable.verdict).toBe('no-improvement');
  });

  it('reads a lower AHT as the improvement', () => {
    const target = targetOf({ baseline: baselineOf({ value: 420, asOf: '2024-12-01' }), targetValue: 390, deadline: '2025-06-30', expectedResponsesPerMonth: null });
    const r = report({ target, metric: AHT, history: fixtureHistory('aht_seconds') });
    expect(r.specific.improves).toBe(true);
    expect(r.meaningful).toMatchObject({ verdict: 'unknown', missing: 'sampling-model' });
  });

  it('cannot judge volatility or noise without history or response volume', () => {
    const r = report({ history: null, target: { ...fixtureTarget, expectedResponsesPerMonth: null } });
    expect(r.measurable).toEqual({ ok: false, readings: 0 });
    expect(r.achievable.verdict).toBe('unknown');
    expect(r.meaningful).toMatchObject({ verdict: 'unknown', missing: 'responses' });
  });

  it('separates a goal without evidence and a target with no goal', () => {
    const weak = { ...fixtureTarget, kpiLink: { ...(fixtureTarget.kpiLink as NonNullable<typeof fixtureTarget.kpiLink>), slopeCiLow: -200 } };
    expect(report({ target: weak }).relevant.verdict).toBe('linked-without-evidence');
    expect(report({ target: { ...fixtureTarget, kpiLink: null } }).relevant.verdict).toBe('linked');
    expect(report({ target: { ...fixtureTarget, goalId: null } }).relevant).toMatchObject({ verdict: 'not-linked', goalName: null });
    expect(report({ target: { ...fixtureTarget, goalId: 'goal_revenue' } }).relevant).toMatchObject({ goalWeight: null });
  });

  it('compares the target with a trend projection', () => {
    const history = monthly('2024-01', [30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41]);
    const target = targetOf({
      baseline: baselineOf({ method: 'trend', value: 41, asOf: '2024-12-01', windowPeriods: 12, projection: { value: 47, low: 46, high: 48 } }),
      targetValue: 45,
      deadline: '2025-06-30',
    });
    expect(report({ target, history }).achievable.trend).toEqual({
      projection: { value: 47, low: 46, high: 48 },
      trendReachesTarget: true,
      withinPredictionInterval: false,
    });
  });

  it('refuses an impossible target instead of judging it', () => {
    const result = checkSmart({ target: { ...fixtureTarget, targetValue: 120 }, metric: NPS, plan: PLAN, history: nps, today: '2025-01-15' });
    expect(result).toEqual({ ok: false, problems: [{ field: 'targetValue', message: 'NPS runs from \u2212100 to 100; 120 is not possible.' }] });
  });
});
