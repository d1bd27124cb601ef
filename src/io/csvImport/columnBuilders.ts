// Per-column accumulators that turn CSV cells into the typed chunks the dataset store keeps. They run once per cell
// over millions of rows, so a push writes into a preallocated typed array and allocates nothing on the common path.
import { parseDate, type DateFormat } from '../csv/dates';
import { isBlank, parseNumber, type DecimalSeparator } from '../csv/numbers';
import type { ColumnData, ColumnMeta, ColumnType } from '../../storage/records';
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

/** Spellings a category builder compares a cell against before falling back to its Map. */
const RECENT_TEXTS = 8;

class CategoryBuilder implements ColumnBuilder {
  readonly type = 'category';
  length = 0;
  private codes: Int32Array;
  /** Grows across chunks: a code means the same label in every chunk of the column. */
  private readonly dictionary: string[] = [];
  private readonly codeOfLabel = new Map<string, number>();
  /** Cell text as written → code, so the common case is one lookup and no trimming. */
  private readonly codeOf = new Map<string, number>();
  /** The first RECENT_TEXTS spellings seen and their codes, checked before the Map. */
  private readonly recentTexts: string[] = [];
  private readonly recentCodes: number[] = [];

  constructor(
    private readonly name: string,
    private readonly capacity: number,
  ) {
    this.codes = new Int32Array(capacity);
  }

  push(text: string): boolean {
    // A category column usually repeats a handful of spellings: comparing against them is cheaper than hashing
    // every freshly parsed cell for a Map lookup.
    const recentTexts = this.recentTexts;
    for (let i = 0; i < recentTexts.length; i++) {
      if (recentTexts[i] === text) {
        this.codes[this.length++] = this.recentCodes[i]!;
        return true;
      }
    }
    let code = this.codeOf.get(text);
    if (code === undefined) {
      // Labels are compared trimmed, as the preview counted them: " North" and "North" are one category.
      const label = text.trim();
      code = isBlank(label) ? -1 : this.codeOfLabel.get(label);
      if (code === undefined) {
        code = this.dictionary.length;
        this.dictionary.push(label);
        this.codeOfLabel.set(label, code);
      }
      this.codeOf.set(text, code);
    }
    if (recentTexts.length < RECENT_TEXTS) {
      recentTexts.push(text);
      this.recentCodes.push(code);
    }
    this.codes[this.length++] = code;
    return true;
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
