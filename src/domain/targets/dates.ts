// ISO calendar dates (YYYY-MM-DD) for targets: strict parsing, and the number of periods between two dates.

import type { PeriodUnit } from '../series/periods';
import { civilFromDays, daysFromCivil, periodOrdinal } from '../series/periods';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a strict YYYY-MM-DD date, or null when the text is not a real calendar date. */
export function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const days = daysFromCivil(year, month, day);
  // A day past the month's end (2025-02-30) comes back as a different date.
  const back = civilFromDays(days);
  return back.month === month && back.day === day ? days : null;
}

/** YYYY-MM-DD of a day count since 1970-01-01. */
export function isoFromDays(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** YYYY-MM-DD of the UTC day holding an epoch time. */
export function isoFromEpochMs(ms: number): string {
  return isoFromDays(Math.floor(ms / DAY_MS));
}

/** The ordinal of the period holding a YYYY-MM-DD date (see series/periods); null when the date is not valid. */
export function periodOfIsoDate(text: string, unit: PeriodUnit): number | null {
  const days = parseIsoDate(text);
  return days === null ? null : periodOrdinal(days * DAY_MS, unit);
}

/**
 * Whole periods from the period holding `from` to the period holding `to` (negative when `to` is earlier):
 * from 2024-12-01 to 2025-06-30 is 6 months. null when either date is not valid.
 */
export function periodsBetween(from: string, to: string, unit: PeriodUnit): number | null {
  const a = periodOfIsoDate(from, unit);
  const b = periodOfIsoDate(to, unit);
  return a === null || b === null ? null : b - a;
}

/** Average months in one period, to turn "responses a month" into responses per period. */
export const MONTHS_PER_PERIOD: Readonly<Record<PeriodUnit, number>> = {
  day: 12 / 365.2425,
  week: (7 * 12) / 365.2425,
  month: 1,
  quarter: 3,
};

/** Periods in a year, to turn a per-period amount into an annual one. */
export const PERIODS_PER_YEAR: Readonly<Record<PeriodUnit, number>> = {
  day: 365.2425,
  week: 365.2425 / 7,
  month: 12,
  quarter: 4,
};
