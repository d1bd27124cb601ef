import { describe, expect, it } from 'vitest';
import { ContentHasher } from './contentHash';
import {
  SLICES_AHEAD,
  createSliceServer,
  openSlices,
  type ReadingReply,
  type ReadingRequest,
  type ReadingThread,
  type SliceSource,
} from './readingThread';

/** A helper thread played in this one: the real slice server, replies delivered as later tasks, as a Worker would. */
class FakeThread implements ReadingThread {
  private readonly messageListeners: ((event: MessageEvent<ReadingReply>) => void)[] = [];
  private readonly errorListeners: (() => void)[] = [];
  terminated = false;
  /** Slices sent and not yet taken, and the most there ever were. */
  untaken = 0;
  mostUntaken = 0;
  private readonly serve = createSliceServer((reply) => {
    if ('slice' in reply) this.mostUntaken = Math.max(this.mostUntaken, ++this.untaken);
    setTimeout(() => {
      if (!this.terminated) for (const listener of this.messageListeners) listener({ data: reply } as MessageEvent<ReadingReply>);
    });
  });

  constructor(private readonly answers = true) {}

  postMessage(message: ReadingRequest): void {
    if ('take' in message) this.untaken--;
    if (this.answers) setTimeout(() => this.serve(message));
  }

  addEventListener(type: 'message' | 'error', listener: never): void {
    if (type === 'message') this.messageListeners.push(listener);
    else this.errorListeners.push(listener);
  }

  terminate(): void {
    this.terminated = true;
  }

  fail(): void {
    for (const listener of this.errorListeners) listener();
  }
}

async function drain(source: SliceSource): Promise<string> {
  let text = '';
  for (let slice = await source.next(); slice !== null; slice = await source.next()) text += slice.text;
  return text;
}

const TEXT = 'region,nps\nNorth,9\nSüd,10\nÎle-de-France,"7"\n'.repeat(20);
const BYTES = new TextEncoder().encode(TEXT);
const OPTIONS = { encoding: 'utf-8', skipBytes: 0, sliceBytes: 16 };

async function fingerprintOf(bytes: Uint8Array): Promise<string> {
  return new ContentHasher().update(bytes.slice()).digestHex();
}

describe('openSlices on a helper thread', () => {
  it('delivers the whole text in order and then the file fingerprint, never more than SLICES_AHEAD slices ahead', async () => {
    const thread = new FakeThread();
    const source = openSlices(new Blob([BYTES]), OPTIONS, thread);
    expect(await drain(source)).toBe(TEXT);
    expect(source.fingerprint()).toBe(await fingerprintOf(BYTES));
    expect(thread.mostUntaken).toBeLessThanOrEqual(SLICES_AHEAD);
    expect(thread.mostUntaken).toBeGreaterThan(0);
    source.close();
    expect(thread.terminated).toBe(true);
  });

  it('rejects with the read error’s name when the file cannot be read', async () => {
    const unreadable = {
      size: 100,
      slice: () => ({ arrayBuffer: () => Promise.reject(Object.assign(new Error('The file was moved.'), { name: 'NotReadableError' })) }),
    } as unknown as Blob;
    const source = openSlices(unreadable, OPTIONS, new FakeThread());
    await expect(source.next()).rejects.toMatchObject({ name: 'NotReadableError', message: 'The file was moved.' });
  });

  it('reads the file on this thread when the helper fails before it answers', async () => {
    const thread = new FakeThread(false);
    const source = openSlices(new Blob([BYTES]), OPTIONS, thread);
    const first = source.next();
    thread.fail();
    const firstText = (await first)?.text ?? '';
    expect(firstText + (await drain(source))).toBe(TEXT);
    expect(source.fingerprint()).toBe(await fingerprintOf(BYTES));
    expect(thread.terminated).toBe(true);
  });

  it('fails the read when the helper stops after it has started answering', async () => {
    const thread = new FakeThread();
    const source = openSlices(new Blob([BYTES]), OPTIONS, thread);
    expect((await source.next())?.text).toBe(TEXT.slice(0, 16));
    thread.fail();
    let error: unknown = null;
    try {
      await drain(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ message: 'The thread reading the file stopped.' });
  });
});

describe('openSlices without a helper', () => {
  it('reads, decodes and fingerprints on this thread', async () => {
    const source = openSlices(new Blob([BYTES]), OPTIONS, null);
    expect(await drain(source)).toBe(TEXT);
    expect(source.fingerprint()).toBe(await fingerprintOf(BYTES));
  });

  it('has no fingerprint before the file is read to its end', () => {
    expect(() => openSlices(new Blob([BYTES]), OPTIONS, null).fingerprint()).toThrow('not been read to its end');
  });
});
