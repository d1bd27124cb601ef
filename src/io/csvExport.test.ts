// Tests of CSV export: RFC 4180 quoting, CRLF and BOM, plain numbers, and escaping of text a spreadsheet would run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv, type CsvCell, type CsvColumn, type CsvDialect } from './csvExport';

/**
 * A strict RFC 4180 reader: records end with CRLF (the last one may not), a quote is only allowed to open a field or
 * as a doubled quote inside a quoted one, and anything else (a bare CR or LF, a stray quote) fails the test.
 */
function readStrictCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) throw new Error(`unclosed quote opened before ${i}`);
        field += text.slice(i, close);
        i = close + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      while (i < text.length && text[i] !== delimiter && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i];
        i++;
      }
    }
    record.push(field);
    if (text[i] === delimiter) {
      i++;
      continue;
    }
    if (i === text.length) break;
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`expected a delimiter or CRLF at ${i}`);
    i += 2;
    records.push(record);
    record = [];
    if (i === text.length) return records;
  }
  records.push(record);
  return records;
}

/** What a reader should get back for one cell: the text itself, after an apostrophe where it had to be escaped. */
function expectedField(cell: CsvCell, dialect: CsvDialect): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    return dialect === 'semicolon' ? String(cell).replace('.', ',') : String(cell);
  }
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const BOM = '\uFEFF';

describe('toCsv', () => {
  it('writes a header record and one record per row, each ended by CRLF, after a UTF-8 BOM', () => {
    const csv = toCsv([
      { header: 'metric', values: ['NPS', 'CSAT'] },
      { header: 'lag', values: [3, 0] },
      { header: 'r', values: [0.8123, -0.25] },
    ]);
    expect(csv).toBe(`${BOM}metric,lag,r\r\nNPS,3,0.8123\r\nCSAT,0,-0.25\r\n`);
  });

  it('leaves the BOM out when asked', () => {
    expect(toCsv([{ header: 'a', values: [1] }], { bom: false })).toBe('a\r\n1\r\n');
  });

  it('writes a negative number as a number but escapes the same characters given as text', () => {
    const csv = toCsv([{ header: 'effect', values: [-3.5, '-3.5'] }], { bom: false });
    expect(csv).toBe(`effect\r\n-3.5\r\n"'-3.5"\r\n`);
  });

  it('escapes text that a spreadsheet would read as a formula by prefixing an apostrophe and quoting', () => {
    expect(csvField('=SUM(A1)')).toBe(`"'=SUM(A1)"`);
    expect(csvField('+cmd')).toBe(`"'+cmd"`);
    expect(csvField('-1+1')).toBe(`"'-1+1"`);
    expect(csvField('@x')).toBe(`"'@x"`);
    expect(csvField('\tx')).toBe(`"'\tx"`);
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('leaves text alone when the trigger character is not first', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(' =x')).toBe(' =x');
    expect(csvField("'quoted")).toBe("'quoted");
  });

  it('escapes headers like any text cell', () => {
    const csv = toCsv([{ header: '=cmd|"/c calc"!A0', values: [1] }], { bom: false });
    expect(csv).toBe(`"'=cmd|""/c calc""!A0"\r\n1\r\n`);
  });

  it('quotes fields holding the delimiter, a quote, CR or LF and doubles the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvField('plain text')).toBe('plain text');
  });

  it('keeps emoji and line breaks inside a cell intact', () => {
    const csv = toCsv([{ header: 'note 📈', values: ['Great 👍🏽\r\nsecond line', 'café €'] }]);
    expect(readStrictCsv(csv.slice(1), ',')).toEqual([['note 📈'], ['Great 👍🏽\r\nsecond line'], ['café €']]);
  });

  it('writes numbers plainly: no grouping, shortest exact digits, exponent for very large or small values', () => {
    const csv = toCsv([{ header: 'x', values: [1234567.891, 4030, 0.1 + 0.2, 1e21, 1e-7, -0] }], { bom: false });
    expect(csv).toBe('x\r\n1234567.891\r\n4030\r\n0.30000000000000004\r\n1e+21\r\n1e-7\r\n0\r\n');
  });

  it('writes null, NaN and infinities as empty cells', () => {
    const csv = toCsv(
      [
        { header: 'a', values: [null, Number.NaN] },
        { header: 'b', values: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY] },
      ],
      { bom: false },
    );
    expect(csv).toBe('a,b\r\n,\r\n,\r\n');
  });

  it('writes an empty one-column record as "" so it is not read as a blank line', () => {
    expect(toCsv([{ header: 'note', values: ['', null, 'x'] }], { bom: false })).toBe('note\r\n""\r\n""\r\nx\r\n');
  });

  it('writes nothing but the BOM for a table without columns, and only the header for one without rows', () => {
    expect(toCsv([])).toBe(BOM);
    expect(toCsv([{ header: 'a', values: [] }, { header: 'b', values: [] }], { bom: false })).toBe('a,b\r\n');
  });

  it('refuses columns of different lengths instead of shifting values into the wrong rows', () => {
    expect(() =>
      toCsv([
        { header: 'metric', values: ['NPS', 'CSAT'] },
        { header: 'r', values: [0.5] },
      ]),
    ).toThrow('CSV column "r" has 1 values where the first column has 2.');
  });

  it('separates fields with ; and writes decimal commas in the semicolon dialect', () => {
    const csv = toCsv(
      [
        { header: 'metric', values: ['NPS; relational', 'a,b'] },
        { header: 'slope', values: [4030.25, -0.5] },
      ],
      { dialect: 'semicolon', bom: false },
    );
    expect(csv).toBe('metric;slope\r\n"NPS; relational";4030,25\r\na,b;-0,5\r\n');
  });

  const textCell = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', "'", ' ', 'a', '1', '.', '😀') }),
  );
  const cell: fc.Arbitrary<CsvCell> = fc.oneof(
    textCell,
    fc.double(),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.constant(null),
  );
  const table = fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 6 }))
    .chain(([width, height]) =>
      fc.array(
        fc.record({ header: textCell, values: fc.array(cell, { minLength: height, maxLength: height }) }),
        { minLength: width, maxLength: width },
      ),
    );

  it('reads back, through a strict RFC 4180 reader, every header and cell (escaped ones behind an apostrophe)', () => {
    fc.assert(
      fc.property(table, fc.constantFrom<CsvDialect>('comma', 'semicolon'), (columns: CsvColumn[], dialect) => {
        const csv = toCsv(columns, { dialect });
        expect(csv.startsWith(BOM)).toBe(true);
        const records = readStrictCsv(csv.slice(1), dialect === 'semicolon' ? ';' : ',');
        const height = columns[0]?.values.length ?? 0;
        expect(records).toHaveLength(height + 1);
        expect(records[0]).toEqual(columns.map((c) => expectedField(c.header, dialect)));
        for (let row = 0; row < height; row++) {
          expect(records[row + 1]).toEqual(columns.map((c) => expectedField(c.values[row] ?? null, dialect)));
        }
      }),
    );
  });

  it('never lets a text cell or header reach a spreadsheet starting with a formula character', () => {
    fc.assert(
      fc.property(table, (columns: CsvColumn[]) => {
        const records = readStrictCsv(toCsv(columns).slice(1), ',');
        const textFields = records.flatMap((record, r) =>
          record.filter((_, col) => r === 0 || typeof columns[col]?.values[r - 1] === 'string'),
        );
        expect(textFields.filter((field) => /^[=+\-@\t\r]/.test(field))).toEqual([]);
      }),
    );
  });

  it('gives back every finite number exactly, so numeric cells stay numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1 }), (values) => {
        const records = readStrictCsv(toCsv([{ header: 'x', values }], { bom: false }), ',');
        expect(records.slice(1).map(([field]) => Number(field))).toEqual(values.map((v) => (v === 0 ? 0 : v)));
        expect(records.slice(1).every(([field]) => !field?.startsWith("'"))).toBe(true);
      }),
    );
  });
});
