// Tests for the default model: on the sample workbook it is valid and one click gives a clear interior best balance.
import { describe, expect, it } from 'vitest';
import { createSamplePlan } from '../plan/samplePlan';
import type { CorrelationFinding, Plan } from '../plan/types';
import { compileModel, INITIATIVES_ROI, WEIGHTING_VALUE } from './compile';
import { defaultModel } from './defaults';
import { projectModel } from './projection';
import { sweepCollectiveShare } from './sweep';
import { tornado } from './tornado';
import { validateModel } from './validate';

const sample = (): Plan => createSamplePlan(new Date('2024-01-01T00:00:00.000Z'));
const id = (key: string): string => `sample-metric-${key}`;

function finding(metricKey: string, kpiKey: string, slope: number, low: number, high: number, lag: number, period: CorrelationFinding['period'] = 'month'): CorrelationFinding {
  return {
    id: `f-${metricKey}`,
    kpiMetricId: id(kpiKey),
    metricId: id(metricKey),
    mode: 'trendControlled',
    period,
    lag,
    r: 0.6,
    adjustedP: 0.001,
    slope,
    slopeLow: low,
    slopeHigh: high,
    n: 57,
    sentence: '',
    datasetName: 'monthly_kpis.csv',
    recordedAt: '2024-01-01T00:00:00.000Z',
  };
}

describe('defaultModel on the sample workbook', () => {
  const plan = sample();
  const model = defaultModel(plan);
  const compiled = compileModel(plan, model);

  it('is a valid model with reach on every library measure of the scorecards', () => {
    expect(validateModel(plan, model)).toEqual([]);
    expect(model.settings.reach).toHaveLength(plan.scorecard.length);
    expect(compiled.departments.every((d) => d.inputIndex >= 0)).toBe(true);
  });

  it('sweeps to a clear best balance that is neither 0 % nor 100 %', () => {
    const sweep = sweepCollectiveShare(compiled, { departmentId: null });
    expect(sweep.interior).toBe(true);
    expect(sweep.best.sharePct).toBeGreaterThanOrEqual(20);
    expect(sweep.best.sharePct).toBeLessThanOrEqual(60);
    // Within 1 % of the best is a band, not the whole axis: both ends are clearly worse.
    expect(sweep.flat.fromPct).toBeGreaterThan(0);
    expect(sweep.flat.toPct).toBeLessThan(100);
    const ends = [sweep.points[0]!.value, sweep.points[100]!.value];
    for (const end of ends) expect(end).toBeLessThan(sweep.best.value * 0.97);
  });

  it('names the behavioural assumptions and the NPS value among the top of the tornado', () => {
    const bars = tornado(compiled, { outputKey: WEIGHTING_VALUE }).bars.slice(0, 8).map((b) => b.key);
    expect(bars).toContain('returnsCurvature');
    expect(bars).toContain(`value:${id('nps')}`);
  });

  it('gives the example initiatives an ROI, with delayed as well as immediate benefits', () => {
    expect(compiled.outputs.some((o) => o.key === INITIATIVES_ROI)).toBe(true);
    const projection = projectModel(compiled);
    expect(projection.initiatives.map((i) => i.id)).toEqual(['initiative-knowledge-base', 'initiative-self-service']);
    expect(projection.portfolio.immediate.some((x) => x > 0)).toBe(true);
    expect(projection.portfolio.delayed.some((x) => x > 0)).toBe(true);
    expect(projection.portfolio.summary.paybackMonth).not.toBeNull();
  });

  it('offers collective-heavy, individual-heavy, cautious and bold scenarios', () => {
    expect(model.scenarios.map((s) => s.name)).toEqual([
      'Collective-heavy weighting',
      'Individual-heavy weighting',
      'Cautious uplift',
      'Bold uplift',
    ]);
  });
});

describe('defaultModel with kept correlation findings', () => {
  it('turns a slope onto revenue into the metric’s value: slope × margin, its interval as a normal range, its lag', () => {
    const plan = { ...sample(), findings: [finding('nps', 'revenue', 4030, 3340, 4720, 3)] };
    const value = defaultModel(plan).settings.values.find((v) => v.metricId === id('nps'));
    expect(value?.source).toBe('correlation');
    expect(value?.lagMonths).toBe(3);
    expect(value?.valuePerUnitPerMonth.base).toBeCloseTo(4030 * 0.4, 9);
    expect(value?.valuePerUnitPerMonth.distribution).toEqual({ kind: 'normal', low: 3340 * 0.4, high: 4720 * 0.4 });
  });

  it('reads a quarterly revenue slope per month and its lag in months', () => {
    const plan = { ...sample(), findings: [finding('csat', 'revenue', 9000, 6000, 12_000, 1, 'quarter')] };
    const value = defaultModel(plan).settings.values.find((v) => v.metricId === id('csat'));
    expect(value?.valuePerUnitPerMonth.base).toBeCloseTo((9000 * 0.4) / 3, 9);
    expect(value?.lagMonths).toBe(3);
  });

  it('turns a slope onto a non-money KPI into a side effect that replaces the default link', () => {
    const plan = { ...sample(), findings: [finding('csat', 'nps', 0.5, 0.3, 0.7, 0)] };
    const links = defaultModel(plan).settings.sideEffects.filter((e) => e.fromMetricId === id('csat') && e.toMetricId === id('nps'));
    expect(links).toHaveLength(1);
    expect(links[0]?.source).toBe('correlation');
    expect(links[0]?.perUnit).toEqual({ base: 0.5, distribution: { kind: 'normal', low: 0.3, high: 0.7 } });
  });

  it('drops a default link that evidence would turn into a loop, keeping the model valid', () => {
    // Default: CSAT → NPS. Evidence NPS → CSAT would close the loop; the default goes.
    const plan = { ...sample(), findings: [finding('nps', 'csat', 0.2, 0.1, 0.3, 0)] };
    const model = defaultModel(plan);
    expect(model.settings.sideEffects.some((e) => e.fromMetricId === id('csat') && e.toMetricId === id('nps'))).toBe(false);
    expect(validateModel(plan, model)).toEqual([]);
  });
});
