// Per-column accumulators that turn CSV cells into the typed chunks the dataset store keeps. They run once per cell
// over millions of rows, so a push writes into a preallocated typed array and allocates nothing on the common path.
import { parseDate, type DateFormat } from '../csv/dates';
import { isBlank, parseNumber, type DecimalSeparator } from '../csv/numbers';
import type { ColumnData, ColumnMeta, ColumnType } from '../../storage/records';
import { detach } from './detach';
import type { ColumnSpec } from './types';

export interface ColumnBuilder {
  readonly type: ColumnType;
  /** Values pushed into the current chunk. */
  length: number;
  /** Appends a cell; false (and nothing appended) when the text is not a value of this type. Blank is missing. */
  push(text: string): boolean;
  /** Hands over the current chunk's values and starts an empty chunk. */
  take(): ColumnData;
  /** The stored description of the column, including a category's dictionary as it stands. */
  meta(): ColumnMeta;
}

/** Number and date columns can reject a cell; after a rejection the row's earlier cells are undone by `length`. */
abstract class FloatBuilder implements ColumnBuilder {
  abstract readonly type: ColumnType;
  length = 0;
  protected values: Float64Array;

  constructor(
    protected readonly name: string,
    private readonly capacity: number,
  ) {
    this.values = new Float64Array(capacity);
  }

  protected abstract parse(text: string): number;

  push(text: string): boolean {
    const value = this.parse(text);
    // `value === value` is false only for NaN: the one branch a typical cell skips entirely.
    if (value === value || isBlank(text)) {
      this.values[this.length++] = value;
      return true;
    }
    return false;
  }

  take(): ColumnData {
    const full = this.length === this.capacity;
    const chunk = full ? this.values : this.values.slice(0, this.length);
    if (full) this.values = new Float64Array(this.capacity);
    this.length = 0;
    return chunk;
  }

  meta(): ColumnMeta {
    return { name: this.name, type: this.type };
  }
}

class NumberBuilder extends FloatBuilder {
  readonly type = 'number';

  constructor(
    name: string,
    capacity: number,
    private readonly decimal: DecimalSeparator,
  ) {
    super(name, capacity);
  }

  protected parse(text: string): number {
    return parseNumber(text, this.decimal);
  }
}

class DateBuilder extends FloatBuilder {
  readonly type = 'date';

  constructor(
    name: string,
    capacity: number,
    private readonly format: DateFormat,
  ) {
    super(name, capacity);
  }

  protected parse(text: string): number {
    return parseDate(text, this.format);
  }
}

/** Slots of a category builder's table of frequent spellings; at most half of them are ever filled. */
const SPELLING_SLOTS = 64;

/**
 * A cheap slot for a spelling from its length and end characters, which tell apart the few spellings of a typical
 * category column ("North", "South", …; "Team A", "Team B", …) without reading the whole cell.
 */
function spellingSlot(text: string): number {
  const length = text.length;
  if (length === 0) return 0;
  return (length * 31 + text.charCodeAt(0) * 7 + text.charCodeAt(length - 1)) & (SPELLING_SLOTS - 1);
}

class CategoryBuilder implements ColumnBuilder {
  readonly type = 'category';
  length = 0;
  private codes: Int32Array;
  /** Grows across chunks: a code means the same label in every chunk of the column. */
  private readonly dictionary: string[] = [];
  private readonly codeOfLabel = new Map<string, number>();
  /** Cell text as written → code, so the common case is one lookup and no trimming. */
  private readonly codeOf = new Map<string, number>();
  /**
   * The first spellings seen, by slot (open addressing): one comparison finds a cell's code, where the Map would
   * first hash the freshly parsed text.
   */
  private readonly slotTexts: (string | undefined)[] = new Array<string | undefined>(SPELLING_SLOTS).fill(undefined);
  private readonly slotCodes = new Int32Array(SPELLING_SLOTS);
  private slotsFilled = 0;

  constructor(
    private readonly name: string,
    private readonly capacity: number,
  ) {
    this.codes = new Int32Array(capacity);
  }

  push(text: string): boolean {
    let slot = spellingSlot(text);
    for (;;) {
      const known = this.slotTexts[slot];
      if (known === undefined) break;
      if (known === text) {
        this.codes[this.length++] = this.slotCodes[slot]!;
        return true;
      }
      slot = (slot + 1) & (SPELLING_SLOTS - 1);
    }
    const code = this.codeOf.get(text) ?? this.learn(text);
    // `slot` is the free slot where the probe stopped; past half full the table would probe too long.
    if (this.slotsFilled < SPELLING_SLOTS / 2) {
      this.slotTexts[slot] = detach(text);
      this.slotCodes[slot] = code;
      this.slotsFilled++;
    }
    this.codes[this.length++] = code;
    return true;
  }

  /** The code of a spelling seen for the first time; kept spellings and labels are detached from the slice. */
  private learn(text: string): number {
    // Labels are compared trimmed, as the preview counted them: " North" and "North" are one category.
    const label = detach(text.trim());
    let code = isBlank(label) ? -1 : this.codeOfLabel.get(label);
    if (code === undefined) {
      code = this.dictionary.length;
      this.dictionary.push(label);
      this.codeOfLabel.set(label, code);
    }
    this.codeOf.set(detach(text), code);
    return code;
  }

  take(): ColumnData {
    const full = this.length === this.capacity;
    const chunk = full ? this.codes : this.codes.slice(0, this.length);
    if (full) this.codes = new Int32Array(this.capacity);
    this.length = 0;
    return chunk;
  }

  meta(): ColumnMeta {
    return { name: this.name, type: 'category', dictionary: [...this.dictionary] };
  }
}

class TextBuilder implements ColumnBuilder {
  readonly type = 'text';
  length = 0;
  private values: (string | null)[] = [];

  constructor(private readonly name: string) {}

  push(text: string): boolean {
    this.values.push(text.length === 0 || isBlank(text) ? null : text);
    this.length++;
    return true;
  }

  take(): ColumnData {
    const chunk = this.values;
    this.values = [];
    this.length = 0;
    return chunk;
  }

  meta(): ColumnMeta {
    return { name: this.name, type: 'text' };
  }
}

/** A builder for the column; the caller must give every date column its format (the preview always does). */
export function createColumnBuilder(spec: ColumnSpec, capacity: number, decimal: DecimalSeparator): ColumnBuilder {
  switch (spec.type) {
    case 'number':
      return new NumberBuilder(spec.name, capacity, decimal);
    case 'date':
      if (spec.dateFormat === undefined) throw new Error(`Date column ${spec.name} has no date format.`);
      return new DateBuilder(spec.name, capacity, spec.dateFormat);
    case 'category':
      return new CategoryBuilder(spec.name, capacity);
    case 'text':
      return new TextBuilder(spec.name);
  }
}
