// Metric time series (a row per period, optionally per segment) laid on regular period grids, gaps as NaN.

import type { PeriodUnit } from './periods';
import { NO_PERIOD, periodLabel, periodOrdinal, periodStart } from './periods';
import type { SegmentColumn } from './segments';
import { segmentSlots, slotOfRow } from './segments';

/** One series on a regular grid: consecutive periods, a missing period holding NaN, so lags count periods. */
export interface PeriodSeries {
  /** The segment's label; null for a file without segments or for the combined overall series. */
  segment: string | null;
  granularity: PeriodUnit;
  /** 'YYYY-MM-DD', 'YYYY-Www', 'YYYY-MM' or 'YYYY-Qn', ascending. */
  periods: string[];
  /** Start of each period, UTC epoch ms. */
  t: Float64Array;
  values: Float64Array;
}

/** How a segmented file's overall series is formed; the caller chooses because only it knows what the metric is. */
export type SeriesCombine = 'mean' | 'sum';

export interface SeriesColumns {
  /** Period of each row as UTC epoch ms (any time inside the period); NaN when missing. */
  dates: Float64Array;
  /** The metric, NaN when missing. */
  values: Float64Array;
  segments?: SegmentColumn;
  /** The period length, when the user has chosen it; otherwise it is detected from the spacing of the dates. */
  granularity?: PeriodUnit;
  /** Overall series of a segmented file: the sum of the segments (amounts, counts) or their plain mean. */
  combine?: SeriesCombine;
}

export type SeriesProblem =
  | { kind: 'no-dates'; message: string }
  | { kind: 'unknown-spacing'; message: string }
  | { kind: 'span-too-long'; segment: string | null; message: string }
  | {
      kind: 'duplicate-period';
      period: string;
      segment: string | null;
      /** Dataset row indices (0-based) that fall in the period. */
      rows: number[];
      message: string;
    };

export type OverallSeries =
  | {
      ok: true;
      series: PeriodSeries;
      /** Periods of a combined series left NaN because some segment had no value there. */
      incompletePeriods: number;
    }
  | { ok: false; reason: string };

export type SeriesBuild =
  | {
      ok: true;
      granularity: PeriodUnit;
      /** One series per segment in ascending label order; empty for a file without segments. */
      bySegment: PeriodSeries[];
      overall: OverallSeries;
      /** Rows left out because their date is missing. */
      undated: number;
      /** Rows of a segmented file with no segment value, left out of every series. */
      unsegmented: number;
    }
  | { ok: false; problems: SeriesProblem[] };

const DAY_MS = 86_400_000;
/** Longest grid a series may span; a daily series over 2,700 years means a mistyped date, not a real file. */
const MAX_PERIODS = 1_000_000;
const UNIT_NAMES: Record<PeriodUnit, string> = { day: 'days', week: 'weeks', month: 'months', quarter: 'quarters' };

/** Share of a series' distinct dates that may share a period with the previous date: stray extra rows. */
const MAX_COLLISIONS = 0.1;
/** Share of the periods between a series' first and last that must hold a date: gaps are exceptions. */
const MIN_FILL = 0.5;

/**
 * The period length of series given as sorted distinct day counts (days since 1970-01-01, one array per
 * series): the longest of quarter, month, week and day in which (a) at most one date in ten falls in the same
 * period as the date before it (more means the periods are too long) and (b) at least half of the periods
 * from first to last hold a date (fewer means they are too short). Any day of the month, the 1st, the 15th or
 * the last, reads as a month; weekdays without weekends read as days. null when no length fits or no series
 * has two dates.
 */
export function detectGranularity(seriesDays: Float64Array[]): PeriodUnit | null {
  if (!seriesDays.some((days) => days.length > 1)) return null;
  const units: PeriodUnit[] = ['quarter', 'month', 'week', 'day'];
  return (
    units.find((unit) => {
      let dates = 0;
      let collisions = 0;
      let filled = 0;
      let span = 0;
      for (const days of seriesDays) {
        if (days.length === 0) continue;
        let previous = periodOrdinal((days[0] as number) * DAY_MS, unit);
        const first = previous;
        let shared = 0;
        for (let k = 1; k < days.length; k++) {
          const ordinal = periodOrdinal((days[k] as number) * DAY_MS, unit);
          if (ordinal === previous) shared++;
          previous = ordinal;
        }
        dates += days.length;
        collisions += shared;
        filled += days.length - shared;
        span += previous - first + 1;
      }
      return collisions <= MAX_COLLISIONS * dates && filled >= MIN_FILL * span;
    }) ?? null
  );
}

/** Rows of each slot, as one index array ordered by slot (a counting sort: no per-row objects). */
function rowsBySlot(slotOf: Int32Array, slots: number): { order: Int32Array; starts: Int32Array } {
  const starts = new Int32Array(slots + 1);
  for (const slot of slotOf) if (slot >= 0) starts[slot + 1] = (starts[slot + 1] as number) + 1;
  for (let s = 0; s < slots; s++) starts[s + 1] = (starts[s + 1] as number) + (starts[s] as number);
  const next = starts.slice(0, slots);
  const order = new Int32Array(starts[slots] as number);
  slotOf.forEach((slot, row) => {
    if (slot < 0) return;
    order[next[slot] as number] = row;
    next[slot] = (next[slot] as number) + 1;
  });
  return { order, starts };
}

/** Sorted distinct day counts of each slot's dates, for detecting the period length. */
function distinctDays(dates: Float64Array, order: Int32Array, starts: Int32Array): Float64Array[] {
  const out: Float64Array[] = [];
  for (let s = 0; s + 1 < starts.length; s++) {
    const rows = order.subarray(starts[s], starts[s + 1]);
    const days = Float64Array.from(rows, (row) => Math.floor((dates[row] as number) / DAY_MS)).sort();
    out.push(days.filter((day, k) => k === 0 || day !== days[k - 1]));
  }
  return out;
}

function grid(first: number, length: number, unit: PeriodUnit): { periods: string[]; t: Float64Array } {
  const periods = new Array<string>(length);
  const t = new Float64Array(length);
  for (let k = 0; k < length; k++) {
    periods[k] = periodLabel(first + k, unit);
    t[k] = periodStart(first + k, unit);
  }
  return { periods, t };
}

function inSegment(segment: string | null): string {
  return segment === null ? '' : ` in segment ${segment}`;
}

/** The series of one slot's rows on its own grid, first to last period, with any duplicated periods. */
function slotSeries(
  input: SeriesColumns,
  rows: Int32Array,
  unit: PeriodUnit,
  segment: string | null,
): { series: PeriodSeries | null; first: number; problems: SeriesProblem[] } {
  const ordinals = Int32Array.from(rows, (row) => periodOrdinal(input.dates[row] as number, unit));
  let first = Infinity;
  let last = -Infinity;
  for (const ordinal of ordinals) {
    if (ordinal < first) first = ordinal;
    if (ordinal > last) last = ordinal;
  }
  const length = last - first + 1;
  if (length > MAX_PERIODS) {
    const span = `${periodLabel(first, unit)} to ${periodLabel(last, unit)}`;
    const size = `${length.toLocaleString('en-US')} ${UNIT_NAMES[unit]}`;
    const message = `The dates${inSegment(segment)} run from ${span}, ${size}: is a year mistyped?`;
    return { series: null, first, problems: [{ kind: 'span-too-long', segment, message }] };
  }
  const values = new Float64Array(length).fill(NaN);
  const counts = new Int32Array(length);
  ordinals.forEach((ordinal, k) => {
    const cell = ordinal - first;
    values[cell] = input.values[rows[k] as number] as number;
    counts[cell] = (counts[cell] as number) + 1;
  });
  // Rows of each duplicated period, gathered in one pass; rows are in file order, so each list is ascending.
  const duplicates = new Map<number, number[]>();
  ordinals.forEach((ordinal, k) => {
    if ((counts[ordinal - first] as number) < 2) return;
    const list = duplicates.get(ordinal);
    if (list) list.push(rows[k] as number);
    else duplicates.set(ordinal, [rows[k] as number]);
  });
  const problems: SeriesProblem[] = [...duplicates.entries()]
    .sort(([x], [y]) => x - y)
    .map(([ordinal, duplicateRows]) => {
      const period = periodLabel(ordinal, unit);
      const message = `${duplicateRows.length} rows for ${period}${inSegment(segment)}`;
      return { kind: 'duplicate-period', period, segment, rows: duplicateRows, message };
    });
  return { series: { segment, granularity: unit, ...grid(first, length, unit), values }, first, problems };
}

/** The segments combined period by period on the union of their grids; NaN wherever a segment has no value. */
function combineSegments(
  parts: { series: PeriodSeries; first: number }[],
  unit: PeriodUnit,
  combine: SeriesCombine,
): OverallSeries {
  const first = Math.min(...parts.map((part) => part.first));
  const last = Math.max(...parts.map((part) => part.first + part.series.values.length - 1));
  const length = last - first + 1;
  const totals = new Float64Array(length);
  const present = new Int32Array(length);
  for (const { series, first: start } of parts) {
    series.values.forEach((value, k) => {
      if (Number.isNaN(value)) return;
      const cell = start - first + k;
      totals[cell] = (totals[cell] as number) + value;
      present[cell] = (present[cell] as number) + 1;
    });
  }
  let incompletePeriods = 0;
  const values = Float64Array.from(totals, (total, cell) => {
    if (present[cell] === parts.length) return combine === 'sum' ? total : total / parts.length;
    incompletePeriods++;
    return NaN;
  });
  const series: PeriodSeries = { segment: null, granularity: unit, ...grid(first, length, unit), values };
  return { ok: true, series, incompletePeriods };
}

/**
 * Lays a metric file out as time series: one per segment (or one for a file without segments), each on a
 * regular grid of consecutive periods from its first to its last, with NaN in missing periods so lag
 * analyses pair values by period. The period length is the caller's or detected from the date spacing.
 * Two rows in one period of one series is an error, reported for every such period, since which of them
 * is right cannot be guessed. The overall series of a segmented file is formed only by the caller's `combine`
 * rule, because a rate or score cannot be added; it is NaN in any period where a segment has no value.
 */
export function buildSeries(input: SeriesColumns): SeriesBuild {
  const { dates, values, segments } = input;
  if (values.length !== dates.length || (segments && segments.codes.length !== dates.length)) {
    throw new RangeError(`The columns differ in length: ${dates.length} dates, ${values.length} values.`);
  }
  const slots = segments ? segmentSlots(segments.dictionary) : { names: [], slotOfCode: new Int32Array(0) };
  const slotCount = Math.max(1, slots.names.length);
  const slotOf = new Int32Array(dates.length);
  let undated = 0;
  let unsegmented = 0;
  for (let i = 0; i < dates.length; i++) {
    if (periodOrdinal(dates[i] as number, 'day') === NO_PERIOD) {
      slotOf[i] = -1;
      undated++;
      continue;
    }
    const slot = segments ? slotOfRow(segments, slots, i) : 0;
    if (slot >= slotCount) unsegmented++;
    slotOf[i] = slot < slotCount ? slot : -1;
  }
  const { order, starts } = rowsBySlot(slotOf, slotCount);
  if (order.length === 0) {
    const message = segments
      ? 'No row has both a date and a segment, so there is no series.'
      : 'No row has a date, so there is no series.';
    return { ok: false, problems: [{ kind: 'no-dates', message }] };
  }

  const days = input.granularity ? [] : distinctDays(dates, order, starts);
  const unit = input.granularity ?? detectGranularity(days);
  if (unit === null) {
    const message = days.some((d) => d.length > 1)
      ? 'The dates do not look daily, weekly, monthly or quarterly (too far apart, or too irregular): ' +
        'choose the period length.'
      : 'Each series has a single date, so its spacing cannot be told: choose daily, weekly, monthly or quarterly.';
    return { ok: false, problems: [{ kind: 'unknown-spacing', message }] };
  }

  const parts: { series: PeriodSeries; first: number }[] = [];
  const problems: SeriesProblem[] = [];
  for (let slot = 0; slot < slotCount; slot++) {
    const rows = order.subarray(starts[slot], starts[slot + 1]);
    if (rows.length === 0) continue;
    const { series, first, problems: found } = slotSeries(input, rows, unit, segments ? (slots.names[slot] as string) : null);
    problems.push(...found);
    if (series) parts.push({ series, first });
  }
  if (problems.length > 0) return { ok: false, problems };

  if (!segments) {
    const series = (parts[0] as { series: PeriodSeries }).series;
    const overall: OverallSeries = { ok: true, series, incompletePeriods: 0 };
    return { ok: true, granularity: unit, bySegment: [], overall, undated, unsegmented };
  }
  const overall: OverallSeries = input.combine
    ? combineSegments(parts, unit, input.combine)
    : {
        ok: false,
        reason:
          `The file has a series for each of ${parts.length} segments. An overall series needs a rule: the sum for ` +
          'amounts and counts (revenue, orders), or the mean for rates and scores, which cannot be added. ' +
          'The mean is unweighted: for a rate or score it is not the pooled company figure, ' +
          "which needs each segment's volume.",
      };
  return { ok: true, granularity: unit, bySegment: parts.map((part) => part.series), overall, undated, unsegmented };
}

export type AlignedSeries =
  | { ok: true; granularity: PeriodUnit; periods: string[]; t: Float64Array; a: Float64Array; b: Float64Array }
  | { ok: false; reason: string };

/**
 * Two series on one period grid, so that position k of both arrays is the same period (what the lag and
 * correlation tests assume). 'intersection' keeps the periods both series span; 'union' spans both, NaN where a
 * series has no period. Series of different period lengths are not aligned: the caller must aggregate first.
 */
export function alignSeries(
  a: PeriodSeries,
  b: PeriodSeries,
  mode: 'intersection' | 'union' = 'intersection',
): AlignedSeries {
  if (a.granularity !== b.granularity) {
    const reason = `One series is by ${a.granularity}, the other by ${b.granularity}; they need the same period length.`;
    return { ok: false, reason };
  }
  const unit = a.granularity;
  const span = (series: PeriodSeries): [number, number] | null => {
    if (series.t.length === 0) return null;
    const start = periodOrdinal(series.t[0] as number, unit);
    return [start, start + series.t.length - 1];
  };
  const spanA = span(a);
  const spanB = span(b);
  if (!spanA || !spanB) return { ok: false, reason: 'A series without periods cannot be aligned.' };
  const first = mode === 'intersection' ? Math.max(spanA[0], spanB[0]) : Math.min(spanA[0], spanB[0]);
  const last = mode === 'intersection' ? Math.min(spanA[1], spanB[1]) : Math.max(spanA[1], spanB[1]);
  if (last < first) {
    const range = (s: PeriodSeries) => `${s.periods[0]}..${s.periods[s.periods.length - 1]}`;
    return { ok: false, reason: `The series do not overlap: one runs ${range(a)}, the other ${range(b)}.` };
  }
  const length = last - first + 1;
  const place = (series: PeriodSeries, start: number): Float64Array =>
    Float64Array.from({ length }, (_, k) => {
      const index = first + k - start;
      return index >= 0 && index < series.values.length ? (series.values[index] as number) : NaN;
    });
  return { ok: true, granularity: unit, ...grid(first, length, unit), a: place(a, spanA[0]), b: place(b, spanB[0]) };
}

/**
 * Several series of one period length laid on the union of their periods (period labels sort in time order), NaN
 * where a series has no value: for charts and pairwise comparisons of series that span different ranges.
 */
export function onUnionGrid(series: readonly Pick<PeriodSeries, 'periods' | 'values'>[]): {
  periods: string[];
  values: Float64Array[];
} {
  const periods = [...new Set(series.flatMap((s) => s.periods))].sort();
  const position = new Map(periods.map((p, i) => [p, i]));
  const values = series.map((s) => {
    const placed = new Float64Array(periods.length).fill(Number.NaN);
    s.periods.forEach((p, i) => {
      placed[position.get(p) as number] = s.values[i] as number;
    });
    return placed;
  });
  return { periods, values };
}
