// Column builders keep blanks as missing, reject what their type cannot read, and hand over chunks owning their data.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createColumnBuilder } from './columnBuilders';

describe('column builders', () => {
  it('reads numbers in the file’s decimal style, blank as missing and never as zero', () => {
    const builder = createColumnBuilder({ name: 'revenue', type: 'number' }, 8, ',');
    for (const text of ['1.234,5', '', '  ', '-0,25', '45 %']) expect(builder.push(text)).toBe(true);
    expect(builder.take()).toEqual(Float64Array.of(1234.5, NaN, NaN, -0.25, 45));
  });

  it('rejects text in a number column without appending anything', () => {
    const builder = createColumnBuilder({ name: 'nps', type: 'number' }, 4, '.');
    expect(builder.push('12abc')).toBe(false);
    expect(builder.push('n/a')).toBe(false);
    expect(builder.length).toBe(0);
    expect(builder.push('7')).toBe(true);
    expect(builder.take()).toEqual(Float64Array.of(7));
  });

  it('reads dates in the chosen format as UTC epoch milliseconds and rejects impossible dates', () => {
    const builder = createColumnBuilder({ name: 'day', type: 'date', dateFormat: 'dmy' }, 4, '.');
    expect(builder.push('31.01.2024')).toBe(true);
    expect(builder.push('')).toBe(true);
    expect(builder.push('30.02.2024')).toBe(false);
    expect(builder.take()).toEqual(Float64Array.of(Date.UTC(2024, 0, 31), NaN));
  });

  it('refuses a date column without a format', () => {
    expect(() => createColumnBuilder({ name: 'day', type: 'date' }, 4, '.')).toThrow(/no date format/);
  });

  it('hands over a full chunk without copying and a partial one as an exact copy', () => {
    const builder = createColumnBuilder({ name: 'n', type: 'number' }, 2, '.');
    builder.push('1');
    builder.push('2');
    const full = builder.take() as Float64Array;
    builder.push('3');
    const partial = builder.take() as Float64Array;
    expect([Array.from(full), Array.from(partial)]).toEqual([[1, 2], [3]]);
    expect(partial.buffer.byteLength).toBe(8);
    // The next chunk is written into fresh memory: the handed-over one is left intact.
    builder.push('9');
    expect(full[0]).toBe(1);
  });

  it('decodes every category cell to its trimmed label, however many spellings the column has', () => {
    const spelling = fc.constantFrom('North', ' North', 'South ', 'East', 'West', 'Central', 'N', 'S', 'E', 'W', 'X', '');
    fc.assert(
      fc.property(fc.array(spelling, { maxLength: 60 }), (cells) => {
        const builder = createColumnBuilder({ name: 'region', type: 'category' }, 7, '.');
        const codes: number[] = [];
        cells.forEach((text, i) => {
          builder.push(text);
          if ((i + 1) % 7 === 0) codes.push(...(builder.take() as Int32Array));
        });
        codes.push(...(builder.take() as Int32Array));
        const dictionary = builder.meta().dictionary ?? [];
        expect(codes.map((code) => (code === -1 ? '' : dictionary[code]))).toEqual(cells.map((text) => text.trim()));
      }),
    );
  });

  it('decodes every cell of a column with far more spellings than its table of frequent ones holds', () => {
    const spelling = fc.integer({ min: 0, max: 199 }).map((n) => (n % 3 === 0 ? ` c${n}` : `c${n}`));
    fc.assert(
      fc.property(fc.array(spelling, { minLength: 50, maxLength: 400 }), (cells) => {
        const builder = createColumnBuilder({ name: 'code', type: 'category' }, 1000, '.');
        for (const text of cells) builder.push(text);
        const codes = Array.from(builder.take() as Int32Array);
        const dictionary = builder.meta().dictionary ?? [];
        expect(codes.map((code) => dictionary[code])).toEqual(cells.map((text) => text.trim()));
        expect(new Set(dictionary).size).toBe(dictionary.length);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps category codes stable across chunks, trims labels and grows the dictionary in order of appearance', () => {
    const builder = createColumnBuilder({ name: 'region', type: 'category' }, 2, '.');
    builder.push('North');
    builder.push('');
    const first = builder.take();
    builder.push('South');
    builder.push(' North ');
    expect([Array.from(first as Int32Array), Array.from(builder.take() as Int32Array)]).toEqual([
      [0, -1],
      [1, 0],
    ]);
    expect(builder.meta()).toEqual({ name: 'region', type: 'category', dictionary: ['North', 'South'] });
  });

  it('keeps text verbatim, with blank cells as missing', () => {
    const builder = createColumnBuilder({ name: 'comment', type: 'text' }, 4, '.');
    for (const text of ['=SUM(A1)', '', ' ', '<b>hi</b>', ' padded ']) builder.push(text);
    expect(builder.take()).toEqual(['=SUM(A1)', null, null, '<b>hi</b>', ' padded ']);
    expect(builder.meta()).toEqual({ name: 'comment', type: 'text' });
  });
});
