// Tests for packed text chunks: any text column packs and unpacks to the same values, nulls and empty strings apart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPackedText, packText, unpackText } from './packedText';

describe('packed text', () => {
  it('lays the values end to end and gives them back, nulls and empty strings included', () => {
    const values = ['Great service', null, 'slow, "very" slow', '', '👍 é — ü'];
    const packed = packText(values);
    expect(packed.text).toBe('Great serviceslow, "very" slow👍 é — ü');
    expect([...packed.ends]).toEqual([13, 13, 30, 30, 38]);
    expect([...packed.nulls]).toEqual([0, 1, 0, 0, 0]);
    expect(unpackText(packed)).toEqual(values);
    expect(isPackedText(packed)).toBe(true);
    expect(isPackedText(values)).toBe(false);
  });

  it('round-trips any text column', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'grapheme' }), { nil: null }), { maxLength: 200 }), (values) => {
        expect(unpackText(packText(values))).toEqual(values);
      }),
    );
  });
});
