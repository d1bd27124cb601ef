// Pre-parse JSON check: exact error positions, truncation, nesting depth and forbidden keys, before JSON.parse runs.

// A hand-written, non-recursive scanner rather than JSON.parse's error messages: those differ between browsers and
// often give no position; this also stops a hostile nesting depth early and finds forbidden keys before any object
// exists.

export type JsonScanResult =
  | { ok: true }
  | {
      ok: false;
      kind: 'syntax';
      line: number;
      column: number;
      /** The text ended before the JSON value was complete (a cut-off download or copy). */
      truncated: boolean;
      detail: string;
    }
  | { ok: false; kind: 'too-deep'; line: number; column: number; maxDepth: number }
  | { ok: false; kind: 'forbidden-key'; line: number; column: number; key: string };

export interface JsonScanLimits {
  maxDepth: number;
  /** Object keys to refuse, compared after decoding escapes ("__pro\u0074o__" is "__proto__"). */
  forbiddenKeys?: ReadonlySet<string>;
}

// What the scanner expects next. Numbers rather than strings keep the hot loop fast on multi-megabyte files.
const VALUE = 0;
const VALUE_OR_CLOSE = 1;
const KEY_OR_CLOSE = 2;
const KEY = 3;
const COLON = 4;
const COMMA_OR_CLOSE = 5;
const END = 6;
type Expect =
  | typeof VALUE
  | typeof VALUE_OR_CLOSE
  | typeof KEY_OR_CLOSE
  | typeof KEY
  | typeof COLON
  | typeof COMMA_OR_CLOSE
  | typeof END;

const OBJECT = 0;
const ARRAY = 1;

class ScanError {
  constructor(
    readonly offset: number,
    readonly truncated: boolean,
    readonly detail: string,
  ) {}
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function showChar(text: string, i: number): string {
  const cp = text.codePointAt(i) ?? 0;
  if (cp < 0x20 || cp === 0x7f) return `the control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(cp)}'`;
}

/** 1-based line and column (in UTF-16 code units) of an offset; CRLF counts as one line break. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Returns the offset just past the string whose opening quote is at `start`. */
function scanString(text: string, start: number): number {
  const n = text.length;
  let i = start + 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) {
      if (i + 1 >= n) throw new ScanError(n, true, 'the text ends inside an escape sequence');
      const e = text.charCodeAt(i + 1);
      if (e === 117) {
        for (let k = 2; k < 6; k++) {
          if (i + k >= n) throw new ScanError(n, true, 'the text ends inside a \\u escape');
          if (!isHex(text.charCodeAt(i + k))) {
            throw new ScanError(i, false, 'a \\u escape needs four hexadecimal digits');
          }
        }
        i += 6;
        continue;
      }
      // " \ / b f n r t
      if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
        i += 2;
        continue;
      }
      throw new ScanError(i, false, `${showChar(text, i + 1)} cannot follow a backslash in a string`);
    }
    if (c < 0x20) {
      const detail = `${showChar(text, i)} inside a string must be escaped (a line break inside quotes?)`;
      throw new ScanError(i, false, detail);
    }
    i++;
  }
  throw new ScanError(n, true, 'the text ends inside a string (a closing quote is missing)');
}

/** Returns the offset just past a run of digits at `start`, which must hold at least one. */
function scanDigits(text: string, start: number, what: string): number {
  const n = text.length;
  if (start >= n) throw new ScanError(n, true, `the text ends where ${what} was expected`);
  if (!isDigit(text.charCodeAt(start))) {
    throw new ScanError(start, false, `expected ${what} but found ${showChar(text, start)}`);
  }
  let i = start + 1;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Returns the offset just past the number that starts at `start`. */
function scanNumber(text: string, start: number): number {
  const n = text.length;
  let i = start;
  if (text.charCodeAt(i) === 45) i++;
  if (i < n && text.charCodeAt(i) === 48) {
    i++;
    if (i < n && isDigit(text.charCodeAt(i))) throw new ScanError(i, false, 'a number cannot have a leading zero');
  } else {
    i = scanDigits(text, i, 'a digit');
  }
  if (i < n && text.charCodeAt(i) === 46) i = scanDigits(text, i + 1, 'a digit after the decimal point');
  if (i < n && (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69)) {
    i++;
    if (i < n && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) i++;
    i = scanDigits(text, i, 'a digit in the exponent');
  }
  return i;
}

function scanLiteral(text: string, start: number, word: 'true' | 'false' | 'null'): number {
  const end = start + word.length;
  const found = text.slice(start, end);
  if (found === word) return end;
  if (end > text.length && word.startsWith(found)) {
    throw new ScanError(text.length, true, `the text ends inside '${word}'`);
  }
  throw new ScanError(start, false, `unexpected ${showChar(text, start)} where a value was expected`);
}

function describeExpect(expect: Expect, top: number | undefined): string {
  switch (expect) {
    case VALUE:
      return 'a value';
    case VALUE_OR_CLOSE:
      return "a value or ']'";
    case KEY_OR_CLOSE:
      return "a field name in double quotes or '}'";
    case KEY:
      return 'a field name in double quotes';
    case COLON:
      return "':' after the field name";
    case COMMA_OR_CLOSE:
      return top === OBJECT ? "',' or '}'" : "',' or ']'";
    case END:
      return 'the end of the text';
  }
}

/**
 * Checks that `text` is exactly one JSON value (RFC 8259, as JSON.parse accepts it) nested at most
 * `limits.maxDepth` arrays/objects deep, with none of `limits.forbiddenKeys` as an object key. Uses an explicit
 * stack, so no input can exhaust the call stack. Never throws.
 */
export function scanJson(text: string, limits: JsonScanLimits): JsonScanResult {
  const { maxDepth, forbiddenKeys } = limits;
  // Longest key worth decoding: every character of a forbidden key written as a six-character \u escape.
  let longestForbidden = 0;
  for (const key of forbiddenKeys ?? []) longestForbidden = Math.max(longestForbidden, key.length * 6);
  const n = text.length;
  const stack: number[] = [];
  let expect: Expect = VALUE;
  let i = 0;

  try {
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13) i++;
        else break;
      }
      if (i >= n) {
        if (expect === END) return { ok: true };
        const detail =
          text.trim() === ''
            ? 'the text is empty'
            : `the text ends where ${describeExpect(expect, stack[stack.length - 1])} was expected`;
        throw new ScanError(n, true, detail);
      }
      const c = text.charCodeAt(i);
      const top = stack[stack.length - 1];
      if (expect === VALUE || expect === VALUE_OR_CLOSE) {
        if (c === 93 && expect === VALUE_OR_CLOSE) {
          stack.pop();
          i++;
        } else if (c === 123 || c === 91) {
          stack.push(c === 123 ? OBJECT : ARRAY);
          if (stack.length > maxDepth) return { ok: false, kind: 'too-deep', maxDepth, ...lineAndColumn(text, i) };
          i++;
          expect = c === 123 ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
          continue;
        } else if (c === 34) {
          i = scanString(text, i);
        } else if (c === 45 || isDigit(c)) {
          i = scanNumber(text, i);
        } else if (c === 116 || c === 102 || c === 110) {
          i = scanLiteral(text, i, c === 116 ? 'true' : c === 102 ? 'false' : 'null');
        } else {
          throw new ScanError(i, false, `expected ${describeExpect(expect, top)} but found ${showChar(text, i)}`);
        }
        expect = stack.length === 0 ? END : COMMA_OR_CLOSE;
      } else if (expect === KEY_OR_CLOSE || expect === KEY) {
        if (c === 125 && expect === KEY_OR_CLOSE) {
          stack.pop();
          i++;
          expect = stack.length === 0 ? END : COMMA_OR_CLOSE;
        } else if (c === 34) {
          const start = i;
          i = scanString(text, i);
          if (forbiddenKeys !== undefined && i - start - 2 <= longestForbidden) {
            const raw = text.slice(start + 1, i - 1);
            const key = raw.includes('\\') ? (JSON.parse(text.slice(start, i)) as string) : raw;
            if (forbiddenKeys.has(key)) return { ok: false, kind: 'forbidden-key', key, ...lineAndColumn(text, start) };
          }
          expect = COLON;
        } else {
          throw new ScanError(i, false, `expected ${describeExpect(expect, top)} but found ${showChar(text, i)}`);
        }
      } else if (expect === COLON) {
        if (c !== 58) {
          throw new ScanError(i, false, `expected ':' after the field name but found ${showChar(text, i)}`);
        }
        i++;
        expect = VALUE;
      } else if (expect === COMMA_OR_CLOSE) {
        if (c === 44) {
          i++;
          expect = top === OBJECT ? KEY : VALUE;
        } else if ((c === 125 && top === OBJECT) || (c === 93 && top === ARRAY)) {
          stack.pop();
          i++;
          expect = stack.length === 0 ? END : COMMA_OR_CLOSE;
        } else {
          throw new ScanError(i, false, `expected ${describeExpect(expect, top)} but found ${showChar(text, i)}`);
        }
      } else {
        throw new ScanError(i, false, `unexpected ${showChar(text, i)} after the end of the JSON data`);
      }
    }
  } catch (e) {
    if (!(e instanceof ScanError)) throw e;
    return { ok: false, kind: 'syntax', truncated: e.truncated, detail: e.detail, ...lineAndColumn(text, e.offset) };
  }
}
