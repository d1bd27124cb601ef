// Turns a plain table (strings and numbers per column) into the typed columns the dataset store keeps.
import type { Table } from '../domain/sample/table';
import type { ColumnData, ColumnMeta } from '../storage/records';

/** Parses "YYYY-MM" or "YYYY-MM-DD" as a UTC epoch-millisecond value; NaN when it is neither. */
export function isoDateToEpochMs(text: string): number {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (!match) return Number.NaN;
  const [, y, m, d] = match;
  return Date.UTC(Number(y), Number(m) - 1, d === undefined ? 1 : Number(d));
}

export interface TypedTable {
  columns: ColumnMeta[];
  data: ColumnData[];
}

export function toTypedColumns(table: Table): TypedTable {
  const columns: ColumnMeta[] = [];
  const data: ColumnData[] = [];
  for (const column of table.columns) {
    const values = column.values;
    switch (column.type) {
      case 'number':
        columns.push({ name: column.name, type: 'number' });
        data.push(Float64Array.from(values, (v) => (typeof v === 'number' ? v : Number.NaN)));
        break;
      case 'date':
        columns.push({ name: column.name, type: 'date' });
        data.push(Float64Array.from(values, (v) => (typeof v === 'string' ? isoDateToEpochMs(v) : Number.NaN)));
        break;
      case 'category': {
        const dictionary: string[] = [];
        const codes = new Map<string, number>();
        const encoded = new Int32Array(values.length);
        values.forEach((v, i) => {
          if (v === null) {
            encoded[i] = -1;
            return;
          }
          const label = String(v);
          let code = codes.get(label);
          if (code === undefined) {
            code = dictionary.length;
            dictionary.push(label);
            codes.set(label, code);
          }
          encoded[i] = code;
        });
        columns.push({ name: column.name, type: 'category', dictionary });
        data.push(encoded);
        break;
      }
      case 'text':
        columns.push({ name: column.name, type: 'text' });
        data.push(values.map((v) => (v === null ? null : String(v))));
        break;
    }
  }
  return { columns, data };
}
