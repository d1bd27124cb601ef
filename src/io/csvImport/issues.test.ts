// Import problems quote short, single-line excerpts and read as one plain sentence.
import { describe, expect, it } from 'vitest';
import { IssueLog, describeIssue, excerpt, issue } from './issues';

describe('import issues', () => {
  it('quotes at most 60 characters of what was found, on one line', () => {
    expect(excerpt('a\r\nb\nc')).toBe('a↵b↵c');
    expect(excerpt('x'.repeat(61))).toBe(`${'x'.repeat(60)}…`);
    expect(issue('not-a-number', 3, 'nps', 'y'.repeat(100), 'a number').found).toHaveLength(61);
  });

  it('describes a cell problem with its row and column, and a file problem without them', () => {
    expect(describeIssue(issue('not-a-number', 1234, 'revenue', 'n/a', 'a number such as 1234.5, or a blank'))).toBe(
      'Row 1,234, column “revenue”: Not a number: found “n/a”, expected a number such as 1234.5, or a blank.',
    );
    expect(describeIssue(issue('empty-file', 0, null, '0 bytes', 'a header row and data rows'))).toBe(
      'The file is empty: found “0 bytes”, expected a header row and data rows.',
    );
    expect(describeIssue(issue('ragged-row', 7, null, '', '3 fields'))).toBe(
      'Row 7: Wrong number of fields: found nothing, expected 3 fields.',
    );
  });

  it('keeps the first issues in detail and counts all of them', () => {
    const log = new IssueLog(2);
    for (let row = 1; row <= 5; row++) log.add(issue('ragged-row', row, null, '', '2 fields'));
    expect(log.count).toBe(5);
    expect(log.issues.map((i) => i.row)).toEqual([1, 2]);
  });
});
