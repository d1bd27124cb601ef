// Guesses the character encoding of an imported file from its first bytes, and tells text files from binary ones.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingGuess {
  /** A label TextDecoder accepts. */
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip before decoding (TextDecoder skips it by default, a manual decoder must not). */
  bomLength: number;
}

/** Binary containers people drop on an importer by mistake, so the error can name what the file is. */
export type BinaryFormat = 'zip' | 'ole' | 'pdf' | 'gzip' | 'png' | 'jpeg' | 'sqlite';

// Without a BOM, UTF-16 shows itself through ASCII characters: one byte of each pair is zero. A text in a
// non-Latin script has few zero bytes, but such files nearly always carry a BOM (Excel and Notepad write one).
const UTF16_MIN_PAIRS = 2;
const UTF16_ZERO_SHARE = 0.4;
const UTF16_OTHER_ZERO_SHARE = 0.05;

// A text file may hold a stray control character (a DOS end-of-file 0x1A, an escape); one in twenty is not text.
const CONTROL_SHARE_LIMIT = 0.05;

/**
 * Guesses the encoding of a file from its head: a byte-order mark wins; then UTF-16 by its zero-byte pattern;
 * then UTF-8 if every byte sequence is valid; otherwise windows-1252, the encoding of "ANSI" CSV files written by
 * Excel on Windows in western Europe and the Americas. The head may stop in the middle of a UTF-8 character: an
 * incomplete final sequence is ignored unless `headIsWholeFile` says nothing follows it.
 */
export function detectEncoding(head: Uint8Array, headIsWholeFile = false): EncodingGuess {
  const b0 = head[0];
  const b1 = head[1];
  if (b0 === 0xef && b1 === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const utf16 = utf16ByZeroBytes(head);
  if (utf16 !== null) return { encoding: utf16, bomLength: 0 };
  return { encoding: isValidUtf8(head, headIsWholeFile) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

function utf16ByZeroBytes(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = head.length >> 1;
  if (pairs < UTF16_MIN_PAIRS) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd >= pairs * UTF16_ZERO_SHARE && zeroEven <= pairs * UTF16_OTHER_ZERO_SHARE) return 'utf-16le';
  if (zeroEven >= pairs * UTF16_ZERO_SHARE && zeroOdd <= pairs * UTF16_OTHER_ZERO_SHARE) return 'utf-16be';
  return null;
}

function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF. A sequence cut
 * off by the end of the buffer counts as valid when `complete` is false and the bytes present are a valid start.
 */
export function isValidUtf8(bytes: Uint8Array, complete = true): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let length: number;
    // The allowed range of the second byte carries the overlong, surrogate and maximum checks.
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      else if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      else if (lead === 0xf4) high = 0x8f;
    } else return false;
    const available = Math.min(length, n - i);
    if (available > 1) {
      const second = bytes[i + 1] as number;
      if (second < low || second > high) return false;
      for (let k = 2; k < available; k++) if (!isContinuation(bytes[i + k])) return false;
    }
    if (available < length) return !complete;
    i += length;
  }
  return true;
}

/** Recognises common binary containers by their magic numbers; null for anything else. */
export function sniffBinaryFormat(head: Uint8Array): BinaryFormat | null {
  const starts = (...bytes: number[]): boolean => bytes.every((b, k) => head[k] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00)) {
    return 'sqlite';
  }
  return null;
}

// C0 controls other than tab, line feed, form feed and carriage return, plus DEL.
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

/**
 * True when the head is not text: a known binary container, a NUL character (in UTF-16, a NUL code unit), or more
 * than one control character in twenty.
 */
export function looksBinary(head: Uint8Array): boolean {
  if (sniffBinaryFormat(head) !== null) return true;
  const { encoding, bomLength } = detectEncoding(head);
  let units = 0;
  let controls = 0;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const littleEndian = encoding === 'utf-16le';
    for (let i = bomLength; i + 1 < head.length; i += 2) {
      const a = head[i] as number;
      const b = head[i + 1] as number;
      const unit = littleEndian ? a | (b << 8) : (a << 8) | b;
      if (unit === 0) return true;
      if (isControl(unit)) controls++;
      units++;
    }
  } else {
    for (let i = bomLength; i < head.length; i++) {
      const byte = head[i] as number;
      if (byte === 0) return true;
      if (isControl(byte)) controls++;
      units++;
    }
  }
  return units > 0 && controls > units * CONTROL_SHARE_LIMIT;
}
