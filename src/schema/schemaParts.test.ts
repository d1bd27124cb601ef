// Tests of the shared schema parts: the timestamp rule every plan and plan file relies on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoTimestamp, isPlainRecord } from './schemaParts';

describe('isIsoTimestamp', () => {
  it('accepts toISOString output and numeric offsets', () => {
    expect(isIsoTimestamp('2026-11-23T10:00:00.000Z')).toBe(true);
    expect(isIsoTimestamp('2024-02-29T23:59:59Z')).toBe(true);
    expect(isIsoTimestamp('2000-02-29T00:00:00Z')).toBe(true);
    expect(isIsoTimestamp('0000-02-29T00:00:00Z')).toBe(true);
    expect(isIsoTimestamp('2026-11-23T10:00:00.123+05:30')).toBe(true);
  });

  it('refuses dates alone, impossible days and times, and spaces for T', () => {
    for (const text of [
      '2026-11-23',
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2026-06-31T00:00:00Z',
      '2026-11-23T24:00:00Z',
      '2026-11-23 10:00:00Z',
      '2026-11-23T10:00:00',
      '2026-11-23T10:00:00+25:00',
    ]) {
      expect(isIsoTimestamp(text), text).toBe(false);
    }
  });

  it('accepts every timestamp Date produces for years 0000..9999', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => isIsoTimestamp(d.toISOString()),
      ),
    );
  });
});

describe('isPlainRecord', () => {
  it('accepts JSON-style objects only', () => {
    expect(isPlainRecord({ a: 1 })).toBe(true);
    expect(isPlainRecord(Object.create(null))).toBe(true);
    expect(isPlainRecord([])).toBe(false);
    expect(isPlainRecord(null)).toBe(false);
    expect(isPlainRecord(new Date())).toBe(false);
    expect(isPlainRecord('{}')).toBe(false);
  });
});
