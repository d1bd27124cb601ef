// A categorical segment column (region, channel, team) as stored, and the slots rows are grouped into by segment.

/** One categorical column: a code per row into `dictionary`, −1 where the cell is empty. */
export interface SegmentColumn {
  codes: Int32Array;
  dictionary: string[];
}

export interface SegmentSlots {
  /** Distinct segment labels in ascending code-unit order: slot k is names[k]. */
  names: string[];
  /** Slot of each dictionary code; names.length for an empty label, which is no segment. */
  slotOfCode: Int32Array;
}

/**
 * Groups a dictionary's codes into segments: labels sorted so output is stable whatever order the file listed
 * them in, equal labels merged (a dictionary built in chunks may repeat one), and the empty label treated as a
 * missing value like code −1.
 */
export function segmentSlots(dictionary: string[]): SegmentSlots {
  const names = [...new Set(dictionary.filter((label) => label !== ''))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const slotOf = new Map(names.map((name, slot) => [name, slot]));
  return { names, slotOfCode: Int32Array.from(dictionary, (label) => slotOf.get(label) ?? names.length) };
}

/**
 * The slot of row i's segment: names.length when the row has none. A code outside the dictionary means the
 * columns were stored inconsistently, a programming error rather than a user's mistake, so it throws.
 */
export function slotOfRow(segments: SegmentColumn, slots: SegmentSlots, i: number): number {
  const code = segments.codes[i] as number;
  if (code < 0) return slots.names.length;
  const slot = slots.slotOfCode[code];
  if (slot === undefined) {
    throw new RangeError(`Segment code ${code} at row ${i} has no label: the dictionary has ${slots.slotOfCode.length}.`);
  }
  return slot;
}
