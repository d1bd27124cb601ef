// Sentences: the SMART sentence, the up-link read-outs and the contributor's line, in English formatting.

import { describe, expect, it } from 'vitest';
import { cascadeOf, node } from './cascadeFixturesForTests';
import { english } from './formatForTests';
import { monthly } from './historyForTests';
import { changeText, contributorSentence, kpiRequirementSentence, kpiValueSentence, smartSentence, valueText } from './sentence';
import { checkSmart } from './smart';
import type { SmartInput } from './smart';
import type { Target } from './stored';
import { AHT, baselineOf, CSAT, NPS, PLAN, targetOf } from './targetForTests';
import { kpiValueOfMetricChange, metricChangeForKpi } from './upLink';

// NPS rising 2.8 points every six months for two years, with one month's spike of +3.
const values = Array.from({ length: 24 }, (_, i) => 40 + (2.8 / 6) * i + (i === 12 ? 3 : 0));
const history = monthly('2025-01', values);

function sentenceFor(target: Target, input: Partial<SmartInput> = {}): string {
  const metric = input.metric ?? NPS;
  const result = checkSmart({ target, metric, plan: PLAN, history, today: '2027-01-15', ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return smartSentence(target, result.report, { name: metric.abbreviation, unit: metric.unit }, english);
}

describe('valueText and changeText', () => {
  it('writes levels and signed changes in the unit of the metric', () => {
    expect(valueText(-12.5, 'score', english)).toBe('\u221212.5');
    expect(valueText(80, 'percent', english)).toBe('80 %');
    expect(valueText(4.55, 'rating', english)).toBe('4.55');
    expect(valueText(1200, 'currency', english)).toBe('$1,200');
    expect(changeText(1, 'score', english)).toBe('+1 point');
    expect(changeText(-2.5, 'percent', english)).toBe('\u22122.5 percentage points');
    expect(changeText(-30, 'seconds', english)).toBe('\u221230 seconds');
    expect(changeText(20150, 'currency', english)).toBe('+$20,150');
  });
});

describe('smartSentence', () => {
  it('writes the issue\'s sentence for NPS 60 → 65 by 30 June 2027', () => {
    expect(sentenceFor(targetOf())).toBe(
      'Increase NPS from 60 to 65 by 30 June 2027: +5 points, 1.8× the typical 6-month change, ' +
        'outside the ±4.1-point margin of error at 1,200 responses a month.',
    );
  });

  it('says when a change has never been seen and when it is inside the noise', () => {
    // At 300 responses: SE(60) = 100·√(0.29/300) = 3.11, SE(67) = 100·√((0.67 − 0.67²)/300) = 2.71; 1.96·√(SE₁² + SE₂²) = 8.1.
    expect(sentenceFor(targetOf({ targetValue: 67, expectedResponsesPerMonth: 300 }))).toBe(
      'Increase NPS from 60 to 67 by 30 June 2027: +7 points, 2.5× the typical 6-month change, ' +
        'more than any 6-month improvement on record, inside the ±8.1-point margin of error at 300 responses a month.',
    );
  });

  it('adds the benchmark with its source, in percent for CSAT', () => {
    // At 2,000 responses: 1.96·100·√(0.78·0.22/2000 + 0.82·0.18/2000) = 2.48.
    const target = targetOf({ baseline: baselineOf({ value: 78 }), targetValue: 82, benchmark: { value: 85, source: 'ACSI 2024' }, expectedResponsesPerMonth: 2000 });
    expect(sentenceFor(target, { metric: CSAT, history: null })).toBe(
      'Increase CSAT from 78 % to 82 % by 30 June 2027: +4 percentage points, ' +
        'outside the ±2.5-percentage-point margin of error at 2,000 responses a month, short of the industry benchmark of 85 % (ACSI 2024).',
    );
  });

  it('reduces a lower-is-better metric and holds a level', () => {
    const aht = targetOf({ baseline: baselineOf({ value: 420 }), targetValue: 390, expectedResponsesPerMonth: null });
    expect(sentenceFor(aht, { metric: AHT, history: null })).toBe('Reduce AHT from 420 s to 390 s by 30 June 2027: \u221230 seconds.');
    expect(sentenceFor(targetOf({ targetValue: 60 }))).toBe('Hold NPS at 60 until 30 June 2027.');
  });

  it('flags a target that steps back', () => {
    expect(sentenceFor(targetOf({ targetValue: 55, expectedResponsesPerMonth: null }))).toBe(
      'Reduce NPS from 60 to 55 by 30 June 2027: \u22125 points, a step back from the baseline.',
    );
  });
});

describe('up sentences', () => {
  const link = { slope: 4030, slopeCiLow: 3340, slopeCiHigh: 4720, lagPeriods: 3 };
  const names = { metric: { name: 'NPS', unit: 'score' as const }, kpi: { name: 'revenue', unit: 'currency' as const }, period: 'month' as const };

  it('turns +$100,000 of monthly revenue into the NPS change it needs', () => {
    expect(kpiRequirementSentence(100_000, metricChangeForKpi(link, 100_000), names, english)).toBe(
      '+$100,000 of revenue a month needs +24.8 points of NPS (95 % interval +21.2 points to +29.9 points), with revenue following 3 months later.',
    );
  });

  it('says the change cannot be bounded when the slope may be nil', () => {
    const weak = { ...link, slopeCiLow: -100, slopeCiHigh: 8160 };
    expect(kpiRequirementSentence(100_000, metricChangeForKpi(weak, 100_000), names, english)).toBe(
      '+$100,000 of revenue a month needs +24.8 points of NPS at the estimated effect, with revenue following 3 months later; ' +
        "the test's interval includes no effect at all, so the change needed cannot be bounded.",
    );
  });

  it('values +5 NPS points in revenue', () => {
    expect(kpiValueSentence(5, kpiValueOfMetricChange(link, 5, 'month'), names, english)).toBe(
      '+5 points of NPS is worth +$20,150 of revenue a month (95 % interval +$16,700 to +$23,600), +$241,800 a year, from 3 months after it is reached.',
    );
  });
});

describe('contributorSentence', () => {
  const rules = { scaleMin: -100, scaleMax: 100, benchmark: null };
  const team = node('north', {
    name: 'Team North',
    baseline: 50,
    target: 58,
    responses: 200,
    children: [
      node('ana', { kind: 'individual', baseline: 47, target: 52, responses: 100 }),
      node('ben', { kind: 'individual', baseline: 53, target: 64, responses: 100 }),
    ],
  });
  const cascade = cascadeOf(node('company', { baseline: 50, target: 58, responses: 200, children: [team] }));
  const metric = { name: 'NPS', unit: 'score' as const, direction: 'higher' as const };

  it('tells an agent where their score must be for the team to make it', () => {
    expect(contributorSentence(cascade, 'ana', rules, metric, english)).toBe('Your NPS needs to reach 52 for Team North to reach 58 (now 47).');
    expect(contributorSentence(cascade, 'north', rules, metric, english)).toBe("Team North's NPS needs to reach 58 for company to reach 58 (now 50).");
    expect(contributorSentence(cascade, 'company', rules, metric, english)).toBeNull();
  });

  it('says when the others\' plans leave no way', () => {
    const ben = { ...cascade, root: { ...cascade.root, children: [{ ...team, children: [team.children[0] as typeof team, { ...(team.children[1] as typeof team), target: 10 }] }] } };
    expect(contributorSentence(ben, 'ana', rules, metric, english)).toBe(
      'Your NPS would need to reach 106 for Team North to reach 58, which the scale does not allow: the others\' plans have to give.',
    );
  });
});
