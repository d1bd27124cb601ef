// Checks that metric files become regular period series: detection, gaps, duplicates, combining and alignment.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from '../stats/csvForTests';
import type { PeriodSeries, SeriesBuild } from './periodSeries';
import { alignSeries, buildSeries, detectGranularity, onUnionGrid } from './periodSeries';
import type { PeriodUnit } from './periods';
import { periodLabel, periodOrdinal, periodStart } from './periods';

const utc = (iso: string): number => Date.parse(iso);
const dates = (...isoDates: string[]): Float64Array =>
  Float64Array.from(isoDates, (iso) => (iso === '' ? NaN : utc(iso)));

function built(result: SeriesBuild): Extract<SeriesBuild, { ok: true }> {
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('; '));
  return result;
}

function overallOf(result: SeriesBuild): PeriodSeries {
  const { overall } = built(result);
  if (!overall.ok) throw new Error(overall.reason);
  return overall.series;
}

describe('buildSeries on monthly_kpis.csv', () => {
  const fixture = new URL('../../../../shared/fixtures/monthly_kpis.csv', import.meta.url);
  const table = readTable(readFileSync(fixture, 'utf8'));

  it('detects months and gives back every revenue figure in its month', () => {
    const revenue = table.numbers('revenue');
    const result = built(buildSeries({ dates: dates(...table.text('month')), values: revenue }));
    expect(result.granularity).toBe('month');
    expect(result.bySegment).toEqual([]);
    const series = overallOf(result);
    expect(series.periods).toHaveLength(60);
    expect([series.periods[0], series.periods[59]]).toEqual(['2020-01', '2024-12']);
    expect(series.t[0]).toBe(utc('2020-01-01'));
    expect(series.values[1]).toBe(944592.67);
    expect(Array.from(series.values)).toEqual(Array.from(revenue));
  });

  it('keeps the empty cells of a column as missing values in their months', () => {
    const nps = table.numbers('nps');
    const series = overallOf(buildSeries({ dates: dates(...table.text('month')), values: nps }));
    const missing = series.periods.filter((_, k) => Number.isNaN(series.values[k]));
    expect(missing).toEqual(table.text('month').filter((_, k) => Number.isNaN(nps[k])));
  });
});

describe('detectGranularity', () => {
  const detect = (...isoDates: string[]): PeriodUnit | undefined => {
    const result = buildSeries({ dates: dates(...isoDates), values: new Float64Array(isoDates.length) });
    return result.ok ? result.granularity : undefined;
  };

  it('reads quarter ends as quarters, month ends as months, Mondays as weeks and weekdays as days', () => {
    expect(detect('2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31', '2024-03-31')).toBe('quarter');
    expect(detect('2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30')).toBe('month');
    expect(detect('2024-06-03', '2024-06-10', '2024-06-17', '2024-07-01')).toBe('week');
    expect(detect('2024-06-06', '2024-06-07', '2024-06-10', '2024-06-11', '2024-06-12')).toBe('day');
  });

  const days = (...isoDates: string[]): Float64Array => Float64Array.from(isoDates, (iso) => utc(iso) / 86_400_000);

  it('reads a missing month or a stray row as an exception, not a different period length', () => {
    const months = ['2024-01-31', '2024-02-29', '2024-04-30', '2024-05-31', '2024-06-30', '2024-07-31'];
    expect(detectGranularity([days(...months)])).toBe('month');
    const withStray = [...months, '2024-08-31', '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-15', '2024-12-31'];
    expect(detectGranularity([days(...withStray)])).toBe('month');
  });

  it('judges all series of a file together, each with its own dates', () => {
    const north = days('2024-01-01', '2024-02-01');
    const south = days('2024-01-15', '2024-02-15', '2024-03-15');
    expect(detectGranularity([north, south])).toBe('month');
  });

  it('finds no period length for yearly dates, nor for a single date', () => {
    expect(detectGranularity([days('2021-12-31', '2022-12-31', '2023-12-31')])).toBeNull();
    expect(detectGranularity([days('2024-05-31'), days('2024-06-30')])).toBeNull();
  });
});

describe('buildSeries', () => {
  it('puts NaN in a missing period so that lags count periods', () => {
    const monthEnds = dates('2024-01-31', '2024-02-29', '2024-05-31', '2024-04-30');
    const series = overallOf(buildSeries({ dates: monthEnds, values: Float64Array.of(1, 2, 5, 4) }));
    expect(series.periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    expect(Array.from(series.values)).toEqual([1, 2, NaN, 4, 5]);
    expect(Array.from(series.t)).toEqual(Array.from(dates('2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01')));
  });

  it('reports every period that holds two rows of one segment, with the rows', () => {
    const result = buildSeries({
      dates: dates(
        ...['2024-01-01', '2024-02-01', '2024-03-01', '2024-03-01'],
        ...['2024-01-01', '2024-02-01', '2024-03-01', '2024-02-01'],
      ),
      values: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8),
      segments: { codes: Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1), dictionary: ['North', 'South'] },
      combine: 'sum',
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          kind: 'duplicate-period',
          period: '2024-03',
          segment: 'North',
          rows: [2, 3],
          message: '2 rows for 2024-03 in segment North',
        },
        {
          kind: 'duplicate-period',
          period: '2024-02',
          segment: 'South',
          rows: [5, 7],
          message: '2 rows for 2024-02 in segment South',
        },
      ],
    });
  });

  it('names the period alone when the file has no segments, however the rows date it', () => {
    const months = Array.from({ length: 12 }, (_, k) => `2024-${String(k + 1).padStart(2, '0')}-01`);
    const result = buildSeries({ dates: dates(...months, '2024-03-01', '2024-03-31'), values: new Float64Array(14) });
    expect(result.ok === false && result.problems).toEqual([
      { kind: 'duplicate-period', period: '2024-03', segment: null, rows: [2, 12, 13], message: '3 rows for 2024-03' },
    ]);
  });

  describe('a file with a series per segment', () => {
    const input = {
      dates: dates(
        ...['2024-01-01', '2024-02-01', '2024-03-01'],
        ...['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', ''],
        '2024-02-01',
      ),
      values: Float64Array.of(10, 20, 30, 1, NaN, 3, 4, 99, 99),
      segments: { codes: Int32Array.of(1, 1, 1, 0, 0, 0, 0, 0, -1), dictionary: ['West', 'East'] },
    };

    it('gives one series per segment in label order, leaving out undated and unsegmented rows', () => {
      const result = built(buildSeries(input));
      expect(result.bySegment.map((s) => [s.segment, s.periods, Array.from(s.values)])).toEqual([
        ['East', ['2024-01', '2024-02', '2024-03'], [10, 20, 30]],
        ['West', ['2024-01', '2024-02', '2024-03', '2024-04'], [1, NaN, 3, 4]],
      ]);
      expect([result.undated, result.unsegmented]).toEqual([1, 1]);
    });

    it('will not add the segments up into an overall series unless told how', () => {
      const { overall } = built(buildSeries(input));
      expect(overall.ok).toBe(false);
      expect(overall.ok === false && overall.reason).toMatch(/rates and scores, which cannot be added/);
    });

    it('sums or averages the segments where every segment has a value', () => {
      const sum = built(buildSeries({ ...input, combine: 'sum' }));
      const mean = built(buildSeries({ ...input, combine: 'mean' }));
      if (!sum.overall.ok || !mean.overall.ok) throw new Error('no overall series');
      expect(sum.overall.series.periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
      expect(Array.from(sum.overall.series.values)).toEqual([11, NaN, 33, NaN]);
      expect(Array.from(mean.overall.series.values)).toEqual([5.5, NaN, 16.5, NaN]);
      expect(sum.overall.incompletePeriods).toBe(2);
    });
  });

  it('asks for the period length when every series has a single date, and takes it when given', () => {
    const single = { dates: dates('2024-05-31'), values: Float64Array.of(7) };
    expect(buildSeries(single)).toEqual({
      ok: false,
      problems: [
        {
          kind: 'unknown-spacing',
          message: 'Each series has a single date, so its spacing cannot be told: choose daily, weekly, monthly or quarterly.',
        },
      ],
    });
    const series = overallOf(buildSeries({ ...single, granularity: 'quarter' }));
    expect([series.periods, Array.from(series.values)]).toEqual([['2024-Q2'], [7]]);
  });

  it('refuses yearly dates, a series without dates, and a span that betrays a mistyped year', () => {
    const problem = (result: SeriesBuild) => (result.ok ? null : result.problems[0]);
    const yearEnds = dates('2021-12-31', '2022-12-31', '2023-12-31');
    expect(problem(buildSeries({ dates: yearEnds, values: new Float64Array(3) }))).toEqual({
      kind: 'unknown-spacing',
      message:
        'The dates do not look daily, weekly, monthly or quarterly (too far apart, or too irregular): ' +
        'choose the period length.',
    });
    expect(problem(buildSeries({ dates: dates('', ''), values: new Float64Array(2) }))).toEqual({
      kind: 'no-dates',
      message: 'No row has a date, so there is no series.',
    });
    const threeThousandYears = dates('1024-01-01', '4024-01-01');
    expect(problem(buildSeries({ dates: threeThousandYears, values: new Float64Array(2), granularity: 'day' }))).toEqual({
      kind: 'span-too-long',
      segment: null,
      message: 'The dates run from 1024-01-01 to 4024-01-01, 1,095,729 days: is a year mistyped?',
    });
  });
});

describe('buildSeries reads back what it was given (property)', () => {
  const unit = fc.constantFrom<PeriodUnit>('day', 'week', 'month', 'quarter');
  const row = fc.record({
    offset: fc.integer({ min: 0, max: 40 }),
    value: fc.oneof(fc.double({ noNaN: true }), fc.constant(NaN)),
    within: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  // Per segment: distinct period offsets, each with a value (or a blank) and a time somewhere inside the period.
  const segmentRows = fc.uniqueArray(row, { minLength: 1, maxLength: 25, selector: (r) => r.offset });
  const file = fc.record({
    unit,
    base: fc.integer({ min: 20_000, max: 20_500 }),
    groups: fc.array(segmentRows, { minLength: 1, maxLength: 3 }),
    segmented: fc.boolean(),
  });

  it('has each value at its period, NaN in every other period, on a consecutive grid', () => {
    fc.assert(
      fc.property(file, ({ unit: u, base, groups: drawn, segmented }) => {
        const groups = segmented ? drawn : drawn.slice(0, 1);
        const rows = groups.flatMap((group, code) =>
          group.map(({ offset, value, within }) => {
            const start = periodStart(base + offset, u);
            const time = start + Math.floor(within * (periodStart(base + offset + 1, u) - start - 1));
            return { code, value, time, ordinal: base + offset };
          }),
        );
        rows.reverse();
        const codes = Int32Array.from(rows, (r) => r.code);
        const result = built(
          buildSeries({
            dates: Float64Array.from(rows, (r) => r.time),
            values: Float64Array.from(rows, (r) => r.value),
            granularity: u,
            ...(segmented ? { segments: { codes, dictionary: groups.map((_, k) => `s${k}`) } } : {}),
          }),
        );
        const series = segmented ? result.bySegment : [overallOf(result)];
        expect(series).toHaveLength(groups.length);
        series.forEach((s, k) => {
          const mine = rows.filter((r) => r.code === k);
          const first = Math.min(...mine.map((r) => r.ordinal));
          const last = Math.max(...mine.map((r) => r.ordinal));
          expect(s.periods).toEqual(Array.from({ length: last - first + 1 }, (_, j) => periodLabel(first + j, u)));
          const expected = new Float64Array(last - first + 1).fill(NaN);
          for (const r of mine) expected[r.ordinal - first] = r.value;
          expect(Array.from(s.values)).toEqual(Array.from(expected));
          s.t.forEach((t, j) => expect(periodOrdinal(t, u)).toBe(first + j));
        });
      }),
    );
  });

  it('detects the period length of any complete series, wherever in its period each row is dated', () => {
    fc.assert(
      fc.property(
        unit,
        fc.integer({ min: 0, max: 24_000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 36 }),
        (u, first, positions) => {
          const times = positions.map((within, k) => {
            const start = periodStart(first + k, u);
            return start + Math.floor(within * (periodStart(first + k + 1, u) - start - 1));
          });
          const result = built(buildSeries({ dates: Float64Array.from(times), values: Float64Array.from(positions) }));
          expect(result.granularity).toBe(u);
        },
      ),
    );
  });
});

describe('alignSeries', () => {
  const monthly = (values: number[], from: string): PeriodSeries =>
    overallOf(
      buildSeries({
        dates: Float64Array.from(values, (_, k) => utc(from) + k * 31 * 86_400_000),
        values: Float64Array.from(values),
        granularity: 'month',
      }),
    );
  const nps = monthly([30, 31, 33, 32], '2024-01-01');
  const revenue = monthly([100, 110, 120, 130, 140], '2024-03-01');

  it('keeps the periods both series span, position by position', () => {
    const aligned = alignSeries(nps, revenue);
    if (!aligned.ok) throw new Error(aligned.reason);
    expect(aligned.periods).toEqual(['2024-03', '2024-04']);
    expect([Array.from(aligned.a), Array.from(aligned.b)]).toEqual([
      [33, 32],
      [100, 110],
    ]);
    expect(aligned.t[0]).toBe(utc('2024-03-01'));
  });

  it('spans both series in union mode, NaN where one has no period', () => {
    const aligned = alignSeries(nps, revenue, 'union');
    if (!aligned.ok) throw new Error(aligned.reason);
    expect(aligned.periods).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07']);
    expect(Array.from(aligned.a)).toEqual([30, 31, 33, 32, NaN, NaN, NaN]);
    expect(Array.from(aligned.b)).toEqual([NaN, NaN, 100, 110, 120, 130, 140]);
  });

  it('refuses series of different period lengths, or that do not overlap', () => {
    const quarterly = overallOf(
      buildSeries({ dates: dates('2024-01-01'), values: Float64Array.of(1), granularity: 'quarter' }),
    );
    expect(alignSeries(nps, quarterly)).toEqual({
      ok: false,
      reason: 'One series is by month, the other by quarter; they need the same period length.',
    });
    expect(alignSeries(nps, monthly([1, 2], '2025-01-01'))).toEqual({
      ok: false,
      reason: 'The series do not overlap: one runs 2024-01..2024-04, the other 2025-01..2025-02.',
    });
  });
});

describe('onUnionGrid', () => {
  it('lays series with different spans on the union of their periods, NaN where a series has none', () => {
    const grid = onUnionGrid([
      { periods: ['2024-01', '2024-02'], values: Float64Array.from([1, 2]) },
      { periods: ['2024-02', '2024-03'], values: Float64Array.from([20, 30]) },
    ]);
    expect(grid.periods).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(Array.from(grid.values[0]!)).toEqual([1, 2, Number.NaN]);
    expect(Array.from(grid.values[1]!)).toEqual([Number.NaN, 20, 30]);
  });
});
