// The target form's state on a small plan: baselines read from the worker's series, refusals at the field, the "up" helper.
import { describe, expect, it } from 'vitest';
import { smallPlan } from '../../domain/plan/testing';
import { keepFinding } from '../../domain/plan/ops';
import type { Plan } from '../../domain/plan/types';
import type { DatasetRecord } from '../../storage/records';
import type { SeriesRequest, SeriesSummary } from '../../worker/analysisApi';
import { english } from '../../domain/targets/formatForTests';
import { TargetDraft } from './targetsDraft.svelte';
import { MetricHistories } from './targetsHistories.svelte';

const MONTH_MS = (year: number, month: number) => Date.UTC(year, month - 1, 1);

/** Twelve months of 2026 for NPS (column 1) and revenue (column 2). */
const SERIES: Record<number, number[]> = {
  1: [50, 51, 49, 52, 53, 52, 54, 55, 53, 56, 57, 58],
  2: [1e6, 1.01e6, 1.02e6, 1.01e6, 1.03e6, 1.04e6, 1.05e6, 1.04e6, 1.06e6, 1.07e6, 1.08e6, 1.1e6],
};

function summary(request: SeriesRequest): SeriesSummary {
  const values = SERIES[request.value] ?? [];
  const t = values.map((_, i) => MONTH_MS(2026, i + 1));
  return {
    ok: true,
    granularity: 'month',
    bySegment: [],
    overall: {
      ok: true,
      incompletePeriods: 0,
      series: {
        segment: null,
        granularity: 'month',
        periods: values.map((_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
        t: Float64Array.from(t),
        values: Float64Array.from(values),
      },
    },
    undated: 0,
    unsegmented: 0,
  };
}

const DATASET = {
  id: 'ds',
  planId: 'p',
  name: 'KPIs',
  kind: 'timeseries',
  fileName: 'kpis.csv',
  sizeBytes: 0,
  rowCount: 12,
  columns: [
    { name: 'month', type: 'date' },
    { name: 'nps', type: 'number' },
    { name: 'revenue', type: 'number' },
  ],
  importedAt: '2026-12-01T00:00:00.000Z',
  contentHash: 'x',
  chunkRows: 65536,
  roles: {
    period: 0,
    segments: [],
    metrics: [
      { column: 1, metricId: 'm-nps' },
      { column: 2, metricId: 'm-revenue' },
    ],
    survey: { nps: null, csat: null, ces: null },
  },
} satisfies DatasetRecord;

async function setUp(plan: Plan = smallPlan()) {
  const histories = new MetricHistories(async (request) => summary(request));
  histories.setDatasets([DATASET]);
  histories.ensure(['m-nps', 'm-revenue', 'm-csat']);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const draft = new TargetDraft(() => ({ plan, histories, today: '2027-01-15', format: english }), '2027-12-31');
  return { draft, histories };
}

describe('the target form', () => {
  it('reads the baseline from the metric history: the last reading, or the mean of a window', async () => {
    const { draft } = await setUp();
    draft.metricId = 'm-nps';
    expect(draft.baseline?.ok && draft.baseline.baseline).toMatchObject({ value: 58, asOf: '2026-12-01', periodUnit: 'month' });
    draft.method = 'trailing-mean';
    draft.windowText = '3';
    expect(draft.baseline?.ok && draft.baseline.baseline.value).toBe(57);
  });

  it('says at the metric that a metric without data has no baseline', async () => {
    const { draft } = await setUp();
    draft.metricId = 'm-csat';
    expect(draft.problemAt('baseline')).toBe('CSAT has no data yet: import its history on the Data tab and map a column to it.');
    expect(draft.target).toBeNull();
  });

  it('refuses NPS 120 and a past deadline at their fields once they are used, never as NaN', async () => {
    const { draft } = await setUp();
    draft.metricId = 'm-nps';
    draft.targetText = '120';
    draft.deadline = '2026-06-30';
    expect(draft.problemAt('targetValue')).toBeNull();
    draft.touchAll();
    expect(draft.problemAt('targetValue')).toBe('NPS runs from \u2212100 to 100; 120 is not possible.');
    expect(draft.problemAt('deadline')).toBe('The deadline 2026-06-30 is not in the future: a target needs time to be reached.');
    expect(draft.sentence).toBeNull();
  });

  it('asks for the source of a benchmark and reads typed numbers with a decimal comma', async () => {
    const { draft } = await setUp();
    draft.metricId = 'm-nps';
    draft.targetText = '62,5';
    draft.benchmarkText = '65';
    draft.touchAll();
    expect(draft.problemAt('benchmark.source')).toBe('Say where the benchmark comes from, so that others can check it.');
    draft.benchmarkSource = 'Telecom benchmark 2026';
    expect(draft.problems).toEqual([]);
    expect(draft.target).toMatchObject({ targetValue: 62.5, benchmark: { value: 65, source: 'Telecom benchmark 2026' }, expectedResponsesPerMonth: 1100 });
  });

  it('writes the SMART sentence with the noise at the departments’ survey volume', async () => {
    const { draft } = await setUp();
    draft.metricId = 'm-nps';
    draft.targetText = '65';
    expect(draft.sentence).toMatch(/^Increase NPS from 58 to 65 by 31 December 2027: \+7 points, .*outside the ±[\d.]+-point margin of error at 1,100 responses a month\.$/);
  });

  it('turns a KPI percentage into the target value through a kept finding, and keeps the KPI levels in the link', async () => {
    const plan = keepFinding(smallPlan(), {
      kpiMetricId: 'm-revenue',
      metricId: 'm-nps',
      mode: 'trendControlled',
      period: 'month',
      lag: 3,
      r: 0.6,
      adjustedP: 0.001,
      slope: 10_000,
      slopeLow: 8_000,
      slopeHigh: 12_500,
      n: 40,
      sentence: '+1 NPS point ≈ +10,000 revenue',
      datasetName: 'KPIs',
      recordedAt: '2027-01-01T00:00:00.000Z',
    });
    const { draft } = await setUp(plan);
    draft.metricId = 'm-nps';
    draft.goalId = 'g-rev';
    draft.kpiPercentText = '5';
    expect(draft.up?.kpiBaseline).toBe(1.1e6);
    expect(draft.up?.requirement).toMatchObject({ ok: true, metricChange: 5.5, low: 4.4, high: 6.875 });
    draft.useKpiRequirement();
    expect(draft.targetText).toBe('63.5');
    expect(draft.target?.kpiLink).toMatchObject({ kpiMetricId: 'm-revenue', slope: 10_000, lagPeriods: 3, kpiBaseline: 1.1e6, kpiTarget: 1.155e6 });
    draft.targetText = '63';
    expect(draft.target?.kpiLink).toMatchObject({ kpiBaseline: null, kpiTarget: null });
  });
});
