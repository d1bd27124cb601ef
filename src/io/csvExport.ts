// Writes result tables as CSV that spreadsheets open cleanly and that cannot smuggle formulas into them.

/**
 * One cell. The JavaScript type is the cell's type: a number is written as a number and never escaped, a string is
 * text and is escaped when a spreadsheet would read it as a formula, null (and NaN or ±Infinity, which have no
 * spreadsheet equivalent) is an empty cell.
 */
export type CsvCell = string | number | null;

export interface CsvColumn {
  header: string;
  values: readonly CsvCell[];
}

/**
 * 'comma' is RFC 4180 with a decimal point. 'semicolon' is what Excel reads in locales whose decimal separator is a
 * comma (most of continental Europe): fields separated by ';' and numbers written with a decimal comma.
 */
export type CsvDialect = 'comma' | 'semicolon';

export interface CsvOptions {
  dialect?: CsvDialect;
  /**
   * Start with a UTF-8 byte order mark (default true). Without it Excel decodes a CSV file with the system's legacy
   * code page, so "€", "é" or an emoji turn into mojibake; with it Excel, LibreOffice, Numbers and Google Sheets all
   * read UTF-8, and RFC 4180 readers that do not expect it see it only at the start of the first header.
   */
  bom?: boolean;
}

/** The MIME type to save the text under; the charset matches the encoding Blob gives a JavaScript string. */
export const CSV_MIME_TYPE = 'text/csv;charset=utf-8';

const BOM = '\uFEFF';
const LINE_END = '\r\n';

/**
 * A text cell starting with one of these is read as a formula (or, for tab and CR, can be made into one once the
 * spreadsheet strips them) by Excel, LibreOffice or Google Sheets: OWASP's list for CSV injection.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;

/**
 * The CSV text of a table given column by column, each record ended by CRLF. Headers are text and are escaped like
 * any text cell. Every column must have the same number of values: a ragged table is a programming error, and padding
 * it silently would shift results into the wrong rows of the spreadsheet.
 */
export function toCsv(columns: readonly CsvColumn[], options: CsvOptions = {}): string {
  const dialect = options.dialect ?? 'comma';
  const rowCount = columns[0]?.values.length ?? 0;
  for (const column of columns) {
    if (column.values.length !== rowCount) {
      throw new RangeError(
        `CSV column "${column.header}" has ${column.values.length} values where the first column has ${rowCount}.`,
      );
    }
  }
  const lines: string[] = [];
  if (columns.length > 0) {
    lines.push(csvRecord(columns.map((column) => column.header), dialect));
    for (let row = 0; row < rowCount; row++) {
      lines.push(csvRecord(columns.map((column) => column.values[row] ?? null), dialect));
    }
  }
  const body = lines.map((line) => line + LINE_END).join('');
  return (options.bom ?? true) ? BOM + body : body;
}

/** One record without its line end. */
export function csvRecord(cells: readonly CsvCell[], dialect: CsvDialect = 'comma'): string {
  const line = cells.map((cell) => csvField(cell, dialect)).join(delimiterOf(dialect));
  // A record holding one empty field would be a blank line, which many readers skip as no record at all.
  return line === '' && cells.length === 1 ? '""' : line;
}

/** One field as written in the file: numbers plainly, text quoted where RFC 4180 requires and escaped against formulas. */
export function csvField(cell: CsvCell, dialect: CsvDialect = 'comma'): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return formatNumber(cell, dialect);
  // The apostrophe makes the spreadsheet show the rest as text; quoting keeps it part of the field in every reader.
  if (FORMULA_TRIGGER.test(cell)) return quote(`'${cell}`);
  return needsQuotes(cell, delimiterOf(dialect)) ? quote(cell) : cell;
}

function delimiterOf(dialect: CsvDialect): string {
  return dialect === 'semicolon' ? ';' : ',';
}

/**
 * Shortest round-trip digits without grouping, so every reader gets back the exact double ("1e-7" and "1e+21" are
 * numbers to spreadsheets too). Never quoted: in the comma dialect a number holds no comma, in the semicolon dialect
 * no semicolon.
 */
function formatNumber(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  return dialect === 'semicolon' ? text.replace('.', ',') : text;
}

function needsQuotes(text: string, delimiter: string): boolean {
  return text.includes(delimiter) || text.includes('"') || text.includes('\r') || text.includes('\n');
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
