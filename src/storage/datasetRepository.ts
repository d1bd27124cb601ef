// Imported datasets, stored column by column in typed-array chunks (one record per row would be far too slow).
import Dexie from 'dexie';
import { DEFAULT_CHUNK_ROWS, type CxDatabase } from './db';
import { PlanNotFoundError } from './errors';
import type { ChunkRecord, ColumnData, ColumnMeta, ColumnType, DatasetRecord } from './records';

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

function fitsType(type: ColumnType, data: ColumnData): boolean {
  switch (type) {
    case 'number':
    case 'date':
      return data instanceof Float64Array;
    case 'category':
      return data instanceof Int32Array;
    case 'text':
      return Array.isArray(data);
  }
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

  const record: DatasetRecord = {
    id: crypto.randomUUID(),
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
  const chunks: ChunkRecord[] = [];
  columns.forEach((data, column) => {
    for (let start = 0, index = 0; start < rowCount; start += chunkRows, index++) {
      // slice copies: a subarray view would make IndexedDB clone the whole underlying buffer into every chunk.
      chunks.push({ datasetId: record.id, column, index, data: data.slice(start, start + chunkRows) });
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
  if (type === 'text') return chunks.flatMap((c) => c.data as (string | null)[]);
  const out = type === 'category' ? new Int32Array(rowCount) : new Float64Array(rowCount);
  let offset = 0;
  for (const { data } of chunks) {
    out.set(data as ArrayLike<number>, offset);
    offset += data.length;
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
