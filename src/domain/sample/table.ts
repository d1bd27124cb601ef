// Plain columnar tables: the shape the sample generator returns and the CSV writer consumes.

export type ColumnType = 'date' | 'number' | 'category' | 'text';

/** One column; null marks a missing cell (missing is not zero). */
export interface Column {
  name: string;
  type: ColumnType;
  values: (number | string | null)[];
}

/** Columns of equal length, in file order. */
export interface Table {
  columns: Column[];
}

/** Number of rows of a table; throws when its columns disagree, since such a table has no row shape. */
export function rowCount(table: Table): number {
  const first = table.columns[0];
  if (first === undefined) return 0;
  for (const column of table.columns) {
    if (column.values.length !== first.values.length) {
      throw new RangeError(
        `Column "${column.name}" has ${column.values.length} values but "${first.name}" has ${first.values.length}`,
      );
    }
  }
  return first.values.length;
}

/** The column with the given name; throws when absent so callers never silently read an empty column. */
export function column(table: Table, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (found === undefined) throw new RangeError(`No column named "${name}"`);
  return found;
}
