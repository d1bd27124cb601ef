// Tests for encoding detection and the binary-file check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectEncoding, isValidUtf8, looksBinary, sniffBinaryFormat } from './encoding';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let offset = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    offset = 2;
  }
  for (let i = 0; i < text.length; i++) view.setUint16(offset + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe('detectEncoding', () => {
  it('reads a UTF-8 byte-order mark, as Excel writes before "CSV UTF-8"', () => {
    expect(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('month;revenue\r\n')))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
    });
  });

  it('reads UTF-16 byte-order marks in both byte orders', () => {
    expect(detectEncoding(utf16('id\tscore\r\n', true, true))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(utf16('id\tscore\r\n', false, true))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
  });

  it('recognises UTF-16 without a mark by its zero bytes', () => {
    expect(detectEncoding(utf16('Respondent ID,Score\r\n1,9\r\n', true, false))).toEqual({
      encoding: 'utf-16le',
      bomLength: 0,
    });
    expect(detectEncoding(utf16('Respondent ID,Score\r\n1,9\r\n', false, false))).toEqual({
      encoding: 'utf-16be',
      bomLength: 0,
    });
  });

  it('takes plain ASCII and valid multi-byte text as UTF-8', () => {
    expect(detectEncoding(utf8('a,b\n1,2\n'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
    expect(detectEncoding(utf8('comment\nTrès bien — 👍 €\n'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });

  it('falls back to windows-1252 for an "ANSI" export with € as byte 0x80', () => {
    // "Umsatz;€ 5" as Excel on a German Windows writes it.
    const ansi = Uint8Array.of(...utf8('Umsatz;'), 0x80, ...utf8(' 5\r\n'));
    expect(detectEncoding(ansi)).toEqual({ encoding: 'windows-1252', bomLength: 0 });
  });

  it('falls back to windows-1252 for Latin-1 accents (é as the single byte 0xE9)', () => {
    expect(detectEncoding(Uint8Array.of(...utf8('caf'), 0xe9, ...utf8(',1\n'))).encoding).toBe('windows-1252');
  });

  it('ignores a character cut in half by the end of the head', () => {
    const text = utf8('comment\nTrès bien 👍');
    const cut = text.subarray(0, text.length - 2);
    expect(detectEncoding(cut).encoding).toBe('utf-8');
    expect(detectEncoding(cut, true).encoding).toBe('windows-1252');
  });

  it('is UTF-8 for an empty file', () => {
    expect(detectEncoding(new Uint8Array(0))).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });
});

describe('isValidUtf8', () => {
  it('rejects overlong forms, surrogates, code points above U+10FFFF and stray continuation bytes', () => {
    expect(isValidUtf8(bytes(0xc0, 0xaf))).toBe(false);
    expect(isValidUtf8(bytes(0xe0, 0x80, 0xaf))).toBe(false);
    expect(isValidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(false);
    expect(isValidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(false);
    expect(isValidUtf8(bytes(0x80))).toBe(false);
    expect(isValidUtf8(bytes(0xe2, 0x82, 0x41))).toBe(false);
  });

  it('accepts the boundary characters U+0080, U+07FF, U+FFFF and U+10FFFF', () => {
    expect(isValidUtf8(utf8('\u0080\u07ff\uffff\u{10ffff}'))).toBe(true);
  });

  it('agrees with a fatal TextDecoder on arbitrary bytes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (data) => {
        let decodes = true;
        try {
          fatal.decode(data);
        } catch {
          decodes = false;
        }
        expect(isValidUtf8(data)).toBe(decodes);
      }),
    );
  });

  it('accepts every prefix of valid UTF-8 when the end may be cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.nat(), (text, cut) => {
        const encoded = utf8(text);
        expect(isValidUtf8(encoded.subarray(0, cut % (encoded.length + 1)), false)).toBe(true);
      }),
    );
  });
});

describe('looksBinary', () => {
  it('names an Excel workbook, a legacy .xls, a PDF and a gzip file by their magic numbers', () => {
    expect(sniffBinaryFormat(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toBe('zip');
    expect(sniffBinaryFormat(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe('ole');
    expect(sniffBinaryFormat(utf8('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffBinaryFormat(bytes(0x1f, 0x8b, 0x08))).toBe('gzip');
    expect(sniffBinaryFormat(utf8('a,b\n'))).toBeNull();
    expect(looksBinary(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00))).toBe(true);
  });

  it('refuses NUL bytes in a file that is not UTF-16', () => {
    expect(looksBinary(Uint8Array.of(...utf8('a,b\n1,2'), 0, ...utf8('\n3,4\n')))).toBe(true);
  });

  it('accepts UTF-16 text, whose zero bytes are half of its characters', () => {
    expect(looksBinary(utf16('id,score\r\n1,9\r\n', true, true))).toBe(false);
    expect(looksBinary(utf16('id,score\r\n1,9\r\n', false, false))).toBe(false);
  });

  it('refuses text crowded with control characters but tolerates a stray one', () => {
    expect(looksBinary(bytes(0x01, 0x02, 0x03, 0x41, 0x42, 0x43, 0x44, 0x45))).toBe(true);
    const dosEnd = Uint8Array.of(...utf8('month,revenue\r\n2024-01,100\r\n2024-02,110\r\n'), 0x1a);
    expect(looksBinary(dosEnd)).toBe(false);
  });

  it('accepts tabs, line breaks and windows-1252 bytes 0x80–0x9F as text', () => {
    expect(looksBinary(Uint8Array.of(...utf8('a\tb\r\n'), 0x80, 0x93, 0x94, ...utf8('\r\n')))).toBe(false);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
  });
});
