// A file's fingerprint for recognising a re-import: SHA-256 of each 4 MiB block, hashed together. The block digests
// are independent of each other, so a file can be hashed as it streams past, slice by slice (see textSlices.ts).
import { Sha256 } from '../sha256';

/** Block size of the fingerprint. Do not change without a migration: stored datasets carry hashes made with it. */
export const CONTENT_HASH_BLOCK = 4 * 1024 * 1024;
export const CONTENT_HASH_PREFIX = 'sha256-4m:';

/** SHA-256 of one block. It may take the block's buffer over (transfer it to another thread): callers hand it off. */
export type Digest = (block: Uint8Array) => Promise<Uint8Array>;

/** Web Crypto when the page is a secure context, plain JS otherwise; Chromium's digest too runs inside the call. */
export function defaultDigest(): Digest {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return async (block) => new Uint8Array(await subtle.digest('SHA-256', block as Uint8Array<ArrayBuffer>));
  return async (block) => hexToBytes(new Sha256().update(block).digestHex());
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/**
 * Feeds bytes in any slicing; the fingerprint depends only on the file's bytes. Block digests start as soon as a
 * block is complete and are awaited only in `digestHex`, so an off-thread digest works while the import parses.
 */
export class ContentHasher {
  #pending: Promise<Uint8Array>[] = [];
  #block = new Uint8Array(CONTENT_HASH_BLOCK);
  #filled = 0;
  #digest: Digest;

  constructor(digest: Digest = defaultDigest()) {
    this.#digest = digest;
  }

  /** Adds the next bytes of the file. The bytes are handed over: the digest may transfer their buffer away. */
  update(bytes: Uint8Array): this {
    let offset = 0;
    // A slice that is exactly one aligned block (the import's default) is hashed without copying.
    if (this.#filled === 0 && bytes.length === CONTENT_HASH_BLOCK) {
      this.#start(bytes);
      return this;
    }
    while (offset < bytes.length) {
      const take = Math.min(CONTENT_HASH_BLOCK - this.#filled, bytes.length - offset);
      this.#block.set(bytes.subarray(offset, offset + take), this.#filled);
      this.#filled += take;
      offset += take;
      if (this.#filled === CONTENT_HASH_BLOCK) this.#flushBlock();
    }
    return this;
  }

  #flushBlock(): void {
    this.#start(this.#block.slice(0, this.#filled));
    this.#filled = 0;
  }

  #start(block: Uint8Array): void {
    const digest = this.#digest(block);
    // An import that stops early never awaits its digests: a failed one must not surface as unhandled.
    digest.catch(() => undefined);
    this.#pending.push(digest);
  }

  async digestHex(): Promise<string> {
    if (this.#filled > 0 || this.#pending.length === 0) this.#flushBlock();
    const digests = await Promise.all(this.#pending);
    const joined = new Uint8Array(digests.length * 32);
    digests.forEach((d, i) => joined.set(d, i * 32));
    return `${CONTENT_HASH_PREFIX}${toHex(await this.#digest(joined))}`;
  }
}
