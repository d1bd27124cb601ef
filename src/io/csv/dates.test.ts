// Tests for date parsing, date-format inference and period keys.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, inferDateFormat, monthFromName, parseDate, periodKey, type DateFormat } from './dates';

const utc = Date.UTC;

describe('parseDate', () => {
  it('reads ISO dates and date-times, with and without a zone', () => {
    expect(parseDate('2024-01-31', 'iso')).toBe(utc(2024, 0, 31));
    expect(parseDate('2024-01-31T10:00:00Z', 'iso')).toBe(utc(2024, 0, 31, 10));
    expect(parseDate('2024-01-31T10:00Z', 'iso')).toBe(utc(2024, 0, 31, 10));
    expect(parseDate('2024-01-31 10:05:07', 'iso')).toBe(utc(2024, 0, 31, 10, 5, 7));
    expect(parseDate('2024-01-31T10:05:07.123456', 'iso')).toBe(utc(2024, 0, 31, 10, 5, 7, 123));
    expect(parseDate('2024-01-31T10:00:00+02:00', 'iso')).toBe(utc(2024, 0, 31, 8));
    expect(parseDate('2024-01-31T10:00:00-0530', 'iso')).toBe(utc(2024, 0, 31, 15, 30));
    expect(parseDate('2024-01-31T01:00:00+05', 'iso')).toBe(utc(2024, 0, 30, 20));
    expect(parseDate('  2024-01-31  ', 'iso')).toBe(utc(2024, 0, 31));
  });

  it('reads months as their first day', () => {
    expect(parseDate('2024-01', 'iso-month')).toBe(utc(2024, 0, 1));
    expect(parseDate('01/2024', 'month-year')).toBe(utc(2024, 0, 1));
    expect(parseDate('1/2024', 'month-year')).toBe(utc(2024, 0, 1));
    expect(parseDate('12.2024', 'month-year')).toBe(utc(2024, 11, 1));
    expect(parseDate('Jan 2024', 'month-name')).toBe(utc(2024, 0, 1));
    expect(parseDate('January 2024', 'month-name')).toBe(utc(2024, 0, 1));
    expect(parseDate('SEPT. 2024', 'month-name')).toBe(utc(2024, 8, 1));
    expect(parseDate('Dec-2023', 'month-name')).toBe(utc(2023, 11, 1));
  });

  it('reads German, French, Spanish and Dutch month names', () => {
    expect(parseDate('März 2024', 'month-name')).toBe(utc(2024, 2, 1));
    expect(parseDate('Mrz 2024', 'month-name')).toBe(utc(2024, 2, 1));
    expect(parseDate('Okt 2024', 'month-name')).toBe(utc(2024, 9, 1));
    expect(parseDate('janv. 2024', 'month-name')).toBe(utc(2024, 0, 1));
    expect(parseDate('août 2024', 'month-name')).toBe(utc(2024, 7, 1));
    expect(parseDate('décembre 2024', 'month-name')).toBe(utc(2024, 11, 1));
    expect(parseDate('ene 2024', 'month-name')).toBe(utc(2024, 0, 1));
    expect(parseDate('dic 2024', 'month-name')).toBe(utc(2024, 11, 1));
    expect(parseDate('mei 2024', 'month-name')).toBe(utc(2024, 4, 1));
    expect(parseDate('mrt 2024', 'month-name')).toBe(utc(2024, 2, 1));
    expect(monthFromName('Maerz')).toBe(3);
    expect(monthFromName('Smarch')).toBe(0);
  });

  it('reads day-first and month-first dates with slashes, dots and hyphens', () => {
    expect(parseDate('31.01.2024', 'dmy')).toBe(utc(2024, 0, 31));
    expect(parseDate('31/01/2024', 'dmy')).toBe(utc(2024, 0, 31));
    expect(parseDate('1-2-2024', 'dmy')).toBe(utc(2024, 1, 1));
    expect(parseDate('01/31/2024', 'mdy')).toBe(utc(2024, 0, 31));
    expect(parseDate('2024/01/31', 'ymd')).toBe(utc(2024, 0, 31));
    expect(parseDate('2024.01.31', 'ymd')).toBe(utc(2024, 0, 31));
  });

  it('reads the times of SurveyMonkey, Google Forms and Excel exports, including AM/PM', () => {
    expect(parseDate('10/15/2023 02:31:27 PM', 'mdy')).toBe(utc(2023, 9, 15, 14, 31, 27));
    expect(parseDate('10/15/2023 12:05:00 AM', 'mdy')).toBe(utc(2023, 9, 15, 0, 5));
    expect(parseDate('10/15/2023 12:05 pm', 'mdy')).toBe(utc(2023, 9, 15, 12, 5));
    expect(parseDate('1/31/2024 9:07:00', 'mdy')).toBe(utc(2024, 0, 31, 9, 7));
    expect(parseDate('31.01.2024 23:59', 'dmy')).toBe(utc(2024, 0, 31, 23, 59));
  });

  it('refuses dates that are not on the calendar and times that are not on the clock', () => {
    expect(parseDate('2023-02-29', 'iso')).toBeNaN();
    expect(parseDate('2024-02-29', 'iso')).toBe(utc(2024, 1, 29));
    expect(parseDate('1900-02-29', 'iso')).toBeNaN();
    expect(parseDate('2000-02-29', 'iso')).toBe(utc(2000, 1, 29));
    expect(parseDate('31/04/2024', 'dmy')).toBeNaN();
    expect(parseDate('2024-13', 'iso-month')).toBeNaN();
    expect(parseDate('00/2024', 'month-year')).toBeNaN();
    expect(parseDate('2024-01-00', 'iso')).toBeNaN();
    expect(parseDate('2024-01-31T24:00', 'iso')).toBeNaN();
    expect(parseDate('2024-01-31T10:60', 'iso')).toBeNaN();
    expect(parseDate('01/31/2024 13:00 PM', 'mdy')).toBeNaN();
    expect(parseDate('01/31/2024 0:30 AM', 'mdy')).toBeNaN();
  });

  it('refuses text in another format or with extra characters', () => {
    expect(parseDate('31/01/2024', 'mdy')).toBeNaN();
    expect(parseDate('2024-01-31', 'iso-month')).toBeNaN();
    expect(parseDate('2024-01', 'iso')).toBeNaN();
    expect(parseDate('31/01-2024', 'dmy')).toBeNaN();
    expect(parseDate('31/01/24', 'dmy')).toBeNaN();
    expect(parseDate('31/01/20245', 'dmy')).toBeNaN();
    expect(parseDate('2024-01-31x', 'iso')).toBeNaN();
    expect(parseDate('2024-01-31T10:00:00 PM', 'iso')).toBeNaN();
    expect(parseDate('31/01/2024T10:00', 'dmy')).toBeNaN();
    expect(parseDate('Jan 24', 'month-name')).toBeNaN();
    expect(parseDate('Foo 2024', 'month-name')).toBeNaN();
    expect(parseDate('', 'iso')).toBeNaN();
    expect(parseDate('   ', 'dmy')).toBeNaN();
  });

  it('reads a bare ten-character ISO day as the full reading does, impossible and malformed ones included', () => {
    const shaped = fc.tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
    ).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const unit = fc.constantFrom('0', '1', '2', '9', '-', 'T', ' ');
    const scrambled = fc.string({ unit, minLength: 10, maxLength: 10 });
    fc.assert(
      fc.property(fc.oneof(shaped, scrambled), (text) => {
        // A leading space takes the text past the ten-character shortcut, through the full reading.
        expect(parseDate(text, 'iso')).toBe(parseDate(` ${text}`, 'iso'));
      }),
      { numRuns: 500 },
    );
    expect(parseDate('2024-02-29', 'iso')).toBe(utc(2024, 1, 29));
    expect(parseDate('2023-02-29', 'iso')).toBeNaN();
  });

  it('round-trips any calendar date and time written in each format', () => {
    const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
    const moment = fc
      .record({
        year: fc.integer({ min: 1000, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        dayIndex: fc.nat(),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
      })
      .map((m) => ({ ...m, day: (m.dayIndex % new Date(Date.UTC(2000, m.month, 0)).getUTCDate()) + 1 }))
      .filter((m) => m.month !== 2 || m.day < 29 || (m.year % 4 === 0 && (m.year % 100 !== 0 || m.year % 400 === 0)));
    fc.assert(
      fc.property(moment, ({ year, month, day, hour, minute, second }) => {
        const date = new Date(0);
        date.setUTCFullYear(year, month - 1, day);
        date.setUTCHours(hour, minute, second, 0);
        const withTime = date.getTime();
        date.setUTCHours(0, 0, 0, 0);
        const dayStart = date.getTime();
        const y = pad(year, 4);
        const clock = `${pad(hour)}:${pad(minute)}:${pad(second)}`;
        const twelve = `${pad(((hour + 11) % 12) + 1)}:${pad(minute)}:${pad(second)} ${hour < 12 ? 'AM' : 'PM'}`;
        const cases: [string, DateFormat, number][] = [
          [`${y}-${pad(month)}-${pad(day)}`, 'iso', dayStart],
          [`${y}-${pad(month)}-${pad(day)}T${clock}Z`, 'iso', withTime],
          [`${day}.${month}.${y} ${clock}`, 'dmy', withTime],
          [`${pad(month)}/${pad(day)}/${y} ${twelve}`, 'mdy', withTime],
          [`${y}/${pad(month)}/${pad(day)}`, 'ymd', dayStart],
        ];
        for (const [text, format, expected] of cases) expect(parseDate(text, format), text).toBe(expected);
        const monthStart = dayStart - (day - 1) * 86_400_000;
        expect(parseDate(`${y}-${pad(month)}`, 'iso-month')).toBe(monthStart);
        expect(parseDate(`${pad(month)}/${y}`, 'month-year')).toBe(monthStart);
        const name = new Date(monthStart).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
        expect(parseDate(`${name} ${y}`, 'month-name')).toBe(monthStart);
      }),
    );
  });

  it('agrees with Date.UTC on day numbers across four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (days) => {
        const { year, month, day } = civilFromDays(days);
        expect(daysFromCivil(year, month, day)).toBe(days);
        const date = new Date(days * 86_400_000);
        expect([year, month, day]).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()]);
      }),
    );
  });
});

describe('inferDateFormat', () => {
  it('is day-first as soon as one first field exceeds 12', () => {
    const guess = inferDateFormat(['01/02/2024', '', '13/02/2024', '05/03/2024']);
    expect(guess).toEqual({ format: 'dmy', ambiguous: false, candidates: ['dmy'], matched: 3, nonBlank: 3 });
  });

  it('is month-first as soon as one second field exceeds 12', () => {
    const guess = inferDateFormat(['01/02/2024', '02/28/2024', '03/05/2024']);
    expect(guess).toEqual({ format: 'mdy', ambiguous: false, candidates: ['mdy'], matched: 3, nonBlank: 3 });
  });

  it('asks when no field exceeds 12, offering both orders', () => {
    const guess = inferDateFormat(['01/02/2024', '03/04/2024', '12/11/2024']);
    expect(guess).toEqual({ format: 'dmy', ambiguous: true, candidates: ['dmy', 'mdy'], matched: 3, nonBlank: 3 });
  });

  it('takes dotted dates as day-first without asking: no locale writes 01.31.2024', () => {
    const guess = inferDateFormat(['01.02.2024', '03.04.2024']);
    expect(guess).toEqual({ format: 'dmy', ambiguous: false, candidates: ['dmy'], matched: 2, nonBlank: 2 });
  });

  it('recognises each month format', () => {
    expect(inferDateFormat(['2020-01', '2020-02', '2020-03']).format).toBe('iso-month');
    expect(inferDateFormat(['Jan 2024', 'Feb 2024', 'März 2024']).format).toBe('month-name');
    expect(inferDateFormat(['01/2024', '02/2024']).format).toBe('month-year');
    expect(inferDateFormat(['2024-01-31T10:00:00Z', '2024-02-01 08:00']).format).toBe('iso');
    expect(inferDateFormat(['2024/01/31']).format).toBe('ymd');
  });

  it('counts how many samples the chosen format reads, so a few bad cells do not hide a date column', () => {
    const guess = inferDateFormat(['2024-01-31', '2024-02-30', 'unknown', '2024-03-01']);
    expect(guess.format).toBe('iso');
    expect(guess.matched).toBe(2);
    expect(guess.nonBlank).toBe(4);
  });

  it('finds no format in text or numbers', () => {
    expect(inferDateFormat(['North', 'South'])).toEqual({ format: null, ambiguous: false, candidates: [], matched: 0, nonBlank: 2 });
    expect(inferDateFormat([]).format).toBeNull();
  });
});

describe('periodKey', () => {
  it('buckets by month and quarter', () => {
    expect(periodKey(utc(2024, 0, 31, 23, 59), 'month')).toBe('2024-01');
    expect(periodKey(utc(2024, 2, 31), 'quarter')).toBe('2024-Q1');
    expect(periodKey(utc(2024, 3, 1), 'quarter')).toBe('2024-Q2');
    expect(periodKey(utc(2024, 11, 31), 'quarter')).toBe('2024-Q4');
  });

  it('uses ISO weeks, whose year can differ from the calendar year', () => {
    expect(periodKey(utc(2021, 0, 3), 'week')).toBe('2020-W53');
    expect(periodKey(utc(2021, 0, 4), 'week')).toBe('2021-W01');
    expect(periodKey(utc(2024, 11, 30), 'week')).toBe('2025-W01');
    expect(periodKey(utc(2024, 0, 1), 'week')).toBe('2024-W01');
    expect(periodKey(utc(2026, 11, 31), 'week')).toBe('2026-W53');
    expect(periodKey(utc(1969, 11, 31), 'week')).toBe('1970-W01');
  });

  it('gives every day of an ISO week the same key, Monday to Sunday', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 40_000 }), (days) => {
        const monday = days - ((((days + 3) % 7) + 7) % 7);
        const key = periodKey(monday * 86_400_000, 'week');
        for (let k = 1; k < 7; k++) expect(periodKey((monday + k) * 86_400_000 + 3_600_000, 'week')).toBe(key);
        expect(periodKey((monday + 7) * 86_400_000, 'week')).not.toBe(key);
      }),
    );
  });

  it('is empty for a missing date', () => {
    expect(periodKey(Number.NaN, 'month')).toBe('');
  });
});
