// The off-thread digest gives the same fingerprint as hashing in place, whenever its helper starts, falls behind or
// fails, and never holds more than a bounded number of blocks.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTENT_HASH_BLOCK, ContentHasher } from './contentHash';
import {
  MAX_BLOCKS_IN_FLIGHT,
  OffThreadDigest,
  type DigestReply,
  type DigestRequest,
  type DigestThread,
} from './offThreadDigest';

const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());

/** Stands in for the Worker: keeps what it is sent until the test lets it start, answer or fail. */
class FakeThread implements DigestThread {
  readonly received: DigestRequest[] = [];
  terminated = false;
  private onMessage: ((event: MessageEvent<DigestReply>) => void) | null = null;
  private onError: (() => void) | null = null;

  postMessage(message: DigestRequest, transfer: Transferable[]): void {
    expect(transfer).toEqual([message.block]);
    this.received.push(message);
  }

  addEventListener(
    type: 'message' | 'error',
    listener: ((event: MessageEvent<DigestReply>) => void) | (() => void),
  ): void {
    if (type === 'message') this.onMessage = listener as (event: MessageEvent<DigestReply>) => void;
    else this.onError = listener as () => void;
  }

  terminate(): void {
    this.terminated = true;
  }

  start(): void {
    this.reply({ ready: true });
  }

  /** Hashes every block received so far, as the real helper does. */
  answerAll(): void {
    for (const { id, block } of this.received.splice(0)) {
      this.reply({ id, digest: sha256(new Uint8Array(block)).buffer as ArrayBuffer });
    }
  }

  fail(): void {
    this.onError?.();
  }

  private reply(data: DigestReply): void {
    this.onMessage?.({ data } as MessageEvent<DigestReply>);
  }
}

/** Counts the blocks hashed on the calling thread. */
function localDigest(): { digest: (block: Uint8Array) => Promise<Uint8Array>; calls: number } {
  const counter = {
    calls: 0,
    digest: async (block: Uint8Array) => {
      counter.calls++;
      return sha256(block);
    },
  };
  return counter;
}

function bytesOf(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}

describe('OffThreadDigest', () => {
  it('hashes on the helper once it runs and gives the same digest as hashing in place', async () => {
    const thread = new FakeThread();
    const local = localDigest();
    const offThread = new OffThreadDigest(thread, local.digest);
    thread.start();
    const block = bytesOf(1000, 1);
    const expected = sha256(block);
    const digest = offThread.digest(block);
    expect(thread.received).toHaveLength(1);
    thread.answerAll();
    expect(await digest).toEqual(expected);
    expect(local.calls).toBe(0);
  });

  it('moves a whole buffer to the helper and copies a view into a larger one', async () => {
    const thread = new FakeThread();
    const offThread = new OffThreadDigest(thread, localDigest().digest);
    thread.start();
    const whole = bytesOf(64, 2);
    const larger = bytesOf(128, 3);
    const view = larger.subarray(10, 50);
    const digests = [offThread.digest(whole), offThread.digest(view)];
    expect(thread.received[0]!.block).toBe(whole.buffer);
    expect(thread.received[1]!.block).not.toBe(larger.buffer);
    expect(thread.received[1]!.block.byteLength).toBe(40);
    const expected = [sha256(bytesOf(64, 2)), sha256(bytesOf(128, 3).subarray(10, 50))];
    thread.answerAll();
    expect(await Promise.all(digests)).toEqual(expected);
  });

  it('keeps blocks that come before the helper starts and sends them once it does', async () => {
    const thread = new FakeThread();
    const local = localDigest();
    const offThread = new OffThreadDigest(thread, local.digest);
    const blocks = [bytesOf(10, 4), bytesOf(20, 5)];
    const digests = blocks.map((block) => offThread.digest(block.slice()));
    expect(thread.received).toHaveLength(0);
    thread.start();
    expect(thread.received.map((r) => r.block.byteLength)).toEqual([10, 20]);
    thread.answerAll();
    expect(await Promise.all(digests)).toEqual(blocks.map(sha256));
    expect(local.calls).toBe(0);
  });

  it('hashes in place whatever still waits for a helper that never started when the file ends', async () => {
    const thread = new FakeThread();
    const local = localDigest();
    const offThread = new OffThreadDigest(thread, local.digest);
    const block = bytesOf(30, 6);
    const digest = offThread.digest(block.slice());
    offThread.finish();
    expect(await digest).toEqual(sha256(block));
    // After finish, a helper that has not started is not waited for.
    expect(await offThread.digest(bytesOf(5, 7))).toEqual(sha256(bytesOf(5, 7)));
    expect(local.calls).toBe(2);
    expect(thread.received).toHaveLength(0);
  });

  it(`holds at most ${MAX_BLOCKS_IN_FLIGHT} blocks for the helper and hashes the rest in place`, async () => {
    const thread = new FakeThread();
    const local = localDigest();
    const offThread = new OffThreadDigest(thread, local.digest);
    thread.start();
    const blocks = Array.from({ length: MAX_BLOCKS_IN_FLIGHT + 3 }, (_, i) => bytesOf(16, i));
    const digests = blocks.map((block) => offThread.digest(block.slice()));
    expect(thread.received).toHaveLength(MAX_BLOCKS_IN_FLIGHT);
    expect(local.calls).toBe(3);
    thread.answerAll();
    expect(await Promise.all(digests)).toEqual(blocks.map(sha256));
  });

  it('fails the digests a stopped helper had and hashes later blocks in place', async () => {
    const thread = new FakeThread();
    const local = localDigest();
    const offThread = new OffThreadDigest(thread, local.digest);
    thread.start();
    const lost = offThread.digest(bytesOf(8, 8));
    thread.fail();
    await expect(lost).rejects.toThrow('The hashing thread stopped.');
    expect(thread.terminated).toBe(true);
    expect(await offThread.digest(bytesOf(8, 9))).toEqual(sha256(bytesOf(8, 9)));
    expect(local.calls).toBe(1);
    offThread.close();
  });

  it('works without a helper at all, as where there is no Worker', async () => {
    const local = localDigest();
    const offThread = new OffThreadDigest(null, local.digest);
    expect(await offThread.digest(bytesOf(12, 10))).toEqual(sha256(bytesOf(12, 10)));
    expect(local.calls).toBe(1);
  });

  it('gives a content hash equal to the in-place one for a file of several blocks', async () => {
    const thread = new FakeThread();
    const offThread = new OffThreadDigest(thread, localDigest().digest);
    const file = bytesOf(CONTENT_HASH_BLOCK * 2 + 777, 11);
    const hasher = new ContentHasher(offThread.digest);
    hasher.update(file.slice(0, CONTENT_HASH_BLOCK));
    thread.start();
    hasher.update(file.slice(CONTENT_HASH_BLOCK));
    offThread.finish();
    const pending = hasher.digestHex();
    // The helper answers as its replies arrive, the last one (the digest of digests) included.
    for (let i = 0; i < 5; i++) {
      thread.answerAll();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(await pending).toBe(await new ContentHasher().update(file.slice()).digestHex());
  });
});
