// The record splitter gives the same records however the text is cut, and reports quote problems only when final.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RecordSplitter, type RecordBatch } from './recordSplitter';
import { csvRecord } from './testing';

function splitAll(pieces: readonly string[], delimiter = ',', separator: '\n' | '\r' = '\n'): RecordBatch {
  const splitter = new RecordSplitter(delimiter, separator);
  const records: string[][] = [];
  const quoteProblems: RecordBatch['quoteProblems'] = [];
  const take = (batch: RecordBatch): void => {
    quoteProblems.push(...batch.quoteProblems.map((p) => ({ ...p, record: p.record + records.length })));
    records.push(...batch.records);
  };
  for (const piece of pieces) take(splitter.push(piece));
  take(splitter.finish());
  return { records, quoteProblems };
}

describe('RecordSplitter', () => {
  it('gives the same records for any cut of a CSV text with quotes, delimiters and CRLF inside fields', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '"', ',', '\r\n', '\n', ' ', 'é', '😀'), maxLength: 6 });
    const tableArb = fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 });
    const cutsArb = fc.array(fc.nat(), { maxLength: 10 });
    fc.assert(
      fc.property(tableArb, cutsArb, fc.constantFrom('\n', '\r\n'), (table, cuts, eol) => {
        const text = table.map((row) => csvRecord(row) + eol).join('');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const pieces = [...points, text.length].map((end, i) => text.slice(i === 0 ? 0 : points[i - 1], end));
        expect(splitAll(pieces)).toEqual({ records: table, quoteProblems: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('holds back an unfinished record until the text that completes it arrives', () => {
    const splitter = new RecordSplitter(',', '\n');
    expect(splitter.push('a,b\r\n1,"multi\r\nli').records).toEqual([['a', 'b']]);
    expect(splitter.pendingText).toBe('1,"multi\r\nli');
    expect(splitter.pendingLength).toBe(12);
    expect(splitter.push('ne"\r\n2,x').records).toEqual([['1', 'multi\r\nline']]);
    expect(splitter.finish().records).toEqual([['2', 'x']]);
  });

  it('reports a quote left open only at the end of the file, on the record that opened it', () => {
    const splitter = new RecordSplitter(',', '\n');
    expect(splitter.push('a,b\n1,"open\n2,3\n')).toEqual({ records: [['a', 'b']], quoteProblems: [] });
    expect(splitter.finish()).toEqual({
      records: [['1', 'open\n2,3\n']],
      quoteProblems: [{ record: 0, kind: 'unterminated' }],
    });
  });

  it('reports a stray quote inside a quoted field as malformed on its own record', () => {
    const { records, quoteProblems } = splitAll(['a,b\n1,"x"y"\n2,z\n']);
    expect(records).toEqual([['a', 'b'], ['1', 'x"y'], ['2', 'z']]);
    expect(quoteProblems).toEqual([{ record: 1, kind: 'malformed' }]);
  });

  it('reads on to the next quote after text that follows a closing quote, as PapaParse does', () => {
    const { records, quoteProblems } = splitAll(['a,b\n1,"x"y\n2,z\n']);
    expect(records).toEqual([['a', 'b'], ['1', 'x"y\n2,z\n']]);
    expect(quoteProblems).toEqual([
      { record: 1, kind: 'malformed' },
      { record: 1, kind: 'unterminated' },
    ]);
  });

  it('reads old Mac files separated by a bare carriage return', () => {
    expect(splitAll(['a;b\r1;', '2\r3;4'], ';', '\r').records).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});
