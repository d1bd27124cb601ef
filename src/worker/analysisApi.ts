// Summaries of stored datasets computed next to the data in the worker: survey scores and metric series.
import { aggregateSurvey, type SurveyAggregate, type SurveyGranularity } from '../domain/survey/aggregate';
import { alignSeries, buildSeries, onUnionGrid, type PeriodSeries, type SeriesBuild, type SeriesCombine } from '../domain/series/periodSeries';
import type { PeriodUnit } from '../domain/series/periods';
import {
  conflicts,
  leadLag,
  type MetricPair,
  rankMetrics,
  testMetric,
  type LagMode,
  type LeadLagResult,
  type MetricRanking,
  type MetricTestResult,
} from '../domain/correlation';
import type { Direction, Timing } from '../domain/plan/types';
import { getDataset, readColumn, type CxDatabase } from '../storage';
import type { ColumnData } from '../storage/records';

export type SurveySummary = { ok: true; aggregate: SurveyAggregate } | { ok: false; reason: string };
export type SeriesSummary = SeriesBuild | { ok: false; reason: string; problems?: never };

export interface SurveyRequest {
  datasetId: string;
  period: number;
  granularity: SurveyGranularity;
  segment: number | null;
  nps: number | null;
  csat: number | null;
  ces: number | null;
}

export interface SeriesRequest {
  datasetId: string;
  period: number;
  value: number;
  segment: number | null;
  combine?: SeriesCombine;
}

export interface CorrelationRequest {
  datasetId: string;
  period: number;
  /** The business KPI's column. */
  kpi: number;
  /** Candidate metric columns, with the metric library's leading/lagging label when the column is a plan metric. */
  metrics: { column: number; label?: Timing }[];
  mode: LagMode;
  maxLag?: number;
}

export interface CorrelationEntry {
  column: number;
  result: MetricTestResult;
  leadLag: LeadLagResult;
}

export type CorrelationSummary =
  | { ok: true; granularity: PeriodUnit; entries: CorrelationEntry[]; ranking: MetricRanking }
  | { ok: false; reason: string };

export interface ConflictRequest {
  datasetId: string;
  period: number;
  /** Metric columns and which way is better for each. */
  columns: { column: number; direction: Direction }[];
}

export type ConflictSummary = { ok: true; pairs: MetricPair[] } | { ok: false; reason: string };

function asNumbers(data: ColumnData | undefined): Float64Array | undefined {
  return data instanceof Float64Array ? data : undefined;
}

export function createAnalysisApi(db: () => Promise<CxDatabase>) {
  /** Reads the columns a summary needs; a column of the wrong type or a missing dataset says so. */
  async function columns(datasetId: string, wanted: (number | null)[]) {
    const database = await db();
    const dataset = await getDataset(database, datasetId);
    if (!dataset) return null;
    const data = await Promise.all(wanted.map((c) => (c === null ? undefined : readColumn(database, datasetId, c))));
    return { dataset, data };
  }

  return {
    async surveySummary(request: SurveyRequest): Promise<SurveySummary> {
      const read = await columns(request.datasetId, [request.period, request.segment, request.nps, request.csat, request.ces]);
      if (!read) return { ok: false, reason: 'This dataset is no longer stored.' };
      const [dates, segmentCodes, nps, csat, ces] = read.data;
      const periodDates = asNumbers(dates);
      if (!periodDates) return { ok: false, reason: 'Choose the date column that says when each response was given.' };
      if (request.nps === null && request.csat === null && request.ces === null) {
        return { ok: false, reason: 'Choose which columns hold the NPS, CSAT or CES answers.' };
      }
      const dictionary = request.segment === null ? undefined : read.dataset.columns[request.segment]?.dictionary;
      const segments = segmentCodes instanceof Int32Array && dictionary ? { codes: segmentCodes, dictionary } : undefined;
      const aggregate = aggregateSurvey({
        dates: periodDates,
        granularity: request.granularity,
        ...(segments ? { segments } : {}),
        measures: {
          ...(asNumbers(nps) ? { nps: asNumbers(nps) } : {}),
          ...(asNumbers(csat) ? { csat: asNumbers(csat) } : {}),
          ...(asNumbers(ces) ? { ces: asNumbers(ces) } : {}),
        },
      });
      return { ok: true, aggregate };
    },

    /** The correlation test of each candidate metric against the KPI, on one period grid, with the ranking. */
    async correlationTest(request: CorrelationRequest): Promise<CorrelationSummary> {
      const columnsWanted = [request.period, request.kpi, ...request.metrics.map((m) => m.column)];
      const read = await columns(request.datasetId, columnsWanted);
      if (!read) return { ok: false, reason: 'This dataset is no longer stored.' };
      const [dates, kpiValues, ...metricValues] = read.data;
      const periodDates = asNumbers(dates);
      const kpi = asNumbers(kpiValues);
      if (!periodDates || !kpi) return { ok: false, reason: 'Choose the period column and a number column for the KPI.' };
      const series = (values: Float64Array): PeriodSeries | string => {
        const built = buildSeries({ dates: periodDates, values });
        if (!built.ok) return built.problems.map((p) => p.message).join(' ');
        return built.overall.ok ? built.overall.series : built.overall.reason;
      };
      const kpiSeries = series(kpi);
      if (typeof kpiSeries === 'string') return { ok: false, reason: kpiSeries };
      const entries: CorrelationEntry[] = request.metrics.map((candidate, i) => {
        const values = asNumbers(metricValues[i]);
        const metricSeries = values ? series(values) : 'This column is not a number column.';
        const aligned = typeof metricSeries === 'string' ? { ok: false as const, reason: metricSeries } : alignSeries(metricSeries, kpiSeries);
        if (!aligned.ok) {
          const failure = { ok: false as const, reason: aligned.reason };
          return { column: candidate.column, result: { ...failure, mode: request.mode, code: 'not-computable' as const }, leadLag: failure };
        }
        return {
          column: candidate.column,
          result: testMetric({
            metric: aligned.a,
            kpi: aligned.b,
            periods: aligned.periods,
            mode: request.mode,
            ...(request.maxLag === undefined ? {} : { maxLag: request.maxLag }),
          }),
          leadLag: leadLag(aligned.a, aligned.b, candidate.label ? { label: candidate.label } : {}),
        };
      });
      const ranking = rankMetrics(entries.map((e) => ({ metricId: String(e.column), result: e.result })));
      return { ok: true, granularity: kpiSeries.granularity, entries, ranking };
    },

    /** Direction-adjusted correlations of every pair of metric columns: aligned, in conflict, or neither. */
    async conflictMatrix(request: ConflictRequest): Promise<ConflictSummary> {
      const read = await columns(request.datasetId, [request.period, ...request.columns.map((c) => c.column)]);
      if (!read) return { ok: false, reason: 'This dataset is no longer stored.' };
      const [dates, ...values] = read.data;
      const periodDates = asNumbers(dates);
      if (!periodDates) return { ok: false, reason: 'Choose the period column of this dataset.' };
      const built: PeriodSeries[] = [];
      for (const [i, candidate] of request.columns.entries()) {
        const numbers = asNumbers(values[i]);
        if (!numbers) return { ok: false, reason: `Column ${candidate.column + 1} is not a number column.` };
        const series = buildSeries({ dates: periodDates, values: numbers });
        if (!series.ok) return { ok: false, reason: series.problems.map((p) => p.message).join(' ') };
        if (!series.overall.ok) return { ok: false, reason: series.overall.reason };
        built.push(series.overall.series);
      }
      const grid = onUnionGrid(built).values;
      const pairs = conflicts(
        request.columns.map((c, i) => ({ metricId: String(c.column), direction: c.direction, values: grid[i] as Float64Array })),
      );
      return { ok: true, pairs };
    },

    async metricSeries(request: SeriesRequest): Promise<SeriesSummary> {
      const read = await columns(request.datasetId, [request.period, request.value, request.segment]);
      if (!read) return { ok: false, reason: 'This dataset is no longer stored.' };
      const [dates, values, segmentCodes] = read.data;
      const periodDates = asNumbers(dates);
      const metric = asNumbers(values);
      if (!periodDates || !metric) return { ok: false, reason: 'Choose a date column for the period and a number column for the values.' };
      const dictionary = request.segment === null ? undefined : read.dataset.columns[request.segment]?.dictionary;
      const segments = segmentCodes instanceof Int32Array && dictionary ? { codes: segmentCodes, dictionary } : undefined;
      return buildSeries({
        dates: periodDates,
        values: metric,
        ...(segments ? { segments } : {}),
        ...(request.combine ? { combine: request.combine } : {}),
      });
    },
  };
}
