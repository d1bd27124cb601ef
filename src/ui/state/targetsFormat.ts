// Locale formatting and calendar dates for the targets views: what the pure targets domain asks the UI to supply.
import type { TargetFormat } from '../../domain/targets/sentence';
import type { MetricUnit } from '../../domain/plan/types';
import { formatMoney, formatNumber } from '../format';

const longDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Numbers in the reader's locale, money in the plan's currency, dates written out ("30 June 2027"). */
export function targetFormat(currency: string): TargetFormat {
  return {
    number: (value, style, digits) => (style === 'currency' ? formatMoney(value, currency, digits) : formatNumber(value, digits)),
    date: (iso) => {
      const time = Date.parse(`${iso}T00:00:00Z`);
      return Number.isNaN(time) ? iso : longDate.format(time);
    },
  };
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today in the user's own calendar (not UTC): a deadline "tomorrow" means the user's tomorrow. */
export function todayIso(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** A first deadline to edit from: the end of the same month a year on. */
export function defaultDeadline(now: Date = new Date()): string {
  const end = new Date(now.getFullYear() + 1, now.getMonth() + 1, 0);
  return iso(end.getFullYear(), end.getMonth() + 1, end.getDate());
}

/** Digits a value of this unit is typed and shown with. */
export const UNIT_DIGITS: Record<MetricUnit, number> = { score: 1, percent: 1, rating: 2, ratio: 2, seconds: 0, currency: 0, count: 0 };

/** Reads a number typed in the reader's way ("1 200", "4,5"); null when the text is not one. */
export function parseTyped(text: string): number | null {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '').replace('\u2212', '-');
  if (cleaned === '') return null;
  // One comma and no dot is a decimal comma ("4,5"); commas alongside a dot group thousands ("1,200.5").
  const normalised = cleaned.includes('.') ? cleaned.replace(/,/g, '') : /^-?\d{1,3}(,\d{3})+$/.test(cleaned) ? cleaned.replace(/,/g, '') : cleaned.replace(',', '.');
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}
