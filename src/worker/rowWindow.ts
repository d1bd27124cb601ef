// Windows of rows from a stored dataset for the virtualised table. Scrolling asks for many small, overlapping windows
// of the same few chunks, so recently read chunks stay cached (up to a memory budget) instead of being read again.
import { getDataset, readChunks, type CxDatabase } from '../storage';
import type { ColumnData, ColumnType, DatasetRecord } from '../storage/records';

/** Rows start..start+count-1 of every column (category codes index the dataset's dictionaries). */
export interface RowWindow {
  datasetId: string;
  start: number;
  /** Rows in the window: fewer than asked for at the end of the dataset. */
  count: number;
  rowCount: number;
  columns: ColumnData[];
}

/** Memory the chunk cache may hold, estimated from array sizes and string lengths. */
export const CHUNK_CACHE_BYTES = 64 * 1024 * 1024;

function chunkBytes(data: ColumnData): number {
  if (!Array.isArray(data)) return data.byteLength;
  let bytes = data.length * 8;
  for (const text of data) bytes += (text?.length ?? 0) * 2;
  return bytes;
}

export class RowWindowReader {
  /** Map iteration order is insertion order: re-inserting on every hit makes the first entry the least recent. */
  private readonly cache = new Map<string, { data: ColumnData; bytes: number }>();
  private cachedBytes = 0;

  /** `db` is asked for the database on every read, so a connection reopened meanwhile is used. */
  constructor(
    private readonly db: () => Promise<CxDatabase>,
    private readonly budgetBytes: number = CHUNK_CACHE_BYTES,
  ) {}

  /** The window, clamped to the dataset; null when the dataset is not (or no longer) stored. */
  async read(datasetId: string, start: number, count: number): Promise<RowWindow | null> {
    const db = await this.db();
    const dataset = await getDataset(db, datasetId);
    if (dataset === undefined) return null;
    const from = Math.max(0, Math.min(Math.floor(start), dataset.rowCount));
    const to = Math.max(from, Math.min(from + Math.max(0, Math.floor(count)), dataset.rowCount));
    const columns: ColumnData[] = [];
    for (let column = 0; column < dataset.columns.length; column++) {
      const data = await this.readColumnWindow(db, dataset, column, from, to);
      if (data === null) return null;
      columns.push(data);
    }
    return { datasetId, start: from, count: to - from, rowCount: dataset.rowCount, columns };
  }

  private async readColumnWindow(
    db: CxDatabase,
    dataset: DatasetRecord,
    column: number,
    from: number,
    to: number,
  ): Promise<ColumnData | null> {
    const type = dataset.columns[column]!.type;
    if (to === from) return emptyColumn(type);
    const { chunkRows } = dataset;
    const first = Math.floor(from / chunkRows);
    const last = Math.floor((to - 1) / chunkRows);
    const chunks = await this.chunks(db, dataset.id, column, first, last);
    if (chunks === null) return null;
    if (type === 'text') {
      const out: (string | null)[] = [];
      chunks.forEach((data, i) => {
        const base = (first + i) * chunkRows;
        out.push(...(data as (string | null)[]).slice(Math.max(0, from - base), to - base));
      });
      return out;
    }
    // A fresh array the caller may transfer to the page; the cached chunks stay intact.
    const out = type === 'category' ? new Int32Array(to - from) : new Float64Array(to - from);
    chunks.forEach((data, i) => {
      const base = (first + i) * chunkRows;
      const part = (data as Float64Array | Int32Array).subarray(Math.max(0, from - base), to - base);
      out.set(part, Math.max(0, base - from));
    });
    return out;
  }

  /** Chunks first..last of a column, from the cache where possible; null when some are missing (deleted meanwhile). */
  private async chunks(
    db: CxDatabase,
    datasetId: string,
    column: number,
    first: number,
    last: number,
  ): Promise<ColumnData[] | null> {
    const key = (index: number): string => `${datasetId}\u0000${column}\u0000${index}`;
    const found: (ColumnData | undefined)[] = [];
    for (let index = first; index <= last; index++) found.push(this.touch(key(index)));
    const missing = found.indexOf(undefined);
    if (missing !== -1) {
      const stored = await readChunks(db, datasetId, column, first + missing, last);
      for (const chunk of stored) {
        found[chunk.index - first] = chunk.data;
        this.remember(key(chunk.index), chunk.data);
      }
    }
    return found.every((data) => data !== undefined) ? (found as ColumnData[]) : null;
  }

  private touch(key: string): ColumnData | undefined {
    const entry = this.cache.get(key);
    if (entry === undefined) return undefined;
    this.cache.delete(key);
    this.cache.set(key, entry);
    return entry.data;
  }

  private remember(key: string, data: ColumnData): void {
    const bytes = chunkBytes(data);
    const previous = this.cache.get(key);
    if (previous !== undefined) this.cachedBytes -= previous.bytes;
    this.cache.delete(key);
    this.cache.set(key, { data, bytes });
    this.cachedBytes += bytes;
    for (const [oldest, entry] of this.cache) {
      if (this.cachedBytes <= this.budgetBytes || oldest === key) break;
      this.cache.delete(oldest);
      this.cachedBytes -= entry.bytes;
    }
  }

  /** Bytes of chunk data held, for tests and diagnostics. */
  get heldBytes(): number {
    return this.cachedBytes;
  }
}

function emptyColumn(type: ColumnType): ColumnData {
  if (type === 'text') return [];
  return type === 'category' ? new Int32Array(0) : new Float64Array(0);
}
