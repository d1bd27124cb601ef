// The benchmark's generated files are valid, deterministic CSV of the promised shape (else the timings mean nothing).
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { centsText, csvBlocks, seededRandom, type CsvSpec } from './csvGenerators';

const textOf = (spec: CsvSpec, rowsPerBlock?: number): string => [...csvBlocks(spec, rowsPerBlock)].join('');

function records(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', newline: '\n' });
  expect(parsed.errors).toEqual([]);
  const rows = parsed.data;
  // The final line break leaves one empty record behind.
  expect(rows.at(-1)).toEqual(['']);
  return rows.slice(0, -1).map((r) => r.map((cell) => cell.replace(/\r$/, '')));
}

describe('bench CSV generators', () => {
  it('writes cents as two-decimal text, negatives included', () => {
    expect(centsText(123456)).toBe('1234.56');
    expect(centsText(-7)).toBe('-0.07');
    expect(centsText(100)).toBe('1.00');
    expect(centsText(0)).toBe('0.00');
  });

  it('writes two-decimal text that reads back as the same number of cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (cents) => {
        expect(Math.round(Number(centsText(cents)) * 100)).toBe(cents);
      }),
    );
  });

  it('writes the same bytes for the same seed, whatever the block size', () => {
    const spec: CsvSpec = { shape: 'survey', rows: 500, seed: 7 };
    expect(textOf(spec, 64)).toBe(textOf(spec));
    expect(textOf({ ...spec, seed: 8 })).not.toBe(textOf(spec));
  });

  it('writes a KPI file of ten two-decimal numeric columns with CRLF line ends and some negatives', () => {
    const text = textOf({ shape: 'kpis', rows: 2000, seed: 1 });
    expect(text.split('\r\n')).toHaveLength(2002);
    const [header, ...rows] = records(text);
    expect(header).toHaveLength(10);
    expect(rows).toHaveLength(2000);
    const cells = rows.flat();
    expect(cells.every((cell) => /^-?\d+\.\d\d$/.test(cell))).toBe(true);
    const negatives = cells.filter((cell) => cell.startsWith('-')).length / cells.length;
    expect(negatives).toBeGreaterThan(0.03);
    expect(negatives).toBeLessThan(0.1);
  });

  it('writes a survey file whose quoted comments hold commas, doubled quotes, line breaks and emoji', () => {
    const rows = 3000;
    const [header, ...data] = records(textOf({ shape: 'survey', rows, seed: 2 }));
    expect(header).toEqual(['response_id', 'submitted', 'region', 'channel', 'team', 'nps', 'csat', 'ces', 'comment']);
    expect(data).toHaveLength(rows);
    expect(data.every((r) => r.length === 9)).toBe(true);
    expect(data.every((r) => /^\d{4}-\d\d-\d\d$/.test(r[1]!))).toBe(true);
    const comments = data.map((r) => r[8]!);
    expect(comments.some((c) => c.includes('\n'))).toBe(true);
    expect(comments.some((c) => c.includes('"we\'ll call you back"'))).toBe(true);
    expect(comments.some((c) => c.includes(', '))).toBe(true);
    expect(comments.some((c) => c.includes('😀'))).toBe(true);
  });

  it('leaves about 1 % of each answer blank and keeps the rest on its scale', () => {
    const data = records(textOf({ shape: 'survey', rows: 20_000, seed: 3 })).slice(1);
    const scales: [column: number, min: number, max: number][] = [
      [5, 0, 10],
      [6, 1, 5],
      [7, 1, 7],
    ];
    for (const [column, min, max] of scales) {
      const cells = data.map((r) => r[column]!);
      const blank = cells.filter((c) => c === '').length / cells.length;
      expect(blank).toBeGreaterThan(0.005);
      expect(blank).toBeLessThan(0.015);
      const values = cells.filter((c) => c !== '').map(Number);
      expect(Math.min(...values)).toBe(min);
      expect(Math.max(...values)).toBe(max);
    }
  });

  it('draws the same sequence from the same seed, within [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        for (let i = 0; i < 20; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });
});
