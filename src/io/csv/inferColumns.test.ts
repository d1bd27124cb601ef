// Tests for column type inference and profiling on the fixtures and on European and messy samples.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { detectHeaderRows } from './headerRows';
import { inferColumns, inferColumnType, profileColumn } from './inferColumns';
import { detectDecimalSeparator } from './numbers';

function fixtureRows(name: string): string[][] {
  const text = readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url), 'utf8');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

describe('inferColumns on the survey fixture', () => {
  const rows = fixtureRows('survey_responses.csv');
  const layout = detectHeaderRows(rows.slice(0, 10));
  const sample = rows.slice(layout.headerRowCount, layout.headerRowCount + 1000);
  const profiles = inferColumns(layout.names, sample, '.');
  const byName = new Map(profiles.map((p) => [p.name, p]));

  it('proposes a type for each column', () => {
    expect(profiles.map((p) => [p.name, p.type])).toEqual([
      ['response_id', 'text'],
      ['submitted', 'date'],
      ['region', 'category'],
      ['channel', 'category'],
      ['likelihood_to_recommend', 'number'],
      ['csat', 'number'],
      ['effort', 'number'],
      ['comment', 'text'],
    ]);
    expect(byName.get('submitted')?.dateFormat).toBe('iso');
  });

  it('counts blanks and keeps the 0–10 recommend item a plain number with its range', () => {
    const recommend = byName.get('likelihood_to_recommend');
    expect(recommend?.blanks).toBe(11);
    expect(recommend?.bad).toBe(0);
    expect(recommend?.numeric).toEqual({ min: 1, max: 10, integers: true });
    expect(recommend?.distinct).toBe(10);
  });

  it('lists the categories by frequency', () => {
    expect(byName.get('region')?.topValues).toEqual([
      { value: 'South', count: 262 },
      { value: 'East', count: 254 },
      { value: 'North', count: 252 },
      { value: 'West', count: 232 },
    ]);
  });
});

describe('inferColumns on the monthly KPI fixture', () => {
  it('reads the month column as ISO months and the KPIs as numbers, counting the empty cells', () => {
    const rows = fixtureRows('monthly_kpis.csv');
    const [header = [], ...data] = rows;
    const profiles = inferColumns(header, data, '.');
    expect(profiles[0]).toMatchObject({ name: 'month', type: 'date', dateFormat: 'iso-month', bad: 0, rows: 60 });
    expect(profiles.slice(1).every((p) => p.type === 'number' && p.bad === 0)).toBe(true);
    const blanks = profiles.reduce((sum, p) => sum + p.blanks, 0);
    const expectedBlanks = data.reduce((sum, row) => sum + row.filter((cell) => cell === '').length, 0);
    expect(blanks).toBe(expectedBlanks);
    expect(blanks).toBeGreaterThan(0);
  });
});

describe('inferColumns on a European Excel export', () => {
  const rows = [
    ['Datum', 'Umsatz', 'NPS', 'Anteil', 'Region'],
    ['31.01.2024', '933.755,38', '29,9', '45 %', 'Nord'],
    ['29.02.2024', '944.592,67', '32,8', '47,5 %', 'Süd'],
    ['31.03.2024', '909.842,00', '', '44 %', 'Nord'],
    ['30.04.2024', '943.697,13', '32,8', '46 %', 'Süd'],
  ];

  it('detects the decimal comma and reads dates day-first, amounts and percentages as numbers', () => {
    const [header = [], ...data] = rows;
    const decimal = detectDecimalSeparator(data.flat());
    expect(decimal).toBe(',');
    const profiles = inferColumns(header, data, decimal);
    expect(profiles.map((p) => p.type)).toEqual(['date', 'number', 'number', 'number', 'category']);
    expect(profiles[0]?.dateFormat).toBe('dmy');
    expect(profiles[0]?.dateAmbiguous).toBe(false);
    expect(profiles[1]?.numeric).toEqual({ min: 909842, max: 944592.67, integers: false });
    expect(profiles[2]?.blanks).toBe(1);
    expect(profiles[3]?.numeric).toEqual({ min: 44, max: 47.5, integers: false });
  });
});

describe('inferColumnType', () => {
  it('keeps a number column with a few bad cells a number and reports them with their rows', () => {
    const values = ['12', '15', 'n/a', '11', '12abc', '', '9', '10', '14', '13', '12', '16'];
    expect(inferColumnType('aht_minutes', values, '.').type).toBe('number');
    const profile = profileColumn(0, 'aht_minutes', values, { type: 'number', decimal: '.' });
    expect(profile.bad).toBe(2);
    expect(profile.blanks).toBe(1);
    expect(profile.badExamples).toEqual([
      { row: 2, text: 'n/a' },
      { row: 4, text: '12abc' },
    ]);
  });

  it('tells few repeated labels (category) from identifiers and prose (text)', () => {
    const channels = Array.from({ length: 20 }, (_, i) => ['Phone', 'Chat', 'Email', 'Store'][i % 4] ?? '');
    expect(inferColumnType('channel', channels, '.').type).toBe('category');
    const ids = Array.from({ length: 20 }, (_, i) => `R_${i}`);
    expect(inferColumnType('id', ids, '.').type).toBe('text');
    const multiline = ['yes\nand more', 'yes\nand more', 'no', 'no'];
    expect(inferColumnType('answer', multiline, '.').type).toBe('text');
  });

  it('keeps a repetitive comment column as text because of its name', () => {
    const comments = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 'Great service' : ''));
    expect(inferColumnType('Comments', comments, '.').type).toBe('text');
    expect(inferColumnType('What could we do better? – Open-Ended Response', comments, '.').type).toBe('text');
    expect(inferColumnType('Feedback', comments, '.').type).toBe('text');
  });

  it('reads a dotted month column as dates but exchange rates as numbers', () => {
    expect(inferColumnType('Monat', ['01.2024', '02.2024', '03.2024'], '.')).toEqual({ type: 'date', dateFormat: 'month-year' });
    expect(inferColumnType('eur_usd', ['1.0850', '1.0921', '1.1012'], '.')).toEqual({ type: 'number', dateFormat: null });
  });

  it('does not read "2024" years or 0–10 scores as dates', () => {
    expect(inferColumnType('year', ['2023', '2024'], '.').type).toBe('number');
    expect(inferColumnType('score', ['0', '10', '7', '9'], '.').type).toBe('number');
  });

  it('calls an empty column text', () => {
    expect(inferColumnType('spare', ['', ' ', ''], '.')).toEqual({ type: 'text', dateFormat: null });
    const profile = profileColumn(3, 'spare', ['', ' ', ''], { type: 'text', decimal: '.' });
    expect(profile).toMatchObject({ blanks: 3, distinct: 0, topValues: [], numeric: null });
  });
});

describe('profileColumn', () => {
  it('flags an ambiguous day/month order until the user picks one', () => {
    const values = ['01/02/2024', '03/04/2024', '05/06/2024'];
    const inferred = profileColumn(0, 'date', values, { type: 'date', decimal: '.' });
    expect(inferred).toMatchObject({ dateFormat: 'dmy', dateAmbiguous: true, dateCandidates: ['dmy', 'mdy'], bad: 0 });
    const chosen = profileColumn(0, 'date', values, { type: 'date', decimal: '.', dateFormat: 'mdy' });
    expect(chosen).toMatchObject({ dateFormat: 'mdy', dateAmbiguous: false, bad: 0 });
  });

  it('reports cells that a user-chosen type cannot read', () => {
    const profile = profileColumn(1, 'region', ['North', '5', 'South', ''], { type: 'number', decimal: '.' });
    expect(profile).toMatchObject({ type: 'number', bad: 2, blanks: 1, numeric: { min: 5, max: 5, integers: true } });
    expect(profile.badExamples).toEqual([
      { row: 0, text: 'North' },
      { row: 2, text: 'South' },
    ]);
  });

  it('reports invalid calendar dates as bad values of a date column', () => {
    const profile = profileColumn(0, 'day', ['2023-02-28', '2023-02-29', '2023-03-01'], { type: 'date', decimal: '.' });
    expect(profile).toMatchObject({ dateFormat: 'iso', bad: 1, badExamples: [{ row: 1, text: '2023-02-29' }] });
  });

  it('keeps at most five bad examples but counts them all', () => {
    const values = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? `x${i}` : String(i)));
    const profile = profileColumn(0, 'n', values, { type: 'number', decimal: '.' });
    expect(profile.bad).toBe(10);
    expect(profile.badExamples.map((b) => b.row)).toEqual([0, 3, 6, 9, 12]);
  });
});
