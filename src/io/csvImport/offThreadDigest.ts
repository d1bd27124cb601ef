// Hashes content-hash blocks on a helper thread while the import parses. Chromium's crypto.subtle.digest does its
// work inside the call, so on the import's own thread it would cost about a tenth of a numeric import's time.
import { defaultDigest, type Digest } from './contentHash';

export interface DigestRequest {
  id: number;
  block: ArrayBuffer;
}

export type DigestReply = { ready: true } | { id: number; digest: ArrayBuffer } | { id: number; error: string };

/**
 * Blocks (4 MiB each) waiting for the helper or on it at once; past that the import's thread hashes them itself,
 * so memory stays bounded whatever the helper's pace.
 */
export const MAX_BLOCKS_IN_FLIGHT = 8;

interface Job {
  block: Uint8Array;
  resolve: (digest: Uint8Array) => void;
  reject: (error: unknown) => void;
}

/** What the helper needs from a Worker; tests pass a fake. */
export interface DigestThread {
  postMessage(message: DigestRequest, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DigestReply>) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
  terminate(): void;
}

/** The helper thread, or null where there is none to have (no Worker, or no Web Crypto to hash with). */
function startThread(): DigestThread | null {
  if (typeof Worker === 'undefined' || globalThis.crypto?.subtle === undefined) return null;
  try {
    return new Worker(new URL('./digest.worker.ts', import.meta.url), { type: 'module', name: 'cx-digest' });
  } catch {
    return null;
  }
}

/**
 * A Digest that hands blocks to the helper thread. Blocks that come before the helper has said it runs wait for
 * it; finish() hashes any still waiting here, so a helper that never starts delays nothing past the end of the
 * file. Without a helper, or when it has fallen behind, blocks are hashed on the calling thread. Call close() when
 * the import ends.
 */
export class OffThreadDigest {
  private thread: DigestThread | null;
  private ready = false;
  private finishing = false;
  private nextId = 0;
  /** Blocks waiting for the helper to start, oldest first. */
  private queued: Job[] = [];
  /** Blocks on the helper, by request id. */
  private readonly sent = new Map<number, Job>();

  constructor(
    thread: DigestThread | null = startThread(),
    private readonly local: Digest = defaultDigest(),
  ) {
    this.thread = thread;
    thread?.addEventListener('message', (event) => this.receive(event.data));
    thread?.addEventListener('error', () => this.fail());
  }

  readonly digest: Digest = (block) => {
    if (this.thread === null || this.sent.size + this.queued.length >= MAX_BLOCKS_IN_FLIGHT) return this.local(block);
    if (!this.ready && this.finishing) return this.local(block);
    return new Promise<Uint8Array>((resolve, reject) => {
      const job = { block, resolve, reject };
      if (this.ready) this.send(job);
      else this.queued.push(job);
    });
  };

  /** No more blocks will wait for the helper: those still waiting are hashed here, now. */
  finish(): void {
    this.finishing = true;
    this.hashQueuedHere();
  }

  close(): void {
    this.thread?.terminate();
    this.thread = null;
    this.ready = false;
  }

  private send(job: Job): void {
    const { block } = job;
    // A block that is a whole buffer is moved to the helper; a view into a larger one is copied first.
    const whole = block.byteOffset === 0 && block.byteLength === block.buffer.byteLength;
    const buffer = (whole ? block : block.slice()).buffer as ArrayBuffer;
    const id = this.nextId++;
    this.sent.set(id, job);
    this.thread?.postMessage({ id, block: buffer }, [buffer]);
  }

  private receive(reply: DigestReply): void {
    if ('ready' in reply) {
      if (this.thread === null) return;
      this.ready = true;
      const queued = this.queued;
      this.queued = [];
      for (const job of queued) this.send(job);
      return;
    }
    const job = this.sent.get(reply.id);
    if (job === undefined) return;
    this.sent.delete(reply.id);
    if ('digest' in reply) job.resolve(new Uint8Array(reply.digest));
    else job.reject(new Error(`Hashing failed: ${reply.error}`));
  }

  /** The helper stopped: blocks it had are lost and their digests fail; the rest are hashed here from now on. */
  private fail(): void {
    this.thread?.terminate();
    this.thread = null;
    this.ready = false;
    for (const job of this.sent.values()) job.reject(new Error('The hashing thread stopped.'));
    this.sent.clear();
    this.hashQueuedHere();
  }

  private hashQueuedHere(): void {
    const queued = this.queued;
    this.queued = [];
    for (const job of queued) this.local(job.block).then(job.resolve, job.reject);
  }
}
