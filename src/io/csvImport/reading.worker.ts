// The import's reading helper: reads, fingerprints and decodes the file a few slices ahead of the parsing thread.
import { createSliceServer, type ReadingReply, type ReadingRequest } from './readingThread';

const scope = self as unknown as {
  postMessage(message: ReadingReply): void;
  onmessage: ((event: MessageEvent<ReadingRequest>) => void) | null;
};

const serve = createSliceServer((reply) => scope.postMessage(reply));
scope.onmessage = (event) => serve(event.data);
