// Shapes of the records CX Align keeps in IndexedDB. Do not change a stored shape without a database migration.
import type { Plan } from '../domain/plan/types';
import type { PackedText } from './packedText';

/** One plan, its current body and the bookkeeping around it. Stored shape: do not change without a migration. */
export interface PlanRecord {
  id: string;
  /** Mirrors plan.name; every write of the body keeps the two in step. */
  name: string;
  /** ISO 8601: when this record was first stored (the plan body keeps its own createdAt, e.g. from an import). */
  createdAt: string;
  /** ISO 8601: last write of the plan body. */
  updatedAt: string;
  /** Starts at 1 and grows by one with every stored change of the body; equals the newest version's revision. */
  revision: number;
  /** PLAN_FORMAT_VERSION of the app that wrote the body. */
  formatVersion: number;
  lastExportedAt: string | null;
  /** Set while the plan is in the trash; purged for good later. */
  deletedAt: string | null;
  plan: Plan;
}

/**
 * An entry of the append-only history: written once, never updated.
 * Stored shape: do not change without a migration.
 */
export interface PlanVersionRecord {
  /** Auto-incremented key: also the global order of writes. */
  seq: number;
  planId: string;
  revision: number;
  savedAt: string;
  /** What produced this version, e.g. 'create', 'edit', 'rename', 'import', 'undo', 'restore', 'duplicate'. */
  label: string;
  formatVersion: number;
  plan: Plan;
}

export type ColumnType = 'number' | 'date' | 'category' | 'text';

/** Stored shape: do not change without a migration. */
export interface ColumnMeta {
  name: string;
  type: ColumnType;
  /** Category labels; a category column stores indexes into this list. */
  dictionary?: string[];
}

export type DatasetKind = 'timeseries' | 'survey';

/**
 * An imported table of data; its values live column by column in `chunks`.
 * Stored shape: do not change without a migration.
 */
export interface DatasetRecord {
  id: string;
  planId: string;
  name: string;
  kind: DatasetKind;
  fileName: string;
  sizeBytes: number;
  rowCount: number;
  columns: ColumnMeta[];
  importedAt: string;
  /** Fingerprint of the source file (SHA-256 over each 4 MiB block's SHA-256), so a re-import can be recognised. */
  contentHash: string;
  /** Rows per chunk; the last chunk of a column may be shorter. */
  chunkRows: number;
  /** What the columns mean to the plan; absent until the user (or the sample workbook) has said. */
  roles?: DatasetRoles;
}

/**
 * The meaning of a dataset's columns, by column index. Stored shape: do not change without a migration.
 * An NPS item is only ever set by the user: not every 0–10 question is the recommend question.
 */
export interface DatasetRoles {
  /** The date column saying when a row happened: a series' period, a response's submission date. */
  period: number | null;
  /** Category columns to break results down by (region, channel, team). */
  segments: number[];
  /** Time series: number columns that measure plan metrics. */
  metrics: { column: number; metricId: string }[];
  /** Survey responses: the recommend (0–10), satisfaction (1–5) and effort (1–7) answer columns. */
  survey: { nps: number | null; csat: number | null; ces: number | null };
}

/**
 * The values of one column, as the storage layer takes and gives them:
 * - number: Float64Array, NaN = missing;
 * - date: Float64Array of epoch milliseconds (UTC), NaN = missing;
 * - category: Int32Array of dictionary indexes, -1 = missing;
 * - text: array of strings, null = missing.
 */
export type ColumnData = Float64Array | Int32Array | (string | null)[];

/** A chunk's values as stored: text packed (PackedText) since database version 2, the rest as in ColumnData. */
export type StoredColumnData = Float64Array | Int32Array | PackedText;

/** A run of up to chunkRows values of one column. Stored shape: do not change without a migration. */
export interface ChunkRecord {
  datasetId: string;
  /** Index of the column in DatasetRecord.columns. */
  column: number;
  /** Position of the chunk within the column, from 0. */
  index: number;
  data: StoredColumnData;
}

/** A chunk as the storage layer gives it: its values as ColumnData. */
export type ChunkValues = Omit<ChunkRecord, 'data'> & { data: ColumnData };

/** Stored shape: do not change without a migration. */
export interface SettingRecord {
  key: string;
  value: unknown;
}
