// Tests for delimiter and line-ending sniffing on realistic export shapes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectLineEnding, fieldCounts } from './detect';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../shared/fixtures/${name}`, import.meta.url), 'utf8');

const EUROPEAN_EXCEL = [
  'Monat;Umsatz;NPS;Kommentar',
  '31.01.2024;933.755,38;29,9;"gut, schnell"',
  '29.02.2024;944.592,67;32,8;',
  '31.03.2024;909.842,00;35,4;"Zeile eins',
  'Zeile zwei; mit Semikolon"',
  '30.04.2024;943.697,13;32,8;ok',
  '',
].join('\r\n');

describe('fieldCounts', () => {
  it('keeps delimiters and line breaks inside quoted fields, with "" as an escaped quote', () => {
    const text = 'a,b,c\n1,"x, ""quoted"", y",3\n2,"line\nbreak",4\n';
    expect(fieldCounts(text, ',')).toEqual([3, 3, 3]);
  });

  it('skips blank lines and drops a last record the sample cut off', () => {
    expect(fieldCounts('a,b\n\n1,2\n3,', ',')).toEqual([2, 2]);
    expect(fieldCounts('a,b\n\n1,2\n3,4', ',', 50, true)).toEqual([2, 2, 2]);
  });

  it('keeps a lone unterminated record so a one-line sample still has a shape', () => {
    expect(fieldCounts('a;b;c', ';')).toEqual([3]);
  });
});

describe('detectDelimiter', () => {
  it('finds the semicolon of a European Excel export despite decimal commas and quoted line breaks', () => {
    expect(detectDelimiter(EUROPEAN_EXCEL)).toEqual({ delimiter: ';', fields: 4, consistency: 1, sepDirective: false });
  });

  it('finds the comma of the survey fixture, whose comments hold commas, semicolons, tabs and line breaks', () => {
    const guess = detectDelimiter(fixture('survey_responses.csv').slice(0, 64 * 1024));
    expect(guess).toEqual({ delimiter: ',', fields: 8, consistency: 1, sepDirective: false });
  });

  it('finds the comma of the monthly KPI fixture', () => {
    expect(detectDelimiter(fixture('monthly_kpis.csv')).delimiter).toBe(',');
    expect(detectDelimiter(fixture('monthly_kpis.csv')).fields).toBe(9);
  });

  it('finds tabs and pipes', () => {
    expect(detectDelimiter('id\tregion\tscore\n1\tNorth, East\t9\n2\tWest\t7\n').delimiter).toBe('\t');
    expect(detectDelimiter('id|region|score\n1|North|9\n2|West|7\n').delimiter).toBe('|');
  });

  it('prefers the delimiter that gives the same field count on every record', () => {
    // Unquoted commas in free text make the comma inconsistent; the semicolon is steady.
    const text = 'id;comment;score\n1;fast, friendly;9\n2;slow;4\n3;ok, I guess, fine;7\n';
    expect(detectDelimiter(text).delimiter).toBe(';');
  });

  it('breaks a tie in favour of the character that is rarer in values (semicolon over comma)', () => {
    expect(detectDelimiter('1,5;2\n3,5;4\n').delimiter).toBe(';');
  });

  it('prefers more fields when two delimiters are equally consistent', () => {
    expect(detectDelimiter('a;b,c;d\n1;2,3;4\n').delimiter).toBe(';');
  });

  it('honours an Excel "sep=" first line and says the parser must skip it', () => {
    expect(detectDelimiter('sep=|\r\na|b\r\n1|2\r\n')).toEqual({ delimiter: '|', fields: 2, consistency: 1, sepDirective: true });
  });

  it('reports a single column when nothing splits the text', () => {
    expect(detectDelimiter('revenue\n100\n200\n')).toEqual({ delimiter: ',', fields: 1, consistency: 1, sepDirective: false });
  });
});

describe('detectLineEnding', () => {
  it('reads CRLF in a file whose quoted comments contain bare LF line breaks', () => {
    const text = 'id,comment\r\n1,"multi\nline\nnote"\r\n2,"more\nlines"\r\n3,x\r\n';
    expect(detectLineEnding(text)).toBe('\r\n');
    expect(detectLineEnding(fixture('survey_responses.csv').slice(0, 64 * 1024))).toBe('\r\n');
    expect(detectLineEnding(fixture('monthly_kpis.csv'))).toBe('\r\n');
  });

  it('reads LF and old-Mac CR files', () => {
    expect(detectLineEnding('month,nps\n2024-01,31\n2024-02,33\n')).toBe('\n');
    expect(detectLineEnding('a,b\r1,2\r3,4\r')).toBe('\r');
  });

  it('defaults to LF for a single line', () => {
    expect(detectLineEnding('a,b,c')).toBe('\n');
  });
});
