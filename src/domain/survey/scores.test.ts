// Checks NPS, CSAT top-2 with Wilson interval and t intervals against the survey fixture's reference figures.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from '../stats/csvForTests';
import { csatTop2, meanWithTInterval, nps, npsDifferenceSignificant, wilsonInterval } from './scores';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url), 'utf8');

const responses = readTable(fixture('survey_responses.csv'));
const truth = JSON.parse(fixture('truth_open.json')) as {
  survey: {
    overall: {
      nps: { n: number; promoters_pct: number; detractors_pct: number; nps: number; se: number };
      csat: { n: number; csat_top2_pct: number; wilson_low: number; wilson_high: number };
    };
  };
};

function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected) / Math.abs(expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance);
}

describe('nps on survey_responses.csv', () => {
  it('reads all 4,000 responses, quoted multi-line comments included', () => {
    expect(responses.rows.length).toBe(4000);
    expect(responses.rows.every((row) => row.length === responses.header.length)).toBe(true);
  });

  it('reproduces the overall NPS, shares and SE, leaving the 42 blanks out', () => {
    const result = nps(responses.numbers('likelihood_to_recommend'));
    const expected = truth.survey.overall.nps;
    if (!result.ok) throw new Error(result.reason);
    expect(result.n).toBe(expected.n);
    expect(result.invalid).toBe(0);
    expectRelative(result.promotersPct, expected.promoters_pct);
    expectRelative(result.detractorsPct, expected.detractors_pct);
    expectRelative(result.nps, expected.nps);
    expectRelative(result.se, expected.se);
    expectRelative(result.ciLow, expected.nps - 1.959963984540054 * expected.se);
    expectRelative(result.ciHigh, expected.nps + 1.959963984540054 * expected.se);
  });
});

describe('nps', () => {
  it('counts 9–10 as promoters and 0–6 as detractors', () => {
    const result = nps([10, 9, 8, 7, 6, 0, NaN]);
    if (!result.ok) throw new Error(result.reason);
    expect(result).toMatchObject({ n: 6, promoters: 2, passives: 2, detractors: 2, nps: 0 });
  });

  it('leaves out answers that are not whole numbers from 0 to 10, and says how many', () => {
    const result = nps([10, 11, -1, 7.5, 9]);
    expect(result).toMatchObject({ ok: true, n: 2, invalid: 3, nps: 100 });
  });

  it('clamps the interval to −100..100', () => {
    const result = nps([10, 10, 10, 9, 0]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.ciHigh).toBe(100);
    const allDetractors = nps([0, 1, 2, 3, 4, 5, 6, 5]);
    if (!allDetractors.ok) throw new Error(allDetractors.reason);
    expect(allDetractors).toMatchObject({ nps: -100, se: 0, ciLow: -100, ciHigh: -100 });
  });

  it('explains an empty question instead of reporting NPS 0', () => {
    expect(nps([NaN, NaN])).toEqual({ ok: false, n: 0, reason: 'There are no answers.' });
  });

  it('stays within −100..100 with a non-negative SE for any answers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 }), (answers) => {
        const result = nps(answers);
        if (!result.ok) throw new Error(result.reason);
        expect(result.nps).toBeGreaterThanOrEqual(-100);
        expect(result.nps).toBeLessThanOrEqual(100);
        expect(result.se).toBeGreaterThanOrEqual(0);
        expect(result.ciLow).toBeLessThanOrEqual(result.nps);
        expect(result.ciHigh).toBeGreaterThanOrEqual(result.nps);
      }),
    );
  });
});

describe('npsDifferenceSignificant', () => {
  const score = (promoters: number, detractors: number, passives: number) => {
    const result = nps([...Array(promoters).fill(10), ...Array(detractors).fill(0), ...Array(passives).fill(8)]);
    if (!result.ok) throw new Error(result.reason);
    return result;
  };

  it('calls a 5-point move on 100 answers noise', () => {
    const comparison = npsDifferenceSignificant(score(40, 30, 30), score(45, 30, 25));
    expect(comparison.difference).toBeCloseTo(5, 12);
    expect(comparison.significant).toBe(false);
  });

  it('calls the same move on 4,000 answers a real change, by |Δ|/√(SE₁² + SE₂²) > 1.96', () => {
    const first = score(1600, 1200, 1200);
    const second = score(1800, 1200, 1000);
    const comparison = npsDifferenceSignificant(first, second);
    expect(comparison.seDifference).toBeCloseTo(Math.sqrt(first.se ** 2 + second.se ** 2), 14);
    expect(comparison.z).toBeCloseTo(5 / comparison.seDifference, 12);
    expect(comparison.significant).toBe(true);
  });
});

describe('csatTop2', () => {
  it('reproduces the overall top-2 share and its Wilson interval', () => {
    const result = csatTop2(responses.numbers('csat'));
    const expected = truth.survey.overall.csat;
    if (!result.ok) throw new Error(result.reason);
    expect(result.n).toBe(expected.n);
    expectRelative(result.top2Pct, expected.csat_top2_pct);
    expectRelative(result.wilsonLow, expected.wilson_low);
    expectRelative(result.wilsonHigh, expected.wilson_high);
  });

  it('counts the two highest points of a longer scale', () => {
    expect(csatTop2([7, 6, 5, 1], 7)).toMatchObject({ ok: true, n: 4, top2: 2, top2Pct: 50 });
  });
});

describe('wilsonInterval', () => {
  it('stays inside 0..1 and contains the observed share, even at 0 and n successes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const successes = Math.round(share * n);
        const { low, high } = wilsonInterval(successes, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(successes / n + 1e-12);
        expect(high).toBeGreaterThanOrEqual(successes / n - 1e-12);
      }),
    );
  });
});

describe('meanWithTInterval', () => {
  it("reproduces R's t.test on sleep$extra for group 1", () => {
    const result = meanWithTInterval([0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0, NaN]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.n).toBe(10);
    expectRelative(result.mean, 0.75, 1e-14);
    expectRelative(result.sd, 1.7890096577591623, 1e-13);
    expectRelative(result.ciLow, -0.5297804135262321, 1e-12);
    expectRelative(result.ciHigh, 2.029780413526232, 1e-12);
  });

  it('needs two answers to say anything about uncertainty', () => {
    expect(meanWithTInterval([4])).toMatchObject({ ok: false, n: 1 });
  });

  it('gives the mean effort (CES) of the survey with a narrow interval', () => {
    const result = meanWithTInterval(responses.numbers('effort'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.n).toBe(4000);
    expect(result.ciHigh - result.ciLow).toBeLessThan(0.1);
  });
});
