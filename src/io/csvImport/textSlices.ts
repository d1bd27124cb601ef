// The import's input: the file read slice by slice, each slice added to the content fingerprint and decoded to text.
// The same generator runs on the reading thread (readingThread.ts) or, where there is none, on the import's own.
import { ContentHasher, defaultDigest, type Digest } from './contentHash';
import { DEFAULT_SLICE_BYTES, readSlices } from './sliceReader';

/** One slice of the file as text, and how many bytes of the file it came from. */
export interface TextSlice {
  text: string;
  bytes: number;
}

export interface TextSliceOptions {
  /** A TextDecoder label (utf-8, utf-16le, windows-1252, …). */
  encoding: string;
  /** Bytes at the start that are not text (a byte-order mark): hashed, never decoded. */
  skipBytes: number;
  sliceBytes?: number;
}

/**
 * Yields the file's text slice by slice and returns its fingerprint (contentHash.ts) once the file is done. One
 * streaming decoder, so a character split across two slices survives; its last characters come as a slice of 0 bytes.
 */
export async function* decodeSlices(
  file: Blob,
  options: TextSliceOptions,
  digest: Digest = defaultDigest(),
): AsyncGenerator<TextSlice, string> {
  const decoder = new TextDecoder(options.encoding, { fatal: false, ignoreBOM: true });
  const hasher = new ContentHasher(digest);
  let skip = options.skipBytes;
  for await (const bytes of readSlices(file, options.sliceBytes ?? DEFAULT_SLICE_BYTES)) {
    const text = decoder.decode(skip > 0 ? bytes.subarray(Math.min(skip, bytes.length)) : bytes, { stream: true });
    skip = Math.max(0, skip - bytes.length);
    // Only once decoded: the hasher may hand the bytes' buffer to the digest.
    hasher.update(bytes);
    yield { text, bytes: bytes.length };
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield { text: rest, bytes: 0 };
  return hasher.digestHex();
}
