// Reads the date and month formats found in CX exports, infers which one a column uses, and buckets dates into periods.

/**
 * - `iso`         2024-01-31, optionally with a time: 2024-01-31T10:00:00Z, 2024-01-31 10:00, …+02:00
 * - `iso-month`   2024-01
 * - `month-name`  Jan 2024, January 2024, Jan-2024, janv. 2024, Mär 2024 (en, de, fr, es, nl)
 * - `month-year`  01/2024, 1/2024, 01.2024, 01-2024
 * - `dmy`         31/01/2024, 31.01.2024, 31-01-2024, optionally with a time (10:00, 10:00:00, 10:00:00 PM)
 * - `mdy`         01/31/2024, same separators and times
 * - `ymd`         2024/01/31, 2024.01.31, optionally with a time
 */
export type DateFormat = 'iso' | 'iso-month' | 'month-name' | 'month-year' | 'dmy' | 'mdy' | 'ymd';

/** Inference order, which is also the preference when formats tie (day-first before month-first). */
export const DATE_FORMATS: readonly DateFormat[] = ['iso', 'iso-month', 'dmy', 'mdy', 'ymd', 'month-year', 'month-name'];

export type Granularity = 'week' | 'month' | 'quarter';

export interface DateFormatGuess {
  /** The best format, or null when no sample is a date in any format. */
  format: DateFormat | null;
  /** More than one format reads the most samples (typically dmy and mdy when no day exceeds 12): ask the user. */
  ambiguous: boolean;
  /** Every format that reads the most samples, in DATE_FORMATS order. */
  candidates: DateFormat[];
  /** Non-blank samples that `format` reads. */
  matched: number;
  nonBlank: number;
}

const MS_PER_DAY = 86_400_000;
const SLASH = 47;
const DOT = 46;
const HYPHEN = 45;
const COLON = 58;
const SPACE = 32;
const PLUS = 43;
const COMMA = 44;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// The parser is a cursor over the string kept in module state, so reading a date allocates nothing. Functions
// below advance `cursor` and return -1 when the expected piece is missing.
let cursor = 0;

function isSpace(code: number): boolean {
  return code === SPACE || code === 9 || code === 0xa0 || code === 0x202f;
}

function readDigits(text: string, end: number, min: number, max: number): number {
  let value = 0;
  let count = 0;
  while (cursor < end && count < max) {
    const c = text.charCodeAt(cursor);
    if (c < 48 || c > 57) break;
    value = value * 10 + (c - 48);
    count++;
    cursor++;
  }
  if (count < min) return -1;
  // A fifth year digit or a third day digit makes the whole text something else.
  if (cursor < end) {
    const next = text.charCodeAt(cursor);
    if (next >= 48 && next <= 57) return -1;
  }
  return value;
}

function dayMs(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day) * MS_PER_DAY;
}

/**
 * Reads an optional time of day starting at the cursor: [T or spaces] H:MM[:SS[.fff]], then, when allowed, an
 * AM/PM marker or a zone (Z, ±HH, ±HHMM, ±HH:MM). Returns milliseconds after midnight UTC, 0 when the text ends
 * here, or NaN. A time without a zone is taken as wall-clock time in UTC so the calendar date never shifts.
 */
function readTime(text: string, end: number, allowZone: boolean, allowMeridiem: boolean): number {
  if (cursor === end) return 0;
  const separator = text.charCodeAt(cursor);
  if (separator === 84 || separator === 116) {
    if (!allowZone) return Number.NaN;
    cursor++;
  } else if (isSpace(separator)) {
    while (cursor < end && isSpace(text.charCodeAt(cursor))) cursor++;
  } else return Number.NaN;

  const hour = readDigits(text, end, 1, 2);
  if (hour < 0 || text.charCodeAt(cursor) !== COLON) return Number.NaN;
  cursor++;
  const minute = readDigits(text, end, 2, 2);
  if (minute < 0 || minute > 59) return Number.NaN;
  let second = 0;
  let millisecond = 0;
  if (cursor < end && text.charCodeAt(cursor) === COLON) {
    cursor++;
    second = readDigits(text, end, 2, 2);
    if (second < 0 || second > 59) return Number.NaN;
    const mark = text.charCodeAt(cursor);
    if (cursor < end && (mark === DOT || mark === COMMA)) {
      cursor++;
      let scale = 100;
      const fractionStart = cursor;
      while (cursor < end) {
        const c = text.charCodeAt(cursor);
        if (c < 48 || c > 57) break;
        millisecond += (c - 48) * scale;
        scale /= 10;
        cursor++;
      }
      if (cursor === fractionStart) return Number.NaN;
      millisecond = Math.floor(millisecond);
    }
  }

  let hour24 = hour;
  let offsetMinutes = 0;
  if (cursor < end && allowMeridiem) {
    while (cursor < end && isSpace(text.charCodeAt(cursor))) cursor++;
    const a = text.charCodeAt(cursor) | 0x20;
    const m = text.charCodeAt(cursor + 1) | 0x20;
    if ((a !== 97 && a !== 112) || m !== 109 || hour < 1 || hour > 12) return Number.NaN;
    hour24 = (hour % 12) + (a === 112 ? 12 : 0);
    cursor += 2;
  } else if (cursor < end && allowZone) {
    const z = text.charCodeAt(cursor);
    if (z === 90 || z === 122) cursor++;
    else if (z === PLUS || z === HYPHEN) {
      cursor++;
      const digitsStart = cursor;
      const packed = readDigits(text, end, 2, 4);
      const width = cursor - digitsStart;
      if (packed < 0 || width === 3) return Number.NaN;
      const offsetHours = width === 4 ? Math.floor(packed / 100) : packed;
      let offsetMins = width === 4 ? packed % 100 : 0;
      if (width === 2 && cursor < end && text.charCodeAt(cursor) === COLON) {
        cursor++;
        offsetMins = readDigits(text, end, 2, 2);
      }
      if (offsetHours > 23 || offsetMins < 0 || offsetMins > 59) return Number.NaN;
      offsetMinutes = (z === PLUS ? 1 : -1) * (offsetHours * 60 + offsetMins);
    } else return Number.NaN;
  }
  if (cursor !== end || hour24 > 23) return Number.NaN;
  return ((hour24 * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millisecond;
}

/** Reads D<sep>M<sep>YYYY or M<sep>D<sep>YYYY with one separator used twice, then an optional time. */
function readDayMonthYear(text: string, start: number, end: number, dayFirst: boolean): number {
  cursor = start;
  const a = readDigits(text, end, 1, 2);
  if (a < 0) return Number.NaN;
  const separator = text.charCodeAt(cursor);
  if (separator !== SLASH && separator !== DOT && separator !== HYPHEN) return Number.NaN;
  cursor++;
  const b = readDigits(text, end, 1, 2);
  if (b < 0 || text.charCodeAt(cursor) !== separator) return Number.NaN;
  cursor++;
  const year = readDigits(text, end, 4, 4);
  if (year < 0) return Number.NaN;
  const day = dayFirst ? a : b;
  const month = dayFirst ? b : a;
  return dayMs(year, month, day) + readTime(text, end, false, true);
}

function readIso(text: string, start: number, end: number, monthOnly: boolean): number {
  cursor = start;
  const year = readDigits(text, end, 4, 4);
  if (year < 0 || text.charCodeAt(cursor) !== HYPHEN) return Number.NaN;
  cursor++;
  const month = readDigits(text, end, 1, 2);
  if (month < 0) return Number.NaN;
  if (monthOnly) return cursor === end ? dayMs(year, month, 1) : Number.NaN;
  if (text.charCodeAt(cursor) !== HYPHEN) return Number.NaN;
  cursor++;
  const day = readDigits(text, end, 1, 2);
  if (day < 0) return Number.NaN;
  return dayMs(year, month, day) + readTime(text, end, true, false);
}

function readYmd(text: string, start: number, end: number): number {
  cursor = start;
  const year = readDigits(text, end, 4, 4);
  const separator = text.charCodeAt(cursor);
  if (year < 0 || (separator !== SLASH && separator !== DOT)) return Number.NaN;
  cursor++;
  const month = readDigits(text, end, 1, 2);
  if (month < 0 || text.charCodeAt(cursor) !== separator) return Number.NaN;
  cursor++;
  const day = readDigits(text, end, 1, 2);
  if (day < 0) return Number.NaN;
  return dayMs(year, month, day) + readTime(text, end, false, true);
}

function readMonthYear(text: string, start: number, end: number): number {
  cursor = start;
  const month = readDigits(text, end, 1, 2);
  const separator = text.charCodeAt(cursor);
  if (month < 0 || (separator !== SLASH && separator !== DOT && separator !== HYPHEN)) return Number.NaN;
  cursor++;
  const year = readDigits(text, end, 4, 4);
  if (year < 0 || cursor !== end) return Number.NaN;
  return dayMs(year, month, 1);
}

// Full names and abbreviations in English, German, French, Spanish and Dutch, lower case, with the accents
// people drop when typing. No spelling means different months in two of these languages.
const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, 'jan january januar janv janvier ene enero januari jän jänner'],
      [2, 'feb february februar fév févr février fev fevr fevrier febrero februari'],
      [3, 'mar march märz maerz marz mär mrz mars marzo maart mrt'],
      [4, 'apr april avr avril abr abril'],
      [5, 'may mai mayo mei'],
      [6, 'jun june juni juin junio'],
      [7, 'jul july juli juil juillet julio'],
      [8, 'aug august août aout ago agosto augustus'],
      [9, 'sep sept september septembre septiembre setiembre'],
      [10, 'oct october okt oktober octobre octubre'],
      [11, 'nov november novembre noviembre'],
      [12, 'dec december dez dezember déc décembre decembre dic diciembre'],
    ] as const
  ).flatMap(([month, names]) => names.split(' ').map((name) => [name, month] as const)),
);

/** The month number (1..12) of a month name or abbreviation in en/de/fr/es/nl, case-insensitive; 0 if unknown. */
export function monthFromName(name: string): number {
  return MONTH_NAMES.get(name.toLowerCase()) ?? 0;
}

function readMonthName(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === DOT || c === HYPHEN || isSpace(c)) break;
    i++;
  }
  if (i === start) return Number.NaN;
  const month = monthFromName(text.slice(start, i));
  if (month === 0) return Number.NaN;
  if (text.charCodeAt(i) === DOT) i++;
  const separator = text.charCodeAt(i);
  if (separator === HYPHEN) i++;
  else if (isSpace(separator)) while (i < end && isSpace(text.charCodeAt(i))) i++;
  else return Number.NaN;
  cursor = i;
  const year = readDigits(text, end, 4, 4);
  if (year < 0 || cursor !== end) return Number.NaN;
  return dayMs(year, month, 1);
}

/**
 * Parses `text` in `format` to a UTC epoch in milliseconds (months to their first day at 00:00), or NaN when the
 * text is not in that format or is not a real calendar date or time (2023-02-29, 31/04/2024, 24:00, 13:00 PM).
 * Surrounding whitespace is ignored; years have four digits.
 */
export function parseDate(text: string, format: DateFormat): number {
  if (format === 'iso' && text.length === 10) {
    const day = readPlainIsoDay(text);
    if (day === day) return day;
  }
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return Number.NaN;
  switch (format) {
    case 'iso':
      return readIso(text, start, end, false);
    case 'iso-month':
      return readIso(text, start, end, true);
    case 'dmy':
      return readDayMonthYear(text, start, end, true);
    case 'mdy':
      return readDayMonthYear(text, start, end, false);
    case 'ymd':
      return readYmd(text, start, end);
    case 'month-year':
      return readMonthYear(text, start, end);
    case 'month-name':
      return readMonthName(text, start, end);
  }
}

/** Digit at `at` of an ISO day, or -1000 so any sum that includes it is negative. */
function digitAt(text: string, at: number): number {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : -1000;
}

/**
 * "2024-01-31" exactly, the shape of nearly every cell of an ISO date column, read without the cursor machinery;
 * NaN for anything else (then read in full), including impossible dates, which the full reading refuses too.
 */
function readPlainIsoDay(text: string): number {
  if (text.charCodeAt(4) !== HYPHEN || text.charCodeAt(7) !== HYPHEN) return Number.NaN;
  const year = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
  const month = digitAt(text, 5) * 10 + digitAt(text, 6);
  const day = digitAt(text, 8) * 10 + digitAt(text, 9);
  if (year < 0 || month < 0 || day < 0) return Number.NaN;
  return dayMs(year, month, day);
}

/** The separator after the first number of a trimmed sample: tells 31.01.2024 from 31/01/2024. */
function firstSeparator(text: string): number {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return c;
    i++;
  }
  return -1;
}

/**
 * Infers the date format of a column from sample cells (blank cells ignored): the format that reads the most
 * samples. Day and month order comes from the data: a first field above 12 rules out month-first, a second field
 * above 12 rules out day-first. When neither occurs both stay candidates and the guess is ambiguous, except when
 * every such date is written with dots (31.01.2024): no locale writes month-first with dots, so it is day-first.
 */
export function inferDateFormat(samples: readonly string[]): DateFormatGuess {
  const counts = new Map<DateFormat, number>(DATE_FORMATS.map((f) => [f, 0]));
  let nonBlank = 0;
  let slashedDayMonth = false;
  for (const sample of samples) {
    if (isBlankDate(sample)) continue;
    nonBlank++;
    for (const format of DATE_FORMATS) {
      if (Number.isNaN(parseDate(sample, format))) continue;
      counts.set(format, (counts.get(format) ?? 0) + 1);
      if ((format === 'dmy' || format === 'mdy') && firstSeparator(sample) !== DOT) slashedDayMonth = true;
    }
  }
  let matched = 0;
  for (const count of counts.values()) matched = Math.max(matched, count);
  if (matched === 0) return { format: null, ambiguous: false, candidates: [], matched: 0, nonBlank };
  let candidates = DATE_FORMATS.filter((f) => counts.get(f) === matched);
  if (!slashedDayMonth && candidates.includes('dmy') && candidates.includes('mdy')) {
    candidates = candidates.filter((f) => f !== 'mdy');
  }
  return { format: candidates[0] ?? null, ambiguous: candidates.length > 1, candidates, matched, nonBlank };
}

function isBlankDate(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function pad4(value: number): string {
  return String(value).padStart(4, '0');
}

/** Civil date of a day count since 1970-01-01 (Hinnant's civil_from_days). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The period an instant falls in, by its UTC calendar date: 'YYYY-MM', 'YYYY-Qn', or the ISO 8601 week
 * 'YYYY-Www' (weeks start on Monday; week 1 holds the year's first Thursday, so 2021-01-03 is in 2020-W53).
 * Returns '' for a non-finite input so a missing date never lands in a real period.
 */
export function periodKey(epochMs: number, granularity: Granularity): string {
  if (!Number.isFinite(epochMs)) return '';
  const days = Math.floor(epochMs / MS_PER_DAY);
  if (granularity === 'week') {
    const isoWeekday = ((((days + 3) % 7) + 7) % 7) + 1;
    const thursday = days - isoWeekday + 4;
    const weekYear = civilFromDays(thursday).year;
    const week = Math.floor((thursday - daysFromCivil(weekYear, 1, 1)) / 7) + 1;
    return `${pad4(weekYear)}-W${pad2(week)}`;
  }
  const { year, month } = civilFromDays(days);
  if (granularity === 'month') return `${pad4(year)}-${pad2(month)}`;
  return `${pad4(year)}-Q${Math.floor((month - 1) / 3) + 1}`;
}
