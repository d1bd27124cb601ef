// Reads numbers as people and spreadsheets write them (decimal point or comma, thousands groups, percent signs).

export type DecimalSeparator = '.' | ',';

const PLUS = 43;
const MINUS = 45;
const MINUS_SIGN = 0x2212;
const COMMA = 44;
const DOT = 46;
const PERCENT = 37;
const LOWER_E = 101;
const UPPER_E = 69;

// Powers of ten that are exact doubles: a mantissa below 2^53 times or divided by one of these is the correctly
// rounded value (Clinger's fast path), so the common case needs neither Number() nor a substring.
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** Space, tab, no-break space, figure space and narrow no-break space (the French thousands separator). */
export function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0x2007 || code === 0x202f;
}

/** Spaces and apostrophes group thousands in either style: "1 234,5" (fr, with NBSP), "1'234.50" (ch). */
function isStyleFreeGroupCode(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 0x2007 || code === 0x202f || code === 39 || code === 0x2019;
}

/** True when the cell is empty or whitespace only: a missing value, as opposed to a bad one. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Parses a number written with `decimal` as its decimal separator; NaN for blank or malformed text.
 *
 * Accepted: surrounding whitespace; a leading + or − sign; digits with an optional fraction (".5" and "5." too);
 * thousands groups of exactly three digits after a first group of one to three, separated throughout by the one
 * character that is not the decimal separator (',' with '.', '.' with ',') or by a space, no-break space or
 * apostrophe; an exponent ("1.5E+03"); a trailing percent sign, which is dropped ("45%" → 45, "45 %" → 45).
 * Anything else is NaN, so "12abc" is rejected rather than read as 12. Infinite results are NaN too.
 */
export function parseNumber(text: string, decimal: DecimalSeparator): number {
  const plain = parsePlainNumber(text, decimal === '.' ? DOT : COMMA);
  return plain === plain ? plain : parseWrittenNumber(text, decimal);
}

/**
 * The shape nearly every cell of a numeric export has, "-1234.56": an optional minus, digits and an optional
 * fraction, at most 15 digits in all (so the mantissa is exact and the quotient correctly rounded). NaN for
 * anything else, which parseWrittenNumber then reads in full. One pass, no trimming, no group bookkeeping.
 */
function parsePlainNumber(text: string, decimalCode: number): number {
  const end = text.length;
  let i = 0;
  let negative = false;
  if (end > 0 && text.charCodeAt(0) === MINUS) {
    negative = true;
    i = 1;
  }
  const integerStart = i;
  let mantissa = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    mantissa = mantissa * 10 + (c - 48);
    i++;
  }
  const integerDigits = i - integerStart;
  let fractionDigits = 0;
  if (i < end) {
    if (text.charCodeAt(i) !== decimalCode) return Number.NaN;
    const fractionStart = ++i;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) return Number.NaN;
      mantissa = mantissa * 10 + (c - 48);
      i++;
    }
    fractionDigits = i - fractionStart;
  }
  const digits = integerDigits + fractionDigits;
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = fractionDigits === 0 ? mantissa : mantissa / (EXACT_POWERS_OF_TEN[fractionDigits] as number);
  return negative ? -value : value;
}

/** The full grammar of parseNumber. */
function parseWrittenNumber(text: string, decimal: DecimalSeparator): number {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end > start && text.charCodeAt(end - 1) === PERCENT) {
    end--;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  }
  if (start === end) return Number.NaN;

  let negative = false;
  const first = text.charCodeAt(start);
  if (first === MINUS || first === MINUS_SIGN) {
    negative = true;
    start++;
  } else if (first === PLUS) start++;

  const decimalCode = decimal === '.' ? DOT : COMMA;
  const groupCode = decimal === '.' ? COMMA : DOT;
  let mantissa = 0;
  let i = start;

  let integerDigits = 0;
  let groupSeparator = -1;
  let groupLength = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      integerDigits++;
      groupLength++;
    } else if (c === groupCode || isStyleFreeGroupCode(c)) {
      if (groupSeparator === -1) {
        // The first group has one to three digits and does not start with a zero ("0,123" is not 123).
        if (integerDigits === 0 || integerDigits > 3 || text.charCodeAt(start) === 48) return Number.NaN;
        groupSeparator = c;
      } else if (c !== groupSeparator || groupLength !== 3) return Number.NaN;
      groupLength = 0;
    } else break;
    i++;
  }
  if (groupSeparator !== -1 && groupLength !== 3) return Number.NaN;

  let fractionDigits = 0;
  if (i < end && text.charCodeAt(i) === decimalCode) {
    i++;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      mantissa = mantissa * 10 + (c - 48);
      fractionDigits++;
      i++;
    }
  }
  if (integerDigits + fractionDigits === 0) return Number.NaN;

  let exponent = 0;
  if (i < end) {
    const c = text.charCodeAt(i);
    if (c !== LOWER_E && c !== UPPER_E) return Number.NaN;
    i++;
    let exponentNegative = false;
    const sign = text.charCodeAt(i);
    if (sign === MINUS || sign === PLUS) {
      exponentNegative = sign === MINUS;
      i++;
    }
    const exponentStart = i;
    while (i < end) {
      const d = text.charCodeAt(i);
      if (d < 48 || d > 57) return Number.NaN;
      // Beyond this any double is 0 or Infinity already; capping avoids overflow of the accumulator.
      if (exponent < 100000) exponent = exponent * 10 + (d - 48);
      i++;
    }
    if (i === exponentStart) return Number.NaN;
    if (exponentNegative) exponent = -exponent;
  }

  const power = exponent - fractionDigits;
  let value: number;
  if (mantissa <= Number.MAX_SAFE_INTEGER && power >= -22 && power <= 22) {
    value = power < 0 ? mantissa / (EXACT_POWERS_OF_TEN[-power] as number) : mantissa * (EXACT_POWERS_OF_TEN[power] as number);
  } else {
    value = slowParse(text, start, end, decimalCode);
    if (!Number.isFinite(value)) return Number.NaN;
  }
  return negative ? -value : value;
}

/** Rebuilds already-validated text in JavaScript syntax for Number(): only for long mantissas and big exponents. */
function slowParse(text: string, start: number, end: number, decimalCode: number): number {
  let plain = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) plain += text[i];
    else if (c === decimalCode) plain += '.';
    else if (c === LOWER_E || c === UPPER_E || c === PLUS || c === MINUS) plain += text[i];
  }
  return Number(plain);
}

// Shapes that settle which separator is the decimal one. "1,234" and "1.234" settle nothing: they are a
// thousand-and-something in one style and a fraction in the other.
const SPACE_GROUPS = '(?:[ \\u00a0\\u2007\\u202f]\\d{3})+';
const COMMA_DECIMAL_SHAPES = [
  /^\d{1,3}(?:\.\d{3})+,\d*$/, // 1.234,56
  new RegExp(`^\\d{1,3}${SPACE_GROUPS},\\d*$`), // 1 234,56
  /^\d{1,3}(?:\.\d{3}){2,}$/, // 1.234.567
  /^\d*,\d+$/, // 3,5 (unless it is one of the thousands-looking shapes excluded below)
];
const DOT_DECIMAL_SHAPES = [
  /^\d{1,3}(?:,\d{3})+\.\d*$/, // 1,234.56
  new RegExp(`^\\d{1,3}${SPACE_GROUPS}\\.\\d*$`), // 1 234.56
  /^\d{1,3}(?:,\d{3}){2,}$/, // 1,234,567
  /^\d*\.\d+$/, // 3.5
];
const AMBIGUOUS_COMMA = /^[1-9]\d{0,2},\d{3}$/;
const AMBIGUOUS_DOT = /^[1-9]\d{0,2}\.\d{3}$/;
const SIGN_AND_PERCENT = /^[\s\u00a0\u2007\u202f]*[+\-\u2212]?|[\s\u00a0\u2007\u202f]*%?[\s\u00a0\u2007\u202f]*$/g;

/** +1 when the text can only be a decimal-comma number, −1 when only a decimal-point one, 0 when it says nothing. */
export function decimalEvidence(text: string): -1 | 0 | 1 {
  const core = text.replace(SIGN_AND_PERCENT, '');
  if (core.length === 0) return 0;
  if (!AMBIGUOUS_COMMA.test(core) && COMMA_DECIMAL_SHAPES.some((shape) => shape.test(core))) return 1;
  if (!AMBIGUOUS_DOT.test(core) && DOT_DECIMAL_SHAPES.some((shape) => shape.test(core))) return -1;
  return 0;
}

/**
 * Decides the decimal separator of a column or file from sample cells: ',' when more cells can only be read with
 * a decimal comma ("3,5", "1.234,56", "0,125") than with a decimal point; '.' otherwise, including when no cell
 * settles it. A comma inside a cell of a comma-delimited file was quoted, so it is evidence like any other.
 */
export function detectDecimalSeparator(samples: readonly string[]): DecimalSeparator {
  let commaVotes = 0;
  let dotVotes = 0;
  for (const sample of samples) {
    const vote = decimalEvidence(sample);
    if (vote === 1) commaVotes++;
    else if (vote === -1) dotVotes++;
  }
  return commaVotes > dotVotes ? ',' : '.';
}
