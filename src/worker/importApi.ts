// What the import worker does, as plain async functions over a database: preview, import with progress and cancel,
// row windows for the table, duplicate detection and the start-up sweep. data.worker.ts exposes it with Comlink.
import { releaseProxy, transfer, type Remote } from 'comlink';
import { importCsv, previewFile, type ImportOptions, type ImportProgress } from '../io/csvImport';
import { ContentHasher } from '../io/csvImport/contentHash';
import type { ImportResult, ImportSink, PreviewOverrides, PreviewResult } from '../io/csvImport';
import { readSlices } from '../io/csvImport/sliceReader';
import {
  DEFAULT_CHUNK_ROWS,
  classifyStorageError,
  commitStagedDataset,
  discardStaged,
  listDatasets,
  stageChunks,
  sweepOrphanChunks,
  type CxDatabase,
  type DatasetRecord,
  type StorageErrorKind,
} from '../storage';
import { toWire } from './chunkTransport';
import type { ChunkWriterApi } from './chunkWriterApi';
import { RowWindowReader, type RowWindow } from './rowWindow';

/** The import's outcome, or a failure outside the file (a full disk, a database another tab upgraded). */
export type WorkerImportResult = ImportResult | { status: 'error'; reason: StorageErrorKind; message: string };

export type ProgressCallback = (progress: ImportProgress) => unknown;

function stagingSink(db: CxDatabase, stagingId: string): ImportSink {
  return {
    stage: (chunks) => stageChunks(db, stagingId, chunks),
    commit: (meta, lastChunks) => commitStagedDataset(db, stagingId, meta, lastChunks),
    discard: () => discardStaged(db, stagingId),
  };
}

/**
 * The same staging done by the writer thread: writing a chunk into IndexedDB serialises it on the calling thread,
 * about a quarter of a survey import's time, which the import's thread then spends parsing instead. Typed arrays
 * move there without a copy; the writer's transactions are the ones stagingSink would run.
 */
function writerSink(writer: Remote<ChunkWriterApi>, stagingId: string): ImportSink {
  return {
    stage: (chunks) => {
      const { wire, transfer: buffers } = toWire(chunks);
      return writer.stage(stagingId, transfer(wire, buffers));
    },
    commit: (meta, lastChunks) => {
      const { wire, transfer: buffers } = toWire(lastChunks);
      return writer.commit(stagingId, meta, transfer(wire, buffers));
    },
    discard: () => writer.discard(stagingId),
  };
}

/** Reports progress without waiting for the page: a slow or closed page must never hold up the import. */
function sendProgress(callback: ProgressCallback | undefined): ((progress: ImportProgress) => void) | undefined {
  if (callback === undefined) return undefined;
  return (progress) => {
    Promise.resolve(callback(progress)).catch(() => undefined);
  };
}

/** Closes the message channel behind a callback the page passed with Comlink.proxy (plain functions have none). */
function releaseCallback(callback: unknown): void {
  const release = (callback as { [releaseProxy]?: unknown } | undefined)?.[releaseProxy];
  if (typeof release === 'function') release.call(callback);
}

/** Typed arrays of a window are moved to the page rather than copied. */
function withTransfer(window: RowWindow): RowWindow {
  const buffers = window.columns.flatMap((data) => (Array.isArray(data) ? [] : [data.buffer as ArrayBuffer]));
  return transfer(window, buffers);
}

/**
 * `chunkWriter` gives the writer thread that stores the import's chunks; without one (tests, or where workers cannot
 * start workers) the import stores them on its own thread through `openDb`'s connection.
 */
export function createImportApi(openDb: () => Promise<CxDatabase>, chunkWriter?: () => Remote<ChunkWriterApi>) {
  let database: CxDatabase | null = null;
  let opening: Promise<CxDatabase> | null = null;
  // Opened on first use and again whenever it was closed (another tab upgraded it); a failed open is retried.
  const db = async (): Promise<CxDatabase> => {
    if (database?.isOpen()) return database;
    opening ??= openDb()
      .then((opened) => (database = opened))
      .finally(() => {
        opening = null;
      });
    return opening;
  };
  let reader: RowWindowReader | null = null;
  const jobs = new Map<string, { aborted: boolean }>();

  return {
    async preview(file: Blob, overrides?: PreviewOverrides): Promise<PreviewResult> {
      return previewFile(file, overrides);
    },

    /**
     * Imports the file as the preview described it. `jobId` names the job for cancel(); progress arrives at least
     * every 250 ms. Resolves with the outcome; never rejects because of the file's content.
     */
    async importFile(
      jobId: string,
      file: Blob,
      options: ImportOptions,
      onProgress?: ProgressCallback,
    ): Promise<WorkerImportResult> {
      const signal = jobs.get(jobId) ?? { aborted: false };
      jobs.set(jobId, signal);
      try {
        const store = await db();
        const stagingId = crypto.randomUUID();
        const sink = chunkWriter === undefined ? stagingSink(store, stagingId) : writerSink(chunkWriter(), stagingId);
        const report = sendProgress(onProgress);
        const engineOptions = { ...options, chunkRows: options.chunkRows ?? DEFAULT_CHUNK_ROWS };
        const hooks = report === undefined ? { signal } : { signal, onProgress: report };
        return await importCsv(file, engineOptions, sink, hooks);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { status: 'error', reason: classifyStorageError(error), message };
      } finally {
        jobs.delete(jobId);
        releaseCallback(onProgress);
      }
    },

    /** Cancels a running import (or one about to start): it ends within a slice, leaving nothing stored. */
    cancel(jobId: string): void {
      const job = jobs.get(jobId);
      if (job !== undefined) job.aborted = true;
      else jobs.set(jobId, { aborted: true });
    },

    /** Rows start..start+count-1 of every column; null when the dataset is not stored. */
    async readRows(datasetId: string, start: number, count: number): Promise<RowWindow | null> {
      reader ??= new RowWindowReader(db);
      const window = await reader.read(datasetId, start, count);
      return window === null ? null : withTransfer(window);
    },

    /**
     * A dataset of the plan imported from the same bytes, if any. Only files whose size matches a stored dataset
     * are hashed (a full read), so the usual new file costs nothing.
     */
    async findImported(planId: string, file: Blob): Promise<DatasetRecord | null> {
      const candidates = (await listDatasets(await db(), planId)).filter((d) => d.sizeBytes === file.size);
      if (candidates.length === 0) return null;
      const hasher = new ContentHasher();
      for await (const bytes of readSlices(file)) hasher.update(bytes);
      const hash = await hasher.digestHex();
      return candidates.find((d) => d.contentHash === hash) ?? null;
    },

    /** Removes chunks left by imports that died with their tab; run once at start-up. Returns the chunks removed. */
    async sweepOrphans(): Promise<number> {
      return sweepOrphanChunks(await db());
    },
  };
}

export type ImportApi = ReturnType<typeof createImportApi>;
