import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContentHasher } from './contentHash';
import { decodeSlices, type TextSlice, type TextSliceOptions } from './textSlices';

/** Every slice and the fingerprint the generator returns. */
async function readAll(file: Blob, options: TextSliceOptions): Promise<{ slices: TextSlice[]; fingerprint: string }> {
  const slices: TextSlice[] = [];
  const generator = decodeSlices(file, options);
  for (;;) {
    const step = await generator.next();
    if (step.done) return { slices, fingerprint: step.value };
    slices.push(step.value);
  }
}

async function fingerprintOf(bytes: Uint8Array): Promise<string> {
  return new ContentHasher().update(bytes.slice()).digestHex();
}

const BOM = [0xef, 0xbb, 0xbf];

describe('decodeSlices', () => {
  it('gives back the text after the byte-order mark, in slices whose byte counts add up to the file', async () => {
    const body = new TextEncoder().encode('month;nps\n2024-01;31,5\n2024-02;€ 12\n');
    const bytes = new Uint8Array([...BOM, ...body]);
    const { slices, fingerprint } = await readAll(new Blob([bytes]), { encoding: 'utf-8', skipBytes: 3, sliceBytes: 5 });
    expect(slices.map((s) => s.text).join('')).toBe('month;nps\n2024-01;31,5\n2024-02;€ 12\n');
    expect(slices.reduce((sum, s) => sum + s.bytes, 0)).toBe(bytes.length);
    // The fingerprint covers every byte, the mark included.
    expect(fingerprint).toBe(await fingerprintOf(bytes));
  });

  it('keeps characters that a slice boundary splits, whatever the slice size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.integer({ min: 1, max: 9 }), async (text, sliceBytes) => {
        const bytes = new TextEncoder().encode(text);
        const { slices } = await readAll(new Blob([bytes]), { encoding: 'utf-8', skipBytes: 0, sliceBytes });
        expect(slices.map((s) => s.text).join('')).toBe(text);
      }),
    );
  });

  it('decodes the encoding it is told, here Windows-1252', async () => {
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x3b, 0x80]);
    const { slices } = await readAll(new Blob([bytes]), { encoding: 'windows-1252', skipBytes: 0, sliceBytes: 2 });
    expect(slices.map((s) => s.text).join('')).toBe('Café;€');
  });
});
