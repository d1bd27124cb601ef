// Sniffs the field delimiter and the record separator of a CSV sample, respecting quoted fields.

export type Delimiter = ',' | ';' | '\t' | '|';
export type LineEnding = '\r\n' | '\n' | '\r';

/**
 * Candidates in tie-break order: when two delimiters split the sample equally well, the one that is rarer inside
 * ordinary values wins (a comma also appears in decimal numbers and prose; a tab almost never does).
 */
export const DELIMITERS: readonly Delimiter[] = ['\t', ';', '|', ','];

/** Records read from the sample: enough to see the shape, few enough to stay instant on wide files. */
export const SNIFF_RECORDS = 50;

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** Fields per record under that delimiter (the most common count); 1 when no candidate splits the sample. */
  fields: number;
  /** Share of sampled records that have exactly `fields` fields, 0..1. */
  consistency: number;
  /**
   * The sample starts with Excel's `sep=;` line, which names the delimiter; the parser must skip that line.
   */
  sepDirective: boolean;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

const SEP_DIRECTIVE = /^sep=([,;\t|])(?:\r\n|\n|\r|$)/;

/**
 * Counts the fields of each record (up to `limit` records) when the text is split by `delimiter`. A field that
 * starts with a double quote runs to the matching closing quote ("" is an escaped quote), so delimiters and line
 * breaks inside it do not count. Blank lines are skipped. Unless `complete`, the text is a cut-off sample and its
 * last, unterminated record is dropped as it may be partial; it is kept only when it is the sole record.
 */
export function fieldCounts(text: string, delimiter: Delimiter, limit = SNIFF_RECORDS, complete = false): number[] {
  const delim = delimiter.charCodeAt(0);
  const counts: number[] = [];
  const n = text.length;
  let fields = 1;
  let atFieldStart = true;
  let inQuotes = false;
  let hasContent = false;
  let i = 0;
  while (i < n && counts.length < limit) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      i++;
      continue;
    }
    if (c === QUOTE && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      hasContent = true;
    } else if (c === delim) {
      fields++;
      atFieldStart = true;
      hasContent = true;
    } else if (c === CR || c === LF) {
      if (hasContent) counts.push(fields);
      fields = 1;
      atFieldStart = true;
      hasContent = false;
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    } else {
      atFieldStart = false;
      hasContent = true;
    }
    i++;
  }
  if (hasContent && counts.length < limit && ((complete && !inQuotes) || counts.length === 0)) counts.push(fields);
  return counts;
}

function modeOf(counts: readonly number[]): { value: number; frequency: number } {
  const frequency = new Map<number, number>();
  let value = 1;
  let best = 0;
  for (const count of counts) {
    const f = (frequency.get(count) ?? 0) + 1;
    frequency.set(count, f);
    if (f > best || (f === best && count > value)) {
      best = f;
      value = count;
    }
  }
  return { value, frequency: best };
}

/**
 * Picks the delimiter among `,` `;` tab `|` that splits the first records into the most consistent number of
 * fields (at least two): highest share of records with the modal field count, then more fields, then the
 * tie-break order of DELIMITERS. An Excel `sep=` first line overrides the guess.
 */
export function detectDelimiter(sampleText: string, complete = false): DelimiterGuess {
  const directive = SEP_DIRECTIVE.exec(sampleText);
  if (directive !== null) {
    const delimiter = directive[1] as Delimiter;
    const rest = sampleText.slice(directive[0].length);
    const counts = fieldCounts(rest, delimiter, SNIFF_RECORDS, complete);
    const { value, frequency } = modeOf(counts);
    return { delimiter, fields: value, consistency: counts.length === 0 ? 1 : frequency / counts.length, sepDirective: true };
  }
  let best: DelimiterGuess = { delimiter: ',', fields: 1, consistency: 1, sepDirective: false };
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(sampleText, delimiter, SNIFF_RECORDS, complete);
    if (counts.length === 0) continue;
    const { value, frequency } = modeOf(counts);
    if (value < 2) continue;
    const consistency = frequency / counts.length;
    if (consistency > bestScore || (consistency === bestScore && value > best.fields)) {
      best = { delimiter, fields: value, consistency, sepDirective: false };
      bestScore = consistency;
    }
  }
  return best;
}

/**
 * The record separator used outside quoted fields (a comment may hold a bare LF inside a CRLF file): the most
 * frequent of CRLF, LF and CR in the sample; CRLF on a tie; LF when the sample has a single line.
 */
export function detectLineEnding(sampleText: string, delimiter: Delimiter = detectDelimiter(sampleText).delimiter): LineEnding {
  const delim = delimiter.charCodeAt(0);
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let atFieldStart = true;
  let inQuotes = false;
  const n = sampleText.length;
  for (let i = 0; i < n; i++) {
    const c = sampleText.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (sampleText.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
    } else if (c === QUOTE && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (c === CR) {
      if (sampleText.charCodeAt(i + 1) === LF) {
        crlf++;
        i++;
      } else cr++;
      atFieldStart = true;
    } else if (c === LF) {
      lf++;
      atFieldStart = true;
    } else {
      atFieldStart = c === delim;
    }
  }
  if (crlf === 0 && lf === 0 && cr === 0) return '\n';
  if (crlf >= lf && crlf >= cr) return '\r\n';
  return lf >= cr ? '\n' : '\r';
}
