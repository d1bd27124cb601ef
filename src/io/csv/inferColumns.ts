// Proposes a type for each imported column from sample rows and profiles it for the preview the user can override.
import { inferDateFormat, parseDate, type DateFormat } from './dates';
import { isBlank, parseNumber, type DecimalSeparator } from './numbers';

export type ColumnType = 'number' | 'date' | 'category' | 'text';

export interface BadValue {
  /** 0-based index into the sample rows given (add the header rows to get a line of the file). */
  row: number;
  text: string;
}

export interface ValueCount {
  value: string;
  count: number;
}

export interface NumericSummary {
  min: number;
  max: number;
  /** Every value is a whole number: with 0..10 the UI may ask whether this is a "recommend" (NPS) item. */
  integers: boolean;
}

export interface ColumnProfile {
  index: number;
  name: string;
  type: ColumnType;
  /** The format a date column is read with; null for other types or when no format reads any value. */
  dateFormat: DateFormat | null;
  /** Formats that read the most values; more than one means the user must choose (dmy or mdy). */
  dateCandidates: DateFormat[];
  dateAmbiguous: boolean;
  rows: number;
  blanks: number;
  /** Non-blank cells the type cannot read (always 0 for category and text). */
  bad: number;
  badExamples: BadValue[];
  /** Distinct non-blank values, compared after trimming. */
  distinct: number;
  /** The most frequent non-blank values, most frequent first (ties in order of first appearance). */
  topValues: ValueCount[];
  /** For number columns: range of the values read. Null when none was read. */
  numeric: NumericSummary | null;
}

export interface ColumnTypeChoice {
  type: ColumnType;
  decimal: DecimalSeparator;
  /** For date columns; inferred from the values when absent. */
  dateFormat?: DateFormat | null;
}

/** Share of non-blank cells a type must read for the column to get that type; the rest are reported as bad. */
export const TYPE_SHARE = 0.8;
/** A category has at most this many distinct values… */
export const MAX_CATEGORIES = 50;
/** …and either at most this share of the non-blank cells are distinct, or every value repeats on average. */
export const CATEGORY_DISTINCT_SHARE = 0.05;
/** Longer values are prose, not labels. */
export const MAX_CATEGORY_LENGTH = 100;
export const MAX_BAD_EXAMPLES = 5;
export const MAX_TOP_VALUES = 10;

// Free-text columns that a short, repetitive sample could pass off as categories ("N/A", "Great service").
const FREE_TEXT_NAME =
  /\b(comments?|feedback|verbatims?|remarks?|notes?|open[- ]ended( response)?|please specify|suggestions?|explain)\b/i;

// Dates from these years are told apart from numbers that happen to read as dates ("1.0850" is not January 850).
const PLAUSIBLE_DATES_FROM = Date.UTC(1900, 0, 1);
const PLAUSIBLE_DATES_UNTIL = Date.UTC(2200, 0, 1);

/** The cells of one column; a short row contributes a blank cell. */
export function columnValues(rows: readonly (readonly string[])[], index: number): string[] {
  return rows.map((row) => row[index] ?? '');
}

function countReadable(values: readonly string[], read: (text: string) => number): { readable: number; plausibleDates: boolean } {
  let readable = 0;
  let plausibleDates = true;
  for (const text of values) {
    if (isBlank(text)) continue;
    const value = read(text);
    if (Number.isNaN(value)) continue;
    readable++;
    if (value < PLAUSIBLE_DATES_FROM || value >= PLAUSIBLE_DATES_UNTIL) plausibleDates = false;
  }
  return { readable, plausibleDates };
}

/**
 * Proposes a type: 'number' or 'date' when at least TYPE_SHARE of the non-blank cells read as one (the type that
 * reads more wins; on a tie, date when every date falls in 1900..2199); otherwise 'category' for few, short,
 * repeated labels on one line; otherwise 'text'. A column named like a comment field is always 'text'; an empty
 * column is 'text'. A 0..10 integer column is just a number: whether it is an NPS item is the user's call.
 */
export function inferColumnType(
  name: string,
  values: readonly string[],
  decimal: DecimalSeparator,
): { type: ColumnType; dateFormat: DateFormat | null } {
  let nonBlank = 0;
  for (const text of values) if (!isBlank(text)) nonBlank++;
  if (nonBlank === 0) return { type: 'text', dateFormat: null };

  const numbers = countReadable(values, (text) => parseNumber(text, decimal)).readable;
  const guess = inferDateFormat(values);
  const format = guess.format;
  const dates = format === null ? { readable: 0, plausibleDates: false } : countReadable(values, (text) => parseDate(text, format));
  const isNumber = numbers >= nonBlank * TYPE_SHARE;
  const isDate = dates.readable >= nonBlank * TYPE_SHARE;
  if (isDate && (!isNumber || dates.readable > numbers || (dates.readable === numbers && dates.plausibleDates))) {
    return { type: 'date', dateFormat: format };
  }
  if (isNumber) return { type: 'number', dateFormat: null };
  return { type: looksCategorical(name, values, nonBlank) ? 'category' : 'text', dateFormat: null };
}

function looksCategorical(name: string, values: readonly string[], nonBlank: number): boolean {
  if (FREE_TEXT_NAME.test(name)) return false;
  const distinct = new Set<string>();
  for (const text of values) {
    const value = text.trim();
    if (value === '') continue;
    if (value.length > MAX_CATEGORY_LENGTH || value.includes('\n') || value.includes('\r')) return false;
    distinct.add(value);
    if (distinct.size > MAX_CATEGORIES) return false;
  }
  return distinct.size <= nonBlank * CATEGORY_DISTINCT_SHARE || distinct.size * 2 <= nonBlank;
}

/**
 * Profiles a column read as `choice.type`: blanks, cells the type cannot read (with the first few), distinct and
 * most frequent values, and the range of a number column. Used for the inferred type and again whenever the user
 * overrides it.
 */
export function profileColumn(
  index: number,
  name: string,
  values: readonly string[],
  choice: ColumnTypeChoice,
): ColumnProfile {
  let dateFormat: DateFormat | null = null;
  let dateCandidates: DateFormat[] = [];
  let dateAmbiguous = false;
  if (choice.type === 'date') {
    const guess = inferDateFormat(values);
    const chosen = choice.dateFormat ?? null;
    dateFormat = chosen ?? guess.format;
    dateCandidates = guess.candidates;
    dateAmbiguous = chosen === null && guess.ambiguous;
  }

  let blanks = 0;
  let bad = 0;
  const badExamples: BadValue[] = [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integers = true;
  const counts = new Map<string, number>();
  values.forEach((text, row) => {
    if (isBlank(text)) {
      blanks++;
      return;
    }
    const key = text.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
    let readable = true;
    if (choice.type === 'number') {
      const value = parseNumber(text, choice.decimal);
      readable = !Number.isNaN(value);
      if (readable) {
        if (value < min) min = value;
        if (value > max) max = value;
        if (!Number.isInteger(value)) integers = false;
      }
    } else if (choice.type === 'date') {
      readable = dateFormat !== null && !Number.isNaN(parseDate(text, dateFormat));
    }
    if (!readable) {
      bad++;
      if (badExamples.length < MAX_BAD_EXAMPLES) badExamples.push({ row, text });
    }
  });

  // Map iteration follows insertion order and the sort is stable, so ties stay in order of first appearance.
  const topValues = [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_TOP_VALUES);
  const numeric = choice.type === 'number' && min <= max ? { min, max, integers } : null;
  return {
    index,
    name,
    type: choice.type,
    dateFormat,
    dateCandidates,
    dateAmbiguous,
    rows: values.length,
    blanks,
    bad,
    badExamples,
    distinct: counts.size,
    topValues,
    numeric,
  };
}

/** Infers and profiles every named column of the sample rows (up to about a thousand rows is plenty). */
export function inferColumns(
  names: readonly string[],
  rows: readonly (readonly string[])[],
  decimal: DecimalSeparator,
): ColumnProfile[] {
  return names.map((name, index) => {
    const values = columnValues(rows, index);
    // The date format is left to profileColumn, which also reports whether the choice between formats was open.
    const { type } = inferColumnType(name, values, decimal);
    return profileColumn(index, name, values, { type, decimal });
  });
}
