// Calendar dates for targets: strict parsing and periods between dates.

import { describe, expect, it } from 'vitest';
import { isoFromDays, parseIsoDate, periodsBetween } from './dates';

describe('parseIsoDate', () => {
  it('reads real calendar dates only', () => {
    expect(parseIsoDate('1970-01-02')).toBe(1);
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2025-13-01')).toBeNull();
    expect(parseIsoDate('30.06.2027')).toBeNull();
    expect(parseIsoDate('2027-06-30T00:00')).toBeNull();
  });

  it('round-trips through isoFromDays', () => {
    expect(isoFromDays(parseIsoDate('2027-06-30') as number)).toBe('2027-06-30');
  });
});

describe('periodsBetween', () => {
  it('counts whole periods between the periods holding two dates', () => {
    expect(periodsBetween('2024-12-01', '2025-06-30', 'month')).toBe(6);
    expect(periodsBetween('2024-12-01', '2025-06-30', 'quarter')).toBe(2);
    expect(periodsBetween('2025-01-06', '2025-01-20', 'week')).toBe(2);
    expect(periodsBetween('2025-06-30', '2024-12-01', 'month')).toBe(-6);
    expect(periodsBetween('2025-06-31', '2024-12-01', 'month')).toBeNull();
  });
});
