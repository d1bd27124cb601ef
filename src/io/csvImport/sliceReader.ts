// Reads a File or Blob as a sequence of byte slices, asking for the next slice before the current one is processed so
// disk reads overlap parsing. Only one or two slices are ever in memory: files larger than any string still stream.

export const DEFAULT_SLICE_BYTES = 4 * 1024 * 1024;

export async function* readSlices(blob: Blob, sliceBytes: number = DEFAULT_SLICE_BYTES): AsyncGenerator<Uint8Array> {
  if (!Number.isInteger(sliceBytes) || sliceBytes < 1) throw new RangeError('sliceBytes must be a positive integer.');
  const size = blob.size;
  const read = (start: number): Promise<ArrayBuffer> =>
    blob.slice(start, Math.min(size, start + sliceBytes)).arrayBuffer();
  let next: Promise<ArrayBuffer> | null = size > 0 ? read(0) : null;
  for (let start = 0; next !== null; start += sliceBytes) {
    const current = next;
    const following = start + sliceBytes;
    next = following < size ? read(following) : null;
    // An abandoned generator must not leave the read-ahead's rejection unobserved.
    next?.catch(() => undefined);
    yield new Uint8Array(await current);
  }
}

/** The first `bytes` of a blob (all of it when shorter). */
export async function readHead(blob: Blob, bytes: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, Math.min(blob.size, bytes)).arrayBuffer());
}
