// Tests of SHA-256: published test vectors, and the portable fallback agreeing with Web Crypto on any bytes.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { sha256Hex, sha256HexPortable } from './sha256';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

// FIPS 180-2 appendix B and the empty string.
const VECTORS: [string, string][] = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
];

describe('sha256Hex', () => {
  it.each(VECTORS)('hashes %j to the published digest', async (text, digest) => {
    expect(await sha256Hex(utf8(text))).toBe(digest);
    expect(sha256HexPortable(utf8(text))).toBe(digest);
  });

  it('hashes a million "a"s (many blocks) to the published digest with the portable code', () => {
    expect(sha256HexPortable(new Uint8Array(1_000_000).fill(0x61))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  it('portable code agrees with Web Crypto on arbitrary bytes, across block-padding boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(sha256HexPortable(bytes)).toBe(await sha256Hex(bytes));
      }),
    );
  });

  it('falls back to the portable code where Web Crypto is missing (insecure contexts)', async () => {
    vi.stubGlobal('crypto', {});
    try {
      expect(await sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
