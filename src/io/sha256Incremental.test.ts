// The incremental SHA-256 gives Web Crypto's digest whatever the input and however it is cut into pieces.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sha256 } from './sha256';

async function subtleHex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

describe('Sha256', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(new Sha256().digestHex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new Sha256().update(new TextEncoder().encode('abc')).digestHex()).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const twoBlocks = new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq');
    expect(new Sha256().update(twoBlocks).digestHex()).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('gives the same digest as crypto.subtle for random bytes cut at random places', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 700 }),
        fc.array(fc.nat({ max: 700 }), { maxLength: 6 }),
        async (bytes, cuts) => {
          const points = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
          const hasher = new Sha256();
          let from = 0;
          for (const point of [...points, bytes.length]) {
            hasher.update(bytes.subarray(from, point));
            from = point;
          }
          expect(hasher.digestHex()).toBe(await subtleHex(bytes));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('handles lengths around the padding boundary (55, 56, 63, 64 and 65 bytes)', async () => {
    for (const length of [55, 56, 63, 64, 65, 119, 120]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7 + 3) & 0xff);
      expect(new Sha256().update(bytes).digestHex()).toBe(await subtleHex(bytes));
    }
  });

  it('refuses to be fed or finished again after the digest', () => {
    const hasher = new Sha256();
    hasher.digestHex();
    expect(() => hasher.update(new Uint8Array(1))).toThrow(/after digestHex/);
    expect(() => hasher.digestHex()).toThrow(/twice/);
  });
});
