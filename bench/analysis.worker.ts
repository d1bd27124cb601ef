// Bench worker for the analysis suite: generates and stores the benchmark's datasets, keeps their columns in memory,
// and times the bare reference loops (and a storage read without arithmetic) on request.
import { createEmptyPlan } from '../src/domain/plan/newPlan';
import { createPlan, DEFAULT_CHUNK_ROWS, openDatabase, readChunks, saveDataset, type CxDatabase } from '../src/storage';
import { STREAM_CHUNKS_PER_READ } from '../src/worker/analysisApi';
import {
  kpiTable,
  SCAN_MAX_LAG,
  SHAPLEY_DRIVERS,
  SURVEY_COLUMNS,
  SURVEY_SCALES,
  surveyAnswers,
  type KpiTable,
  type SurveyAnswers,
} from './analysisData';
import { referenceDrivers, referenceScan, referenceShapley, type ScanCheck } from './analysisReference';

export type AnalysisRequest =
  | { type: 'prepare'; surveyRows: number; metrics: number; periods: number }
  | { type: 'scanReference' }
  | { type: 'driverReference' }
  | { type: 'readOnly'; datasetId: string };

export interface Prepared {
  kpiDatasetId: string;
  surveyDatasetId: string;
  surveyRows: number;
  generate_ms: number;
  store_ms: number;
}

export interface ScanReference {
  ms: number;
  checks: ScanCheck[];
  shapleyRSquared: number;
}

export interface DriverReference {
  ms: number;
  n: number;
  rSquared: number;
}

let data: { table: KpiTable; survey: SurveyAnswers; db: CxDatabase } | null = null;

function prepared(): NonNullable<typeof data> {
  if (data === null) throw new Error('The analysis data have not been prepared.');
  return data;
}

async function prepare(request: Extract<AnalysisRequest, { type: 'prepare' }>): Promise<Prepared> {
  const generateStarted = performance.now();
  const table = kpiTable(11, request.periods, request.metrics);
  const survey = surveyAnswers(12, request.surveyRows);
  const generate_ms = performance.now() - generateStarted;

  const opened = await openDatabase();
  if (!opened.ok) throw new Error(opened.message);
  const db = opened.db;
  const storeStarted = performance.now();
  const plan = await createPlan(db, createEmptyPlan('Analysis benchmark', new Date()));
  const meta = { planId: plan.id, sizeBytes: 0, contentHash: 'bench' };
  const kpis = await saveDataset(
    db,
    {
      ...meta,
      name: 'bench KPIs',
      kind: 'timeseries',
      fileName: 'kpis.csv',
      columns: [
        { name: 'month', type: 'date' },
        { name: 'kpi', type: 'number' },
        ...table.metrics.map((_, j) => ({ name: `metric_${j + 1}`, type: 'number' as const })),
      ],
    },
    [table.months, table.kpi, ...table.metrics],
  );
  const responses = await saveDataset(
    db,
    {
      ...meta,
      name: 'bench survey',
      kind: 'survey',
      fileName: 'survey.csv',
      columns: SURVEY_COLUMNS.map((name) => ({ name, type: 'number' as const })),
    },
    SURVEY_COLUMNS.map((name) => survey[name]),
  );
  data = { table, survey, db };
  return {
    kpiDatasetId: kpis.id,
    surveyDatasetId: responses.id,
    surveyRows: request.surveyRows,
    generate_ms,
    store_ms: performance.now() - storeStarted,
  };
}

function scanReference(): ScanReference {
  const { table } = prepared();
  const started = performance.now();
  const checks = referenceScan(table.kpi, table.metrics, SCAN_MAX_LAG);
  const shapley = referenceShapley([...table.metrics.slice(0, SHAPLEY_DRIVERS), table.kpi]);
  return { ms: performance.now() - started, checks, shapleyRSquared: shapley.rSquared };
}

function driverReference(): DriverReference {
  const { survey } = prepared();
  const started = performance.now();
  const result = referenceDrivers(
    SURVEY_COLUMNS.map((name) => survey[name]),
    SURVEY_COLUMNS.map((name) => SURVEY_SCALES[name]),
  );
  return { ms: performance.now() - started, ...result };
}

/** Reads the survey's stored chunks in the batches the app reads them, doing no arithmetic: the cost of storage alone. */
async function readOnly(datasetId: string): Promise<{ ms: number; chunks: number }> {
  const { db, survey } = prepared();
  const started = performance.now();
  const chunkCount = Math.ceil(survey.recommend.length / DEFAULT_CHUNK_ROWS);
  let chunks = 0;
  for (let first = 0; first < chunkCount; first += STREAM_CHUNKS_PER_READ) {
    const last = Math.min(chunkCount, first + STREAM_CHUNKS_PER_READ) - 1;
    const batch = await Promise.all(SURVEY_COLUMNS.map((_, column) => readChunks(db, datasetId, column, first, last)));
    for (const column of batch) chunks += column.length;
  }
  return { ms: performance.now() - started, chunks };
}

self.onmessage = async (event: MessageEvent<AnalysisRequest>) => {
  try {
    const request = event.data;
    switch (request.type) {
      case 'prepare':
        self.postMessage({ ok: true, ...(await prepare(request)) });
        break;
      case 'scanReference':
        self.postMessage({ ok: true, ...scanReference() });
        break;
      case 'driverReference':
        self.postMessage({ ok: true, ...driverReference() });
        break;
      case 'readOnly':
        self.postMessage({ ok: true, ...(await readOnly(request.datasetId)) });
        break;
    }
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
