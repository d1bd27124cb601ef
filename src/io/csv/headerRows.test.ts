// Tests for header-row detection on Qualtrics, SurveyMonkey and plain exports, and for unique column names.
import { describe, expect, it } from 'vitest';
import { detectHeaderRows, tableWidth, uniqueNames } from './headerRows';

// The first rows of a Qualtrics "CSV, use choice text" export, as PapaParse returns them.
const QUALTRICS: string[][] = [
  ['StartDate', 'EndDate', 'Status', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId', 'Q1', 'Q2_1', 'Q2_2', 'Q3'],
  [
    'Start Date',
    'End Date',
    'Response Type',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'Recorded Date',
    'Response ID',
    'How likely are you to recommend us to a friend or colleague?',
    'How satisfied were you with... - Speed',
    'How satisfied were you with... - Friendliness',
    'Anything else?\nTell us.',
  ],
  [
    '{"ImportId":"startDate","timeZone":"America/Denver"}',
    '{"ImportId":"endDate","timeZone":"America/Denver"}',
    '{"ImportId":"status"}',
    '{"ImportId":"progress"}',
    '{"ImportId":"duration"}',
    '{"ImportId":"finished"}',
    '{"ImportId":"recordedDate","timeZone":"America/Denver"}',
    '{"ImportId":"_recordId"}',
    '{"ImportId":"QID1"}',
    '{"ImportId":"QID2_1"}',
    '{"ImportId":"QID2_2"}',
    '{"ImportId":"QID3_TEXT"}',
  ],
  ['2024-01-31 10:00:00', '2024-01-31 10:04:12', 'IP Address', '100', '252', 'True', '2024-01-31 10:04:13', 'R_1', '9', 'Very satisfied', 'Satisfied', ''],
];

// A SurveyMonkey "expanded" export: metadata columns, a single-choice question, a multi-choice question spread
// over option columns (row 1 blank after the first), and an open-ended question.
const SURVEYMONKEY: string[][] = [
  [
    'Respondent ID',
    'Collector ID',
    'Start Date',
    'End Date',
    'How likely is it that you would recommend us to a friend?',
    'Which channels did you use?',
    '',
    '',
    '',
    'What could we do better?',
  ],
  ['', '', '', '', 'Response', 'Phone', 'Chat', 'E-mail', 'Other (please specify)', 'Open-Ended Response'],
  ['114000000001', '431000001', '01/31/2024 10:00:00 AM', '01/31/2024 10:03:00 AM', '9', 'Phone', '', 'E-mail', '', 'Faster replies'],
];

describe('detectHeaderRows', () => {
  it('finds three Qualtrics header rows, names columns by their ids and keeps the question text', () => {
    const layout = detectHeaderRows(QUALTRICS);
    expect(layout.source).toBe('qualtrics');
    expect(layout.headerRowCount).toBe(3);
    expect(layout.names).toEqual(QUALTRICS[0]);
    expect(layout.descriptions[8]).toBe('How likely are you to recommend us to a friend or colleague?');
    expect(layout.descriptions[9]).toBe('How satisfied were you with... - Speed');
    expect(layout.duplicates).toEqual([]);
    expect(layout.unnamed).toEqual([]);
  });

  it('finds two Qualtrics header rows when the ImportId row is missing', () => {
    const layout = detectHeaderRows([QUALTRICS[0] ?? [], QUALTRICS[1] ?? [], QUALTRICS[3] ?? []]);
    expect(layout.source).toBe('qualtrics');
    expect(layout.headerRowCount).toBe(2);
    expect(layout.names[7]).toBe('ResponseId');
  });

  it('finds two SurveyMonkey header rows and names option columns "Question – Option"', () => {
    const layout = detectHeaderRows(SURVEYMONKEY);
    expect(layout.source).toBe('surveymonkey');
    expect(layout.headerRowCount).toBe(2);
    expect(layout.names).toEqual([
      'Respondent ID',
      'Collector ID',
      'Start Date',
      'End Date',
      'How likely is it that you would recommend us to a friend?',
      'Which channels did you use? – Phone',
      'Which channels did you use? – Chat',
      'Which channels did you use? – E-mail',
      'Which channels did you use? – Other (please specify)',
      'What could we do better?',
    ]);
    expect(layout.descriptions).toEqual([
      '',
      '',
      '',
      '',
      'How likely is it that you would recommend us to a friend?',
      'Which channels did you use?',
      'Which channels did you use?',
      'Which channels did you use?',
      'Which channels did you use?',
      'What could we do better?',
    ]);
  });

  it('keeps "Response" in the name of a multi-column question that has a generic column', () => {
    const layout = detectHeaderRows([
      ['Respondent ID', 'Rate us', ''],
      ['', 'Response', 'Open-Ended Response'],
    ]);
    expect(layout.names).toEqual(['Respondent ID', 'Rate us – Response', 'Rate us – Open-Ended Response']);
  });

  it('reads an ordinary file as one header row, trimming names and a stray byte-order mark', () => {
    const layout = detectHeaderRows([
      ['\uFEFFmonth', ' revenue ', 'nps'],
      ['2020-01', '933755.38', '29.9'],
      ['2020-02', '944592.67', '32.8'],
    ]);
    expect(layout).toEqual({
      source: 'plain',
      headerRowCount: 1,
      names: ['month', 'revenue', 'nps'],
      descriptions: ['', '', ''],
      duplicates: [],
      unnamed: [],
    });
  });

  it('does not mistake a data cell that says "Response" for a SurveyMonkey header', () => {
    const layout = detectHeaderRows([
      ['ticket', 'type', 'minutes'],
      ['T-1', 'Response', '12'],
      ['T-2', 'Escalation', '40'],
    ]);
    expect(layout.source).toBe('plain');
    expect(layout.headerRowCount).toBe(1);
  });

  it('names blank headers "Column N" and data columns wider than the header too', () => {
    const layout = detectHeaderRows([
      ['id', '', 'score'],
      ['1', 'x', '9', 'extra'],
    ]);
    expect(layout.names).toEqual(['id', 'Column 2', 'score', 'Column 4']);
    expect(layout.unnamed).toEqual([1, 3]);
  });

  it('keeps the header\'s width when a single data row has a stray extra field', () => {
    const layout = detectHeaderRows([
      ['month', 'revenue', 'note'],
      ['2024-01', '1000', ''],
      ['2024-02', '1010', 'late', ' again'],
      ['2024-03', '1020', ''],
    ]);
    expect(layout.names).toEqual(['month', 'revenue', 'note']);
    expect(layout.unnamed).toEqual([]);
  });

  it('reports duplicate names with every position and still returns unique names', () => {
    const layout = detectHeaderRows([
      ['date', 'nps', 'csat', 'nps', 'nps'],
      ['2024-01-01', '40', '80', '41', '42'],
    ]);
    expect(layout.duplicates).toEqual([{ name: 'nps', columns: [1, 3, 4] }]);
    expect(layout.names).toEqual(['date', 'nps', 'csat', 'nps (2)', 'nps (3)']);
  });

  it('returns no columns for no rows', () => {
    expect(detectHeaderRows([])).toEqual({
      source: 'plain',
      headerRowCount: 0,
      names: [],
      descriptions: [],
      duplicates: [],
      unnamed: [],
    });
  });
});

describe('uniqueNames', () => {
  it('never gives a generated name that the file uses for another column', () => {
    const { names } = uniqueNames(['', 'Column 1', 'a', 'a', 'a (2)']);
    expect(names).toEqual(['Column 1 (2)', 'Column 1', 'a', 'a (3)', 'a (2)']);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('tableWidth', () => {
  it('is the widest header row when the data rows are no wider', () => {
    expect(tableWidth([['a', 'b', 'c'], ['1', '2'], ['1', '2', '3']], 1)).toBe(3);
  });

  it('is the commonest data row length when that is wider than the header', () => {
    expect(tableWidth([['a', 'b'], ['1', '2', '3'], ['4', '5', '6'], ['7', '8']], 1)).toBe(3);
  });

  it('ignores a lone wider data row', () => {
    expect(tableWidth([['a', 'b'], ['1', '2'], ['3', '4', '5', '6'], ['7', '8']], 1)).toBe(2);
  });

  it('takes the longer length when data row lengths tie, and the data alone when there is no header', () => {
    expect(tableWidth([['a'], ['1', '2'], ['1', '2', '3']], 1)).toBe(3);
    expect(tableWidth([['1', '2'], ['3', '4'], ['5']], 0)).toBe(2);
    expect(tableWidth([], 1)).toBe(0);
  });
});
