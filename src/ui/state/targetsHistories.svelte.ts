// The plan's metric histories for targets and agreements: each metric's period series, read in the worker on demand.
import type { PeriodSeries } from '../../domain/series/periodSeries';
import type { DatasetRecord } from '../../storage/records';
import type { SeriesRequest, SeriesSummary } from '../../worker/analysisApi';

export type HistoryState =
  | { status: 'loading' }
  /** No imported time series has a column mapped to the metric. */
  | { status: 'none' }
  | { status: 'ready'; series: PeriodSeries; datasetName: string; column: string }
  | { status: 'failed'; reason: string };

export interface HistorySource {
  dataset: DatasetRecord;
  column: number;
  period: number;
}

/** The first time series that maps a column to the metric (datasets come newest first from storage). */
export function historySource(datasets: readonly DatasetRecord[], metricId: string): HistorySource | null {
  for (const dataset of datasets) {
    const roles = dataset.roles;
    if (dataset.kind !== 'timeseries' || roles === undefined || roles.period === null) continue;
    const mapped = roles.metrics.find((m) => m.metricId === metricId);
    if (mapped !== undefined) return { dataset, column: mapped.column, period: roles.period };
  }
  return null;
}

function sourceKey(source: HistorySource): string {
  return `${source.dataset.id}:${source.period}:${source.column}`;
}

function settled(summary: SeriesSummary, source: HistorySource): HistoryState {
  const column = source.dataset.columns[source.column]?.name ?? '';
  if (!summary.ok) {
    return { status: 'failed', reason: 'reason' in summary ? summary.reason : summary.problems.map((p) => p.message).join(' ') };
  }
  if (!summary.overall.ok) return { status: 'failed', reason: summary.overall.reason };
  return { status: 'ready', series: summary.overall.series, datasetName: source.dataset.name, column };
}

/**
 * Histories keyed by where they are read from (dataset, period column, value column), so re-mapping a column or
 * importing a newer file reads afresh while unchanged metrics are read once. Reading never starts a request: the
 * view asks for the metrics it shows with `ensure` from an effect, because state must not change while rendering.
 */
export class MetricHistories {
  #datasets = $state.raw<readonly DatasetRecord[] | null>(null);
  #cache = $state.raw<ReadonlyMap<string, HistoryState>>(new Map());
  #requested = new Set<string>();
  #read: (request: SeriesRequest) => Promise<SeriesSummary>;

  constructor(read: (request: SeriesRequest) => Promise<SeriesSummary>) {
    this.#read = read;
  }

  /** Called with the plan's datasets whenever they change. */
  setDatasets(datasets: readonly DatasetRecord[]): void {
    this.#datasets = datasets;
  }

  get datasetsLoaded(): boolean {
    return this.#datasets !== null;
  }

  history(metricId: string): HistoryState {
    if (this.#datasets === null) return { status: 'loading' };
    const source = historySource(this.#datasets, metricId);
    if (source === null) return { status: 'none' };
    return this.#cache.get(sourceKey(source)) ?? { status: 'loading' };
  }

  /** The series when it is ready, else null. */
  series(metricId: string): PeriodSeries | null {
    const state = this.history(metricId);
    return state.status === 'ready' ? state.series : null;
  }

  /** Starts reading every listed metric that has a source and has not been read from it yet. */
  ensure(metricIds: readonly string[]): void {
    const datasets = this.#datasets;
    if (datasets === null) return;
    for (const metricId of new Set(metricIds)) {
      const source = historySource(datasets, metricId);
      if (source === null) continue;
      const key = sourceKey(source);
      if (this.#requested.has(key)) continue;
      this.#requested.add(key);
      void this.#read({ datasetId: source.dataset.id, period: source.period, value: source.column, segment: null, combine: 'mean' })
        .then(
          (summary) => settled(summary, source),
          (error: unknown): HistoryState => ({ status: 'failed', reason: error instanceof Error ? error.message : String(error) }),
        )
        .then((state) => {
          this.#cache = new Map(this.#cache).set(key, state);
        });
    }
  }
}
