// The CX Align IndexedDB database: its tables and the history of its schema versions.
import Dexie, { type EntityTable, type Table } from 'dexie';
import { packText } from './packedText';
import type { ChunkRecord, DatasetRecord, PlanRecord, PlanVersionRecord, SettingRecord } from './records';

export const DEFAULT_DB_NAME = 'cx-align';

/** The newest schema version declared below (Dexie stores it on disk multiplied by 10). */
export const DATABASE_VERSION = 2;

/** Rows per chunk when a dataset does not say otherwise: large enough for fast bulk writes, small enough to stream. */
export const DEFAULT_CHUNK_ROWS = 65_536;

/**
 * Version 1 of the schema: primary key first, then indexes. Do not change without a migration: released databases
 * were created from exactly these strings. A change goes into a new SCHEMA_V2 declared with
 * `this.version(2).stores(SCHEMA_V2).upgrade(tx => …)`, plus a fixture dump in ./fixtures and a test that loads it.
 */
const SCHEMA_V1 = {
  plans: 'id, updatedAt, deletedAt',
  planVersions: '++seq, planId, [planId+revision]',
  datasets: 'id, planId, contentHash',
  chunks: '[datasetId+column+index], datasetId',
  settings: 'key',
} as const;

export type ChunkKey = [datasetId: string, column: number, index: number];

export class CxDatabase extends Dexie {
  // `declare` so the class fields do not overwrite the tables Dexie attaches in the constructor.
  declare plans: Table<PlanRecord, string>;
  declare planVersions: EntityTable<PlanVersionRecord, 'seq'>;
  declare datasets: Table<DatasetRecord, string>;
  declare chunks: Table<ChunkRecord, ChunkKey>;
  declare settings: Table<SettingRecord, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    // Version 2 keeps every table and index and packs text chunks (an array of strings) into PackedText, which
    // IndexedDB stores several times faster. Typed-array chunks are left as they are.
    this.version(2)
      .stores(SCHEMA_V1)
      .upgrade((tx) =>
        tx
          .table<{ data: unknown }>('chunks')
          .toCollection()
          .modify((chunk) => {
            if (Array.isArray(chunk.data)) chunk.data = packText(chunk.data as (string | null)[]);
          }),
      );
  }
}
