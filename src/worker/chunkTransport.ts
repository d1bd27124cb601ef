// Staged chunks on their way to the writer thread: typed arrays move without a copy, and a text chunk travels
// packed (as the database stores it), one string and two typed arrays instead of one serialised string per value.
import { packText, type PackedText, type StagedChunk } from '../storage';

export interface WireChunk {
  column: number;
  index: number;
  data: Float64Array | Int32Array | PackedText;
}

/** The chunks as they cross to the writer (which stores them as they come), and the buffers to transfer with them. */
export function toWire(chunks: readonly StagedChunk[]): { wire: WireChunk[]; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const wire = chunks.map(({ column, index, data }) => {
    const packed = Array.isArray(data) ? packText(data) : data;
    if (packed instanceof Float64Array || packed instanceof Int32Array) transfer.push(packed.buffer as ArrayBuffer);
    else transfer.push(packed.ends.buffer as ArrayBuffer, packed.nulls.buffer as ArrayBuffer);
    return { column, index, data: packed };
  });
  return { wire, transfer };
}
