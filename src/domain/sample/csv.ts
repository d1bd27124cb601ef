// RFC 4180 CSV writer for the generated sample files (comma, double quotes, CRLF, invariant numbers).
//
// Formula-injection escaping (prefixing =, +, -, @ with an apostrophe) is deliberately NOT applied: these files
// are test data that must reproduce what real survey exports contain, formula-looking comments included, so the
// importer can be exercised against them. Any CSV the app exports for people to open in a spreadsheet needs its
// own writer that does escape.
import { rowCount, type Table } from './table';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Formats a number in plain invariant notation: '.' as the decimal point, no grouping, never an exponent
 * (String(1e21) would give "1e+21", String(1e-7) "1e-7"). The digits are the shortest that round-trip.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} to CSV`);
  if (Object.is(value, -0)) return '0';
  const shortest = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
  if (match === null) return shortest;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match;
  const digits = lead + fraction;
  const exponent = Number(exponentText);
  if (exponent >= 0) {
    // Exponent notation only appears from 1e21 upwards, so the digits never reach past the decimal point.
    return sign + digits + '0'.repeat(exponent - fraction.length);
  }
  return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
}

function formatField(value: number | string | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? formatNumber(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes a header row and one record per row, each ended by CRLF; line breaks inside fields are kept as given. */
export function toCsv(table: Table): string {
  const rows = rowCount(table);
  const lines: string[] = [table.columns.map((c) => formatField(c.name)).join(',')];
  for (let r = 0; r < rows; r++) {
    lines.push(table.columns.map((c) => formatField(c.values[r] ?? null)).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
