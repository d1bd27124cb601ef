// The benchmark page: generates the CSV files in a worker, then times PapaParse's baselines and the app's real import
// (createImportClient → import worker → IndexedDB) on them, watching the main thread. scripts/bench.mjs drives it.
import type { ImportFormat, ImportProgress, PreviewResult } from '../src/io/csvImport/types';
import { DEFAULT_SLICE_BYTES } from '../src/io/csvImport/sliceReader';
import { createEmptyPlan } from '../src/domain/plan/newPlan';
import { DEFAULT_CHUNK_ROWS, createPlan, deleteDataset, openDatabase, type CxDatabase } from '../src/storage';
import { createImportClient } from '../src/worker/importClient';
import type { BreakdownRequest, BreakdownTimes } from './breakdown.worker';
import type { CsvSpec } from './csvGenerators';
import type { GeneratedFile } from './generate.worker';
import { watchMainThread } from './mainThreadWatch';
import { ask } from './workerRequest';
import type { ParseReply, ParseRequest } from './papaParse.worker';

export type BenchFileName = 'kpis' | 'survey' | 'big';

/** The files of issue 3's benchmark; `big` (only with --big) is larger than the longest JavaScript string. */
const SPECS: Record<BenchFileName, CsvSpec> = {
  kpis: { shape: 'kpis', rows: 1_000_000, seed: 1 },
  survey: { shape: 'survey', rows: 300_000, seed: 2 },
  big: { shape: 'kpis', rows: 14_500_000, seed: 3 },
};

export interface GeneratedSummary {
  rows: number;
  bytes: number;
  generate_ms: number;
}

export interface ParseRun {
  /** On the page, from posting the Blob to the worker's answer: measured the same way as the import. */
  ms: number;
  /** Inside the worker, from Papa.parse to its completion callback. */
  worker_ms: number;
  mb_s: number;
  rows: number;
}

export interface ImportRun {
  /** On the page, from the importFile call to its resolved result. */
  ms: number;
  mb_s: number;
  rows: number;
  preview_ms: number;
  delete_ms: number;
  progress_callbacks: number;
  first_progress_ms: number | null;
  max_progress_interval_ms: number;
  last_progress_to_result_ms: number | null;
  /** The largest of the three above: the longest time the user's progress bar stood still. */
  max_progress_gap_ms: number;
  /** Rows reported just before that gap (0: it came before the first report). */
  max_progress_gap_after_rows: number;
  max_main_thread_long_task_ms: number;
  long_tasks: number;
  long_task_supported: boolean;
  timeout_heartbeat_max_gap_ms: number;
  frame_heartbeat_max_gap_ms: number | null;
}

export interface BenchApi {
  generate(name: BenchFileName, rowsScale: number): Promise<GeneratedSummary>;
  parse(name: BenchFileName, dynamicTyping: boolean): Promise<ParseRun>;
  importApp(name: BenchFileName): Promise<ImportRun>;
  breakdown(name: BenchFileName, repeats: number): Promise<BreakdownTimes>;
  release(name: BenchFileName): void;
}

declare global {
  interface Window {
    cxBench?: BenchApi;
  }
}

const megabytesPerSecond = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

/** The reading settings of a preview, as the app's import service passes them. */
function formatOf(preview: PreviewResult): ImportFormat {
  return {
    encoding: preview.encoding,
    delimiter: preview.delimiter,
    recordSeparator: preview.recordSeparator,
    skipRows: preview.skipRows,
    headerRowCount: preview.headerRowCount,
    decimal: preview.decimal,
    columns: preview.columns.map((c) =>
      c.dateFormat ? { name: c.name, type: c.type, dateFormat: c.dateFormat } : { name: c.name, type: c.type },
    ),
  };
}

const files = new Map<BenchFileName, { file: File; rows: number }>();
const parseWorker = new Worker(new URL('./papaParse.worker.ts', import.meta.url), { type: 'module', name: 'bench-papa' });
const client = createImportClient();
let store: Promise<{ db: CxDatabase; planId: string }> | null = null;

function fileNamed(name: BenchFileName): { file: File; rows: number } {
  const entry = files.get(name);
  if (entry === undefined) throw new Error(`The ${name} file has not been generated.`);
  return entry;
}

/** The page's own connection, and a plan for the datasets to belong to (an import into no plan is refused). */
function benchStore(): Promise<{ db: CxDatabase; planId: string }> {
  store ??= (async () => {
    const opened = await openDatabase();
    if (!opened.ok) throw new Error(opened.message);
    const plan = await createPlan(opened.db, createEmptyPlan('Import benchmark', new Date()));
    return { db: opened.db, planId: plan.id };
  })();
  return store;
}

async function generate(name: BenchFileName, rowsScale: number): Promise<GeneratedSummary> {
  const base = SPECS[name];
  const spec = { ...base, rows: Math.max(1, Math.round(base.rows * rowsScale)) };
  const worker = new Worker(new URL('./generate.worker.ts', import.meta.url), { type: 'module', name: 'bench-gen' });
  try {
    const { file } = await ask<{ file: GeneratedFile }>(worker, spec);
    files.set(name, { file: new File([file.blob], `${name}.csv`, { type: 'text/csv' }), rows: file.rows });
    return { rows: file.rows, bytes: file.bytes, generate_ms: file.ms };
  } finally {
    worker.terminate();
  }
}

async function parse(name: BenchFileName, dynamicTyping: boolean): Promise<ParseRun> {
  const { file, rows } = fileNamed(name);
  const request: ParseRequest = { blob: file, dynamicTyping, chunkSize: DEFAULT_SLICE_BYTES };
  const started = performance.now();
  const reply = await ask<ParseReply>(parseWorker, request);
  const ms = performance.now() - started;
  if (reply.rows !== rows) throw new Error(`PapaParse counted ${reply.rows} rows in ${name}, ${rows} were written.`);
  return { ms, worker_ms: reply.ms, mb_s: megabytesPerSecond(file.size, ms), rows: reply.rows };
}

async function importApp(name: BenchFileName): Promise<ImportRun> {
  const { file, rows } = fileNamed(name);
  const { db, planId } = await benchStore();

  const previewStarted = performance.now();
  const preview = await client.preview(file);
  const preview_ms = performance.now() - previewStarted;
  if (preview.fatal) throw new Error(`Preview refused ${name}: ${JSON.stringify(preview.issues.slice(0, 3))}`);
  const options = {
    format: formatOf(preview),
    dataset: { planId, name, kind: name === 'survey' ? ('survey' as const) : ('timeseries' as const), fileName: file.name },
    onBadRow: 'stop' as const,
  };

  const progress: { at: number; rows: number }[] = [];
  const onProgress = (report: ImportProgress): void => {
    progress.push({ at: performance.now(), rows: report.rows });
  };
  const watch = watchMainThread();
  const started = performance.now();
  const result = await client.importFile(file, options, { onProgress });
  const ms = performance.now() - started;
  const mainThread = await watch.stop();

  if (result.status !== 'imported') throw new Error(`The app did not import ${name}: ${JSON.stringify(result).slice(0, 800)}`);
  if (result.dataset.rowCount !== rows) {
    throw new Error(`The app stored ${result.dataset.rowCount} rows of ${name}, ${rows} were written.`);
  }
  const deleteStarted = performance.now();
  await deleteDataset(db, result.dataset.id);
  const delete_ms = performance.now() - deleteStarted;

  // The bar stands still from the call to the first report, between reports, and from the last one to the result.
  const stills = [{ from: started, rows: 0 }, ...progress.map((p) => ({ from: p.at, rows: p.rows }))];
  const gaps = stills.map((still, i) => ({ ms: (progress[i]?.at ?? started + ms) - still.from, rows: still.rows }));
  const longest = gaps.reduce((max, gap) => (gap.ms > max.ms ? gap : max));
  const between = gaps.slice(1, -1).reduce((max, gap) => Math.max(max, gap.ms), 0);
  return {
    ms,
    mb_s: megabytesPerSecond(file.size, ms),
    rows: result.dataset.rowCount,
    preview_ms,
    delete_ms,
    progress_callbacks: progress.length,
    first_progress_ms: progress.length > 0 ? gaps[0]!.ms : null,
    max_progress_interval_ms: between,
    last_progress_to_result_ms: progress.length > 0 ? gaps[gaps.length - 1]!.ms : null,
    max_progress_gap_ms: longest.ms,
    max_progress_gap_after_rows: longest.rows,
    max_main_thread_long_task_ms: mainThread.longTaskMaxMs,
    long_tasks: mainThread.longTaskCount,
    long_task_supported: mainThread.longTaskSupported,
    timeout_heartbeat_max_gap_ms: mainThread.timeoutMaxGapMs,
    frame_heartbeat_max_gap_ms: mainThread.frameMaxGapMs,
  };
}

async function breakdown(name: BenchFileName, repeats: number): Promise<BreakdownTimes> {
  const { file } = fileNamed(name);
  const preview = await client.preview(file);
  const request: BreakdownRequest = { blob: file, format: formatOf(preview), chunkRows: DEFAULT_CHUNK_ROWS, repeats };
  const worker = new Worker(new URL('./breakdown.worker.ts', import.meta.url), { type: 'module', name: 'bench-split' });
  try {
    return (await ask<{ times: BreakdownTimes }>(worker, request)).times;
  } finally {
    worker.terminate();
  }
}

window.cxBench = {
  generate,
  parse,
  importApp,
  breakdown,
  release: (name) => void files.delete(name),
};
