// RFC 4180 CSV reader for unit tests that check the statistics against the R reference fixtures.

/**
 * Splits CSV text into records of fields: quoted fields may hold commas, doubled quotes and line breaks;
 * records end at CRLF or LF; a final line break does not add an empty record.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += ch;
    }
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A parsed CSV with named columns. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** The column's text cells; throws when the fixture lacks it, which is a broken test, not user input. */
  text(name: string): string[];
  /** The column as numbers, empty cells as NaN. */
  numbers(name: string): Float64Array;
}

export function readTable(text: string): CsvTable {
  const [header = [], ...rows] = parseCsv(text);
  const indexOf = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`Fixture has no column "${name}"; it has ${header.join(', ')}.`);
    return index;
  };
  const text_ = (name: string): string[] => {
    const index = indexOf(name);
    return rows.map((row) => row[index] ?? '');
  };
  return {
    header,
    rows,
    text: text_,
    numbers: (name) => Float64Array.from(text_(name), (cell) => (cell.trim() === '' ? NaN : Number(cell))),
  };
}
