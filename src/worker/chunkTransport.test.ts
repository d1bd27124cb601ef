// Tests for the chunks' trip to the writer thread: typed arrays are transferred, text travels packed.
import { describe, expect, it } from 'vitest';
import { unpackText, type PackedText } from '../storage';
import { toWire } from './chunkTransport';

describe('chunk transport', () => {
  it('transfers typed arrays and packs text, keeping every chunk and its values', () => {
    const numbers = Float64Array.of(1.5, NaN, 3);
    const codes = Int32Array.of(0, -1, 2);
    const chunks = [
      { column: 0, index: 4, data: numbers },
      { column: 1, index: 4, data: codes },
      { column: 2, index: 4, data: ['a', null, ''] },
    ];
    const { wire, transfer } = toWire(chunks);
    expect(transfer).toContain(numbers.buffer);
    expect(transfer).toContain(codes.buffer);
    expect(transfer).toHaveLength(4);
    const copied = structuredClone(wire);
    expect(copied.map((c) => [c.column, c.index])).toEqual([[0, 4], [1, 4], [2, 4]]);
    expect(copied[0]?.data).toEqual(numbers);
    expect(unpackText(copied[2]?.data as PackedText)).toEqual(['a', null, '']);
  });
});
