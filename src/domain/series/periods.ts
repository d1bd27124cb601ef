// Calendar periods in UTC (day, ISO week, month, quarter) as integer ordinals, with their labels and start times.

/** The length of a period. Weeks are ISO weeks: Monday to Sunday, numbered within the ISO week-numbering year. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter';

/** Ordinal written for a row whose date is missing or not a valid date. */
export const NO_PERIOD = -2147483648;

const DAY_MS = 86_400_000;
/** The largest epoch time a JavaScript Date can hold; beyond it a value cannot be a date. */
const MAX_DATE_MS = 8.64e15;

/**
 * Proleptic Gregorian year, month (1–12) and day of a count of days since 1970-01-01 (H. Hinnant's
 * civil_from_days). Integer arithmetic keeps a million conversions to a few milliseconds, with no Date objects.
 */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12); years 0–99 are not shifted as Date.UTC does. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The month ordinal (year·12 + month − 1) of a day count, as civilFromDays but with no object per call. */
function monthOfDays(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  // mp counts months from March, so January and February belong to the next civil year.
  return (yoe + era * 400) * 12 + mp + 2;
}

/**
 * The ordinal of the period holding an epoch time: consecutive periods have consecutive ordinals, so a gap in
 * the ordinals is a missing period. NO_PERIOD when the time is missing (NaN) or not a date.
 * day: days since 1970-01-01; week: ISO weeks since the week of 1970-01-01 (a Thursday, so Monday-based weeks
 * are ⌊(days + 3)/7⌋); month: year·12 + month − 1; quarter: year·4 + quarter − 1.
 */
export function periodOrdinal(epochMs: number, unit: PeriodUnit): number {
  if (!(Math.abs(epochMs) <= MAX_DATE_MS)) return NO_PERIOD;
  const days = Math.floor(epochMs / DAY_MS);
  switch (unit) {
    case 'day':
      return days;
    case 'week':
      return Math.floor((days + 3) / 7);
    case 'month':
      return monthOfDays(days);
    case 'quarter':
      return Math.floor(monthOfDays(days) / 3);
  }
}

/**
 * Ordinals of a whole date column, NO_PERIOD for missing dates, with the smallest and largest ordinal found
 * (NO_PERIOD for both when no date is valid). Dates are first reduced to day counts; months and quarters are
 * then read from a table with one entry per day of the span, built only when the span is no longer than the
 * column, so the calendar arithmetic runs once per distinct day instead of once per row.
 */
export function periodOrdinals(
  dates: Float64Array,
  unit: PeriodUnit,
): { ordinals: Int32Array; min: number; max: number } {
  const ordinals = new Int32Array(dates.length);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < dates.length; i++) {
    const ms = dates[i] as number;
    if (!(Math.abs(ms) <= MAX_DATE_MS)) {
      ordinals[i] = NO_PERIOD;
      continue;
    }
    const days = Math.floor(ms / DAY_MS);
    ordinals[i] = days;
    if (days < minDay) minDay = days;
    if (days > maxDay) maxDay = days;
  }
  if (minDay === Infinity) return { ordinals, min: NO_PERIOD, max: NO_PERIOD };
  const ofDay = (days: number): number => periodOrdinal(days * DAY_MS, unit);
  if (unit !== 'day') {
    const span = maxDay - minDay + 1;
    const table =
      unit !== 'week' && span <= dates.length ? Int32Array.from({ length: span }, (_, k) => ofDay(minDay + k)) : null;
    for (let i = 0; i < ordinals.length; i++) {
      const days = ordinals[i] as number;
      if (days === NO_PERIOD) continue;
      ordinals[i] = table ? (table[days - minDay] as number) : unit === 'week' ? Math.floor((days + 3) / 7) : ofDay(days);
    }
  }
  return { ordinals, min: ofDay(minDay), max: ofDay(maxDay) };
}

function pad(value: number, width: number): string {
  const text = String(Math.abs(value)).padStart(width, '0');
  return value < 0 ? `-${text}` : text;
}

/** The period's label: '2024-03-31', ISO week '2024-W13', '2024-03', '2024-Q1'. Labels of one unit sort as their periods. */
export function periodLabel(ordinal: number, unit: PeriodUnit): string {
  switch (unit) {
    case 'day': {
      const { year, month, day } = civilFromDays(ordinal);
      return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    }
    case 'week': {
      // An ISO week belongs to the year of its Thursday, and is numbered by the Thursday's day of that year.
      const thursday = ordinal * 7;
      const { year } = civilFromDays(thursday);
      const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
      return `${pad(year, 4)}-W${pad(week, 2)}`;
    }
    case 'month':
      return `${pad(Math.floor(ordinal / 12), 4)}-${pad((ordinal % 12 + 12) % 12 + 1, 2)}`;
    case 'quarter':
      return `${pad(Math.floor(ordinal / 4), 4)}-Q${(ordinal % 4 + 4) % 4 + 1}`;
  }
}

/** Epoch time (UTC midnight) at which the period starts: the day, the Monday, the 1st of the month or quarter. */
export function periodStart(ordinal: number, unit: PeriodUnit): number {
  switch (unit) {
    case 'day':
      return ordinal * DAY_MS;
    case 'week':
      return (ordinal * 7 - 3) * DAY_MS;
    case 'month':
      return daysFromCivil(Math.floor(ordinal / 12), ((ordinal % 12) + 12) % 12 + 1, 1) * DAY_MS;
    case 'quarter':
      return periodStart(ordinal * 3, 'month');
  }
}
