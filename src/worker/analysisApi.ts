// Summaries of stored datasets computed next to the data in the worker: survey scores, metric series, correlation
// tests, KPI conflicts and key drivers.
import { aggregateSurvey, type SurveyAggregate, type SurveyGranularity } from '../domain/survey/aggregate';
import {
  alignSeries,
  buildSeries,
  onUnionGrid,
  type AlignedSeries,
  type PeriodSeries,
  type SeriesBuild,
  type SeriesCombine,
} from '../domain/series/periodSeries';
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
import {
  CoMoments,
  laggedDesign,
  performance,
  relativeImportance,
  type DriverImportance,
  type Performance,
  type RowNoun,
  type ValidRange,
} from '../domain/drivers';
import type { Direction, Timing } from '../domain/plan/types';
import { getDataset, readChunks, readColumn, type CxDatabase } from '../storage';
import type { ColumnData, DatasetRecord } from '../storage/records';

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

/** One column of a key-driver analysis, as the user named it. */
export interface KeyDriverColumn {
  column: number;
  name: string;
  /**
   * The answer scale (NPS item 0–10, CSAT 1–5, CES 1–7) or the metric's bounds: values outside it count as missing,
   * and the driver's performance is placed on it. Null or absent: any finite value counts, performance uses the
   * range the data cover.
   */
  scale?: ValidRange | null;
}

export interface KeyDriverInput extends KeyDriverColumn {
  /** Which way is better, for the performance axis; null or absent reads as higher. */
  direction?: Direction | null;
  /** Periods by which the driver leads the outcome (series level only); 0 when absent. */
  lag?: number;
}

interface KeyDriverBase {
  datasetId: string;
  outcome: KeyDriverColumn;
  drivers: KeyDriverInput[];
}

/**
 * A key-driver analysis: a KPI series regressed on metric series of one dataset, aligned by period (optionally one
 * segment's series), or a survey's NPS or CSAT item regressed on other answers, one row per response.
 */
export type KeyDriverRequest =
  | (KeyDriverBase & { level: 'series'; period: number; segment?: { column: number; label: string } | null })
  | (KeyDriverBase & { level: 'respondent' });

export interface KeyDriverRow extends DriverImportance {
  column: number;
  name: string;
  lag: number;
  /** Null when the driver has no spread to place its mean on. */
  performance: Performance | null;
  /** Values present but outside the driver's scale, left out as missing. */
  outOfRange: number;
}

export type KeyDriverSummary =
  | {
      ok: true;
      level: KeyDriverRequest['level'];
      /** Rows looked at: responses in the dataset, or periods on the aligned grid. */
      rows: number;
      /** Complete rows used. */
      n: number;
      rSquared: number;
      /** Period length of a series analysis; null for responses. */
      granularity: PeriodUnit | null;
      drivers: KeyDriverRow[];
      outcomeOutOfRange: number;
      /** Why the Shapley shares are missing, else null. */
      shapleyNote: string | null;
    }
  | { ok: false; reason: string };

const PERIODS: RowNoun = { one: 'period', many: 'periods' };
const RESPONSES: RowNoun = { one: 'response', many: 'responses' };

/** Stored chunks read per column at a time: 4 × 65,536 rows keeps memory flat however many responses there are. */
export const STREAM_CHUNKS_PER_READ = 4;

function asNumbers(data: ColumnData | undefined): Float64Array | undefined {
  return data instanceof Float64Array ? data : undefined;
}

/**
 * Streams number columns of a stored dataset through the co-moments chunk by chunk, reading the next chunks while
 * the current ones are summed. A string says why it could not (a column that is not numeric, a dataset deleted
 * while it was read).
 */
async function streamColumns(database: CxDatabase, dataset: DatasetRecord, columns: readonly number[], moments: CoMoments): Promise<string | null> {
  const chunkCount = Math.ceil(dataset.rowCount / dataset.chunkRows);
  const read = (first: number) => {
    const last = Math.min(chunkCount, first + STREAM_CHUNKS_PER_READ) - 1;
    return Promise.all(columns.map((column) => readChunks(database, dataset.id, column, first, last)));
  };
  let pending = chunkCount > 0 ? read(0) : null;
  for (let first = 0; pending !== null; first += STREAM_CHUNKS_PER_READ) {
    const batch = await pending;
    pending = first + STREAM_CHUNKS_PER_READ < chunkCount ? read(first + STREAM_CHUNKS_PER_READ) : null;
    const expected = Math.min(chunkCount, first + STREAM_CHUNKS_PER_READ) - first;
    if (batch.some((chunks) => chunks.length !== expected)) return 'the dataset changed while it was being read. Try again.';
    for (let c = 0; c < expected; c++) {
      const arrays = batch.map((chunks) => chunks[c]!.data);
      if (!arrays.every((data): data is Float64Array => data instanceof Float64Array)) return 'every column must be a number column.';
      moments.add(arrays);
    }
  }
  return null;
}

/** The rows of the analysis: each driver's importance, performance and left-out values, from the streamed moments. */
function keyDriverSummary(
  request: KeyDriverRequest,
  moments: CoMoments,
  rows: RowNoun,
  granularity: PeriodUnit | null,
): KeyDriverSummary {
  const p = request.drivers.length;
  const importance = relativeImportance(moments, {
    names: request.drivers.map((d) => d.name),
    outcomeName: request.outcome.name,
    rows,
  });
  if (!importance.ok) return { ok: false, reason: importance.reason };
  return {
    ok: true,
    level: request.level,
    rows: moments.rows,
    n: importance.n,
    rSquared: importance.rSquared,
    granularity,
    drivers: request.drivers.map((driver, j) => ({
      ...importance.drivers[j]!,
      column: driver.column,
      name: driver.name,
      lag: driver.lag ?? 0,
      performance: performance({
        mean: moments.means[j]!,
        observedMin: moments.minima[j]!,
        observedMax: moments.maxima[j]!,
        scale: driver.scale ?? null,
        direction: driver.direction ?? null,
      }),
      outOfRange: moments.outOfRange[j]!,
    })),
    outcomeOutOfRange: moments.outOfRange[p]!,
    shapleyNote: importance.shapleyNote,
  };
}

function bySegment(series: PeriodSeries[], label: string): { ok: true; series: PeriodSeries } | { ok: false; reason: string } {
  const found = series.find((s) => s.segment === label);
  return found ? { ok: true, series: found } : { ok: false, reason: `no row belongs to segment ${label}.` };
}

/** One stored column laid out as a period series, or why it cannot be. */
function periodSeries(dates: Float64Array, values: Float64Array): PeriodSeries | string {
  const built = buildSeries({ dates, values });
  if (!built.ok) return built.problems.map((p) => p.message).join(' ');
  return built.overall.ok ? built.overall.series : built.overall.reason;
}

/**
 * What the correlation test has read of one KPI: the dataset's period dates, the KPI's series and, per metric column
 * asked for so far, the metric aligned with the KPI and its lead/lag profile (by column and library label).
 */
interface CorrelationColumns {
  /** Dataset id and import time, period column, KPI column: a stored dataset's values never change. */
  key: string;
  dates: Float64Array;
  kpi: PeriodSeries;
  metrics: Map<number, AlignedSeries>;
  leadLag: Map<string, LeadLagResult>;
}

function alignedMetric(group: CorrelationColumns, values: Float64Array | undefined): AlignedSeries {
  if (!values) return { ok: false, reason: 'This column is not a number column.' };
  const metric = periodSeries(group.dates, values);
  return typeof metric === 'string' ? { ok: false, reason: metric } : alignSeries(metric, group.kpi);
}

export function createAnalysisApi(db: () => Promise<CxDatabase>) {
  /** Only the latest KPI's columns are kept, so memory stays bounded however many analyses the user looks at. */
  let correlationColumns: CorrelationColumns | null = null;

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

    /**
     * The correlation test of each candidate metric against the KPI, on one period grid, with the ranking. The columns
     * read, their period grids and each metric's lead/lag profile are kept for the next request on the same KPI: the
     * correlation views ask for the three readings in turn, and only the reading changes between them.
     */
    async correlationTest(request: CorrelationRequest): Promise<CorrelationSummary> {
      const database = await db();
      const dataset = await getDataset(database, request.datasetId);
      if (!dataset) {
        correlationColumns = null;
        return { ok: false, reason: 'This dataset is no longer stored.' };
      }
      const key = [dataset.id, dataset.importedAt, request.period, request.kpi].join('\u0000');
      let prepared = correlationColumns?.key === key ? correlationColumns : null;
      if (!prepared) {
        const [dates, kpiValues] = await Promise.all([
          readColumn(database, dataset.id, request.period),
          readColumn(database, dataset.id, request.kpi),
        ]);
        const periodDates = asNumbers(dates);
        const kpi = asNumbers(kpiValues);
        if (!periodDates || !kpi) return { ok: false, reason: 'Choose the period column and a number column for the KPI.' };
        const kpiSeries = periodSeries(periodDates, kpi);
        if (typeof kpiSeries === 'string') return { ok: false, reason: kpiSeries };
        prepared = { key, dates: periodDates, kpi: kpiSeries, metrics: new Map(), leadLag: new Map() };
        correlationColumns = prepared;
      }
      const group = prepared;
      const unread = [...new Set(request.metrics.map((m) => m.column))].filter((column) => !group.metrics.has(column));
      const values = await Promise.all(unread.map((column) => readColumn(database, dataset.id, column)));
      unread.forEach((column, i) => group.metrics.set(column, alignedMetric(group, asNumbers(values[i]))));

      const entries: CorrelationEntry[] = request.metrics.map((candidate) => {
        const aligned = group.metrics.get(candidate.column) as AlignedSeries;
        if (!aligned.ok) {
          const failure = { ok: false as const, reason: aligned.reason };
          return { column: candidate.column, result: { ...failure, mode: request.mode, code: 'not-computable' as const }, leadLag: failure };
        }
        const leadLagKey = `${candidate.column}:${candidate.label ?? ''}`;
        let timing = group.leadLag.get(leadLagKey);
        if (!timing) {
          timing = leadLag(aligned.a, aligned.b, candidate.label ? { label: candidate.label } : {});
          group.leadLag.set(leadLagKey, timing);
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
          leadLag: timing,
        };
      });
      const ranking = rankMetrics(entries.map((e) => ({ metricId: String(e.column), result: e.result })));
      return { ok: true, granularity: group.kpi.granularity, entries, ranking };
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

    /**
     * Key drivers of an outcome: Johnson's relative weights and Shapley/LMG shares of R², with each driver's
     * performance. Responses stream from storage chunk by chunk in one pass; series are aligned by period first.
     */
    async keyDrivers(request: KeyDriverRequest): Promise<KeyDriverSummary> {
      const database = await db();
      const dataset = await getDataset(database, request.datasetId);
      if (!dataset) return { ok: false, reason: 'this dataset is no longer stored.' };
      const variables = [...request.drivers, request.outcome];
      if (variables.some((v) => dataset.columns[v.column]?.type !== 'number')) {
        return { ok: false, reason: 'the outcome and every driver must be number columns.' };
      }
      const moments = new CoMoments(variables.length, variables.map((v) => v.scale));
      if (request.drivers.some((d) => d.lag !== undefined && !(Number.isInteger(d.lag) && d.lag >= 0))) {
        return { ok: false, reason: 'a lag must be a whole number of periods, 0 or more.' };
      }
      if (request.level === 'respondent') {
        const problem = await streamColumns(database, dataset, variables.map((v) => v.column), moments);
        return problem ? { ok: false, reason: problem } : keyDriverSummary(request, moments, RESPONSES, null);
      }

      const read = await columns(request.datasetId, [request.period, request.segment?.column ?? null, ...variables.map((v) => v.column)]);
      if (!read) return { ok: false, reason: 'this dataset is no longer stored.' };
      const [dates, segmentCodes, ...values] = read.data;
      const periodDates = asNumbers(dates);
      if (!periodDates) return { ok: false, reason: 'the period column is not a date column. Choose it on the Data tab.' };
      const segment = request.segment ?? null;
      const dictionary = segment === null ? undefined : dataset.columns[segment.column]?.dictionary;
      const segments = segmentCodes instanceof Int32Array && dictionary ? { codes: segmentCodes, dictionary } : undefined;
      if (segment !== null && !segments) return { ok: false, reason: 'the segment column is not a category column.' };
      const series: PeriodSeries[] = [];
      for (const [i, variable] of variables.entries()) {
        const built = buildSeries({ dates: periodDates, values: values[i] as Float64Array, ...(segments ? { segments } : {}) });
        if (!built.ok) {
          return { ok: false, reason: `the periods of ${variable.name} cannot be laid out as one series (${built.problems.map((p) => p.message).join(' ')})` };
        }
        const chosen = segment === null ? built.overall : bySegment(built.bySegment, segment.label);
        if (!chosen.ok) return { ok: false, reason: `${variable.name} has no single series to analyse (${chosen.reason})` };
        series.push(chosen.series);
      }
      const grid = onUnionGrid(series).values;
      const outcome = grid[grid.length - 1]!;
      moments.add(laggedDesign(outcome, grid.slice(0, -1), request.drivers.map((d) => d.lag ?? 0)));
      return keyDriverSummary(request, moments, PERIODS, series[0]!.granularity);
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
