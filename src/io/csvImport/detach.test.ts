// A detached copy is the same text, whatever it holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detach } from './detach';

describe('detach', () => {
  it('gives back exactly the text cut out of a longer one: empty, short, long, emoji and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.nat(), fc.nat(), (whole, a, b) => {
        const from = Math.min(a, b) % (whole.length + 1);
        const to = Math.max(from, Math.max(a, b) % (whole.length + 1));
        const cut = whole.substring(from, to);
        expect(detach(cut)).toBe(cut);
      }),
    );
    expect(detach('😀 a category label longer than thirteen characters')).toBe(
      '😀 a category label longer than thirteen characters',
    );
  });
});
