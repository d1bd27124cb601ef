// The preview shows what was detected in the head of a file and re-reads it the way the user overrides it.
import { describe, expect, it } from 'vitest';
import { PREVIEW_BYTES, PREVIEW_ROWS, previewFile } from './preview';
import { blobOf, csvText } from './testing';

describe('previewFile', () => {
  it('shows at most 20 rows but infers types from up to 1,000, reading only the head of a large file', async () => {
    const rows = [['n', 'label'], ...Array.from({ length: 200_000 }, (_, i) => [String(i), `label ${i % 3}`])];
    const text = csvText(rows);
    expect(text.length).toBeGreaterThan(2 * PREVIEW_BYTES);
    const preview = await previewFile(blobOf(text));
    expect(preview.rows).toHaveLength(PREVIEW_ROWS);
    expect(preview.rows[0]).toEqual(['0', 'label 0']);
    expect(preview.sampledRows).toBe(1000);
    expect(preview.fileSize).toBe(text.length);
    expect(preview.columns.map((c) => [c.name, c.type])).toEqual([
      ['n', 'number'],
      ['label', 'category'],
    ]);
  });

  it('reads further than 1 MB when the first records are longer than that', async () => {
    const text = `id,comment\n1,"${'long '.repeat(300_000)}"\n2,short\n`;
    const preview = await previewFile(blobOf(text));
    expect(preview.columns.map((c) => c.name)).toEqual(['id', 'comment']);
    expect(preview.rows.map((r) => r[0])).toEqual(['1', '2']);
    expect(preview.warnings).toEqual([]);
  });

  it('locates bad sample values by their row in the file and counts blanks', async () => {
    const rows = [
      ['id', 'score'],
      ...Array.from({ length: 30 }, (_, i) => [`r${i}`, i === 7 ? 'n/a' : i % 10 === 0 ? '' : String(i)]),
    ];
    const preview = await previewFile(blobOf(csvText(rows)));
    expect(preview.columns[1]).toMatchObject({ type: 'number', blanks: 3, bad: 1 });
    expect(preview.columns[1]!.badSamples).toEqual([{ row: 9, text: 'n/a' }]);
  });

  it('asks for the day/month order when the dates allow both, and takes the user’s answer', async () => {
    const rows = [['date', 'v'], ['01/02/2024', '1'], ['03/04/2024', '2'], ['05/06/2024', '3']];
    const preview = await previewFile(blobOf(csvText(rows)));
    expect(preview.columns[0]).toMatchObject({
      type: 'date',
      dateFormat: 'dmy',
      ambiguousDate: true,
      dateCandidates: ['dmy', 'mdy'],
    });
    expect(preview.warnings).toEqual([
      'Column “date”: the dates read both as day/month and as month/day; choose one.',
    ]);
    const answered = await previewFile(blobOf(csvText(rows)), { dateFormat: 'mdy' });
    expect(answered.columns[0]).toMatchObject({ dateFormat: 'mdy', ambiguousDate: false });
    expect(answered.warnings).toEqual([]);
  });

  it('applies overrides of delimiter, header rows, decimal separator and column types', async () => {
    const text = 'Survey;Wave 2\nscore;region\n3,5;North\n4,0;South\n';
    const detected = await previewFile(blobOf(text));
    expect(detected).toMatchObject({ delimiter: ';', decimal: ',', headerRowCount: 1 });

    const twoRows = await previewFile(blobOf(text), { headerRowCount: 2 });
    expect(twoRows.columns.map((c) => [c.name, c.description, c.type])).toEqual([
      ['Survey', 'score', 'number'],
      ['Wave 2', 'region', 'text'],
    ]);
    expect(twoRows.rows).toEqual([
      ['3,5', 'North'],
      ['4,0', 'South'],
    ]);

    const noHeader = await previewFile(blobOf(text), { headerRowCount: 0, columns: { 1: { type: 'category' } } });
    expect(noHeader.columns.map((c) => [c.name, c.type])).toEqual([
      ['Column 1', 'text'],
      ['Column 2', 'category'],
    ]);

    const dotDecimal = await previewFile(blobOf(text), { headerRowCount: 2, decimal: '.' });
    expect(dotDecimal.columns[0]).toMatchObject({ type: 'text' });
    const forced = await previewFile(blobOf(text), {
      headerRowCount: 2,
      decimal: '.',
      columns: { 0: { type: 'number' } },
    });
    expect(forced.columns[0]).toMatchObject({ type: 'number', bad: 2 });
    expect(forced.columns[0]!.badSamples).toEqual([
      { row: 3, text: '3,5' },
      { row: 4, text: '4,0' },
    ]);

    const commas = await previewFile(blobOf(text), { delimiter: ',' });
    expect(commas.delimiter).toBe(',');
    expect(commas.columns.map((c) => c.name)).toEqual(['Survey;Wave 2', 'Column 2']);
    expect(commas.rows[1]).toEqual(['3', '5;North']);
  });

  it('recognises a SurveyMonkey export and names option columns after their question', async () => {
    const rows = [
      ['Respondent ID', 'Which channels did you use?', '', 'How likely are you to recommend us?'],
      ['', 'Phone', 'Chat', 'Response'],
      ['101', 'Phone', '', '9'],
      ['102', '', 'Chat', '6'],
    ];
    const preview = await previewFile(blobOf(csvText(rows)));
    expect(preview).toMatchObject({ headerSource: 'surveymonkey', headerRowCount: 2 });
    expect(preview.columns.map((c) => c.name)).toEqual([
      'Respondent ID',
      'Which channels did you use? – Phone',
      'Which channels did you use? – Chat',
      'How likely are you to recommend us?',
    ]);
  });

  it('drops the empty column a trailing delimiter makes, but keeps an unnamed column that has values', async () => {
    const trailing = await previewFile(blobOf('a;b;\r\n1;2;\r\n3;4;\r\n'));
    expect(trailing.columns.map((c) => c.name)).toEqual(['a', 'b']);
    const unnamed = await previewFile(blobOf('a,b,\n1,2,x\n3,4,y\n'));
    expect(unnamed.columns.map((c) => c.name)).toEqual(['a', 'b', 'Column 3']);
  });

  it('warns about rows whose field count differs from the header', async () => {
    const preview = await previewFile(blobOf('a,b\n1,2\n3\n4,5\n'));
    expect(preview.warnings).toEqual(['1 of the first 3 rows have a different number of fields than the header.']);
  });

  it('counts a row with a stray delimiter among the first rows as the one ragged row, adding no column', async () => {
    const preview = await previewFile(blobOf('month,revenue,note\n2024-01,1000,\n2024-02,1010,late, again\n2024-03,1020,\n'));
    expect(preview.columns.map((c) => c.name)).toEqual(['month', 'revenue', 'note']);
    expect(preview.warnings).toEqual(['1 of the first 3 rows have a different number of fields than the header.']);
  });
});
