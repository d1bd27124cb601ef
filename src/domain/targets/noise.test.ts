// Noise: NPS and share margins of error at a response volume, the assumed NPS mix, and noise read from history.

import { describe, expect, it } from 'vitest';
import { changeMargin, historicalMargin, npsMix, readingMargin, readingSe, responsesPerPeriod, samplingModel } from './noise';
import { Z95 } from '../stats/distributions';

describe('samplingModel', () => {
  it('knows NPS and shares of responses, and nothing else', () => {
    expect(samplingModel({ key: 'nps', unit: 'score', scaleMin: -100, scaleMax: 100 })).toBe('nps');
    expect(samplingModel({ key: 'csat', unit: 'percent', scaleMin: 0, scaleMax: 100 })).toBe('proportion');
    expect(samplingModel({ key: 'marketing_roi', unit: 'percent', scaleMin: -100, scaleMax: null })).toBeNull();
    expect(samplingModel({ key: 'aht', unit: 'seconds', scaleMin: 0, scaleMax: null })).toBeNull();
  });
});

describe('npsMix', () => {
  it('splits the decided share around the score with 35 % passives', () => {
    const mix = npsMix(60);
    expect(mix.promoters).toBeCloseTo(0.625, 15);
    expect(mix.detractors).toBeCloseTo(0.025, 15);
  });

  it('shrinks passives when the score leaves no room for them', () => {
    expect(npsMix(80)).toEqual({ promoters: 0.8, detractors: 0 });
    expect(npsMix(-100)).toEqual({ promoters: 0, detractors: 1 });
  });
});

describe('readingSe and margins', () => {
  it("reproduces the survey fixture's January 2024 NPS standard error from its observed mix", () => {
    // truth_open.json: n = 349, promoters 31.5186 %, detractors 27.7937 %, NPS 3.7249, SE 4.117666529897893.
    const p = 0.3151862464183381;
    const d = 0.27793696275071632;
    expect(readingSe('nps', 100 * (p - d), 349, 1 - p - d)).toBeCloseTo(4.117666529897893, 10);
  });

  it('gives NPS 60 → 65 at 1,200 responses a ±4.07-point margin for the change', () => {
    // SE(60) = 100·√((0.65 − 0.36)/1200), SE(65) = 100·√((0.65 − 0.4225)/1200).
    const expected = Z95 * 100 * Math.sqrt(0.29 / 1200 + 0.2275 / 1200);
    expect(changeMargin('nps', 60, 65, 1200)).toBeCloseTo(expected, 12);
    expect(expected).toBeCloseTo(4.07, 2);
  });

  it('gives a CSAT of 80 % from 400 responses a ±3.92-point margin', () => {
    expect(readingSe('proportion', 80, 400)).toBeCloseTo(2, 12);
    expect(readingMargin('proportion', 80, 400)).toBeCloseTo(2 * Z95, 12);
  });

  it('has no margin without responses', () => {
    expect(readingSe('nps', 30, 0)).toBe(Infinity);
  });

  it('turns monthly responses into responses per period', () => {
    expect(responsesPerPeriod(1200, 'quarter')).toBe(3600);
    expect(responsesPerPeriod(1200, 'month')).toBe(1200);
    expect(responsesPerPeriod(1200, 'week')).toBeCloseTo(276.0, 1);
  });
});

describe('historicalMargin', () => {
  it('is 1.96 residual standard deviations about the trend', () => {
    // Residuals of 1, 3, 2, 5, 4 about their line: RSS 3.6 on 3 df.
    expect(historicalMargin([1, 3, 2, 5, 4])).toBeCloseTo(Z95 * Math.sqrt(1.2), 12);
  });

  it('keeps missing periods in their place on the time axis and needs three readings', () => {
    // 2, 4, _, 8 lie on one line whatever the gap: no scatter.
    expect(historicalMargin([2, 4, NaN, 8])).toBeCloseTo(0, 12);
    expect(historicalMargin([1, NaN, 2])).toBeNull();
  });
});
