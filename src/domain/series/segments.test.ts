// Checks how dictionary codes become segment slots: sorted labels, merged duplicates, empty labels as missing.

import { describe, expect, it } from 'vitest';
import { segmentSlots, slotOfRow } from './segments';

describe('segmentSlots', () => {
  it('sorts the labels, merges repeated ones and sends the empty label to the no-segment slot', () => {
    const slots = segmentSlots(['West', 'East', '', 'West', 'North']);
    expect(slots.names).toEqual(['East', 'North', 'West']);
    expect(Array.from(slots.slotOfCode)).toEqual([2, 0, 3, 2, 1]);
  });
});

describe('slotOfRow', () => {
  const segments = { codes: Int32Array.of(1, -1, 0, 2), dictionary: ['b', 'a'] };
  const slots = segmentSlots(segments.dictionary);

  it('maps each row to its segment, and a missing code to the no-segment slot', () => {
    expect([0, 1, 2].map((row) => slotOfRow(segments, slots, row))).toEqual([0, 2, 1]);
  });

  it('refuses a code the dictionary does not have', () => {
    expect(() => slotOfRow(segments, slots, 3)).toThrow('Segment code 2 at row 3 has no label: the dictionary has 2.');
  });
});
