// What the import's writer thread does: stages, commits and discards an import's chunks in IndexedDB, so that
// serialising each chunk into the database does not take turns with parsing on the import's thread.
import {
  classifyStorageError,
  commitStagedDataset,
  discardStaged,
  stageChunks,
  type CxDatabase,
  type DatasetRecord,
  type StagedDatasetMeta,
} from '../storage';
import type { WireChunk } from './chunkTransport';

/**
 * The name each kind of storage failure crosses threads under. A failure reaches the import's thread as a plain
 * Error (name and message), without the chain of inner errors that classifyStorageError reads (a full disk often
 * surfaces as a transaction's AbortError with the QuotaExceededError inside), so the writer names it by its kind.
 */
const KIND_NAMES = { quota: 'QuotaExceededError', 'database-newer': 'VersionError', closed: 'DatabaseClosedError' } as const;

async function named<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const kind = classifyStorageError(error);
    const message = error instanceof Error ? error.message : String(error);
    const name = kind === 'unknown' ? (error instanceof Error ? error.name : 'Error') : KIND_NAMES[kind];
    throw Object.assign(new Error(message), { name });
  }
}

export function createChunkWriterApi(db: () => Promise<CxDatabase>) {
  return {
    async stage(stagingId: string, chunks: WireChunk[]): Promise<void> {
      return named(db().then((store) => stageChunks(store, stagingId, chunks)));
    },
    async commit(stagingId: string, meta: StagedDatasetMeta, lastChunks: WireChunk[]): Promise<DatasetRecord> {
      return named(db().then((store) => commitStagedDataset(store, stagingId, meta, lastChunks)));
    },
    async discard(stagingId: string): Promise<void> {
      return named(db().then((store) => discardStaged(store, stagingId)));
    },
  };
}

export type ChunkWriterApi = ReturnType<typeof createChunkWriterApi>;
