// Survey scores per period and segment from columnar responses: one pass per column into pooled answer counts.

import type { PeriodUnit } from '../series/periods';
import { NO_PERIOD, periodLabel, periodOrdinals, periodStart } from '../series/periods';
import type { SegmentColumn } from '../series/segments';
import { segmentSlots, slotOfRow } from '../series/segments';
import type { MeanResult, NpsResult, Top2Result } from './scores';
import { meanFromMoments, npsFromCounts, top2FromCounts } from './scores';

export type SurveyGranularity = Exclude<PeriodUnit, 'day'> | 'all';

export interface SurveyColumns {
  /** Submission time of each response, UTC epoch ms; NaN when missing. */
  dates: Float64Array;
  /** 'all' pools every response whatever its date, undated ones included. */
  granularity: SurveyGranularity;
  /** Optional segment column (region, channel, team): scores per segment besides the pooled ones. */
  segments?: SegmentColumn;
  /** Answer columns, NaN for a blank. Only a column the user has named as the 0–10 recommend item is `nps`. */
  measures: {
    /** "How likely are you to recommend us", 0–10. */
    nps?: Float64Array;
    /** Satisfaction 1..csatScaleMax, reported as the top-2-box share. */
    csat?: Float64Array;
    /** Effort 1..cesScaleMax, reported as the mean; which end is "easy" depends on the survey's wording. */
    ces?: Float64Array;
  };
  /** Highest point of the CSAT scale; 5 unless the survey used another. */
  csatScaleMax?: number;
  /** Highest point of the CES scale; 7 unless the survey used another. */
  cesScaleMax?: number;
}

export interface SurveyGroupRow {
  /** 'YYYY-Www' (ISO week), 'YYYY-MM', 'YYYY-Qn', or 'all'. */
  period: string;
  /** UTC epoch ms at which the period starts; null for 'all'. */
  periodStart: number | null;
  /** null: every response of the period pooled, those without a segment value included. */
  segment: string | null;
  /** Responses in the group, whether or not they answered each question. */
  responses: number;
  nps?: NpsResult;
  csat?: Top2Result;
  ces?: MeanResult;
}

/** How the answers to one question were used, over the responses that were placed in a period. */
export interface AnswerCounts {
  /** Whole numbers on the scale: these are the n of the scores. */
  valid: number;
  /** Empty cells: missing, never zero. */
  blank: number;
  /** Present but off the scale (11 on 0–10, 3.5, −1): left out. */
  invalid: number;
}

export interface SurveyAggregate {
  /** By period (chronological), then the pooled row (segment null), then segments in ascending label order. */
  rows: SurveyGroupRow[];
  /** Responses left out of every period because their date is missing (always 0 with 'all'). */
  undated: number;
  /** Placed responses with no segment value: they count in the pooled rows and in no segment's row. */
  unsegmented: number;
  totals: { nps?: AnswerCounts; csat?: AnswerCounts; ces?: AnswerCounts };
}

/** Per-group histograms of whole-number answers on min..max, from one pass over the column. */
interface Tally {
  min: number;
  bins: number;
  /** counts[group·bins + (answer − min)]. */
  counts: Float64Array;
  invalid: Float64Array;
  totals: AnswerCounts;
}

function tallyByGroup(values: Float64Array, groupOf: Int32Array, groups: number, min: number, max: number): Tally {
  const bins = max - min + 1;
  const counts = new Float64Array(groups * bins);
  const invalid = new Float64Array(groups);
  let blank = 0;
  for (let i = 0; i < values.length; i++) {
    const group = groupOf[i] as number;
    if (group < 0) continue;
    const k = (values[i] as number) - min;
    if (k !== k) {
      blank++;
    } else if (k >= 0 && k < bins && Math.floor(k) === k) {
      const cell = group * bins + k;
      counts[cell] = (counts[cell] as number) + 1;
    } else {
      invalid[group] = (invalid[group] as number) + 1;
    }
  }
  let valid = 0;
  let invalidTotal = 0;
  for (const count of counts) valid += count;
  for (const count of invalid) invalidTotal += count;
  return { min, bins, counts, invalid, totals: { valid, blank, invalid: invalidTotal } };
}

/** The histogram and invalid count of `slots` consecutive groups from `first`, added together: pooling. */
function pooled(tally: Tally, first: number, slots: number): { counts: Float64Array; invalid: number } {
  const counts = new Float64Array(tally.bins);
  let invalid = 0;
  for (let group = first; group < first + slots; group++) {
    const offset = group * tally.bins;
    for (let k = 0; k < tally.bins; k++) counts[k] = (counts[k] as number) + (tally.counts[offset + k] as number);
    invalid += tally.invalid[group] as number;
  }
  return { counts, invalid };
}

function sum(counts: Float64Array, from: number, to: number): number {
  let total = 0;
  for (let k = from; k <= to; k++) total += counts[k] as number;
  return total;
}

function npsOf({ counts, invalid }: { counts: Float64Array; invalid: number }): NpsResult {
  return npsFromCounts(sum(counts, 9, 10), sum(counts, 0, 6), sum(counts, 0, 10), invalid);
}

function top2Of({ counts, invalid }: { counts: Float64Array; invalid: number }): Top2Result {
  const last = counts.length - 1;
  return top2FromCounts(sum(counts, last - 1, last), sum(counts, 0, last), invalid);
}

/** Mean and t interval of a histogram of answers min..: the sums are of whole numbers, so exact. */
function meanOf({ counts }: { counts: Float64Array; invalid: number }, min: number): MeanResult {
  let n = 0;
  let total = 0;
  for (let k = 0; k < counts.length; k++) {
    n += counts[k] as number;
    total += (counts[k] as number) * (min + k);
  }
  const mean = total / n;
  let sumOfSquares = 0;
  for (let k = 0; k < counts.length; k++) sumOfSquares += (counts[k] as number) * (min + k - mean) ** 2;
  return meanFromMoments(n, n > 0 ? mean : NaN, sumOfSquares);
}

/** Row → period index (−1 when undated) and the label and start of each period, in chronological order. */
function assignPeriods(
  dates: Float64Array,
  granularity: SurveyGranularity,
): { periodOf: Int32Array; labels: string[]; starts: (number | null)[] } {
  if (granularity === 'all') return { periodOf: new Int32Array(dates.length), labels: ['all'], starts: [null] };
  const { ordinals, min, max } = periodOrdinals(dates, granularity);
  const present: number[] = [];
  // The ordinals are rewritten in place into period indices.
  const periodOf = ordinals;
  if (min === NO_PERIOD) {
    periodOf.fill(-1);
  } else if (max - min < 1 << 20) {
    const indexOf = new Int32Array(max - min + 1).fill(-1);
    for (const ordinal of ordinals) if (ordinal !== NO_PERIOD) indexOf[ordinal - min] = 0;
    for (let k = 0; k < indexOf.length; k++) {
      if (indexOf[k] === 0) {
        indexOf[k] = present.length;
        present.push(min + k);
      }
    }
    for (let i = 0; i < ordinals.length; i++) {
      const ordinal = ordinals[i] as number;
      periodOf[i] = ordinal === NO_PERIOD ? -1 : (indexOf[ordinal - min] as number);
    }
  } else {
    // Dates centuries apart (a mistyped year) would make a dense index too large; a map costs more per row.
    const distinct = new Set<number>();
    for (const ordinal of ordinals) if (ordinal !== NO_PERIOD) distinct.add(ordinal);
    present.push(...[...distinct].sort((a, b) => a - b));
    const indexOf = new Map(present.map((ordinal, index) => [ordinal, index]));
    for (let i = 0; i < ordinals.length; i++) {
      const ordinal = ordinals[i] as number;
      periodOf[i] = ordinal === NO_PERIOD ? -1 : (indexOf.get(ordinal) ?? -1);
    }
  }
  return {
    periodOf,
    labels: present.map((ordinal) => periodLabel(ordinal, granularity)),
    starts: present.map((ordinal) => periodStart(ordinal, granularity)),
  };
}

function checkLength(name: string, column: ArrayLike<number> | undefined, rows: number): void {
  if (column !== undefined && column.length !== rows) {
    throw new RangeError(`The ${name} column has ${column.length} rows but the dates have ${rows}.`);
  }
}

function checkScaleMax(name: string, scaleMax: number): void {
  if (!Number.isInteger(scaleMax) || scaleMax < 2) {
    throw new RangeError(`The ${name} scale must run from 1 to a whole number of at least 2, not ${scaleMax}.`);
  }
}

/**
 * NPS, CSAT top-2 box and mean CES with their intervals for every period, pooled and per segment. Each group's
 * scores come from its pooled answer counts, never from a mean of sub-group scores, so a pooled row's counts are
 * the sums of its segments' counts (plus the unsegmented responses) and its NPS is their response-weighted mean.
 * Columns are read once each into per-group histograms: no per-row objects, memory independent of the row count
 * beyond two Int32Arrays. Mismatched column lengths or a code outside the dictionary are programming errors
 * (the columns come from the app's own store) and throw a RangeError.
 */
export function aggregateSurvey(input: SurveyColumns): SurveyAggregate {
  const { dates, granularity, segments, measures } = input;
  const rows = dates.length;
  const csatMax = input.csatScaleMax ?? 5;
  const cesMax = input.cesScaleMax ?? 7;
  checkScaleMax('CSAT', csatMax);
  checkScaleMax('CES', cesMax);
  checkLength('segment', segments?.codes, rows);
  checkLength('NPS', measures.nps, rows);
  checkLength('CSAT', measures.csat, rows);
  checkLength('CES', measures.ces, rows);

  const { periodOf, labels, starts } = assignPeriods(dates, granularity);
  const slotsOfSegments = segments ? segmentSlots(segments.dictionary) : { names: [], slotOfCode: new Int32Array(0) };
  const { names } = slotsOfSegments;
  // Slots per period: the named segments, then one for responses without a segment (the only one when unsegmented).
  const slots = names.length + 1;
  const groups = labels.length * slots;

  const groupOf = new Int32Array(rows);
  const responses = new Float64Array(groups);
  let undated = 0;
  let unsegmented = 0;
  for (let i = 0; i < rows; i++) {
    const period = periodOf[i] as number;
    if (period < 0) {
      groupOf[i] = -1;
      undated++;
      continue;
    }
    const slot = segments ? slotOfRow(segments, slotsOfSegments, i) : names.length;
    if (segments && slot === names.length) unsegmented++;
    const group = period * slots + slot;
    groupOf[i] = group;
    responses[group] = (responses[group] as number) + 1;
  }

  const npsTally = measures.nps && tallyByGroup(measures.nps, groupOf, groups, 0, 10);
  const csatTally = measures.csat && tallyByGroup(measures.csat, groupOf, groups, 1, csatMax);
  const cesTally = measures.ces && tallyByGroup(measures.ces, groupOf, groups, 1, cesMax);

  const scoreRow = (period: number, segment: string | null, first: number, count: number): SurveyGroupRow => {
    const row: SurveyGroupRow = {
      period: labels[period] as string,
      periodStart: starts[period] ?? null,
      segment,
      responses: sum(responses, first, first + count - 1),
    };
    if (npsTally) row.nps = npsOf(pooled(npsTally, first, count));
    if (csatTally) row.csat = top2Of(pooled(csatTally, first, count));
    if (cesTally) row.ces = meanOf(pooled(cesTally, first, count), cesTally.min);
    return row;
  };

  const out: SurveyGroupRow[] = [];
  for (let period = 0; period < labels.length; period++) {
    const first = period * slots;
    out.push(scoreRow(period, null, first, slots));
    names.forEach((name, slot) => {
      if ((responses[first + slot] as number) > 0) out.push(scoreRow(period, name, first + slot, 1));
    });
  }

  const totals: SurveyAggregate['totals'] = {};
  if (npsTally) totals.nps = npsTally.totals;
  if (csatTally) totals.csat = csatTally.totals;
  if (cesTally) totals.ces = cesTally.totals;
  return { rows: out, undated, unsegmented, totals };
}
