// Checks that group scores pool their own responses and reproduce the fixture's figures by month and region.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csatTop2ByGroup, meanByGroup, monthKey, npsByGroup, pooledByGroup } from './grouping';
import { nps } from './scores';
import { expectNps, expectRelative, responses, truth, type NpsTruth } from './surveyFixturesForTests';

const likelihood = responses.numbers('likelihood_to_recommend');

describe('monthKey', () => {
  it.each([
    ['2024-10-05', '2024-10'],
    ['2024-01-31T23:59:00Z', '2024-01'],
    [' 2024-12 ', '2024-12'],
    ['2024-13-01', null],
    ['31.01.2024', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(monthKey(input)).toBe(expected);
  });
});

describe('npsByGroup on survey_responses.csv', () => {
  it('reproduces the NPS of every month from its own responses', () => {
    const months = npsByGroup(likelihood, responses.text('submitted').map(monthKey));
    expect(months.map((g) => g.key)).toEqual(Object.keys(truth.survey.by_month).sort());
    for (const { key, result } of months) expectNps(result, truth.survey.by_month[key] as NpsTruth);
  });

  it('reproduces the NPS of every region from its own responses', () => {
    const regions = npsByGroup(likelihood, responses.text('region'));
    expect(regions.map((g) => g.key)).toEqual(['East', 'North', 'South', 'West']);
    for (const { key, result } of regions) expectNps(result, truth.survey.by_region[key] as NpsTruth);
  });

  it('shows that the mean of regional NPS is not the company NPS', () => {
    const regions = npsByGroup(likelihood, responses.text('region'));
    const meanOfRegions = regions.reduce((sum, g) => sum + (g.result.ok ? g.result.nps : NaN), 0) / regions.length;
    const [expectedMean, expectedOverall] = truth.survey.mean_of_region_nps_is_not_overall_nps;
    expectRelative(meanOfRegions, expectedMean);
    const overall = nps(likelihood);
    if (!overall.ok) throw new Error(overall.reason);
    expectRelative(overall.nps, expectedOverall);
    expectNps(overall, truth.survey.overall.nps);
  });
});

describe('pooledByGroup', () => {
  it('gives the company NPS as the response-weighted mean of group NPS values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.constantFrom('a', 'b', 'c')), { minLength: 1, maxLength: 200 }),
        (rows) => {
          const groups = npsByGroup(
            rows.map(([score]) => score),
            rows.map(([, key]) => key),
          );
          const overall = nps(rows.map(([score]) => score));
          if (!overall.ok) throw new Error(overall.reason);
          let weighted = 0;
          for (const { result } of groups) if (result.ok) weighted += result.nps * result.n;
          expect(Math.abs(weighted / overall.n - overall.nps)).toBeLessThan(1e-9);
        },
      ),
    );
  });

  it('leaves rows without a key out of every group', () => {
    const groups = pooledByGroup([1, 2, 3, 4], ['x', null, '', 'x'], (pooled) => Array.from(pooled));
    expect(groups).toEqual([{ key: 'x', result: [1, 4] }]);
  });

  it('offers CSAT and mean scores by group too', () => {
    const regions = responses.text('region');
    const csat = csatTop2ByGroup(responses.numbers('csat'), regions);
    const effort = meanByGroup(responses.numbers('effort'), regions);
    expect(csat.map((g) => g.key)).toEqual(['East', 'North', 'South', 'West']);
    expect(csat.reduce((sum, g) => sum + (g.result.ok ? g.result.n : 0), 0)).toBe(4000);
    expect(effort.every((g) => g.result.ok)).toBe(true);
  });
});
