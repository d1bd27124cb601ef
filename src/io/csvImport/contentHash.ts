// A file's fingerprint for recognising a re-import: SHA-256 of each 4 MiB block, hashed together, computed natively
// off the import's thread so hashing never slows the import down.
import { Sha256 } from '../sha256';

/** Block size of the fingerprint. Do not change without a migration: stored datasets carry hashes made with it. */
export const CONTENT_HASH_BLOCK = 4 * 1024 * 1024;
export const CONTENT_HASH_PREFIX = 'sha256-4m:';

type Digest = (block: Uint8Array) => Promise<Uint8Array>;

/** Web Crypto when the page is a secure context (it hashes on a browser thread pool); plain JS otherwise. */
function defaultDigest(): Digest {
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
 * block is complete and are awaited only in `digestHex`, so they run while the import goes on parsing.
 */
export class ContentHasher {
  #pending: Promise<Uint8Array>[] = [];
  #block = new Uint8Array(CONTENT_HASH_BLOCK);
  #filled = 0;
  #digest: Digest;

  constructor(digest: Digest = defaultDigest()) {
    this.#digest = digest;
  }

  update(bytes: Uint8Array): this {
    let offset = 0;
    // A slice that is exactly one aligned block (the import's default) is hashed without copying.
    if (this.#filled === 0 && bytes.length === CONTENT_HASH_BLOCK) {
      this.#pending.push(this.#digest(bytes));
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
    this.#pending.push(this.#digest(this.#block.slice(0, this.#filled)));
    this.#filled = 0;
  }

  async digestHex(): Promise<string> {
    if (this.#filled > 0 || this.#pending.length === 0) this.#flushBlock();
    const digests = await Promise.all(this.#pending);
    const joined = new Uint8Array(digests.length * 32);
    digests.forEach((d, i) => joined.set(d, i * 32));
    return `${CONTENT_HASH_PREFIX}${toHex(await this.#digest(joined))}`;
  }
}
