// Checks survey aggregation over typed columns against the fixture's figures, the pooling rules and period keys.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SegmentColumn } from '../series/segments';
import type { SurveyGroupRow } from './aggregate';
import { aggregateSurvey } from './aggregate';
import { csatTop2, meanWithTInterval, nps } from './scores';
import { expectNps, expectRelative, responses, truth, type NpsTruth } from './surveyFixturesForTests';

/** A text column as the store keeps it: codes into a dictionary of distinct labels, −1 for an empty cell. */
function categorical(cells: string[]): SegmentColumn {
  const dictionary: string[] = [];
  const codes = Int32Array.from(cells, (cell) => {
    if (cell === '') return -1;
    let code = dictionary.indexOf(cell);
    if (code < 0) code = dictionary.push(cell) - 1;
    return code;
  });
  return { codes, dictionary };
}

const table = responses;
const survey = {
  dates: Float64Array.from(table.text('submitted'), (cell) => (cell === '' ? NaN : Date.parse(cell))),
  region: categorical(table.text('region')),
  nps: table.numbers('likelihood_to_recommend'),
  csat: table.numbers('csat'),
  ces: table.numbers('effort'),
};
const measures = { nps: survey.nps, csat: survey.csat, ces: survey.ces };

const utc = (iso: string): number => Date.parse(iso);

describe('aggregateSurvey on survey_responses.csv', () => {
  it('reproduces the overall NPS and CSAT with its Wilson interval', () => {
    const { rows, undated, totals } = aggregateSurvey({ dates: survey.dates, granularity: 'all', measures });
    expect(rows).toHaveLength(1);
    const [overall] = rows as [SurveyGroupRow];
    expect(overall).toMatchObject({ period: 'all', periodStart: null, segment: null, responses: 4000 });
    expectNps(overall.nps, truth.survey.overall.nps);
    const csat = overall.csat;
    if (!csat?.ok) throw new Error('no CSAT');
    const expected = truth.survey.overall.csat;
    expect(csat.n).toBe(expected.n);
    expectRelative(csat.top2Pct, expected.csat_top2_pct);
    expectRelative(csat.wilsonLow, expected.wilson_low);
    expectRelative(csat.wilsonHigh, expected.wilson_high);
    expect(undated).toBe(0);
    expect(totals.nps).toEqual({ valid: 3958, blank: 42, invalid: 0 });
  });

  it('reproduces the NPS of every month, in calendar order', () => {
    const { rows } = aggregateSurvey({ dates: survey.dates, granularity: 'month', measures: { nps: survey.nps } });
    expect(rows.map((row) => row.period)).toEqual(Object.keys(truth.survey.by_month).sort());
    for (const row of rows) expectNps(row.nps, truth.survey.by_month[row.period] as NpsTruth);
    expect(rows[2]?.periodStart).toBe(utc('2024-03-01'));
  });

  it('reproduces the NPS of every region and pools them into the company NPS', () => {
    const { rows, unsegmented } = aggregateSurvey({
      dates: survey.dates,
      granularity: 'all',
      segments: survey.region,
      measures,
    });
    expect(rows.map((row) => row.segment)).toEqual([null, 'East', 'North', 'South', 'West']);
    expectNps(rows[0]?.nps, truth.survey.overall.nps);
    for (const row of rows.slice(1)) expectNps(row.nps, truth.survey.by_region[row.segment as string] as NpsTruth);
    expect(unsegmented).toBe(0);
  });

  it('gives every month of every region its own row after the pooled row of the month', () => {
    const { rows } = aggregateSurvey({ dates: survey.dates, granularity: 'month', segments: survey.region, measures });
    expect(rows).toHaveLength(12 * 5);
    expect(rows.slice(0, 6).map((row) => [row.period, row.segment])).toEqual([
      ['2024-01', null],
      ['2024-01', 'East'],
      ['2024-01', 'North'],
      ['2024-01', 'South'],
      ['2024-01', 'West'],
      ['2024-02', null],
    ]);
    for (const row of rows.filter((r) => r.segment === null)) {
      expectNps(row.nps, truth.survey.by_month[row.period] as NpsTruth);
    }
    // Each month-and-region cell scores exactly as the slice-based functions score the same responses.
    const months = table.text('submitted').map((date) => date.slice(0, 7));
    const regions = table.text('region');
    for (const row of rows.filter((r) => r.segment !== null)) {
      const inCell = (_: number, i: number) => months[i] === row.period && regions[i] === row.segment;
      expect(row.nps).toEqual(nps(survey.nps.filter(inCell)));
      expect(row.csat).toEqual(csatTop2(survey.csat.filter(inCell)));
      expect(row.responses).toBe(months.filter((_, i) => inCell(0, i)).length);
    }
  });

  it('gives the CES mean and t interval that meanWithTInterval gives on the same answers', () => {
    const { rows } = aggregateSurvey({ dates: survey.dates, granularity: 'all', measures: { ces: survey.ces } });
    const expected = meanWithTInterval(survey.ces);
    const actual = rows[0]?.ces;
    if (!expected.ok || !actual?.ok) throw new Error('no CES');
    expect(actual.n).toBe(4000);
    expectRelative(actual.mean, expected.mean, 1e-14);
    expectRelative(actual.sd, expected.sd, 1e-12);
    expectRelative(actual.ciLow, expected.ciLow, 1e-12);
    expectRelative(actual.ciHigh, expected.ciHigh, 1e-12);
  });
});

describe('aggregateSurvey pooling', () => {
  it('computes a group from pooled responses, not as the mean of its sub-groups', () => {
    // Team a: two promoters (NPS 100). Team b: 98 detractors (NPS −100). The mean of the two scores is 0.
    const scores = Float64Array.from([10, 10, ...Array<number>(98).fill(0)]);
    const { rows } = aggregateSurvey({
      dates: new Float64Array(100).fill(utc('2024-05-10')),
      granularity: 'month',
      segments: { codes: Int32Array.from(scores, (_, i) => (i < 2 ? 0 : 1)), dictionary: ['a', 'b'] },
      measures: { nps: scores },
    });
    expect(rows.map((row) => [row.segment, row.nps?.ok && row.nps.nps])).toEqual([
      [null, -96],
      ['a', 100],
      ['b', -100],
    ]);
  });

  it('counts responses without a segment in the pooled row only, and says how many', () => {
    const { rows, unsegmented } = aggregateSurvey({
      dates: new Float64Array(4).fill(utc('2024-05-10')),
      granularity: 'all',
      segments: { codes: Int32Array.from([0, -1, 1, 2]), dictionary: ['North', 'South', ''] },
      measures: { nps: Float64Array.from([10, 0, 9, 8]) },
    });
    expect(unsegmented).toBe(2);
    expect(rows.map((row) => [row.segment, row.responses, row.nps?.n])).toEqual([
      [null, 4, 4],
      ['North', 1, 1],
      ['South', 1, 1],
    ]);
  });

  it('merges dictionary entries with the same label into one segment', () => {
    const { rows } = aggregateSurvey({
      dates: new Float64Array(3),
      granularity: 'all',
      segments: { codes: Int32Array.from([0, 1, 2]), dictionary: ['West', 'East', 'West'] },
      measures: { csat: Float64Array.from([5, 4, 1]) },
    });
    expect(rows.map((row) => [row.segment, row.csat?.ok && row.csat.top2])).toEqual([
      [null, 2],
      ['East', 1],
      ['West', 1],
    ]);
  });

  it('leaves blanks and off-scale answers out of n and counts each kind', () => {
    const { rows, totals } = aggregateSurvey({
      dates: new Float64Array(6),
      granularity: 'all',
      measures: {
        nps: Float64Array.from([NaN, 11, 7.5, -1, 9, 10]),
        csat: Float64Array.from([0, 5, 6, NaN, 4, 2]),
        ces: Float64Array.from([1, 7, 8, 0, NaN, 4]),
      },
    });
    expect(rows[0]?.nps).toMatchObject({ ok: true, n: 2, invalid: 3, nps: 100 });
    expect(rows[0]?.csat).toEqual(csatTop2([0, 5, 6, NaN, 4, 2]));
    expect(rows[0]?.ces).toMatchObject({ ok: true, n: 3, mean: 4 });
    expect(totals).toEqual({
      nps: { valid: 2, blank: 1, invalid: 3 },
      csat: { valid: 3, blank: 1, invalid: 2 },
      ces: { valid: 3, blank: 1, invalid: 2 },
    });
  });

  it('explains a group with no valid answers instead of scoring it 0', () => {
    const { rows } = aggregateSurvey({
      dates: new Float64Array(2),
      granularity: 'all',
      measures: { nps: Float64Array.from([NaN, 12]), ces: Float64Array.from([3, NaN]) },
    });
    expect(rows[0]?.nps).toMatchObject({ ok: false, n: 0 });
    expect(rows[0]?.nps?.ok === false && rows[0].nps.reason).toMatch(/1 value out of range/);
    expect(rows[0]?.ces).toMatchObject({ ok: false, n: 1 });
  });

  it('reads a CSAT or CES scale other than the default when told', () => {
    const { rows } = aggregateSurvey({
      dates: new Float64Array(3),
      granularity: 'all',
      csatScaleMax: 7,
      cesScaleMax: 5,
      measures: { csat: Float64Array.from([7, 6, 5]), ces: Float64Array.from([5, 6, 1]) },
    });
    expect(rows[0]?.csat).toMatchObject({ n: 3, top2: 2 });
    expect(rows[0]?.ces).toMatchObject({ n: 2, mean: 3 });
  });
});

describe('aggregateSurvey periods', () => {
  const keys = (granularity: 'week' | 'month' | 'quarter', isoDates: string[]): string[] =>
    aggregateSurvey({
      dates: Float64Array.from(isoDates, (iso) => utc(iso)),
      granularity,
      measures: { nps: new Float64Array(isoDates.length).fill(10) },
    }).rows.map((row) => row.period);

  it('keys ISO weeks by the year of their Thursday', () => {
    expect(keys('week', ['2021-01-03', '2020-12-28', '2024-12-30', '2025-01-05', '2024-01-01', '2026-12-31'])).toEqual([
      '2020-W53',
      '2024-W01',
      '2025-W01',
      '2026-W53',
    ]);
  });

  it('keys quarters and months in UTC, whatever offset the time was written with', () => {
    expect(keys('quarter', ['2024-03-31T23:59:59Z', '2024-03-31T23:30:00-02:00', '2023-12-01'])).toEqual([
      '2023-Q4',
      '2024-Q1',
      '2024-Q2',
    ]);
    expect(keys('month', ['2024-02-29T23:59:59.999Z', '2024-03-01T00:00:00Z', '1999-12-31'])).toEqual([
      '1999-12',
      '2024-02',
      '2024-03',
    ]);
  });

  it('starts each period at UTC midnight of its Monday or first day', () => {
    const starts = (granularity: 'week' | 'quarter', iso: string) =>
      aggregateSurvey({ dates: Float64Array.of(utc(iso)), granularity, measures: {} }).rows[0]?.periodStart;
    expect(starts('week', '2024-08-15T12:00:00Z')).toBe(utc('2024-08-12'));
    expect(starts('quarter', '2024-08-15')).toBe(utc('2024-07-01'));
  });

  it('leaves undated responses out of periods but not out of the all-time figures', () => {
    const input = {
      dates: Float64Array.from([utc('2024-01-05'), NaN, utc('2024-03-05')]),
      measures: { nps: Float64Array.from([10, 0, 0]) },
    };
    const monthly = aggregateSurvey({ ...input, granularity: 'month' });
    expect(monthly.undated).toBe(1);
    expect(monthly.rows.map((row) => [row.period, row.nps?.n])).toEqual([
      ['2024-01', 1],
      ['2024-03', 1],
    ]);
    const allTime = aggregateSurvey({ ...input, granularity: 'all' });
    expect(allTime.undated).toBe(0);
    expect(allTime.rows[0]?.nps).toMatchObject({ n: 3, promoters: 1, detractors: 2 });
  });

  it('copes with dates centuries apart', () => {
    const { rows } = aggregateSurvey({
      dates: Float64Array.from([utc('2024-01-05'), utc('0024-01-05'), utc('+275000-01-01')]),
      granularity: 'week',
      measures: {},
    });
    expect(rows.map((row) => row.period)).toEqual(['0024-W01', '2024-W01', '275000-W01']);
  });

  it('refuses columns of different lengths and codes outside the dictionary', () => {
    expect(() =>
      aggregateSurvey({ dates: new Float64Array(3), granularity: 'all', measures: { nps: new Float64Array(2) } }),
    ).toThrow('The NPS column has 2 rows but the dates have 3.');
    expect(() =>
      aggregateSurvey({
        dates: new Float64Array(2),
        granularity: 'all',
        segments: { codes: Int32Array.of(0, 3), dictionary: ['a'] },
        measures: {},
      }),
    ).toThrow('Segment code 3 at row 1 has no label: the dictionary has 1.');
  });
});

describe('aggregateSurvey reconciliation (property)', () => {
  const response = fc.record({
    day: fc.integer({ min: 0, max: 400 }),
    segment: fc.integer({ min: 0, max: 3 }),
    nps: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(NaN, 11, 6.5)),
    csat: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(NaN, 0)),
  });

  it("makes each period's pooled counts the sums of its segments' counts, and its NPS their n-weighted mean", () => {
    fc.assert(
      fc.property(
        fc.array(response, { minLength: 1, maxLength: 300 }),
        fc.constantFrom('week' as const, 'month' as const, 'quarter' as const, 'all' as const),
        (responses, granularity) => {
          const { rows } = aggregateSurvey({
            dates: Float64Array.from(responses, (r) => utc('2024-01-01') + r.day * 86_400_000),
            granularity,
            segments: { codes: Int32Array.from(responses, (r) => r.segment), dictionary: ['a', 'b', 'c', 'd'] },
            measures: {
              nps: Float64Array.from(responses, (r) => r.nps),
              csat: Float64Array.from(responses, (r) => r.csat),
            },
          });
          const periods = [...new Set(rows.map((row) => row.period))];
          expect(periods).toEqual([...periods].sort());
          let allResponses = 0;
          for (const period of periods) {
            const group = rows.filter((row) => row.period === period);
            const [whole, ...parts] = group as [SurveyGroupRow, ...SurveyGroupRow[]];
            expect(whole.segment).toBeNull();
            const total = (pick: (row: SurveyGroupRow) => number) => parts.reduce((s, row) => s + pick(row), 0);
            const npsCount = (row: SurveyGroupRow, field: 'n' | 'promoters' | 'detractors' | 'invalid') =>
              row.nps?.ok ? row.nps[field] : field === 'n' ? 0 : NaN;
            expect(whole.responses).toBe(total((row) => row.responses));
            expect(whole.csat?.n).toBe(total((row) => row.csat?.n ?? 0));
            allResponses += whole.responses;
            if (!whole.nps?.ok) {
              expect(total((row) => npsCount(row, 'n'))).toBe(0);
              continue;
            }
            const scored = parts.filter((row) => row.nps?.ok);
            const sumOf = (field: 'n' | 'promoters' | 'detractors' | 'invalid') =>
              scored.reduce((s, row) => s + npsCount(row, field), 0);
            expect([whole.nps.n, whole.nps.promoters, whole.nps.detractors]).toEqual([
              sumOf('n'),
              sumOf('promoters'),
              sumOf('detractors'),
            ]);
            const weightedSum = scored.reduce((s, row) => s + (row.nps?.ok ? row.nps.n * row.nps.nps : 0), 0);
            const weighted = weightedSum / whole.nps.n;
            expect(Math.abs(weighted - whole.nps.nps)).toBeLessThan(1e-9);
          }
          expect(allResponses).toBe(responses.length);
        },
      ),
    );
  });
});
