// Checks period ordinals, labels and start times against the calendar (Date in UTC) and the ISO week rules.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PeriodUnit } from './periods';
import {
  civilFromDays,
  daysFromCivil,
  NO_PERIOD,
  periodLabel,
  periodOrdinal,
  periodOrdinals,
  periodStart,
} from './periods';

const DAY_MS = 86_400_000;
const utc = (iso: string): number => Date.parse(iso);
const units: PeriodUnit[] = ['day', 'week', 'month', 'quarter'];
// Days from 1600-01-01 to 2400-12-31, where Date's own UTC calendar is the reference.
const anyDay = fc.integer({ min: -135_140, max: 157_476 });

describe('calendar arithmetic', () => {
  it('agrees with Date in UTC on every day of 1600–2400, both ways', () => {
    fc.assert(
      fc.property(anyDay, (days) => {
        const date = new Date(days * DAY_MS);
        const civil = civilFromDays(days);
        expect(civil).toEqual({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(days);
      }),
    );
  });

  it('does not shift years 0–99 the way Date.UTC does', () => {
    expect(daysFromCivil(24, 1, 5) * DAY_MS).toBe(utc('0024-01-05'));
    expect(civilFromDays(daysFromCivil(0, 2, 29))).toEqual({ year: 0, month: 2, day: 29 });
  });
});

describe('periodLabel and periodOrdinal', () => {
  it.each([
    ['2024-03-31T23:59:59.999Z', 'day', '2024-03-31'],
    ['2024-03-31T23:59:59.999Z', 'month', '2024-03'],
    ['2024-03-31T23:59:59.999Z', 'quarter', '2024-Q1'],
    ['2024-04-01T00:00:00Z', 'quarter', '2024-Q2'],
    ['2024-12-30', 'week', '2025-W01'],
    ['2021-01-03', 'week', '2020-W53'],
    ['2015-12-31', 'week', '2015-W53'],
    ['2024-06-17', 'week', '2024-W25'],
    ['1969-12-31T23:00:00Z', 'month', '1969-12'],
  ] as const)('%s → %s %s', (iso, unit, label) => {
    expect(periodLabel(periodOrdinal(utc(iso), unit), unit)).toBe(label);
  });

  it('gives consecutive periods consecutive ordinals, starting where the calendar says', () => {
    fc.assert(
      fc.property(anyDay, fc.constantFrom(...units), (days, unit) => {
        const ordinal = periodOrdinal(days * DAY_MS + 43_200_000, unit);
        const start = periodStart(ordinal, unit);
        expect(periodOrdinal(start, unit)).toBe(ordinal);
        expect(periodOrdinal(start - 1, unit)).toBe(ordinal - 1);
        expect(start).toBeLessThanOrEqual(days * DAY_MS);
        expect(periodLabel(ordinal + 1, unit) > periodLabel(ordinal, unit)).toBe(true);
      }),
    );
  });

  it('starts weeks on Monday and quarters on the first of January, April, July, October', () => {
    const sunday = utc('2024-08-18');
    expect(new Date(periodStart(periodOrdinal(sunday, 'week'), 'week')).toISOString()).toBe('2024-08-12T00:00:00.000Z');
    expect(periodStart(periodOrdinal(utc('2024-11-30'), 'quarter'), 'quarter')).toBe(utc('2024-10-01'));
  });

  it('has no period for a missing or impossible time', () => {
    for (const unit of units) {
      expect(periodOrdinal(NaN, unit)).toBe(NO_PERIOD);
      expect(periodOrdinal(Infinity, unit)).toBe(NO_PERIOD);
      expect(periodOrdinal(9e15, unit)).toBe(NO_PERIOD);
    }
  });
});

describe('periodOrdinals', () => {
  it('gives every date of a column the ordinal periodOrdinal gives, table or not', () => {
    // Six days around 2024-03-31 in a column of six or more make the span no longer than the column, so months
    // and quarters come from the day table; dates over eight centuries take the direct path.
    const wide = fc.oneof(anyDay.map((days) => days * DAY_MS + 1234), fc.constant(NaN));
    const nearQuarterEnd = fc.integer({ min: 19_810, max: 19_815 }).map((days) => days * DAY_MS + 1234);
    const narrow = fc.oneof(nearQuarterEnd, fc.constant(NaN));
    const column = fc.oneof(fc.array(wide, { maxLength: 40 }), fc.array(narrow, { minLength: 6, maxLength: 40 }));
    fc.assert(
      fc.property(column, fc.constantFrom(...units), (times, unit) => {
        const { ordinals, min, max } = periodOrdinals(Float64Array.from(times), unit);
        const expected = times.map((t) => periodOrdinal(t, unit));
        expect(Array.from(ordinals)).toEqual(expected);
        const present = expected.filter((o) => o !== NO_PERIOD);
        const range = present.length ? [Math.min(...present), Math.max(...present)] : [NO_PERIOD, NO_PERIOD];
        expect([min, max]).toEqual(range);
      }),
    );
  });
});
