// The import preview: reads the head of a file and shows what was detected (encoding, delimiter, header rows,
// decimal separator, column types and date formats), so the user can check and override it before importing.
import { detectDelimiter, detectLineEnding, type Delimiter } from '../csv/detect';
import { detectEncoding, looksBinary, sniffBinaryFormat, type TextEncodingName } from '../csv/encoding';
import { detectHeaderRows, tableWidth, uniqueNames, type DuplicateName, type HeaderLayout } from '../csv/headerRows';
import { columnValues, inferColumns, profileColumn } from '../csv/inferColumns';
import { detectDecimalSeparator, isBlank } from '../csv/numbers';
import { issue } from './issues';
import { RecordSplitter, type QuoteProblem } from './recordSplitter';
import { readHead } from './sliceReader';
import type { ImportIssue, PreviewColumn, PreviewOverrides, PreviewResult } from './types';

/** Bytes read for the preview; more when the first records are longer than that. */
export const PREVIEW_BYTES = 1024 * 1024;
const MAX_PREVIEW_BYTES = 16 * 1024 * 1024;
/** Data rows shown in the preview table. */
export const PREVIEW_ROWS = 20;
/** Data rows the column types are inferred from. */
export const SAMPLE_ROWS = 1000;
/** Rows handed to header detection: survey exports use at most three, a few more show the data below them. */
const HEADER_SNIFF_ROWS = 10;

interface HeadRecords {
  records: string[][];
  quoteProblems: QuoteProblem[];
  /** The head is the whole file, so its last record is complete. */
  whole: boolean;
  encoding: TextEncodingName;
  delimiter: Delimiter;
  sepDirective: boolean;
  lineEnding: '\r\n' | '\n' | '\r';
}

/** Reads the file's head and splits it into records, reading more when not even two records fit. */
async function readHeadRecords(file: Blob, overrides: PreviewOverrides): Promise<HeadRecords> {
  for (let bytes = PREVIEW_BYTES; ; bytes *= 4) {
    const head = await readHead(file, bytes);
    const whole = head.length === file.size;
    const detected = detectEncoding(head, whole);
    const encoding = overrides.encoding ?? detected.encoding;
    // Decoded in streaming mode and never flushed: a character cut by the end of the head is left out.
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(head.subarray(detected.bomLength), {
      stream: !whole,
    });
    const guess = detectDelimiter(text, whole);
    const delimiter = overrides.delimiter ?? guess.delimiter;
    const lineEnding = detectLineEnding(text, delimiter);
    const splitter = new RecordSplitter(delimiter, lineEnding === '\r' ? '\r' : '\n');
    const batch = splitter.push(text);
    if (whole) {
      const last = splitter.finish();
      const offset = batch.records.length;
      batch.records.push(...last.records);
      batch.quoteProblems.push(...last.quoteProblems.map((p) => ({ ...p, record: p.record + offset })));
    }
    if (whole || batch.records.length >= 2 || bytes >= MAX_PREVIEW_BYTES) {
      return { ...batch, whole, encoding, delimiter, sepDirective: guess.sepDirective, lineEnding };
    }
  }
}

function blankRecord(record: readonly string[]): boolean {
  return record.length === 1 && isBlank(record[0]!);
}

/** As the import judges rows: the header's field count, or more when the extra fields are empty. */
function fitsColumns(record: readonly string[], columns: number): boolean {
  if (record.length < columns) return false;
  for (let k = columns; k < record.length; k++) if (!isBlank(record[k]!)) return false;
  return true;
}

/** The header layout for a header row count the user set, when it differs from the detected one. */
function layoutFor(rows: readonly string[][], count: number, detected: HeaderLayout): HeaderLayout {
  if (count === detected.headerRowCount) return detected;
  const columns = Array.from({ length: tableWidth(rows, count) }, (_, j) => j);
  const cell = (row: readonly string[] | undefined, j: number): string => (row?.[j] ?? '').trim();
  const raw = count === 0 ? columns.map(() => '') : columns.map((j) => cell(rows[0], j));
  const descriptions = columns.map((j) => (count >= 2 ? cell(rows[1], j) : ''));
  return { source: 'plain', headerRowCount: count, ...uniqueNames(raw), descriptions };
}

/**
 * Drops trailing columns that have no header and no value in the sample: the trailing delimiter some exporters
 * write at the end of every line. The import accepts such empty extra fields without making columns of them.
 */
function withoutEmptyTrailingColumns(layout: HeaderLayout, sample: readonly string[][]): HeaderLayout {
  const unnamed = new Set(layout.unnamed);
  let width = layout.names.length;
  while (width > 0 && unnamed.has(width - 1) && sample.every((row) => isBlank(row[width - 1] ?? ''))) width--;
  if (width === layout.names.length) return layout;
  return {
    ...layout,
    names: layout.names.slice(0, width),
    descriptions: layout.descriptions.slice(0, width),
    unnamed: layout.unnamed.filter((j) => j < width),
  };
}

function duplicateIssue(duplicate: DuplicateName, names: readonly string[], headerRow: number): ImportIssue {
  const positions = duplicate.columns.map((j) => j + 1);
  const renamed = duplicate.columns.slice(1).map((j) => `“${names[j]}”`);
  return issue(
    'duplicate-column',
    headerRow,
    duplicate.name,
    `“${duplicate.name}” in columns ${positions.join(', ')}`,
    `unique column names (the later ones are imported as ${renamed.join(', ')})`,
  );
}

/**
 * Reads the head of a file (about 1 MB) and proposes how to import it. Never throws because of the content: an
 * empty, binary or header-only file comes back with a fatal issue. Overrides replace what would be detected.
 */
export async function previewFile(file: Blob, overrides: PreviewOverrides = {}): Promise<PreviewResult> {
  const fileSize = file.size;
  const base = {
    encoding: overrides.encoding ?? ('utf-8' as TextEncodingName),
    delimiter: overrides.delimiter ?? (',' as Delimiter),
    recordSeparator: '\n' as const,
    lineEnding: '\n' as const,
    skipRows: 0,
    headerRowCount: 0,
    decimal: overrides.decimal ?? ('.' as const),
    columns: [],
    headerSource: 'plain' as const,
    rows: [],
    sampledRows: 0,
    warnings: [],
    fileSize,
  };
  const fatal = (entry: ImportIssue): PreviewResult => ({ ...base, issues: [entry], fatal: true });

  if (fileSize === 0) return fatal(issue('empty-file', 0, null, '0 bytes', 'a header row and data rows'));
  const sniff = await readHead(file, 64 * 1024);
  if (looksBinary(sniff)) {
    const container = sniffBinaryFormat(sniff);
    const found = container === null ? 'binary data (NUL or control bytes)' : `a ${container.toUpperCase()} file`;
    return fatal(issue('binary-file', 0, null, found, 'a CSV text file (save spreadsheets as CSV first)'));
  }

  const head = await readHeadRecords(file, overrides);
  const skipRows = head.sepDirective ? 1 : 0;
  const records = head.records.slice(skipRows);
  const headerCandidates = records.slice(0, HEADER_SNIFF_ROWS).filter((r) => !blankRecord(r));
  if (headerCandidates.length === 0) {
    return fatal(issue('empty-file', 0, null, 'only blank lines', 'a header row and data rows'));
  }
  const detected = detectHeaderRows(headerCandidates);
  const headerRowCount = Math.max(0, Math.min(overrides.headerRowCount ?? detected.headerRowCount, records.length));
  const sampleRecords = records.slice(headerRowCount, headerRowCount + SAMPLE_ROWS);
  const layout = withoutEmptyTrailingColumns(layoutFor(headerCandidates, headerRowCount, detected), sampleRecords);

  // Data rows with their spreadsheet row numbers (record number in the file, 1-based, header rows included).
  const dataRows: string[][] = [];
  const rowNumbers: number[] = [];
  let ragged = 0;
  for (let r = headerRowCount; r < records.length && dataRows.length < SAMPLE_ROWS; r++) {
    const record = records[r]!;
    if (blankRecord(record)) continue;
    if (!fitsColumns(record, layout.names.length)) ragged++;
    dataRows.push(record);
    rowNumbers.push(skipRows + r + 1);
  }
  const decimal = overrides.decimal ?? detectDecimalSeparator(dataRows.flat());
  const columns = describeColumns(layout, dataRows, rowNumbers, decimal, overrides);

  const issues = layout.duplicates.map((d) => duplicateIssue(d, layout.names, skipRows + 1));
  const warnings = previewWarnings(head, columns, ragged, dataRows.length);
  const result: PreviewResult = {
    ...base,
    encoding: head.encoding,
    delimiter: head.delimiter,
    recordSeparator: head.lineEnding === '\r' ? '\r' : '\n',
    lineEnding: head.lineEnding,
    skipRows,
    headerRowCount,
    decimal,
    columns,
    headerSource: layout.source,
    rows: dataRows.slice(0, PREVIEW_ROWS),
    sampledRows: dataRows.length,
    issues,
    fatal: false,
    warnings,
  };
  if (dataRows.length === 0 && head.whole) {
    const found = `${headerRowCount} header row(s) and no data`;
    const headerOnly = issue('header-only', 0, null, found, 'data rows below the header');
    return { ...result, issues: [headerOnly, ...issues], fatal: true };
  }
  return result;
}

function describeColumns(
  layout: HeaderLayout,
  dataRows: string[][],
  rowNumbers: number[],
  decimal: '.' | ',',
  overrides: PreviewOverrides,
): PreviewColumn[] {
  const inferred = inferColumns(layout.names, dataRows, decimal);
  return inferred.map((profile, index) => {
    const own = overrides.columns?.[index];
    const type = own?.type ?? profile.type;
    const dateFormat = own?.dateFormat ?? overrides.dateFormat;
    const changed = type !== profile.type || dateFormat !== undefined;
    const choice = { type, decimal, dateFormat: dateFormat ?? null };
    const final = changed ? profileColumn(index, profile.name, columnValues(dataRows, index), choice) : profile;
    const column: PreviewColumn = {
      name: final.name,
      type: final.type,
      description: layout.descriptions[index] ?? '',
      ambiguousDate: final.dateAmbiguous,
      dateCandidates: final.dateCandidates,
      blanks: final.blanks,
      bad: final.bad,
      badSamples: final.badExamples.map((bad) => ({ row: rowNumbers[bad.row] ?? 0, text: bad.text })),
    };
    // A date column needs a format to be imported; when no format reads the sample, ISO is the one to correct.
    if (final.type === 'date') column.dateFormat = final.dateFormat ?? 'iso';
    return column;
  });
}

function previewWarnings(head: HeadRecords, columns: PreviewColumn[], ragged: number, sampled: number): string[] {
  const warnings: string[] = [];
  for (const column of columns) {
    if (column.ambiguousDate) {
      warnings.push(`Column “${column.name}”: the dates read both as day/month and as month/day; choose one.`);
    }
    if (column.type === 'date' && column.bad > 0 && column.bad === sampled - column.blanks) {
      warnings.push(`Column “${column.name}”: no date format reads its values; choose a format or another type.`);
    }
  }
  if (ragged > 0) {
    warnings.push(`${ragged} of the first ${sampled} rows have a different number of fields than the header.`);
  }
  if (head.quoteProblems.some((p) => p.kind === 'unterminated')) {
    warnings.push('A quoted field is never closed: the file ends inside quotes.');
  } else if (head.quoteProblems.length > 0) {
    warnings.push('Some quoted fields are followed by stray text after the closing quote.');
  }
  if (!head.whole && head.records.length < 2) {
    warnings.push('The first record is longer than the preview reads: it may hold a huge field or an unclosed quote.');
  }
  return warnings;
}
