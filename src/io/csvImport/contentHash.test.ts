import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTENT_HASH_BLOCK, ContentHasher } from './contentHash';
import { Sha256 } from '../sha256';

/** The definition, written out with Node's crypto: SHA-256 over the SHA-256 of each 4 MiB block. */
function reference(bytes: Uint8Array): string {
  const digests: Buffer[] = [];
  for (let start = 0; start < Math.max(1, bytes.length); start += CONTENT_HASH_BLOCK) {
    digests.push(createHash('sha256').update(bytes.subarray(start, start + CONTENT_HASH_BLOCK)).digest());
  }
  return `sha256-4m:${createHash('sha256').update(Buffer.concat(digests)).digest('hex')}`;
}

function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function hashInSlices(bytes: Uint8Array, slice: number, hasher = new ContentHasher()): Promise<string> {
  for (let start = 0; start < bytes.length; start += slice) hasher.update(bytes.subarray(start, start + slice));
  return hasher.digestHex();
}

describe('ContentHasher', () => {
  it('fingerprints an empty file and a small one by the block definition', async () => {
    expect(await new ContentHasher().digestHex()).toBe(reference(new Uint8Array(0)));
    const small = new TextEncoder().encode('month,nps\n2024-01,31.5\n');
    expect(await hashInSlices(small, 7)).toBe(reference(small));
  });

  it('gives the same fingerprint however the bytes are sliced, across block boundaries', async () => {
    const bytes = pseudoRandomBytes(CONTENT_HASH_BLOCK * 2 + 12345, 7);
    const expected = reference(bytes);
    expect(await hashInSlices(bytes, CONTENT_HASH_BLOCK)).toBe(expected);
    expect(await hashInSlices(bytes, 1_000_003)).toBe(expected);
    expect(await hashInSlices(bytes, CONTENT_HASH_BLOCK + 1)).toBe(expected);
  });

  it('falls back to the JavaScript SHA-256 with identical results where Web Crypto is missing', async () => {
    const js = async (block: Uint8Array) => {
      const hex = new Sha256().update(block).digestHex();
      return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
    };
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 500 }), async (bytes, slice) => {
        expect(await hashInSlices(bytes, slice, new ContentHasher(js))).toBe(reference(bytes));
      }),
      { numRuns: 30 },
    );
  });
});
