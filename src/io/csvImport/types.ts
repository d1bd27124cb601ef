// The vocabulary of a CSV import: what the preview found, what the user chose, progress, problems and outcomes.
// Every type here is plain structured-cloneable data, because it crosses from the import worker to the page.
import type { DateFormat } from '../csv/dates';
import type { Delimiter } from '../csv/detect';
import type { TextEncodingName } from '../csv/encoding';
import type { HeaderSource } from '../csv/headerRows';
import type { DecimalSeparator } from '../csv/numbers';
import type { StagedChunk, StagedDatasetMeta } from '../../storage/datasetRepository';
import type { ColumnType, DatasetKind, DatasetRecord } from '../../storage/records';

/**
 * Record separator given to the parser. CRLF files are read with '\n' and the '\r' before each line break removed,
 * so a file that mixes CRLF and LF lines (a CRLF export with rows appended on a Mac) still splits into records;
 * '\r' alone is only for old Mac files that have no '\n' at all.
 */
export type RecordSeparator = '\n' | '\r';

/** How to read one column: the type chosen in the preview (inferred or set by the user). */
export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Required for a date column. */
  dateFormat?: DateFormat;
}

/** Everything the import needs to read the file the way the preview showed it. */
export interface ImportFormat {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  recordSeparator: RecordSeparator;
  /** Records before the header, e.g. Excel's `sep=;` line. */
  skipRows: number;
  headerRowCount: number;
  decimal: DecimalSeparator;
  columns: ColumnSpec[];
}

/** A column as the preview shows it. */
export interface PreviewColumn extends ColumnSpec {
  /** Question text from a survey export's second header row; '' when the file has none. */
  description: string;
  /** True when the dates could be day/month or month/day: the UI should ask which. */
  ambiguousDate: boolean;
  /** Date formats that read the sample equally well (both orders when ambiguous). */
  dateCandidates: DateFormat[];
  /** Blank cells in the sampled rows (missing values, never zero). */
  blanks: number;
  /** Sampled cells that are not values of the column's type. */
  bad: number;
  /** The first few of them; row is the spreadsheet row number. */
  badSamples: { row: number; text: string }[];
}

export interface PreviewResult extends ImportFormat {
  columns: PreviewColumn[];
  /** Which tool's header layout was recognised. */
  headerSource: HeaderSource;
  /** Line break the file uses outside quoted fields, for display. */
  lineEnding: '\r\n' | '\n' | '\r';
  /** The first data rows as text, at most PREVIEW_ROWS of them. */
  rows: string[][];
  /** Data rows parsed to infer types. */
  sampledRows: number;
  /** Problems with the file as a whole; a fatal one (empty, binary, header only…) means it cannot be imported. */
  issues: ImportIssue[];
  /** True when an issue makes the file impossible to import whatever the user chooses. */
  fatal: boolean;
  warnings: string[];
  fileSize: number;
}

/** What the user may change in the preview; anything left out is detected again. */
export interface PreviewOverrides {
  encoding?: TextEncodingName;
  delimiter?: Delimiter;
  headerRowCount?: number;
  decimal?: DecimalSeparator;
  /** Applied to every date column that has no format of its own below. */
  dateFormat?: DateFormat;
  /** Per column (by position): a type and, for dates, a format. */
  columns?: Record<number, { type?: ColumnType; dateFormat?: DateFormat }>;
}

export type ImportIssueKind =
  | 'empty-file'
  | 'binary-file'
  | 'header-only'
  | 'header-mismatch'
  | 'duplicate-column'
  | 'ragged-row'
  | 'not-a-number'
  | 'invalid-date'
  | 'unterminated-quote'
  | 'malformed-quote'
  | 'field-too-large';

/** Issues that stop an import whatever the bad-row policy; the others concern single rows or are warnings. */
export const FATAL_ISSUES: ReadonlySet<ImportIssueKind> = new Set([
  'empty-file',
  'binary-file',
  'header-only',
  'header-mismatch',
  'unterminated-quote',
  'field-too-large',
]);

/** One precise problem with a user's file. */
export interface ImportIssue {
  kind: ImportIssueKind;
  /**
   * 1-based record number in the file, header rows included: the row number a spreadsheet shows for it (a quoted
   * field with line breaks keeps its record on one row). 0 when the issue concerns the whole file.
   */
  row: number;
  /** Column name, or null when the issue is not about one column. */
  column: string | null;
  /** What the file holds there, cut to a short excerpt. */
  found: string;
  /** What a valid file holds there. */
  expected: string;
}

export type BadRowPolicy = 'stop' | 'skip';

export interface ImportOptions {
  format: ImportFormat;
  dataset: { planId: string; name: string; kind: DatasetKind; fileName: string };
  /** 'stop': any bad row fails the import and nothing is stored; 'skip': bad rows are left out and counted. */
  onBadRow: BadRowPolicy;
  /** Rows per stored chunk; the worker uses the store's DEFAULT_CHUNK_ROWS unless told otherwise. */
  chunkRows?: number;
  /** Bytes read from the file at a time. */
  sliceBytes?: number;
  /** A record still unfinished after this many characters fails the import (memory guard). */
  maxRecordChars?: number;
  /** Issues described in detail; more are only counted. */
  maxIssues?: number;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  /** Data rows read so far, bad ones included. */
  rows: number;
  /** Throughput so far, in megabytes (10^6 bytes) per second. */
  mbPerSecond: number;
  /** Estimated from the throughput so far; null until there is enough to go on. */
  secondsLeft: number | null;
}

/** Anything with an `aborted` flag: an AbortSignal, or the worker's per-job flag. */
export interface CancelFlag {
  readonly aborted: boolean;
}

/** Where an import puts its rows: staged chunks first, then one commit that makes the dataset appear. */
export interface ImportSink {
  stage(chunks: StagedChunk[]): Promise<void>;
  commit(meta: StagedDatasetMeta, lastChunks: StagedChunk[]): Promise<DatasetRecord>;
  discard(): Promise<void>;
}

export type ImportResult =
  | {
      status: 'imported';
      dataset: DatasetRecord;
      /** Bad rows left out under the 'skip' policy. */
      skippedRows: number;
      /** The first maxIssues problems of the skipped rows. */
      issues: ImportIssue[];
      issueCount: number;
    }
  | {
      status: 'invalid';
      /** The first maxIssues problems; nothing was stored. */
      issues: ImportIssue[];
      issueCount: number;
      badRows: number;
      /** Data rows read before the import gave up (all of them unless a fatal issue stopped it). */
      rowsRead: number;
    }
  | { status: 'cancelled' };
