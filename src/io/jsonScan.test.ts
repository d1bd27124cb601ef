// Tests of the pre-parse JSON scan: agreement with JSON.parse, exact error positions, truncation and depth limits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineAndColumn, scanJson } from './jsonScan';

const DEEP = { maxDepth: 10_000 };

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON texts with small random edits: mostly invalid, near-misses that exercise every branch. */
const editChar = fc.constantFrom(...'{}[]:,"\\ 0123456789-+.eEtrufalsn\n\t\u0001x'.split(''));
const editedJson = fc
  .tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), editChar)
  .map(([value, position, edit, char]) => {
    const text = JSON.stringify(value, null, 1);
    const i = position % (text.length + 1);
    if (edit === 'delete') return text.slice(0, i) + text.slice(i + 1);
    if (edit === 'insert') return text.slice(0, i) + char + text.slice(i);
    return text.slice(0, i) + char + text.slice(i + 1);
  });

describe('scanJson', () => {
  it('accepts whatever JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        expect(scanJson(JSON.stringify(value, null, indent), DEEP)).toEqual({ ok: true });
      }),
    );
  });

  it('agrees with JSON.parse on edited JSON and on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(editedJson, fc.string(), fc.string({ unit: 'binary' })), (text) => {
        expect(scanJson(text, DEEP).ok).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports every cut-off prefix of an object as truncated', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), fc.nat(), (value, cut) => {
        const text = JSON.stringify(value, null, 2);
        const prefix = text.slice(0, cut % text.length);
        expect(scanJson(prefix, DEEP)).toMatchObject({ ok: false, kind: 'syntax', truncated: true });
      }),
    );
  });

  it('gives the line and column of the first error', () => {
    expect(scanJson('{\n  "a": 1,\n  "b": }', DEEP)).toEqual({
      ok: false,
      kind: 'syntax',
      line: 3,
      column: 8,
      truncated: false,
      detail: "expected a value but found '}'",
    });
  });

  it('counts CRLF as one line break', () => {
    expect(scanJson('{\r\n"a": 1\r\n"b": 2}', DEEP)).toMatchObject({
      line: 3,
      column: 1,
      detail: "expected ',' or '}' but found '\"'",
    });
  });

  it('says what was expected in each position', () => {
    const cases: [string, string][] = [
      ['[1,]', "expected a value but found ']'"],
      ['{"a":1,}', "expected a field name in double quotes but found '}'"],
      ['{a:1}', "expected a field name in double quotes or '}' but found 'a'"],
      ['{"a" 1}', "expected ':' after the field name but found '1'"],
      ['[1 2]', "expected ',' or ']' but found '2'"],
      ['{} {}', "unexpected '{' after the end of the JSON data"],
      ['01', 'a number cannot have a leading zero'],
      ['1.e5', "expected a digit after the decimal point but found 'e'"],
      ['"a\\x"', "'x' cannot follow a backslash in a string"],
      ['"\\u12G4"', 'a \\u escape needs four hexadecimal digits'],
      ['"a\nb"', 'the control character U+000A inside a string must be escaped (a line break inside quotes?)'],
      ['nul!', "unexpected 'n' where a value was expected"],
      ["{'a': 1}", "expected a field name in double quotes or '}' but found '''"],
    ];
    for (const [text, detail] of cases) {
      expect(scanJson(text, DEEP), text).toMatchObject({ ok: false, kind: 'syntax', truncated: false, detail });
    }
  });

  it('tells truncation from malformation', () => {
    const cases: [string, string][] = [
      ['', 'the text is empty'],
      ['  \n ', 'the text is empty'],
      ['{"plan": {"goals": [', "the text ends where a value or ']' was expected"],
      ['{"a": "unfinished', 'the text ends inside a string (a closing quote is missing)'],
      ['{"a": tr', "the text ends inside 'true'"],
      ['[1.', 'the text ends where a digit after the decimal point was expected'],
      ['["\\u12', 'the text ends inside a \\u escape'],
      ['{"a": 1', "the text ends where ',' or '}' was expected"],
    ];
    for (const [text, detail] of cases) {
      expect(scanJson(text, DEEP), text).toMatchObject({ ok: false, kind: 'syntax', truncated: true, detail });
    }
  });

  it('stops at the first bracket beyond the depth limit, even 100,000 levels deep', () => {
    const hostile = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(scanJson(hostile, { maxDepth: 32 })).toEqual({ ok: false, kind: 'too-deep', line: 1, column: 33, maxDepth: 32 });
    const objects = '{"a":'.repeat(100_000);
    expect(scanJson(objects, { maxDepth: 32 })).toMatchObject({ ok: false, kind: 'too-deep', column: 5 * 32 + 1 });
  });

  it('accepts nesting exactly at the limit and ignores brackets inside strings', () => {
    expect(scanJson('['.repeat(32) + ']'.repeat(32), { maxDepth: 32 })).toEqual({ ok: true });
    expect(scanJson(`["${'['.repeat(1000)}"]`, { maxDepth: 2 })).toEqual({ ok: true });
  });
});

describe('scanJson: forbidden keys', () => {
  const limits = { maxDepth: 32, forbiddenKeys: new Set(['__proto__', 'constructor']) };

  it('finds a forbidden key at any depth, with its position', () => {
    expect(scanJson('{"a": [{"b": 1}, {"__proto__": {}}]}', limits)).toEqual({
      ok: false,
      kind: 'forbidden-key',
      key: '__proto__',
      line: 1,
      column: 19,
    });
  });

  it('decodes escapes before comparing', () => {
    expect(scanJson('{"\\u005f_proto__": 1}', limits)).toMatchObject({ kind: 'forbidden-key', key: '__proto__' });
    expect(scanJson('{"constr\\u0075ctor": 1}', limits)).toMatchObject({ kind: 'forbidden-key', key: 'constructor' });
  });

  it('ignores forbidden words used as values or inside longer keys', () => {
    expect(scanJson('{"name": "__proto__", "constructors": ["constructor"], "x__proto__": 1}', limits)).toEqual({
      ok: true,
    });
  });
});

describe('lineAndColumn', () => {
  it('is 1-based and restarts the column after each newline', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});
