// A helper thread for the import's content hash: SHA-256 of the blocks the import worker hands over, so hashing
// (synchronous inside Chromium's crypto.subtle.digest) does not take turns with parsing on the import's thread.
import type { DigestReply, DigestRequest } from './offThreadDigest';

const scope = self as unknown as {
  postMessage(message: DigestReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<DigestRequest>) => void) | null;
};

scope.onmessage = (event) => {
  const { id, block } = event.data;
  crypto.subtle.digest('SHA-256', block).then(
    (digest) => scope.postMessage({ id, digest }, [digest]),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};

// Blocks are sent here only once the thread has said it runs; until then they wait, or are hashed where they are
// when the file ends first, so a worker that failed to start loses no block.
scope.postMessage({ ready: true });
