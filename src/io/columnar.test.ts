import { describe, expect, it } from 'vitest';
import { isoDateToEpochMs, toTypedColumns } from './columnar';

describe('toTypedColumns', () => {
  it('stores numbers as Float64Array with NaN for missing cells, never zero', () => {
    const { columns, data } = toTypedColumns({ columns: [{ name: 'nps', type: 'number', values: [12.5, null, -3] }] });
    expect(columns).toEqual([{ name: 'nps', type: 'number' }]);
    expect(Array.from(data[0] as Float64Array)).toEqual([12.5, Number.NaN, -3]);
  });

  it('dictionary-encodes categories in order of first appearance with -1 for missing', () => {
    const { columns, data } = toTypedColumns({
      columns: [{ name: 'region', type: 'category', values: ['East', 'West', null, 'East'] }],
    });
    expect(columns[0]).toEqual({ name: 'region', type: 'category', dictionary: ['East', 'West'] });
    expect(Array.from(data[0] as Int32Array)).toEqual([0, 1, -1, 0]);
  });

  it('turns months and days into UTC epoch milliseconds', () => {
    const { data } = toTypedColumns({ columns: [{ name: 'month', type: 'date', values: ['2024-01', '2024-02-29', null] }] });
    expect(Array.from(data[0] as Float64Array)).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 1, 29), Number.NaN]);
  });

  it('keeps text as strings, missing as null', () => {
    const { data } = toTypedColumns({ columns: [{ name: 'comment', type: 'text', values: ['=SUM(A1)', null] }] });
    expect(data[0]).toEqual(['=SUM(A1)', null]);
  });
});

describe('isoDateToEpochMs', () => {
  it('refuses anything but YYYY-MM and YYYY-MM-DD', () => {
    expect(isoDateToEpochMs('31.01.2024')).toBeNaN();
    expect(isoDateToEpochMs('2024-01-31')).toBe(Date.UTC(2024, 0, 31));
  });
});
