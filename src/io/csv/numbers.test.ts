// Tests for number parsing in both decimal styles and for decimal-separator detection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalEvidence, detectDecimalSeparator, isBlank, parseNumber, type DecimalSeparator } from './numbers';

/** Writes a finite number the way a spreadsheet in the given style would, with `group` between thousands. */
function format(value: number, decimal: DecimalSeparator, group: string): string {
  const shortest = String(value);
  const sign = shortest.startsWith('-') ? '-' : '';
  const unsigned = sign === '' ? shortest : shortest.slice(1);
  const [mantissa = '', exponent] = unsigned.split('e');
  const [integer = '', fraction] = mantissa.split('.');
  const grouped = exponent === undefined ? integer.replace(/\B(?=(\d{3})+$)/g, group) : integer;
  const body = fraction === undefined ? grouped : `${grouped}${decimal}${fraction}`;
  return `${sign}${body}${exponent === undefined ? '' : `e${exponent}`}`;
}

describe('parseNumber', () => {
  it('reads plain numbers, signs, fractions without an integer part and exponents', () => {
    expect(parseNumber('42', '.')).toBe(42);
    expect(parseNumber('-3.25', '.')).toBe(-3.25);
    expect(parseNumber('+7', '.')).toBe(7);
    expect(parseNumber('.5', '.')).toBe(0.5);
    expect(parseNumber('5.', '.')).toBe(5);
    expect(parseNumber('1.5E+03', '.')).toBe(1500);
    expect(parseNumber('2,5e-3', ',')).toBe(0.0025);
    expect(parseNumber('\u22124,5', ',')).toBe(-4.5);
  });

  it('reads thousands groups in the matching style only', () => {
    expect(parseNumber('1,234.5', '.')).toBe(1234.5);
    expect(parseNumber('1.234,5', ',')).toBe(1234.5);
    expect(parseNumber('12.345.678,90', ',')).toBe(12345678.9);
    expect(parseNumber('1 234,5', ',')).toBe(1234.5);
    expect(parseNumber('1\u00a0234\u00a0567,25', ',')).toBe(1234567.25);
    expect(parseNumber('1\u202f234,5', ',')).toBe(1234.5);
    expect(parseNumber("1'234.50", '.')).toBe(1234.5);
    expect(parseNumber('1.234,5', '.')).toBeNaN();
    expect(parseNumber('1,234.5', ',')).toBeNaN();
  });

  it('reads "1.234" as 1234 with a decimal comma and as 1.234 with a decimal point', () => {
    expect(parseNumber('1.234', ',')).toBe(1234);
    expect(parseNumber('1.234', '.')).toBe(1.234);
    expect(parseNumber('3,5', ',')).toBe(3.5);
    expect(parseNumber('3,5', '.')).toBeNaN();
  });

  it('refuses malformed groups: wrong sizes, mixed separators, a leading zero group', () => {
    expect(parseNumber('1,23,456', '.')).toBeNaN();
    expect(parseNumber('1234,567', '.')).toBeNaN();
    expect(parseNumber('1,234 567', '.')).toBeNaN();
    expect(parseNumber('0,123', '.')).toBeNaN();
    expect(parseNumber('1,234,', '.')).toBeNaN();
    expect(parseNumber('12 34', '.')).toBeNaN();
  });

  it('drops a trailing percent sign and surrounding spaces: "45%" is 45', () => {
    expect(parseNumber('45%', '.')).toBe(45);
    expect(parseNumber(' 12,5 % ', ',')).toBe(12.5);
    expect(parseNumber('\t-0.5%\u00a0', '.')).toBe(-0.5);
    expect(parseNumber('%', '.')).toBeNaN();
    expect(parseNumber('%45', '.')).toBeNaN();
  });

  it('rejects trailing text instead of reading a prefix: "12abc" is NaN, not 12', () => {
    for (const text of ['12abc', '€12', '12 €', '$1,234', '(12)', '12-', '1e', 'e5', '.', '-', '+-1', '1..2', '0x1A', 'NaN', 'Infinity', '1/2']) {
      expect(parseNumber(text, '.'), text).toBeNaN();
    }
  });

  it('treats blank cells as missing (NaN) and lets isBlank tell them from bad ones', () => {
    expect(parseNumber('', '.')).toBeNaN();
    expect(parseNumber('  \u00a0', '.')).toBeNaN();
    expect(isBlank('')).toBe(true);
    expect(isBlank(' \t\u00a0')).toBe(true);
    expect(isBlank('n/a')).toBe(false);
    expect(isBlank('0')).toBe(false);
  });

  it('gives NaN rather than Infinity for numbers beyond double range', () => {
    expect(parseNumber('1e400', '.')).toBeNaN();
    expect(parseNumber('1e-400', '.')).toBe(0);
  });

  it('reads long mantissas exactly like Number()', () => {
    expect(parseNumber('0.1000000000000000055511151231257827', '.')).toBe(0.1);
    expect(parseNumber('9007199254740993', '.')).toBe(9007199254740992);
    expect(parseNumber('123456789012345678901234567890', '.')).toBe(1.2345678901234568e29);
  });

  it('reads the common shape as the full grammar does at its edges: 15 and 16 digits, signs, bare separators', () => {
    expect(parseNumber('123456789012345', '.')).toBe(123456789012345);
    expect(parseNumber('1234567890123456', '.')).toBe(1234567890123456);
    expect(parseNumber('0.00000000000001', '.')).toBe(1e-14);
    expect(parseNumber('-1234.56', '.')).toBe(-1234.56);
    expect(parseNumber('-1234,56', ',')).toBe(-1234.56);
    expect(parseNumber('-.5', '.')).toBe(-0.5);
    expect(Object.is(parseNumber('-0', '.'), -0)).toBe(true);
    expect(parseNumber('007', '.')).toBe(7);
    for (const text of ['', '-', '.', '-.', '1.2.3', '1-2', '--1']) expect(parseNumber(text, '.')).toBeNaN();
    // The other separator is a thousands group, not a decimal: "12.5" is malformed with a decimal comma.
    expect(parseNumber('12.5', ',')).toBeNaN();
    expect(parseNumber('12,5', '.')).toBeNaN();
  });

  it('agrees with Number() on plain decimal strings of any length', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^-?[0-9]{1,25}(\.[0-9]{1,25})?(e[+-]?[0-9]{1,3})?$/),
        (text) => {
          const expected = Number(text);
          expect(parseNumber(text, '.')).toBe(Number.isFinite(expected) ? expected : Number.NaN);
        },
      ),
    );
  });

  it('round-trips every finite double written in the decimal-point style', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('', ',', ' ', '\u00a0', "'"), (n, group) => {
        expect(parseNumber(format(n, '.', group), '.')).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('round-trips every finite double written in the decimal-comma style', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('', '.', ' ', '\u00a0', '\u202f'), (n, group) => {
        expect(parseNumber(format(n, ',', group), ',')).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('round-trips money amounts with cents and a percent sign', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom<DecimalSeparator>('.', ','), (cents, decimal) => {
        const n = cents / 100;
        const text = `${format(n, decimal, decimal === '.' ? ',' : '.')}%`;
        expect(parseNumber(text, decimal)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('detectDecimalSeparator', () => {
  it('finds the decimal comma of a European Excel column', () => {
    expect(detectDecimalSeparator(['933.755,38', '944.592,67', '29,9', '', '1.234', '12'])).toBe(',');
  });

  it('finds the decimal point of an English-locale column', () => {
    expect(detectDecimalSeparator(['933,755.38', '944592.67', '29.9', '1,234', '12'])).toBe('.');
  });

  it('stays with the decimal point when nothing settles it ("1,234" and "1.234" read both ways)', () => {
    expect(detectDecimalSeparator(['1,234', '2,500', '7', ''])).toBe('.');
    expect(detectDecimalSeparator(['1.234', '2.500'])).toBe('.');
    expect(detectDecimalSeparator([])).toBe('.');
  });

  it('counts decimal commas that came quoted from a comma-delimited Google Sheets export', () => {
    expect(detectDecimalSeparator(['3,5', '4,25', '10'])).toBe(',');
  });

  it('lets the majority win when a column mixes both styles', () => {
    expect(detectDecimalSeparator(['3,5', '4,5', '5.5'])).toBe(',');
    expect(detectDecimalSeparator(['3,5', '4.5', '5.5'])).toBe('.');
  });
});

describe('decimalEvidence', () => {
  it('classifies each shape', () => {
    expect(decimalEvidence('1.234,56')).toBe(1);
    expect(decimalEvidence('1 234,5')).toBe(1);
    expect(decimalEvidence('1.234.567')).toBe(1);
    expect(decimalEvidence('0,125')).toBe(1);
    expect(decimalEvidence('-12,5 %')).toBe(1);
    expect(decimalEvidence('1,234.56')).toBe(-1);
    expect(decimalEvidence('1,234,567')).toBe(-1);
    expect(decimalEvidence('3.5')).toBe(-1);
    expect(decimalEvidence('1,234')).toBe(0);
    expect(decimalEvidence('1.234')).toBe(0);
    expect(decimalEvidence('31.01.2024')).toBe(0);
    expect(decimalEvidence('Paris, France')).toBe(0);
    expect(decimalEvidence('42')).toBe(0);
  });
});
