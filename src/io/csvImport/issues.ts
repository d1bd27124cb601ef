// Builds the precise problem reports of an import and words them for people.
import { detach } from './detach';
import type { ImportIssue, ImportIssueKind } from './types';

/** Longest excerpt of the file quoted in an issue: enough to recognise the cell, never a whole 50 MB field. */
export const EXCERPT_CHARS = 60;

/**
 * The start of `text`, with an ellipsis when cut, and line breaks shown so the excerpt stays on one line. Detached
 * from the file's text: a kept issue must not keep a decoded slice alive.
 */
export function excerpt(text: string): string {
  const cut = text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
  return detach(cut.replace(/\r\n|\r|\n/g, '↵'));
}

export function issue(
  kind: ImportIssueKind,
  row: number,
  column: string | null,
  found: string,
  expected: string,
): ImportIssue {
  return { kind, row, column, found: excerpt(found), expected };
}

/** Collects up to `limit` issues in detail and counts all of them. */
export class IssueLog {
  readonly issues: ImportIssue[] = [];
  count = 0;

  constructor(private readonly limit: number) {}

  add(entry: ImportIssue): void {
    this.count++;
    if (this.issues.length < this.limit) this.issues.push(entry);
  }
}

/** One sentence for the user, e.g. "Row 12, column “revenue”: found “n/a”, expected a number." */
export function describeIssue(entry: ImportIssue): string {
  const row = entry.row > 0 ? `Row ${entry.row.toLocaleString('en')}` : '';
  const column = entry.column ? `column “${entry.column}”` : '';
  const where = [row, column].filter(Boolean).join(', ');
  const found = entry.found === '' ? 'nothing' : `“${entry.found}”`;
  const what = `${TITLES[entry.kind]}: found ${found}, expected ${entry.expected}.`;
  return where === '' ? what : `${where}: ${what}`;
}

const TITLES: Record<ImportIssueKind, string> = {
  'empty-file': 'The file is empty',
  'binary-file': 'This is not a text file',
  'header-only': 'The file has a header but no data rows',
  'header-mismatch': 'The header does not match the preview',
  'duplicate-column': 'Two columns have the same name',
  'ragged-row': 'Wrong number of fields',
  'not-a-number': 'Not a number',
  'invalid-date': 'Not a valid date',
  'unterminated-quote': 'A quoted field is never closed',
  'malformed-quote': 'A quoted field is followed by other text',
  'field-too-large': 'A field is too large',
};
