// Cuts a stream of decoded text into CSV records with PapaParse's low-level Parser, carrying the unfinished last
// record over to the next piece of text exactly as PapaParse's own ChunkStreamer does.
import Papa from 'papaparse';
import type { RecordSeparator } from './types';

export interface QuoteProblem {
  /** Index of the record within the batch. */
  record: number;
  /** Unterminated: the file ended inside a quoted field. Malformed: a closing quote followed by other text. */
  kind: 'unterminated' | 'malformed';
}

export interface RecordBatch {
  records: string[][];
  quoteProblems: QuoteProblem[];
}

const CARRIAGE_RETURN = 13;

export class RecordSplitter {
  private readonly parser: Papa.Parser;
  /** Text after the last complete record: the start of a record that the next piece will finish. */
  private tail = '';

  constructor(
    delimiter: string,
    private readonly recordSeparator: RecordSeparator,
  ) {
    this.parser = new Papa.Parser({ delimiter, newline: recordSeparator, quoteChar: '"' });
  }

  /** Characters of the unfinished record held back so far. */
  get pendingLength(): number {
    return this.tail.length;
  }

  /** The unfinished record's text, for reporting a record that grew too large. */
  get pendingText(): string {
    return this.tail;
  }

  /** Parses the held-back text plus `text`; returns the records completed, keeping the rest for later. */
  push(text: string): RecordBatch {
    return this.parse(this.tail + text, false);
  }

  /** Parses whatever is held back as the file's last record. */
  finish(): RecordBatch {
    return this.parse(this.tail, true);
  }

  private parse(input: string, last: boolean): RecordBatch {
    const result = this.parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    const records = result.data;
    this.tail = last ? '' : input.substring(result.meta.cursor);
    const quoteProblems: QuoteProblem[] = [];
    for (const error of result.errors) {
      // While more text may follow, the unfinished last record is parsed again with it: its errors are not final.
      const record = error.row ?? -1;
      if (record < 0 || record >= records.length) continue;
      quoteProblems.push({ record, kind: error.code === 'MissingQuotes' ? 'unterminated' : 'malformed' });
    }
    // Most files have no '\r' at all: one native scan of the text spares a look at every record's last field.
    if (this.recordSeparator === '\n' && input.includes('\r')) stripCarriageReturns(records);
    return { records, quoteProblems };
  }
}

/** Removes the '\r' of a CRLF line break from the last field, where splitting at '\n' leaves it. */
function stripCarriageReturns(records: string[][]): void {
  for (const record of records) {
    const lastIndex = record.length - 1;
    const field = record[lastIndex];
    if (field !== undefined && field.charCodeAt(field.length - 1) === CARRIAGE_RETURN) {
      record[lastIndex] = field.slice(0, -1);
    }
  }
}
