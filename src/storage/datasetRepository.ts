// Imported datasets, stored column by column in typed-array chunks (one record per row would be far too slow).
import Dexie from 'dexie';
import { DEFAULT_CHUNK_ROWS, type CxDatabase } from './db';
import { PlanNotFoundError } from './errors';
import { isPackedText, packText, unpackText, type PackedText } from './packedText';
import type { ChunkRecord, ChunkValues, ColumnData, ColumnMeta, ColumnType, DatasetRecord, StoredColumnData } from './records';

/** What the importer supplies; the repository assigns the id, row count and import time. */
export interface NewDataset {
  planId: string;
  name: string;
  kind: DatasetRecord['kind'];
  fileName: string;
  sizeBytes: number;
  columns: ColumnMeta[];
  contentHash: string;
  chunkRows?: number;
}

/** The stored description of a dataset, stamped with the import time. */
function datasetRecord(
  id: string,
  meta: Pick<DatasetRecord, 'planId' | 'name' | 'kind' | 'fileName' | 'sizeBytes' | 'columns' | 'contentHash'>,
  rowCount: number,
  chunkRows: number,
): DatasetRecord {
  return {
    id,
    planId: meta.planId,
    name: meta.name,
    kind: meta.kind,
    fileName: meta.fileName,
    sizeBytes: meta.sizeBytes,
    rowCount,
    columns: meta.columns,
    importedAt: new Date().toISOString(),
    contentHash: meta.contentHash,
    chunkRows,
  };
}

function fitsType(type: ColumnType, data: ColumnData | PackedText): boolean {
  switch (type) {
    case 'number':
    case 'date':
      return data instanceof Float64Array;
    case 'category':
      return data instanceof Int32Array;
    case 'text':
      return Array.isArray(data) || isPackedText(data);
  }
}

/** A chunk's values as stored: text packed, the typed arrays as they are. */
function stored(data: ColumnData | PackedText): StoredColumnData {
  return Array.isArray(data) ? packText(data) : data;
}

/** A stored chunk's values as ColumnData. */
function values(data: StoredColumnData): ColumnData {
  return isPackedText(data) ? unpackText(data) : data;
}

/**
 * Stores a dataset's description and all its values in one transaction, so a failure (a full disk, say) leaves no
 * half-imported dataset behind. `columns[i]` holds the values of `meta.columns[i]`; all must have the same length.
 * Parse in the worker first: nothing else may be awaited while the transaction is open.
 */
export async function saveDataset(db: CxDatabase, meta: NewDataset, columns: ColumnData[]): Promise<DatasetRecord> {
  if (columns.length !== meta.columns.length) {
    throw new RangeError(`Dataset ${meta.name}: ${meta.columns.length} columns described, ${columns.length} given.`);
  }
  const rowCount = columns[0]?.length ?? 0;
  columns.forEach((data, i) => {
    const column = meta.columns[i];
    if (column === undefined || !fitsType(column.type, data)) {
      throw new TypeError(`Dataset ${meta.name}: column ${i} does not hold ${column?.type ?? 'described'} values.`);
    }
    if (data.length !== rowCount) {
      throw new RangeError(`Dataset ${meta.name}: column ${column.name} has ${data.length} rows, not ${rowCount}.`);
    }
  });
  const chunkRows = meta.chunkRows ?? DEFAULT_CHUNK_ROWS;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) throw new RangeError(`chunkRows must be a positive integer.`);

  const record = datasetRecord(crypto.randomUUID(), meta, rowCount, chunkRows);
  const chunks: ChunkRecord[] = [];
  columns.forEach((data, column) => {
    for (let start = 0, index = 0; start < rowCount; start += chunkRows, index++) {
      // slice copies: a subarray view would make IndexedDB clone the whole underlying buffer into every chunk.
      chunks.push({ datasetId: record.id, column, index, data: stored(data.slice(start, start + chunkRows)) });
    }
  });

  return db.transaction('rw', [db.plans, db.datasets, db.chunks], async () => {
    if ((await db.plans.where('id').equals(meta.planId).count()) === 0) throw new PlanNotFoundError(meta.planId);
    await db.datasets.add(record);
    await db.chunks.bulkAdd(chunks);
    return record;
  });
}

/** The datasets of a plan, most recently imported first. */
export async function listDatasets(db: CxDatabase, planId: string): Promise<DatasetRecord[]> {
  const datasets = await db.datasets.where('planId').equals(planId).toArray();
  return datasets.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
}

/** All values of one column, chunks joined in order; undefined when the dataset or column does not exist. */
export async function readColumn(
  db: CxDatabase,
  datasetId: string,
  column: number,
): Promise<ColumnData | undefined> {
  return db.transaction('r', db.datasets, db.chunks, async () => {
    const dataset = await db.datasets.get(datasetId);
    const meta = dataset?.columns[column];
    if (dataset === undefined || meta === undefined) return undefined;
    const chunks = await db.chunks
      .where('[datasetId+column+index]')
      .between([datasetId, column, Dexie.minKey], [datasetId, column, Dexie.maxKey])
      .toArray();
    const expected = Math.ceil(dataset.rowCount / dataset.chunkRows);
    if (chunks.length !== expected || chunks.some((c, i) => c.index !== i)) {
      throw new Error(`Dataset ${datasetId} column ${column}: ${chunks.length} of ${expected} chunks are stored.`);
    }
    return join(meta.type, chunks, dataset.rowCount);
  });
}

function join(type: ColumnType, chunks: ChunkRecord[], rowCount: number): ColumnData {
  if (type === 'text') return chunks.flatMap((c) => values(c.data) as (string | null)[]);
  const out = type === 'category' ? new Int32Array(rowCount) : new Float64Array(rowCount);
  let offset = 0;
  for (const { data } of chunks) {
    const numbers = data as Float64Array | Int32Array;
    out.set(numbers, offset);
    offset += numbers.length;
  }
  return out;
}

/** Deletes a dataset and all its chunks together. */
export async function deleteDataset(db: CxDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.datasets, db.chunks, async () => {
    await db.chunks.where('datasetId').equals(id).delete();
    await db.datasets.delete(id);
  });
}

/** A dataset of the plan imported from the same bytes, if any: lets the importer offer to reuse it. */
export async function findByContentHash(
  db: CxDatabase,
  planId: string,
  hash: string,
): Promise<DatasetRecord | undefined> {
  return db.datasets
    .where('contentHash')
    .equals(hash)
    .filter((d) => d.planId === planId)
    .first();
}

// Staged import. A streaming import writes each finished run of rows as soon as it is parsed, under
// datasetId = stagingId, before any DatasetRecord exists: nothing reads chunks without their dataset record, so the
// staged data stays invisible until commitStagedDataset writes the record (and the last chunks) in one transaction.
// Cancel or failure discards the staging; sweepOrphanChunks removes what a crash left behind.

/**
 * A chunk of an import in progress; the repository adds the staging id as its datasetId. Text may come packed
 * already (an import packs it to hand it to its writer thread in one piece).
 */
export interface StagedChunk {
  column: number;
  index: number;
  data: ColumnData | PackedText;
}

/** What commitStagedDataset needs beyond NewDataset: the import counted the rows and chose the chunk size. */
export interface StagedDatasetMeta extends NewDataset {
  rowCount: number;
  chunkRows: number;
}

/**
 * Settings keys that mark an import in progress. sweepOrphanChunks runs at start-up in every tab, and another tab
 * may be importing right then: its chunks have no dataset record yet, so without this mark they would look orphaned.
 */
const STAGING_MARK_PREFIX = 'import-staging:';

/** A staging whose mark has not been refreshed for this long is taken to have died with its tab or worker. */
export const STAGING_STALE_AFTER_MS = 10 * 60_000;

function stagingMarkKey(stagingId: string): string {
  return `${STAGING_MARK_PREFIX}${stagingId}`;
}

function chunkRecords(datasetId: string, chunks: StagedChunk[]): ChunkRecord[] {
  return chunks.map((c) => ({ datasetId, column: c.column, index: c.index, data: stored(c.data) }));
}

/**
 * Writes finished chunks of an import in progress and refreshes its staging mark. Refuses a staging id that is
 * already a dataset's id, so an import can never add chunks to a committed dataset.
 */
export async function stageChunks(
  db: CxDatabase,
  stagingId: string,
  chunks: StagedChunk[],
  now: number = Date.now(),
): Promise<void> {
  const records = chunkRecords(stagingId, chunks);
  await db.transaction('rw', [db.datasets, db.chunks, db.settings], async () => {
    if ((await db.datasets.where('id').equals(stagingId).count()) > 0) {
      throw new Error(`Staging id ${stagingId} is already a stored dataset.`);
    }
    await db.settings.put({ key: stagingMarkKey(stagingId), value: { heartbeatAt: now } });
    await db.chunks.bulkAdd(records);
  });
}

/**
 * Makes a staged import visible: writes the last chunks and the DatasetRecord (id = stagingId) in one transaction,
 * after checking that the plan exists and that every column has exactly ceil(rowCount / chunkRows) chunks, so a
 * lost or duplicated write can never surface as a dataset with holes.
 */
export async function commitStagedDataset(
  db: CxDatabase,
  stagingId: string,
  meta: StagedDatasetMeta,
  lastChunks: StagedChunk[] = [],
): Promise<DatasetRecord> {
  const { rowCount, chunkRows } = meta;
  if (!Number.isInteger(chunkRows) || chunkRows < 1) throw new RangeError(`chunkRows must be a positive integer.`);
  if (!Number.isInteger(rowCount) || rowCount < 0) throw new RangeError(`rowCount must be a non-negative integer.`);
  for (const chunk of lastChunks) {
    const column = meta.columns[chunk.column];
    if (column === undefined || !fitsType(column.type, chunk.data)) {
      throw new TypeError(`Dataset ${meta.name}: chunk of column ${chunk.column} does not fit its description.`);
    }
  }
  const record = datasetRecord(stagingId, meta, rowCount, chunkRows);
  const expected = meta.columns.length * Math.ceil(rowCount / chunkRows);
  const records = chunkRecords(stagingId, lastChunks);

  return db.transaction('rw', [db.plans, db.datasets, db.chunks, db.settings], async () => {
    if ((await db.plans.where('id').equals(meta.planId).count()) === 0) throw new PlanNotFoundError(meta.planId);
    await db.chunks.bulkAdd(records);
    const stored = await db.chunks.where('datasetId').equals(stagingId).count();
    if (stored !== expected) {
      throw new Error(`Dataset ${meta.name}: ${stored} chunks are staged, ${expected} expected; nothing was stored.`);
    }
    await db.datasets.add(record);
    await db.settings.delete(stagingMarkKey(stagingId));
    return record;
  });
}

/** Removes everything an import staged; does nothing to a dataset that was already committed under that id. */
export async function discardStaged(db: CxDatabase, stagingId: string): Promise<void> {
  await db.transaction('rw', [db.datasets, db.chunks, db.settings], async () => {
    await db.settings.delete(stagingMarkKey(stagingId));
    if ((await db.datasets.where('id').equals(stagingId).count()) > 0) return;
    await db.chunks.where('datasetId').equals(stagingId).delete();
  });
}

/**
 * Deletes chunks that belong to no dataset: what an import left behind when its tab crashed or was closed. Imports
 * still running in another tab or worker (staging mark refreshed within staleAfterMs) are left alone.
 * Returns the number of chunks deleted.
 */
export async function sweepOrphanChunks(
  db: CxDatabase,
  options: { now?: number; staleAfterMs?: number } = {},
): Promise<number> {
  const now = options.now ?? Date.now();
  const staleAfterMs = options.staleAfterMs ?? STAGING_STALE_AFTER_MS;
  const chunkOwners = (await db.chunks.orderBy('datasetId').uniqueKeys()) as string[];
  const marks = await db.settings.where('key').startsWith(STAGING_MARK_PREFIX).toArray();
  const ids = new Set([...chunkOwners, ...marks.map((m) => m.key.slice(STAGING_MARK_PREFIX.length))]);
  let deleted = 0;
  for (const id of ids) {
    // One transaction per owner, re-checking inside it: an import may commit or refresh its mark meanwhile.
    deleted += await db.transaction('rw', [db.datasets, db.chunks, db.settings], async () => {
      if ((await db.datasets.where('id').equals(id).count()) > 0) return 0;
      const mark = await db.settings.get(stagingMarkKey(id));
      if (mark !== undefined && !isStale(mark.value, now, staleAfterMs)) return 0;
      await db.settings.delete(stagingMarkKey(id));
      return db.chunks.where('datasetId').equals(id).delete();
    });
  }
  return deleted;
}

function isStale(mark: unknown, now: number, staleAfterMs: number): boolean {
  const heartbeatAt =
    typeof mark === 'object' && mark !== null ? (mark as { heartbeatAt?: unknown }).heartbeatAt : undefined;
  return typeof heartbeatAt !== 'number' || now - heartbeatAt > staleAfterMs;
}

/** One dataset's description, or undefined when it is not (or no longer) stored. */
export async function getDataset(db: CxDatabase, id: string): Promise<DatasetRecord | undefined> {
  return db.datasets.get(id);
}

/** The chunks firstIndex..lastIndex (inclusive) of one column, in order; a window reader joins and slices them. */
export async function readChunks(
  db: CxDatabase,
  datasetId: string,
  column: number,
  firstIndex: number,
  lastIndex: number,
): Promise<ChunkValues[]> {
  const chunks = await db.chunks
    .where('[datasetId+column+index]')
    .between([datasetId, column, firstIndex], [datasetId, column, lastIndex], true, true)
    .toArray();
  return chunks.map((chunk) => ({ ...chunk, data: values(chunk.data) }));
}
