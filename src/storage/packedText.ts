// How a text chunk is stored: its values laid end to end in one string, with where each ends. IndexedDB then
// serialises one string per chunk instead of one per value, which made text the slowest part of storing a survey.

/**
 * Value i is null when nulls[i] is 1, else text.slice(ends[i − 1] ?? 0, ends[i]) (a null takes no characters).
 * Stored shape: do not change without a migration.
 */
export interface PackedText {
  text: string;
  ends: Uint32Array;
  nulls: Uint8Array;
}

export function isPackedText(data: unknown): data is PackedText {
  if (typeof data !== 'object' || data === null) return false;
  const packed = data as PackedText;
  return typeof packed.text === 'string' && packed.ends instanceof Uint32Array && packed.nulls instanceof Uint8Array;
}

export function packText(values: readonly (string | null)[]): PackedText {
  const ends = new Uint32Array(values.length);
  const nulls = new Uint8Array(values.length);
  const parts: string[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) {
      nulls[i] = 1;
    } else {
      parts.push(value);
      at += value.length;
    }
    ends[i] = at;
  }
  return { text: parts.join(''), ends, nulls };
}

export function unpackText({ text, ends, nulls }: PackedText): (string | null)[] {
  const values: (string | null)[] = [];
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i] as number;
    values.push(nulls[i] === 1 ? null : text.slice(start, end));
    start = end;
  }
  return values;
}
