// KPI conflicts reproduce R's pairwise table and turn correlations by each metric's better direction.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Direction } from '../plan/types';
import type { ConflictSeries, MetricPair, PairReading } from './conflicts';
import { conflicts } from './conflicts';
import { expectEstimate, expectP, fixture, kpis } from './fixturesForTests';

const directions: Record<string, Direction> = {
  revenue: 'higher',
  nps: 'higher',
  csat: 'higher',
  ces: 'lower',
  fcr: 'higher',
  aht_seconds: 'lower',
  churn_rate: 'lower',
  conversion_rate: 'higher',
};
const series: ConflictSeries[] = Object.entries(directions).map(([metricId, direction]) => ({
  metricId,
  direction,
  values: kpis.numbers(metricId),
}));
const reference = fixture('reference_pairs.csv');

function computed(reading: PairReading): Extract<PairReading, { ok: true }> {
  if (!reading.ok) throw new Error(reading.reason);
  return reading;
}

function pair(pairs: MetricPair[], a: string, b: string): MetricPair {
  const found = pairs.find((p) => p.a === a && p.b === b);
  if (!found) throw new Error(`no pair ${a}–${b}`);
  return found;
}

describe('conflicts on monthly_kpis.csv', () => {
  const pairs = conflicts(series);

  it('reproduces every pair of reference_pairs.csv in levels and in changes', () => {
    expect(pairs).toHaveLength(28);
    reference.rows.forEach((_, i) => {
      const cell = (name: string): number => reference.numbers(name)[i] as number;
      const found = pair(pairs, reference.text('a')[i] as string, reference.text('b')[i] as string);
      const levels = computed(found.levels);
      const changes = computed(found.differences);
      expect(levels.n).toBe(cell('n'));
      expectEstimate(levels.r, cell('r'), `${found.a}–${found.b} r`);
      expectP(levels.p, cell('p'), `${found.a}–${found.b} p`);
      expect(changes.n).toBe(cell('diff_n'));
      expectEstimate(changes.r, cell('diff_r'), `${found.a}–${found.b} diff r`);
      expectP(changes.p, cell('diff_p'), `${found.a}–${found.b} diff p`);
    });
  });

  it('flags shorter handle times going with lower CSAT as a conflict (r = 0.32, AHT lower is better)', () => {
    const found = pair(pairs, 'csat', 'aht_seconds');
    const levels = computed(found.levels);
    expect(levels.r).toBeCloseTo(0.3225, 4);
    expect(levels.adjustedR).toBe(-levels.r);
    expect(levels.relation).toBe('conflict');
    expect(found.differences.relation).toBe('conflict');
    expect(found.relation).toBe('conflict');
  });

  it('calls lower effort with higher CSAT, and CSAT with first-contact resolution, aligned', () => {
    const effort = pair(pairs, 'csat', 'ces');
    expect(computed(effort.levels).adjustedR).toBeGreaterThan(0.3);
    expect(effort.relation).toBe('aligned');
    expect(pair(pairs, 'csat', 'fcr').relation).toBe('aligned');
    expect(pair(pairs, 'ces', 'fcr').relation).toBe('aligned');
  });

  it('finds exactly one conflict and three aligned pairs when both readings must agree', () => {
    const names = (relation: string): string[] =>
      pairs.filter((p) => p.relation === relation).map((p) => `${p.a}–${p.b}`);
    expect(names('conflict')).toEqual(['csat–aht_seconds']);
    expect(names('aligned')).toEqual(['csat–ces', 'csat–fcr', 'ces–fcr']);
  });

  it('lets one reading decide when asked, exposing what each alone would call', () => {
    // Effort leads churn by a month, so same-month changes move oppositely: a conflict in changes only.
    const byChanges = pair(conflicts(series, { basis: 'differences' }), 'ces', 'churn_rate');
    expect(byChanges.relation).toBe('conflict');
    expect(byChanges.levels.relation).toBe('none');
    // Revenue and NPS share a trend: aligned in levels, not in same-month changes.
    const byLevels = pair(conflicts(series, { basis: 'levels' }), 'revenue', 'nps');
    expect(byLevels.relation).toBe('aligned');
    expect(pair(pairs, 'revenue', 'nps').relation).toBe('none');
  });

  it('honours a stricter significance level', () => {
    expect(pair(conflicts(series, { alpha: 0.01 }), 'csat', 'aht_seconds').relation).toBe('none');
  });
});

describe('conflicts on edge cases', () => {
  it('gives a constant series no relation and a reason, never NaN', () => {
    const [found] = conflicts([
      { metricId: 'a', direction: 'higher', values: [1, 1, 1, 1, 1] },
      { metricId: 'b', direction: 'higher', values: [1, 2, 3, 5, 4] },
    ]);
    expect(found?.levels).toMatchObject({ ok: false, relation: 'none' });
    expect(found?.relation).toBe('none');
  });

  it('refuses series of different lengths', () => {
    expect(() =>
      conflicts([
        { metricId: 'a', direction: 'higher', values: [1, 2, 3] },
        { metricId: 'b', direction: 'higher', values: [1, 2] },
      ]),
    ).toThrow(RangeError);
  });

  it('turns aligned into conflict and back when one direction flips', () => {
    const values = fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(values, values, (x, y) => {
        const a: ConflictSeries = { metricId: 'a', direction: 'higher', values: x };
        const [up] = conflicts([a, { metricId: 'b', direction: 'higher', values: y }], { basis: 'levels' });
        const [down] = conflicts([a, { metricId: 'b', direction: 'lower', values: y }], { basis: 'levels' });
        const swap = { aligned: 'conflict', conflict: 'aligned', none: 'none' } as const;
        expect(down?.relation).toBe(swap[up?.relation ?? 'none']);
        if (up?.levels.ok && down?.levels.ok) expect(down.levels.adjustedR).toBe(-up.levels.adjustedR);
      }),
    );
  });
});
