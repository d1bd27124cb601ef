// The data worker: imports, generates, stores and summarises datasets off the page's thread, exposed to the page with Comlink.
import { expose, wrap, type Remote } from 'comlink';
import { createAnalysisApi } from './analysisApi';
import type { ChunkWriterApi } from './chunkWriterApi';
import { createImportApi } from './importApi';
import { createSampleApi } from './sampleApi';
import { workerDatabase } from './workerDatabase';

/** One connection shared by every part of the API. */
const db = workerDatabase();

let writer: Remote<ChunkWriterApi> | null = null;
/** The import's writer thread, started with the first import and kept for the next ones. */
function chunkWriter(): Remote<ChunkWriterApi> {
  writer ??= wrap<ChunkWriterApi>(new Worker(new URL('./chunkWriter.worker.ts', import.meta.url), { type: 'module', name: 'cx-chunk-writer' }));
  return writer;
}

const api = { ...createImportApi(db, chunkWriter), ...createAnalysisApi(db), ...createSampleApi(db) };
expose(api);

export type DataWorkerApi = typeof api;
