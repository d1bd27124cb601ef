// The analysis benchmark page: times the app's correlation scan, 10-driver Shapley and million-response key drivers
// through the real worker client (createImportClient → data worker → IndexedDB), watching the main thread, and the
// bare reference loops in a bench worker of the same page. scripts/bench.mjs drives it step by step.
import { createImportClient } from '../src/worker/importClient';
import type { LagMode } from '../src/domain/correlation';
import { SCAN_MAX_LAG, SHAPLEY_DRIVERS, SURVEY_COLUMNS, SURVEY_SCALES } from './analysisData';
import type { ScanCheck } from './analysisReference';
import type { AnalysisRequest, DriverReference, Prepared, ScanReference } from './analysis.worker';
import { watchMainThread, type MainThreadReport } from './mainThreadWatch';
import { ask } from './workerRequest';

export interface AppRun {
  /** On the page, from the first call to the last resolved result. */
  ms: number;
  mainThread: MainThreadReport;
}

export interface ScanApp extends AppRun {
  checks: ScanCheck[];
  shapleyRSquared: number;
}

export interface DriverApp extends AppRun {
  n: number;
  rSquared: number;
}

export interface AnalysisBenchApi {
  prepare(surveyRows: number): Promise<Prepared>;
  scanApp(): Promise<ScanApp>;
  scanReference(): Promise<ScanReference & { page_ms: number }>;
  driverApp(): Promise<DriverApp>;
  driverReference(): Promise<DriverReference & { page_ms: number }>;
  readOnly(): Promise<{ ms: number; page_ms: number; chunks: number }>;
}

declare global {
  interface Window {
    cxAnalysisBench?: AnalysisBenchApi;
  }
}

const METRICS = 30;
const PERIODS = 120;
const MODES: LagMode[] = ['levels', 'trendControlled', 'differences'];

const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'bench-analysis' });
const client = createImportClient();
let ids: Prepared | null = null;

function datasets(): Prepared {
  if (ids === null) throw new Error('Call prepare first.');
  return ids;
}

/** Runs `work` on the page while watching the main thread; ms is from the call to the resolved result. */
async function watched<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; mainThread: MainThreadReport }> {
  const watch = watchMainThread();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  return { result, ms, mainThread: await watch.stop() };
}

async function timedAsk<T>(message: AnalysisRequest): Promise<T & { page_ms: number }> {
  const started = performance.now();
  const reply = await ask<T>(worker, message);
  return { ...reply, page_ms: performance.now() - started };
}

/** The correlation test of 30 metrics in each of the 3 readings (13 lags each), then key drivers of the KPI on 10 of them. */
async function scanApp(): Promise<ScanApp> {
  const { kpiDatasetId } = datasets();
  const metrics = Array.from({ length: METRICS }, (_, j) => ({ column: j + 2 }));
  const { result, ms, mainThread } = await watched(async () => {
    const scans = [];
    for (const mode of MODES) {
      scans.push(await client.correlationTest({ datasetId: kpiDatasetId, period: 0, kpi: 1, metrics, mode, maxLag: SCAN_MAX_LAG }));
    }
    const drivers = await client.keyDrivers({
      level: 'series',
      datasetId: kpiDatasetId,
      period: 0,
      outcome: { column: 1, name: 'kpi' },
      drivers: metrics.slice(0, SHAPLEY_DRIVERS).map((m) => ({ column: m.column, name: `metric ${m.column - 1}` })),
    });
    return { scans, drivers };
  });
  const checks = result.scans.flatMap((scan, m) => {
    if (!scan.ok) throw new Error(`The app's ${MODES[m]} scan failed: ${scan.reason}`);
    return scan.entries.map((entry, j): ScanCheck => {
      if (!entry.result.ok) throw new Error(`The app could not test metric ${j}: ${entry.result.reason}`);
      return { mode: MODES[m]!, metric: j, lag: entry.result.best.lag, r: entry.result.best.test.correlation.r };
    });
  });
  if (!result.drivers.ok || result.drivers.drivers.some((d) => d.shapley === null)) {
    throw new Error(`The app's 10-driver Shapley failed: ${result.drivers.ok ? result.drivers.shapleyNote : result.drivers.reason}`);
  }
  return { ms, mainThread, checks, shapleyRSquared: result.drivers.rSquared };
}

/** Key drivers of the recommend item on four other answers over every stored response, as the Key drivers panel asks. */
async function driverApp(): Promise<DriverApp> {
  const { surveyDatasetId } = datasets();
  const variable = (column: number) => {
    const name = SURVEY_COLUMNS[column]!;
    const [min, max] = SURVEY_SCALES[name];
    return { column, name, scale: { min, max } };
  };
  const { result, ms, mainThread } = await watched(() =>
    client.keyDrivers({
      level: 'respondent',
      datasetId: surveyDatasetId,
      outcome: variable(SURVEY_COLUMNS.length - 1),
      drivers: SURVEY_COLUMNS.slice(0, -1).map((_, column) => variable(column)),
    }),
  );
  if (!result.ok) throw new Error(`The app's key drivers failed: ${result.reason}`);
  return { ms, mainThread, n: result.n, rSquared: result.rSquared };
}

window.cxAnalysisBench = {
  async prepare(surveyRows) {
    ids = await ask<Prepared>(worker, { type: 'prepare', surveyRows, metrics: METRICS, periods: PERIODS } satisfies AnalysisRequest);
    return ids;
  },
  scanApp,
  scanReference: () => timedAsk<ScanReference>({ type: 'scanReference' }),
  driverApp,
  driverReference: () => timedAsk<DriverReference>({ type: 'driverReference' }),
  readOnly: () => timedAsk<{ ms: number; chunks: number }>({ type: 'readOnly', datasetId: datasets().surveyDatasetId }),
};
