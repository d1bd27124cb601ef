// The page's side of the data worker (import, row windows, summaries): starts it on first use, forwards progress, maps an AbortSignal to cancel,
// and turns the worker's answers into plain promises for the UI.
import { proxy, releaseProxy, wrap, type Remote } from 'comlink';
import type { ImportOptions, ImportProgress, PreviewOverrides, PreviewResult } from '../io/csvImport';
import type { DatasetRecord } from '../storage/records';
import type { DataWorkerApi } from './data.worker';
import type { Plan } from '../domain/plan/types';
import type {
  ConflictRequest,
  ConflictSummary,
  CorrelationRequest,
  CorrelationSummary,
  KeyDriverRequest,
  KeyDriverSummary,
  SeriesRequest,
  SeriesSummary,
  SurveyRequest,
  SurveySummary,
} from './analysisApi';
import type { WorkerImportResult } from './importApi';
import type { RowWindow } from './rowWindow';

export type { WorkerImportResult } from './importApi';
export type { RowWindow } from './rowWindow';

export interface ImportRequest {
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting cancels the import; it resolves with { status: 'cancelled' } and nothing is stored. */
  signal?: AbortSignal;
}

export interface ImportClient {
  preview(file: Blob, overrides?: PreviewOverrides): Promise<PreviewResult>;
  importFile(file: Blob, options: ImportOptions, request?: ImportRequest): Promise<WorkerImportResult>;
  readRows(datasetId: string, start: number, count: number): Promise<RowWindow | null>;
  /** A dataset of the plan imported from the same bytes: lets the UI ask "already imported — import again?". */
  findImported(planId: string, file: Blob): Promise<DatasetRecord | null>;
  sweepOrphans(): Promise<number>;
  surveySummary(request: SurveyRequest): Promise<SurveySummary>;
  metricSeries(request: SeriesRequest): Promise<SeriesSummary>;
  correlationTest(request: CorrelationRequest): Promise<CorrelationSummary>;
  conflictMatrix(request: ConflictRequest): Promise<ConflictSummary>;
  /** Key drivers of a KPI series or a survey item; a million responses stream through the worker in one pass. */
  keyDrivers(request: KeyDriverRequest): Promise<KeyDriverSummary>;
  storeSampleDatasets(plan: Plan): Promise<void>;
  /** Stops the worker; the next call starts a new one. */
  dispose(): void;
}

/** The message port a worker offers; a test may pass one end of a MessageChannel instead of a real Worker. */
export type WorkerLike = Pick<Worker, 'postMessage' | 'addEventListener' | 'removeEventListener'> & {
  terminate?: () => void;
};

function startWorker(): WorkerLike {
  return new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module', name: 'cx-data' });
}

export function createImportClient(createWorker: () => WorkerLike = startWorker): ImportClient {
  let current: { worker: WorkerLike; remote: Remote<DataWorkerApi>; failed: Promise<never> } | null = null;

  const dispose = (): void => {
    current?.remote[releaseProxy]();
    current?.worker.terminate?.();
    current = null;
  };

  const start = (): NonNullable<typeof current> => {
    if (current !== null) return current;
    const worker = createWorker();
    // Comlink answers only what the worker answers: if the worker itself dies (its script fails to load, an error
    // escapes it), pending calls would wait forever. They fail instead, and the next call starts a new worker.
    const failed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => {
        const detail = (event as Partial<ErrorEvent>).message;
        reject(new Error(`The import worker stopped${detail ? `: ${detail}` : ''}.`));
        if (current?.worker === worker) dispose();
      });
    });
    failed.catch(() => undefined);
    current = { worker, remote: wrap<DataWorkerApi>(worker), failed };
    return current;
  };

  const call = <T>(run: (remote: Remote<DataWorkerApi>) => Promise<T>): Promise<T> => {
    const { remote, failed } = start();
    return Promise.race([run(remote), failed]);
  };

  return {
    preview: (file, overrides) => call((remote) => remote.preview(file, overrides)),

    async importFile(file, options, request = {}) {
      const { signal, onProgress } = request;
      if (signal?.aborted) return { status: 'cancelled' };
      const jobId = crypto.randomUUID();
      const { remote } = start();
      const cancel = (): void => {
        remote.cancel(jobId).catch(() => undefined);
      };
      signal?.addEventListener('abort', cancel, { once: true });
      const progress = onProgress === undefined ? undefined : proxy(onProgress);
      try {
        return await call<WorkerImportResult>((worker) => worker.importFile(jobId, file, options, progress));
      } finally {
        signal?.removeEventListener('abort', cancel);
      }
    },

    readRows: (datasetId, start, count) => call((remote) => remote.readRows(datasetId, start, count)),
    findImported: (planId, file) => call((remote) => remote.findImported(planId, file)),
    sweepOrphans: () => call((remote) => remote.sweepOrphans()),
    surveySummary: (request) => call<SurveySummary>((remote) => remote.surveySummary(request)),
    metricSeries: (request) => call<SeriesSummary>((remote) => remote.metricSeries(request)),
    correlationTest: (request) => call<CorrelationSummary>((remote) => remote.correlationTest(request)),
    conflictMatrix: (request) => call<ConflictSummary>((remote) => remote.conflictMatrix(request)),
    keyDrivers: (request) => call<KeyDriverSummary>((remote) => remote.keyDrivers(request)),
    storeSampleDatasets: (plan) => call((remote) => remote.storeSampleDatasets(plan)),
    dispose,
  };
}
