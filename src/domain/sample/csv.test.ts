// Tests for the RFC 4180 sample writer: quoting, invariant numbers, CRLF, and round trips through a strict reader.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, toCsv } from './csv';
import type { Table } from './table';

/** A strict RFC 4180 reader: throws on a bare CR/LF or a quote inside an unquoted field, so writer slips surface. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = false;
        const after = text[i + 1];
        if (after !== undefined && after !== ',' && after !== '\r') throw new Error(`Text after closing quote at ${i}`);
      }
      continue;
    }
    if (ch === '"') {
      if (!fieldStart) throw new Error(`Quote inside an unquoted field at ${i}`);
      quoted = true;
      fieldStart = false;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      fieldStart = true;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      throw new Error(`Bare line break outside quotes at ${i}`);
    } else {
      field += ch;
      fieldStart = false;
    }
  }
  if (quoted) throw new Error('Unterminated quoted field');
  if (!fieldStart || row.length > 0 || field !== '') {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function table(...columns: [string, (number | string | null)[]][]): Table {
  return { columns: columns.map(([name, values]) => ({ name, type: 'text', values })) };
}

describe('toCsv', () => {
  it('writes a header and CRLF-terminated records', () => {
    const csv = toCsv(table(['month', ['2025-01', '2025-02']], ['nps', [31.5, 40]]));
    expect(csv).toBe('month,nps\r\n2025-01,31.5\r\n2025-02,40\r\n');
  });

  it('quotes fields holding a comma, quote, CR or LF and doubles inner quotes', () => {
    const csv = toCsv(
      table(['comment', ['Good, but slow', 'He said "fine"', 'line one\nline two', 'a\r\nb', 'cr\ronly', 'plain']]),
    );
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['"Good, but slow"', '"He said ""fine"""']);
    expect(csv).toContain('"line one\nline two"\r\n"a\r\nb"\r\n"cr\ronly"\r\nplain\r\n');
  });

  it('writes a missing cell as an empty field', () => {
    expect(toCsv(table(['a', [1, null]], ['b', [null, 'x']]))).toBe('a,b\r\n1,\r\n,x\r\n');
  });

  it('leaves formula- and HTML-looking text as it is (sample data reproduces real exports)', () => {
    const csv = toCsv(table(['comment', ['=SUM(A1)', '+cmd', '@x', '-2+3', '<script>alert(1)</script>']]));
    expect(csv).toBe('comment\r\n=SUM(A1)\r\n+cmd\r\n@x\r\n-2+3\r\n<script>alert(1)</script>\r\n');
  });

  it('quotes a header name that needs it', () => {
    expect(toCsv(table(['revenue, €', [1]]))).toBe('"revenue, €"\r\n1\r\n');
  });

  it('refuses columns of different lengths', () => {
    expect(() => toCsv(table(['a', [1, 2]], ['b', [1]]))).toThrow(RangeError);
  });

  it('round-trips tricky text and numbers through a strict RFC 4180 reader', () => {
    const tricky = fc.string({
      unit: fc.constantFrom(',', '"', '\r', '\n', ';', ' ', '\t', '=', '+', '<', 'a', 'é', '😀', '👨‍👩‍👧'),
      maxLength: 12,
    });
    const cell = fc.oneof(
      tricky,
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 6 }), fc.infiniteStream(cell), (width, height, cells) => {
        const columns: [string, (number | string | null)[]][] = [];
        for (let c = 0; c < width; c++) {
          const values: (number | string | null)[] = [];
          for (let r = 0; r < height; r++) values.push(cells.next().value as number | string | null);
          columns.push([`col "${c}", x`, values]);
        }
        // A one-column row holding only an empty field is an empty line, which no reader can tell from none.
        if (width === 1 && columns[0]?.[1].some((v) => v === null || v === '')) return;
        const parsed = parseCsv(toCsv(table(...columns)));
        expect(parsed).toHaveLength(height + 1);
        expect(parsed[0]).toEqual(columns.map(([name]) => name));
        for (let r = 0; r < height; r++) {
          columns.forEach(([, values], c) => {
            const written = values[r];
            const read = parsed[r + 1]?.[c];
            if (typeof written === 'number') expect(Number(read)).toBe(written === 0 ? 0 : written);
            else expect(read).toBe(written ?? '');
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatNumber', () => {
  it('writes plain invariant notation, never an exponent or a grouping separator', () => {
    expect(formatNumber(1234567.89)).toBe('1234567.89');
    expect(formatNumber(-0.5)).toBe('-0.5');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(-1.5e22)).toBe('-15000000000000000000000');
    expect(formatNumber(1.5e-7)).toBe('0.00000015');
    expect(formatNumber(-2.345e-10)).toBe('-0.0000000002345');
    expect(formatNumber(-0)).toBe('0');
  });

  it('keeps every finite double exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = formatNumber(x);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it('refuses NaN and infinities', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(-Infinity)).toThrow(RangeError);
  });
});
