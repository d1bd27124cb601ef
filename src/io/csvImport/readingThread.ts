// Reads, fingerprints and decodes the import's file on a helper thread a few slices ahead of the parser, so the
// import's own thread only parses and converts. Where no helper can start, the same work runs on the import's thread.
import { decodeSlices, type TextSlice, type TextSliceOptions } from './textSlices';

/** Slices the helper may send before the parser has taken them: enough to never keep the parser waiting. */
export const SLICES_AHEAD = 2;

export type ReadingRequest = { start: { file: Blob; options: TextSliceOptions } } | { take: true };

export type ReadingReply =
  | { slice: TextSlice }
  /** The file is done; its fingerprint. */
  | { end: string }
  | { error: { name: string; message: string } };

/** What the parser needs from a Worker; tests pass a fake. */
export interface ReadingThread {
  postMessage(message: ReadingRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ReadingReply>) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
  terminate(): void;
}

/** The file's text in slices, whichever thread reads it. */
export interface SliceSource {
  /** The next slice, or null once the file is done. Rejects when the file cannot be read. */
  next(): Promise<TextSlice | null>;
  /** The file's fingerprint (contentHash.ts); only once next() has returned null. */
  fingerprint(): string;
  close(): void;
}

/**
 * The helper's side: answers one start request with the file's slices, never more than SLICES_AHEAD ahead of the
 * take requests, then its fingerprint; a read failure ends it with an error reply.
 */
export function createSliceServer(reply: (message: ReadingReply) => void): (request: ReadingRequest) => void {
  let credit = SLICES_AHEAD;
  let wake: (() => void) | null = null;

  async function serve(file: Blob, options: TextSliceOptions): Promise<void> {
    try {
      const slices = decodeSlices(file, options);
      for (;;) {
        const step = await slices.next();
        if (step.done) {
          reply({ end: step.value });
          return;
        }
        while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
        credit--;
        reply({ slice: step.value });
      }
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      reply({ error: { name, message } });
    }
  }

  return (request) => {
    if ('take' in request) {
      credit++;
      const resume = wake;
      wake = null;
      resume?.();
    } else {
      void serve(request.start.file, request.start.options);
    }
  };
}

/** The slices read here, on the calling thread. */
class LocalSlices implements SliceSource {
  private readonly slices: AsyncGenerator<TextSlice, string>;
  private hash: string | null = null;

  constructor(file: Blob, options: TextSliceOptions) {
    this.slices = decodeSlices(file, options);
  }

  async next(): Promise<TextSlice | null> {
    const step = await this.slices.next();
    if (!step.done) return step.value;
    this.hash = step.value;
    return null;
  }

  fingerprint(): string {
    if (this.hash === null) throw new Error('The file has not been read to its end.');
    return this.hash;
  }

  close(): void {
    void this.slices.return('').catch(() => undefined);
  }
}

/** Stands for the helper having failed before it answered: the parser reads the file itself from the start. */
const READ_HERE = Symbol('read here');

/** The slices read on the helper thread; falls back to LocalSlices when the helper fails before it first answers. */
class ThreadSlices implements SliceSource {
  private readonly replies: (ReadingReply | typeof READ_HERE)[] = [];
  private waiting: ((reply: ReadingReply | typeof READ_HERE) => void) | null = null;
  private answered = false;
  private local: LocalSlices | null = null;
  private hash: string | null = null;

  constructor(
    private readonly thread: ReadingThread,
    private readonly file: Blob,
    private readonly options: TextSliceOptions,
  ) {
    thread.addEventListener('message', (event) => {
      this.answered = true;
      this.deliver(event.data);
    });
    thread.addEventListener('error', () => {
      thread.terminate();
      this.deliver(this.answered ? { error: { name: 'Error', message: 'The thread reading the file stopped.' } } : READ_HERE);
    });
    thread.postMessage({ start: { file, options } });
  }

  async next(): Promise<TextSlice | null> {
    if (this.local !== null) return this.local.next();
    const reply =
      this.replies.shift() ?? (await new Promise<ReadingReply | typeof READ_HERE>((resolve) => (this.waiting = resolve)));
    if (reply === READ_HERE) {
      this.local = new LocalSlices(this.file, this.options);
      return this.local.next();
    }
    if ('slice' in reply) {
      this.thread.postMessage({ take: true });
      return reply.slice;
    }
    if ('end' in reply) {
      this.hash = reply.end;
      return null;
    }
    throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
  }

  fingerprint(): string {
    if (this.local !== null) return this.local.fingerprint();
    if (this.hash === null) throw new Error('The file has not been read to its end.');
    return this.hash;
  }

  close(): void {
    this.thread.terminate();
    this.local?.close();
  }

  private deliver(reply: ReadingReply | typeof READ_HERE): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting !== null) waiting(reply);
    else this.replies.push(reply);
  }
}

/** The reading helper, or null where none can run (no Worker, as in Node). */
function startThread(): ReadingThread | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./reading.worker.ts', import.meta.url), { type: 'module', name: 'cx-reading' });
  } catch {
    return null;
  }
}

/** Starts reading the file: on a helper thread when one starts (`thread` is for tests), else on this one. */
export function openSlices(
  file: Blob,
  options: TextSliceOptions,
  thread: ReadingThread | null = startThread(),
): SliceSource {
  return thread === null ? new LocalSlices(file, options) : new ThreadSlices(thread, file, options);
}
