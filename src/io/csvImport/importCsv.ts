// The streaming CSV import: bytes → text → records → typed column chunks → staged chunks → one atomic commit.
// Nothing holds the whole file: a few slices of text, one unfinished record and one chunk of rows per column at a time.
import Papa from 'papaparse';
import { detectEncoding, looksBinary, sniffBinaryFormat } from '../csv/encoding';
import { isBlank } from '../csv/numbers';
import type { StagedChunk } from '../../storage/datasetRepository';
import { createColumnBuilder, type ColumnBuilder } from './columnBuilders';
import { IssueLog, issue } from './issues';
import { openSlices, type SliceSource } from './readingThread';
import { RecordSplitter, type RecordBatch } from './recordSplitter';
import { readHead } from './sliceReader';
import type {
  CancelFlag,
  ImportIssue,
  ImportOptions,
  ImportProgress,
  ImportResult,
  ImportSink,
} from './types';

/** An unfinished record longer than this (in characters) stops the import: see ImportOptions.maxRecordChars. */
export const DEFAULT_MAX_RECORD_CHARS = 10 * 1024 * 1024;
export const DEFAULT_MAX_ISSUES = 100;
/** Progress is reported about this often: a margin under the 250 ms the page is promised, for a slow record. */
export const PROGRESS_INTERVAL_MS = 100;
/** Staging writes allowed in flight at once. */
const MAX_WRITES_IN_FLIGHT = 2;
/** The longest byte-order mark (UTF-8's). */
const BOM_MAX_BYTES = 3;
/** Bytes checked for binary content before anything is parsed. */
const BINARY_SNIFF_BYTES = 64 * 1024;
/**
 * Characters of decoded text parsed and converted at a time, about (see pieceEnd). A slice's records all stay
 * alive until they are converted; parsed a piece at a time, they die young, which spares the garbage collector
 * copying them, and the staging writes started in between get their turns sooner.
 */
const PARSE_PIECE_CHARS = 256 * 1024;
/** Records converted between two looks at the clock (a clock read per record would cost more than the record). */
const CLOCK_EVERY_RECORDS = 2048;

/**
 * Where the piece of `text` starting at `start` ends: just after the first line break at or beyond `chars`
 * characters, or at the end of the text. A piece that ends with its last record hands the parser nothing to carry
 * over, so the next piece is parsed as it is, a view of the decoded slice, rather than joined to a held-back
 * remainder (a copy). A line break inside a quoted field is no record end; the splitter then carries it over.
 */
export function pieceEnd(text: string, start: number, chars: number, lineBreak: string): number {
  if (text.length - start <= chars) return text.length;
  const lineEnd = text.indexOf(lineBreak, start + chars - 1);
  return lineEnd === -1 ? text.length : lineEnd + 1;
}

export interface ImportHooks {
  onProgress?: (progress: ImportProgress) => void;
  signal?: CancelFlag;
  /** Milliseconds from an arbitrary origin; tests may pin it. */
  now?: () => number;
}

/**
 * Gives queued tasks (IndexedDB replies above all) a turn. A message to itself rather than setTimeout, which
 * browsers clamp to 4 ms once timers nest.
 */
class TaskYield {
  private readonly channel = new MessageChannel();
  private resume: (() => void) | null = null;

  constructor() {
    this.channel.port1.onmessage = () => {
      const resume = this.resume;
      this.resume = null;
      resume?.();
    };
  }

  next(): Promise<void> {
    return new Promise((resolve) => {
      this.resume = resolve;
      this.channel.port2.postMessage(null);
    });
  }

  close(): void {
    this.channel.port1.close();
    this.channel.port2.close();
  }
}

/** Stands in before the import has started: nothing to close. */
const NO_YIELD: Pick<TaskYield, 'next' | 'close'> = { next: () => Promise.resolve(), close: () => undefined };

class FatalIssue extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.kind);
  }
}

/**
 * The engine's options: the chunk size is the store's to choose (DEFAULT_CHUNK_ROWS), so the caller passes it.
 * `pieceChars` (PARSE_PIECE_CHARS unless given) is for tests, to put piece boundaries anywhere in small files.
 */
export type EngineOptions = ImportOptions & { chunkRows: number; pieceChars?: number };

/**
 * Imports a CSV file into the sink with the format chosen in the preview. Never throws because of the file's
 * content: problems come back as issues (row, column, what was found, what was expected). Storage failures are
 * rethrown after the staging has been discarded.
 */
export async function importCsv(
  file: Blob,
  options: EngineOptions,
  sink: ImportSink,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  const run = new ImportRun(file, options, sink, hooks);
  try {
    return await run.execute();
  } catch (error) {
    // A failed write has already ended the import; the staging is discarded whatever went wrong.
    await run.settleWrites().catch(() => undefined);
    await sink.discard();
    if (error instanceof FatalIssue) return run.invalid(error.issue);
    throw error;
  } finally {
    run.close();
  }
}

/** One import's state; split out of importCsv so the per-record loop can read plain fields. */
class ImportRun {
  private readonly format: ImportOptions['format'];
  private readonly chunkRows: number;
  private readonly maxRecordChars: number;
  private readonly columnCount: number;
  private readonly builders: ColumnBuilder[];
  /** Columns whose cells can be rejected (number, date), converted first so a bad row stores nothing. */
  private readonly checked: number[] = [];
  /** Columns that accept any text (category, text), converted once the row is known to be good. */
  private readonly unchecked: number[] = [];
  private readonly log: IssueLog;
  private readonly now: () => number;

  /** Records seen so far, header rows included: the spreadsheet row number of the last record. */
  private recordNumber = 0;
  private dataRows = 0;
  private goodRows = 0;
  private badRows = 0;
  private rowsInChunk = 0;
  private chunkIndex = 0;
  private sawHeader = false;
  /** Under 'stop', set by the first bad row: reading goes on to count problems, storing stops. */
  private failed = false;
  private readyChunks: StagedChunk[] = [];
  /** Staging writes not yet finished, oldest first. */
  private inFlight: Promise<void>[] = [];
  /** Staging writes not yet finished (inFlight may still hold finished ones). */
  private unfinishedWrites = 0;
  private writeError: unknown = null;

  /** Reads, fingerprints and decodes the file, on a helper thread where one runs, while this one parses. */
  private slices: SliceSource | null = null;
  private pause: Pick<TaskYield, 'next' | 'close'> = NO_YIELD;

  private bytesRead = 0;
  private startedAt = 0;
  private lastProgressAt = 0;

  constructor(
    private readonly file: Blob,
    private readonly options: EngineOptions,
    private readonly sink: ImportSink,
    private readonly hooks: ImportHooks,
  ) {
    this.format = options.format;
    this.chunkRows = options.chunkRows;
    if (!Number.isInteger(this.chunkRows) || this.chunkRows < 1) throw new RangeError('chunkRows must be positive.');
    const pieceChars = options.pieceChars ?? PARSE_PIECE_CHARS;
    if (!Number.isInteger(pieceChars) || pieceChars < 1) throw new RangeError('pieceChars must be positive.');
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
    this.columnCount = this.format.columns.length;
    this.builders = this.format.columns.map((spec) => createColumnBuilder(spec, this.chunkRows, this.format.decimal));
    this.builders.forEach((builder, k) => {
      (builder.type === 'number' || builder.type === 'date' ? this.checked : this.unchecked).push(k);
    });
    this.log = new IssueLog(options.maxIssues ?? DEFAULT_MAX_ISSUES);
    this.now = hooks.now ?? (() => performance.now());
  }

  async execute(): Promise<ImportResult> {
    this.startedAt = this.now();
    this.lastProgressAt = this.startedAt;
    const file = this.file;
    if (file.size === 0) throw new FatalIssue(issue('empty-file', 0, null, '0 bytes', 'a header row and data rows'));

    this.pause = new TaskYield();
    // The page hears at once that the import has started, not only after the first slice is parsed.
    this.reportProgress(true);
    const head = await readHead(file, BINARY_SNIFF_BYTES);
    this.refuseBinary(head);
    // Any byte-order mark is skipped, also one that disagrees with an encoding chosen by the user.
    const skipBytes = detectEncoding(head.subarray(0, BOM_MAX_BYTES)).bomLength;
    const slices = openSlices(file, { encoding: this.format.encoding, skipBytes, sliceBytes: this.options.sliceBytes });
    this.slices = slices;
    const splitter = new RecordSplitter(this.format.delimiter, this.format.recordSeparator);
    const pieceChars = this.options.pieceChars ?? PARSE_PIECE_CHARS;
    for (let slice = await slices.next(); slice !== null; slice = await slices.next()) {
      if (this.hooks.signal?.aborted) return this.cancel();
      this.bytesRead += slice.bytes;
      const decoded = slice.text;
      for (let at = 0; at < decoded.length; ) {
        const end = pieceEnd(decoded, at, pieceChars, this.format.recordSeparator);
        this.consume(splitter.push(at === 0 && end === decoded.length ? decoded : decoded.substring(at, end)));
        at = end;
        this.guardRecordSize(splitter);
        if (this.readyChunks.length > 0) await this.flushReadyChunks();
        // A staging write advances only when this thread takes in its IndexedDB replies: let them in between
        // pieces, or each of a write's round trips waits for the whole slice to be parsed.
        if (this.unfinishedWrites > 0) await this.pause.next();
        if (this.hooks.signal?.aborted) return this.cancel();
        this.reportProgress(false);
      }
      this.reportProgress(true);
    }
    this.consume(splitter.finish());
    return this.complete(slices.fingerprint());
  }

  /** Stops the reading thread and the yield channel, whichever way the import ended. */
  close(): void {
    this.slices?.close();
    this.pause.close();
  }

  private refuseBinary(head: Uint8Array): void {
    if (!looksBinary(head)) return;
    const container = sniffBinaryFormat(head);
    const found = container === null ? 'binary data (NUL or control bytes)' : `a ${container.toUpperCase()} file`;
    throw new FatalIssue(issue('binary-file', 0, null, found, 'a CSV text file (save spreadsheets as CSV first)'));
  }

  /** Converts a batch of records into the column builders, recording bad rows. The hot loop of the import. */
  private consume(batch: RecordBatch): void {
    const { records, quoteProblems } = batch;
    const skipRows = this.format.skipRows;
    const headerEnd = skipRows + this.format.headerRowCount;
    const columnCount = this.columnCount;
    const builders = this.builders;
    const checked = this.checked;
    const unchecked = this.unchecked;
    let problem = 0;
    for (let r = 0; r < records.length; r++) {
      const record = records[r]!;
      const row = ++this.recordNumber;
      let malformed = false;
      while (problem < quoteProblems.length && quoteProblems[problem]!.record <= r) {
        const found = quoteProblems[problem++]!;
        if (found.record !== r) continue;
        if (found.kind === 'unterminated') this.unterminated(row, record);
        malformed = true;
      }
      if (row <= skipRows) continue;
      if (row <= headerEnd) {
        if (!this.sawHeader && !(record.length === 1 && isBlank(record[0]!))) this.checkHeader(row, record);
        continue;
      }
      if (record.length === 1 && isBlank(record[0]!)) continue;
      this.dataRows++;
      if ((this.dataRows & (CLOCK_EVERY_RECORDS - 1)) === 0) this.reportProgress(false);

      if (malformed) {
        const found = record.join(this.format.delimiter);
        const expected = 'a closing quote right before a delimiter or line break';
        this.log.add(issue('malformed-quote', row, null, found, expected));
        this.rejectRow();
        continue;
      }
      if (record.length !== columnCount && !this.fitsWithBlankExtras(record)) {
        const found = `${record.length} fields: ${record.join(this.format.delimiter)}`;
        this.log.add(issue('ragged-row', row, null, found, `${columnCount} fields, as in the header`));
        this.rejectRow();
        continue;
      }

      let good = true;
      for (let c = 0; c < checked.length; c++) {
        const k = checked[c]!;
        const builder = builders[k]!;
        if (!builder.push(record[k]!)) {
          good = false;
          this.badCell(row, k, record[k]!);
        }
      }
      if (!good) {
        for (let c = 0; c < checked.length; c++) builders[checked[c]!]!.length = this.rowsInChunk;
        this.rejectRow();
        continue;
      }
      for (let c = 0; c < unchecked.length; c++) {
        const k = unchecked[c]!;
        builders[k]!.push(record[k]!);
      }
      this.goodRows++;
      if (++this.rowsInChunk === this.chunkRows) this.finishChunk();
    }
  }

  /** Records longer than the header are accepted when the extra fields are empty (a trailing delimiter). */
  private fitsWithBlankExtras(record: string[]): boolean {
    if (record.length < this.columnCount) return false;
    for (let k = this.columnCount; k < record.length; k++) if (!isBlank(record[k]!)) return false;
    return true;
  }

  private checkHeader(row: number, record: string[]): void {
    this.sawHeader = true;
    if (record.length <= this.columnCount || this.fitsWithBlankExtras(record)) return;
    const expected = `${this.columnCount} columns as in the preview`;
    throw new FatalIssue(issue('header-mismatch', row, null, `${record.length} header fields`, expected));
  }

  private unterminated(row: number, record: string[]): never {
    const column = this.format.columns[record.length - 1]?.name ?? null;
    const field = record[record.length - 1] ?? '';
    const expected = 'a closing quote (") before the end of the file';
    throw new FatalIssue(issue('unterminated-quote', row, column, `"${field}`, expected));
  }

  private badCell(row: number, column: number, text: string): void {
    const spec = this.format.columns[column]!;
    if (spec.type === 'date') {
      const expected = `a date in the ${spec.dateFormat ?? ''} format, or a blank`;
      this.log.add(issue('invalid-date', row, spec.name, text, expected));
    } else {
      const example = this.format.decimal === ',' ? '1234,5' : '1234.5';
      this.log.add(issue('not-a-number', row, spec.name, text, `a number such as ${example}, or a blank`));
    }
  }

  private rejectRow(): void {
    this.badRows++;
    if (this.options.onBadRow === 'stop') this.failed = true;
  }

  private finishChunk(): void {
    const index = this.chunkIndex++;
    const chunks = this.builders.map((builder, column) => ({ column, index, data: builder.take() }));
    this.rowsInChunk = 0;
    if (!this.failed) for (const chunk of chunks) this.readyChunks.push(chunk);
  }

  /** Fails the import when one record has grown past the limit: a giant field, or a quote that never closes. */
  private guardRecordSize(splitter: RecordSplitter): void {
    if (splitter.pendingLength <= this.maxRecordChars) return;
    // Parsed once more on its own, the record shows which field grew: the last one it has.
    const { delimiter, recordSeparator } = this.format;
    const parser = new Papa.Parser({ delimiter, newline: recordSeparator, quoteChar: '"' });
    const fields = (parser.parse(splitter.pendingText, 0, false) as Papa.ParseResult<string[]>).data[0] ?? [];
    const column = this.format.columns[Math.max(0, fields.length - 1)]?.name ?? null;
    const limit = this.maxRecordChars;
    const size = limit >= 1024 * 1024 ? `${Math.round(limit / (1024 * 1024))} MB` : `${Math.ceil(limit / 1024)} KB`;
    const expected = `a field under ${size} (a quote that is never closed makes the rest of the file one field)`;
    throw new FatalIssue(issue('field-too-large', this.recordNumber + 1, column, fields.at(-1) ?? '', expected));
  }

  /**
   * Starts writing the chunks finished so far while parsing goes on. Two writes may be in flight, so the worker
   * keeps parsing while IndexedDB commits the previous one; memory stays bounded to a few chunks per column.
   */
  private async flushReadyChunks(): Promise<void> {
    if (this.readyChunks.length === 0) return;
    if (this.inFlight.length >= MAX_WRITES_IN_FLIGHT) await this.inFlight.shift();
    this.throwWriteError();
    const chunks = this.readyChunks;
    this.readyChunks = [];
    this.unfinishedWrites++;
    this.inFlight.push(
      this.sink
        .stage(chunks)
        .catch((error: unknown) => {
          this.writeError = error;
        })
        .finally(() => {
          this.unfinishedWrites--;
        }),
    );
  }

  /** Waits for every write in flight and rethrows the first failure. */
  async settleWrites(): Promise<void> {
    const writes = this.inFlight;
    this.inFlight = [];
    await Promise.all(writes);
    this.throwWriteError();
  }

  private throwWriteError(): void {
    if (this.writeError !== null) {
      const error = this.writeError;
      this.writeError = null;
      throw error;
    }
  }

  private reportProgress(force: boolean): void {
    const onProgress = this.hooks.onProgress;
    if (onProgress === undefined) return;
    const now = this.now();
    if (!force && now - this.lastProgressAt < PROGRESS_INTERVAL_MS) return;
    this.lastProgressAt = now;
    const seconds = (now - this.startedAt) / 1000;
    const bytesPerSecond = seconds > 0 ? this.bytesRead / seconds : 0;
    const totalBytes = this.file.size;
    onProgress({
      bytesRead: this.bytesRead,
      totalBytes,
      rows: this.dataRows,
      mbPerSecond: bytesPerSecond / 1e6,
      secondsLeft: bytesPerSecond > 0 && seconds >= 0.2 ? (totalBytes - this.bytesRead) / bytesPerSecond : null,
    });
  }

  private async cancel(): Promise<ImportResult> {
    await this.settleWrites().catch(() => undefined);
    await this.sink.discard();
    return { status: 'cancelled' };
  }

  private async complete(contentHash: string): Promise<ImportResult> {
    if (!this.sawHeader && this.dataRows === 0) {
      throw new FatalIssue(issue('empty-file', 0, null, 'only blank lines', 'a header row and data rows'));
    }
    if (this.dataRows === 0) {
      const found = `${this.recordNumber} header row(s)`;
      throw new FatalIssue(issue('header-only', 0, null, found, 'data rows below the header'));
    }
    if (this.failed || this.goodRows === 0) {
      await this.settleWrites();
      await this.sink.discard();
      return this.invalid(null);
    }
    // Chunks finished since the last staging write go in with the commit: one transaction fewer at the end.
    const index = this.chunkIndex;
    const lastChunks = this.readyChunks;
    this.readyChunks = [];
    if (this.rowsInChunk > 0) {
      this.builders.forEach((builder, column) => lastChunks.push({ column, index, data: builder.take() }));
    }
    const { planId, name, kind, fileName } = this.options.dataset;
    // Sent before the staging writes have finished: the database runs a transaction only after those created
    // before it on the same tables, so the commit waits there, not here, and its chunks are serialised meanwhile.
    // Should a staging write fail, the commit finds chunks missing and fails too; the staging failure is reported.
    const committing = this.sink.commit(
      {
        planId,
        name,
        kind,
        fileName,
        sizeBytes: this.file.size,
        columns: this.builders.map((b) => b.meta()),
        contentHash,
        rowCount: this.goodRows,
        chunkRows: this.chunkRows,
      },
      lastChunks,
    );
    committing.catch(() => undefined);
    await this.settleWrites();
    const dataset = await committing;
    this.reportProgress(true);
    const { issues, count } = this.log;
    return { status: 'imported', dataset, skippedRows: this.badRows, issues, issueCount: count };
  }

  invalid(fatal: ImportIssue | null): ImportResult {
    const issues = fatal === null ? this.log.issues : [fatal, ...this.log.issues];
    return {
      status: 'invalid',
      issues,
      issueCount: this.log.count + (fatal === null ? 0 : 1),
      badRows: this.badRows,
      rowsRead: this.dataRows,
    };
  }
}
