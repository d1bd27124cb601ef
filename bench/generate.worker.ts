// Bench worker that builds a generated CSV as a Blob from many small parts, so even a file larger than the longest
// JavaScript string never exists as one string; the Blob goes back to the page by reference, not copied.
import { csvBlocks, type CsvSpec } from './csvGenerators';

/** Blob parts gathered before they are folded into one Blob: keeps the worker's own string memory small. */
const BLOCKS_PER_BLOB = 32;

export interface GeneratedFile {
  blob: Blob;
  rows: number;
  bytes: number;
  ms: number;
}

function generate(spec: CsvSpec): GeneratedFile {
  const started = performance.now();
  const pieces: Blob[] = [];
  let blocks: string[] = [];
  for (const block of csvBlocks(spec)) {
    blocks.push(block);
    if (blocks.length === BLOCKS_PER_BLOB) {
      pieces.push(new Blob(blocks));
      blocks = [];
    }
  }
  if (blocks.length > 0) pieces.push(new Blob(blocks));
  const blob = new Blob(pieces, { type: 'text/csv' });
  return { blob, rows: spec.rows, bytes: blob.size, ms: performance.now() - started };
}

self.onmessage = (event: MessageEvent<CsvSpec>) => {
  try {
    self.postMessage({ ok: true, file: generate(event.data) });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
