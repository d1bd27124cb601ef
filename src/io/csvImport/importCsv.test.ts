// Behaviour of the streaming import: real exports land in storage value for value, bad input gets precise reports,
// and nothing is ever half-stored (stop, cancel, fatal problems).
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { isBlank } from '../csv/numbers';
import type { ColumnType } from '../../storage/records';
import { importCsv, pieceEnd } from './importCsv';
import { previewFile } from './preview';
import {
  blobOf,
  csvText,
  fixtureBytes,
  labels,
  openTestStore,
  previewAndImport,
  stagingSink,
  type TestStore,
} from './testing';
import type { CancelFlag, ImportOptions, ImportProgress, ImportResult, ImportSink } from './types';

let store: TestStore;

beforeEach(async () => {
  store = await openTestStore();
});

afterEach(async () => {
  await store.db.delete();
});

function imported(result: ImportResult): Extract<ImportResult, { status: 'imported' }> {
  if (result.status !== 'imported') throw new Error(`Expected an import, got ${JSON.stringify(result)}`);
  return result;
}

function invalid(result: ImportResult): Extract<ImportResult, { status: 'invalid' }> {
  if (result.status !== 'invalid') throw new Error(`Expected an invalid file, got ${JSON.stringify(result)}`);
  return result;
}

async function storedNothing(): Promise<void> {
  expect(await store.db.datasets.count()).toBe(0);
  expect(await store.db.chunks.count()).toBe(0);
  expect(await store.db.settings.count()).toBe(0);
}

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

const dataset = (): ImportOptions['dataset'] => ({
  planId: store.planId,
  name: 'd',
  kind: 'survey',
  fileName: 'f.csv',
});

describe('the fixture files', () => {
  it('imports the 4,000 survey responses value for value, multi-line comments and blank answers included', async () => {
    const bytes = await fixtureBytes('survey_responses.csv');
    const reference = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data.slice(1);
    const { preview, result, columns } = await previewAndImport(store, bytes, { chunkRows: 1500 });

    expect(preview.columns.map((c) => [c.name, c.type])).toEqual([
      ['response_id', 'text'],
      ['submitted', 'date'],
      ['region', 'category'],
      ['channel', 'category'],
      ['likelihood_to_recommend', 'number'],
      ['csat', 'number'],
      ['effort', 'number'],
      ['comment', 'text'],
    ]);
    const { dataset } = imported(result);
    expect(dataset.rowCount).toBe(4000);
    expect(reference).toHaveLength(4000);
    // One 4 MiB block: the fingerprint is SHA-256 over that block's SHA-256.
    const block = createHash('sha256').update(bytes).digest();
    expect(dataset.contentHash).toBe(`sha256-4m:${createHash('sha256').update(block).digest('hex')}`);
    expect(await store.db.chunks.where('datasetId').equals(dataset.id).count()).toBe(8 * 3);

    const column = (k: number): string[] => reference.map((row) => row[k] ?? '');
    const asNumber = (text: string): number => (text === '' ? NaN : Number(text));
    expect(columns[0]).toEqual(column(0));
    expect(columns[1]).toEqual(Float64Array.from(column(1), day));
    expect(labels(columns[2]!, dataset.columns[2]!.dictionary)).toEqual(column(2));
    expect(labels(columns[3]!, dataset.columns[3]!.dictionary)).toEqual(column(3));
    for (const k of [4, 5, 6]) expect(columns[k]).toEqual(Float64Array.from(column(k), asNumber));
    expect(columns[7]).toEqual(column(7).map((text) => (text === '' ? null : text)));

    const likelihood = columns[4] as Float64Array;
    expect(likelihood.filter(Number.isNaN).length).toBe(column(4).filter((t) => t === '').length);
    expect((columns[7] as (string | null)[]).some((text) => text?.includes('\n'))).toBe(true);
  });

  it('imports the monthly KPIs with months as dates and empty cells as missing', async () => {
    const bytes = await fixtureBytes('monthly_kpis.csv');
    const { preview, result, columns } = await previewAndImport(store, bytes);
    expect(preview.columns[0]).toMatchObject({ name: 'month', type: 'date', dateFormat: 'iso-month' });
    const { dataset } = imported(result);
    expect(dataset.rowCount).toBe(60);
    const months = columns[0] as Float64Array;
    expect(months[0]).toBe(Date.UTC(2020, 0, 1));
    expect(months[59]).toBe(Date.UTC(2024, 11, 1));
    expect((columns[1] as Float64Array)[0]).toBe(933755.38);
    const blanks = dataset.columns.map((_, k) => Array.from(columns[k] as Float64Array).filter(Number.isNaN).length);
    const text = new TextDecoder().decode(bytes);
    const cells = Papa.parse<string[]>(text, { skipEmptyLines: true }).data.slice(1).flat();
    const emptyCells = cells.filter((c) => c === '');
    expect(blanks.reduce((a, b) => a + b, 0)).toBe(emptyCells.length);
    expect(emptyCells.length).toBeGreaterThan(0);
  });
});

describe('files as they come', () => {
  it('reads a European Excel export: BOM, semicolons, decimal commas, CRLF and 31.01.2024 dates', async () => {
    const regions = ['Nord', 'Süd', 'Ost', 'West'];
    const rows = [['Datum', 'Region', 'Umsatz', 'NPS', 'Kommentar']];
    for (let i = 0; i < 24; i++) {
      rows.push([
        `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.2024`,
        regions[i % 4]!,
        `${1 + i}.234,5${i % 10}`,
        i % 5 === 0 ? '' : String(i * 3 - 20),
        i === 3 ? 'Gut; schnell\r\nund "freundlich"' : '',
      ]);
    }
    const bytes = new TextEncoder().encode(`\uFEFF${csvText(rows, ';')}`);
    const { preview, result, columns } = await previewAndImport(store, bytes, { sliceBytes: 7 });

    expect(preview).toMatchObject({ encoding: 'utf-8', delimiter: ';', decimal: ',', lineEnding: '\r\n' });
    expect(preview.headerRowCount).toBe(1);
    expect(preview.columns.map((c) => c.type)).toEqual(['date', 'category', 'number', 'number', 'text']);
    expect(preview.columns[0]!.dateFormat).toBe('dmy');
    const { dataset } = imported(result);
    expect(dataset.columns[0]!.name).toBe('Datum');
    expect(dataset.rowCount).toBe(24);
    expect((columns[0] as Float64Array)[0]).toBe(Date.UTC(2024, 0, 1));
    expect((columns[0] as Float64Array)[23]).toBe(Date.UTC(2024, 11, 24));
    expect(Array.from(columns[2] as Float64Array).slice(0, 3)).toEqual([1234.5, 2234.51, 3234.52]);
    expect(Array.from(columns[3] as Float64Array).slice(0, 3)).toEqual([NaN, -17, -14]);
    expect(labels(columns[1]!, dataset.columns[1]!.dictionary).slice(0, 4)).toEqual(regions);
    expect((columns[4] as (string | null)[])[3]).toBe('Gut; schnell\r\nund "freundlich"');
    expect((columns[4] as (string | null)[])[0]).toBeNull();
  });

  it('reads UTF-16LE with a BOM, even when slices split its two-byte units', async () => {
    const text = '\uFEFFname,score\r\nZoë,9\r\n"Łódź, PL",10\r\n😀 emoji,\r\n';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    const { preview, result, columns } = await previewAndImport(store, bytes, {
      sliceBytes: 7,
      overrides: { columns: { 0: { type: 'text' } } },
    });
    expect(preview.encoding).toBe('utf-16le');
    expect(imported(result).dataset.rowCount).toBe(3);
    expect(columns[0]).toEqual(['Zoë', 'Łódź, PL', '😀 emoji']);
    expect(columns[1]).toEqual(Float64Array.of(9, 10, NaN));
  });

  it('reads a Windows-1252 file with € and accented letters', async () => {
    const cp1252: Record<string, number> = { '€': 0x80, 'é': 0xe9, 'ü': 0xfc };
    const text = 'product,price\r\nCafé crème,"3,50 €"\r\nMüsli,2 €\r\n';
    const bytes = Uint8Array.from(text, (ch) => cp1252[ch] ?? ch.charCodeAt(0));
    const { preview, result, columns } = await previewAndImport(store, bytes, {
      overrides: { columns: { 0: { type: 'text' }, 1: { type: 'text' } } },
    });
    expect(preview.encoding).toBe('windows-1252');
    imported(result);
    expect(columns[0]).toEqual(['Café crème', 'Müsli']);
    expect(columns[1]).toEqual(['3,50 €', '2 €']);
  });

  it('reads a Qualtrics export with three header rows, keeps question text and counts rows from the top', async () => {
    const rows = [
      ['StartDate', 'EndDate', 'Status', 'ResponseId', 'Q1', 'Q2', 'Q3_TEXT'],
      [
        'Start Date',
        'End Date',
        'Response Type',
        'Response ID',
        'How likely are you to recommend us?',
        'How satisfied were you?',
        'Anything else?',
      ],
      [
        '{"ImportId":"startDate","timeZone":"America/Denver"}',
        '{"ImportId":"endDate","timeZone":"America/Denver"}',
        '{"ImportId":"status"}',
        '{"ImportId":"_recordId"}',
        '{"ImportId":"QID1"}',
        '{"ImportId":"QID2"}',
        '{"ImportId":"QID3_TEXT"}',
      ],
    ];
    for (let i = 0; i < 12; i++) {
      rows.push([
        `2024-01-${String(i + 10)} 10:00:00`,
        `2024-01-${String(i + 10)} 10:04:00`,
        'IP Address',
        `R_${i}`,
        i === 4 ? 'ten' : String(i % 11),
        String((i % 5) + 1),
        i % 3 === 0 ? `Line one\nline "two", ${i}` : '',
      ]);
    }
    const { preview, result } = await previewAndImport(store, csvText(rows), {
      overrides: { columns: { 3: { type: 'text' }, 4: { type: 'number' } } },
    });
    expect(preview).toMatchObject({ headerSource: 'qualtrics', headerRowCount: 3 });
    expect(preview.columns.map((c) => c.name)).toEqual(rows[0]);
    expect(preview.columns[4]!.description).toBe('How likely are you to recommend us?');
    expect(preview.columns[4]!.badSamples).toEqual([{ row: 8, text: 'ten' }]);
    expect(invalid(result).issues).toEqual([
      { kind: 'not-a-number', row: 8, column: 'Q1', found: 'ten', expected: 'a number such as 1234.5, or a blank' },
    ]);

    const skipped = await previewAndImport(store, csvText(rows), {
      onBadRow: 'skip',
      overrides: { columns: { 3: { type: 'text' }, 4: { type: 'number' } } },
    });
    const done = imported(skipped.result);
    expect(done.dataset.rowCount).toBe(11);
    expect(done.skippedRows).toBe(1);
    expect(skipped.columns[3]).toEqual(['R_0', 'R_1', 'R_2', 'R_3', 'R_5', 'R_6', 'R_7', 'R_8', 'R_9', 'R_10', 'R_11']);
    expect((skipped.columns[0] as Float64Array)[0]).toBe(Date.UTC(2024, 0, 10, 10));
  });

  it('gives the same columns read in 7-byte slices, parsed 5 characters at a time, or whole', async () => {
    const rows = [['id', 'comment', 'score']];
    for (let i = 0; i < 40; i++) {
      const comments = ['naïve “quote” 😀', 'a,b', 'say ""hi""\r\nbye', '€ 10', ''];
      rows.push([`r${i}`, comments[i % 5]!, String(i / 4)]);
    }
    const text = csvText(rows);
    const overrides = { columns: { 0: { type: 'text' as const }, 1: { type: 'text' as const } } };
    const small = await previewAndImport(store, text, { sliceBytes: 7, chunkRows: 3, overrides });
    const pieces = await previewAndImport(store, text, { pieceChars: 5, chunkRows: 4, overrides });
    expect(pieces.columns).toEqual(small.columns);
    const whole = await previewAndImport(store, text, { overrides });
    expect(imported(small.result).dataset.rowCount).toBe(40);
    expect(small.columns).toEqual(whole.columns);
    expect((small.columns[1] as string[])[2]).toBe('say ""hi""\r\nbye');
    expect((small.columns[2] as Float64Array)[39]).toBe(9.75);
    expect(imported(small.result).dataset.contentHash).toBe(imported(whole.result).dataset.contentHash);
  });

  it('splits records in a file mixing CRLF and LF, also when a slice ends between \\r and \\n', async () => {
    for (const [sliceBytes, pieceChars] of [[1, 1], [2, 3], [3, 1], [4, 2], [5, 4], [1000, 1000]] as const) {
      const { result, columns } = await previewAndImport(store, 'a,b\r\n1,x\r\n2,y\n3,z\r\n4,w', {
        sliceBytes,
        pieceChars,
        overrides: { columns: { 1: { type: 'text' } } },
      });
      expect(imported(result).dataset.rowCount).toBe(4);
      expect(columns).toEqual([Float64Array.of(1, 2, 3, 4), ['x', 'y', 'z', 'w']]);
    }
  });

  it("skips Excel's sep=; line and blank lines, and accepts trailing empty fields", async () => {
    const { preview, result, columns } = await previewAndImport(store, 'sep=;\r\na;b\r\n1;2;\r\n\r\n3;4\r\n', {});
    expect(preview).toMatchObject({ delimiter: ';', skipRows: 1, headerRowCount: 1 });
    expect(imported(result).dataset.rowCount).toBe(2);
    expect(columns).toEqual([Float64Array.of(1, 3), Float64Array.of(2, 4)]);
  });

  it('imports duplicate column names under unique names and reports them', async () => {
    const { preview, result } = await previewAndImport(store, 'nps,nps,region\n1,2,N\n3,4,S\n', {});
    expect(preview.issues).toEqual([
      {
        kind: 'duplicate-column',
        row: 1,
        column: 'nps',
        found: '“nps” in columns 1, 2',
        expected: 'unique column names (the later ones are imported as “nps (2)”)',
      },
    ]);
    expect(imported(result).dataset.columns.map((c) => c.name)).toEqual(['nps', 'nps (2)', 'region']);
  });
});

describe('bad rows', () => {
  const rows = [['id', 'score', 'when']];
  for (let i = 1; i <= 10; i++) rows.push([String(i), String(i), `2024-01-${String(i).padStart(2, '0')}`]);
  rows.splice(4, 0, ['x', 'abc', '2024-01-15']); // row 5: text in a number column
  rows.splice(6, 0, ['y', '7']); // row 7: too few fields
  rows.splice(8, 0, ['z', '8', '2024-02-30']); // row 9: not a calendar date
  const file = csvText(rows);
  const overrides = { columns: { 0: { type: 'text' as const }, 1: { type: 'number' as const } } };
  const expectedIssues = [
    { kind: 'not-a-number', row: 5, column: 'score', found: 'abc', expected: 'a number such as 1234.5, or a blank' },
    { kind: 'ragged-row', row: 7, column: null, found: '2 fields: y,7', expected: '3 fields, as in the header' },
    {
      kind: 'invalid-date',
      row: 9,
      column: 'when',
      found: '2024-02-30',
      expected: 'a date in the iso format, or a blank',
    },
  ];

  it("with 'stop' fails with every problem located and stores nothing, not even chunks staged earlier", async () => {
    const writes: number[] = [];
    const sink = stagingSink(store.db);
    const spy: ImportSink = { ...sink, stage: (chunks) => (writes.push(chunks.length), sink.stage(chunks)) };
    const preview = await previewFile(blobOf(file), overrides);
    const result = await importCsv(
      blobOf(file),
      { format: preview, dataset: dataset(), onBadRow: 'stop', chunkRows: 1, sliceBytes: 16 },
      spy,
    );
    expect(invalid(result)).toEqual({
      status: 'invalid',
      issues: expectedIssues,
      issueCount: 3,
      badRows: 3,
      rowsRead: 13,
    });
    expect(writes.length).toBeGreaterThan(0);
    await storedNothing();
  });

  it("with 'skip' leaves the bad rows out, counts them and keeps the good ones", async () => {
    const { result, columns } = await previewAndImport(store, file, { onBadRow: 'skip', overrides, chunkRows: 4 });
    const done = imported(result);
    expect(done).toMatchObject({ skippedRows: 3, issueCount: 3, issues: expectedIssues });
    expect(done.dataset.rowCount).toBe(10);
    expect(columns[0]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(columns[1]).toEqual(Float64Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('describes the first 100 problems and counts the rest', async () => {
    const many = [['n', 'm'], ...Array.from({ length: 150 }, (_, i) => [`bad${i}`, '1']), ['1', '2']];
    const { result } = await previewAndImport(store, csvText(many), {
      onBadRow: 'skip',
      overrides: { columns: { 0: { type: 'number' } } },
    });
    const done = imported(result);
    expect(done.issues).toHaveLength(100);
    expect(done).toMatchObject({ issueCount: 150, skippedRows: 150 });
    expect(done.issues[99]).toMatchObject({ row: 101, found: 'bad99' });
  });

  it('fails when every row is bad, even when skipping', async () => {
    const { result } = await previewAndImport(store, 'n,m\nx,1\ny,2\n', {
      onBadRow: 'skip',
      overrides: { columns: { 0: { type: 'number' } } },
    });
    expect(invalid(result)).toMatchObject({ badRows: 2, rowsRead: 2 });
    await storedNothing();
  });
});

describe('files that cannot be imported', () => {
  it('reports an empty file', async () => {
    const { preview, result } = await previewAndImport(store, '', {});
    expect(preview.fatal).toBe(true);
    expect(invalid(result).issues[0]).toMatchObject({ kind: 'empty-file', row: 0 });
    await storedNothing();
  });

  it('reports a binary file, naming a spreadsheet container', async () => {
    const zip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0, 0x08, 0, 0, 0, 0x21, 0);
    const { preview, result } = await previewAndImport(store, zip, {});
    expect(preview.issues[0]).toMatchObject({ kind: 'binary-file', found: 'a ZIP file' });
    expect(invalid(result).issues[0]).toMatchObject({ kind: 'binary-file', found: 'a ZIP file' });
    await storedNothing();
  });

  it('reports a file with a header and no data', async () => {
    const { preview, result } = await previewAndImport(store, 'a,b,c\r\n\r\n', {});
    expect(preview.issues[0]).toMatchObject({ kind: 'header-only' });
    expect(invalid(result).issues[0]).toMatchObject({ kind: 'header-only' });
    await storedNothing();
  });

  it('reports a quote that is never closed, with its row and column', async () => {
    const { preview, result } = await previewAndImport(store, 'a,b\n1,x\n2,"never closed\n3,y\n', {
      overrides: { columns: { 1: { type: 'text' } } },
      chunkRows: 1,
    });
    expect(preview.warnings).toContain('A quoted field is never closed: the file ends inside quotes.');
    expect(invalid(result).issues).toEqual([
      {
        kind: 'unterminated-quote',
        row: 3,
        column: 'b',
        found: '"never closed↵3,y↵',
        expected: 'a closing quote (") before the end of the file',
      },
    ]);
    await storedNothing();
  });

  it('stops at a field larger than the limit instead of holding it in memory', async () => {
    const text = `a,b\n1,x\n2,"${'y'.repeat(5000)}"\n3,z\n`;
    const { result } = await previewAndImport(store, text, {
      maxRecordChars: 1000,
      sliceBytes: 256,
      overrides: { columns: { 1: { type: 'text' } } },
    });
    const [problem] = invalid(result).issues;
    expect(problem).toMatchObject({ kind: 'field-too-large', row: 3, column: 'b', found: `${'y'.repeat(60)}…` });
    expect(problem!.expected).toBe(
      'a field under 1 KB (a quote that is never closed makes the rest of the file one field)',
    );
    await storedNothing();
  });
});

describe('progress and cancel', () => {
  const rows = [['n', 'label'], ...Array.from({ length: 400 }, (_, i) => [String(i), `row ${i}`])];
  const text = csvText(rows);

  it('reports progress at least once per slice, ending with every byte read', async () => {
    const reports: ImportProgress[] = [];
    const { result } = await previewAndImport(store, text, {
      sliceBytes: 512,
      hooks: { onProgress: (p) => reports.push(p) },
    });
    imported(result);
    const slices = Math.ceil(text.length / 512);
    expect(reports.length).toBeGreaterThanOrEqual(slices);
    expect(reports.at(-1)).toMatchObject({ bytesRead: text.length, totalBytes: text.length, rows: 400 });
    expect(reports.every((p, i) => i === 0 || p.bytesRead >= reports[i - 1]!.bytesRead)).toBe(true);
  });

  it('reports at the start, then estimates throughput and time left from the clock', async () => {
    let now = 0;
    const reports: { progress: ImportProgress; at: number }[] = [];
    await previewAndImport(store, text, {
      sliceBytes: 1000,
      hooks: { now: () => (now += 100), onProgress: (progress) => reports.push({ progress, at: now }) },
    });
    // The import reads the clock first when it starts (100 ms) and reports straight away, before any byte is read.
    expect(reports[0]!.progress).toMatchObject({ bytesRead: 0, rows: 0, secondsLeft: null });
    const later = reports.slice(1);
    expect(later.length).toBeGreaterThan(1);
    for (const { progress, at } of later) {
      const seconds = (at - 100) / 1000;
      expect(progress.mbPerSecond).toBeCloseTo(progress.bytesRead / seconds / 1e6, 10);
      if (seconds >= 0.2) {
        expect(progress.secondsLeft).toBeCloseTo((text.length - progress.bytesRead) / (progress.bytesRead / seconds), 6);
      } else {
        expect(progress.secondsLeft).toBeNull();
      }
    }
  });

  it('stops when cancelled midway and leaves no chunk behind', async () => {
    const flag: { aborted: boolean } & CancelFlag = { aborted: false };
    const writes: number[] = [];
    const sink = stagingSink(store.db);
    const spy: ImportSink = { ...sink, stage: (chunks) => (writes.push(chunks.length), sink.stage(chunks)) };
    const preview = await previewFile(blobOf(text));
    const result = await importCsv(
      blobOf(text),
      { format: preview, dataset: dataset(), onBadRow: 'stop', chunkRows: 10, sliceBytes: 256 },
      spy,
      {
        signal: flag,
        onProgress: (p) => {
          if (p.rows > 200) flag.aborted = true;
        },
      },
    );
    expect(result).toEqual({ status: 'cancelled' });
    expect(writes.length).toBeGreaterThan(5);
    await storedNothing();
  });

  it('discards the staging and rethrows when storage fails', async () => {
    const sink = stagingSink(store.db);
    let discarded = 0;
    const failing: ImportSink = {
      stage: () => Promise.reject(new Error('disk full')),
      commit: sink.commit,
      discard: () => (discarded++, sink.discard()),
    };
    const preview = await previewFile(blobOf(text));
    await expect(
      importCsv(
        blobOf(text),
        { format: preview, dataset: dataset(), onBadRow: 'stop', chunkRows: 10, sliceBytes: 256 },
        failing,
      ),
    ).rejects.toThrow('disk full');
    expect(discarded).toBe(1);
    await storedNothing();
  });
});

describe('pieces', () => {
  it('end just after the first line break at or beyond the piece size, or with the text', () => {
    const text = 'ab\ncd\nefgh\n"q\nr"\n';
    expect(pieceEnd(text, 0, 2, '\n')).toBe(3);
    expect(pieceEnd(text, 0, 3, '\n')).toBe(3);
    expect(pieceEnd(text, 0, 4, '\n')).toBe(6);
    expect(pieceEnd(text, 6, 1, '\n')).toBe(11);
    // A line break inside quotes ends a piece too: the splitter carries the unfinished record over.
    expect(pieceEnd(text, 11, 1, '\n')).toBe(14);
    expect(pieceEnd(text, 11, 100, '\n')).toBe(text.length);
    expect(pieceEnd('no break here', 0, 3, '\n')).toBe(13);
    expect(pieceEnd('a\rb\rc', 0, 2, '\r')).toBe(2);
    expect(pieceEnd('a\rb\rc', 0, 3, '\r')).toBe(4);
  });
});

describe('round trip', () => {
  type Cell = { text: string; value: number | string | null };
  const numberCell: fc.Arbitrary<Cell> = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => ({ text: String(n), value: Number(String(n)) })),
    fc.constant({ text: '', value: null }),
  );
  const textCell: fc.Arbitrary<Cell> = fc
    .string({ unit: fc.constantFrom('a', 'Z', ' ', '"', ',', ';', '\n', '\r\n', 'é', '😀', '<b>'), maxLength: 8 })
    .map((text) => ({ text, value: isBlank(text) ? null : text }));
  const categoryCell: fc.Arbitrary<Cell> = fc
    .constantFrom('North', 'South', 'East, West', '')
    .map((text) => ({ text, value: text === '' ? null : text }));
  const dateCell: fc.Arbitrary<Cell> = fc.oneof(
    fc.integer({ min: -25_000, max: 60_000 }).map((days) => {
      const ms = days * 86_400_000;
      return { text: new Date(ms).toISOString().slice(0, 10), value: ms };
    }),
    fc.constant({ text: '', value: null }),
  );
  const cells: Record<ColumnType, fc.Arbitrary<Cell>> = {
    number: numberCell,
    text: textCell,
    category: categoryCell,
    date: dateCell,
  };

  it('gives back every value of a random table in any slicing: numbers exactly, text with quotes, line breaks', async () => {
    const tableArb = fc
      .record({
        types: fc.array(fc.constantFrom<ColumnType>('number', 'text', 'category', 'date'), {
          minLength: 2,
          maxLength: 4,
        }),
        rows: fc.integer({ min: 1, max: 25 }),
        sliceBytes: fc.integer({ min: 1, max: 64 }),
        pieceChars: fc.integer({ min: 1, max: 48 }),
        chunkRows: fc.integer({ min: 1, max: 7 }),
      })
      .chain(({ types, rows, sliceBytes, pieceChars, chunkRows }) =>
        fc.record({
          types: fc.constant(types),
          sliceBytes: fc.constant(sliceBytes),
          pieceChars: fc.constant(pieceChars),
          chunkRows: fc.constant(chunkRows),
          table: fc.array(fc.tuple(...types.map((t) => cells[t])), { minLength: rows, maxLength: rows }),
        }),
      );

    await fc.assert(
      fc.asyncProperty(tableArb, async ({ types, sliceBytes, pieceChars, chunkRows, table }) => {
        const header = types.map((t, k) => `${t}${k}`);
        const text = csvText([header, ...table.map((row) => row.map((cell) => cell.text))]);
        const columns = Object.fromEntries(
          types.map((type, k) => [k, { type, ...(type === 'date' ? { dateFormat: 'iso' as const } : {}) }]),
        );
        const { result, columns: stored } = await previewAndImport(store, text, {
          sliceBytes,
          pieceChars,
          chunkRows,
          overrides: { delimiter: ',', decimal: '.', headerRowCount: 1, columns },
        });
        const { dataset } = imported(result);
        expect(dataset.rowCount).toBe(table.length);
        types.forEach((type, k) => {
          const expected = table.map((row) => row[k]!.value);
          if (type === 'number' || type === 'date') {
            expect(stored[k]).toEqual(Float64Array.from(expected, (v) => (v === null ? NaN : (v as number))));
          } else if (type === 'category') {
            expect(labels(stored[k]!, dataset.columns[k]!.dictionary)).toEqual(expected);
          } else {
            expect(stored[k]).toEqual(expected);
          }
        });
      }),
      { numRuns: 60 },
    );
  });
});
