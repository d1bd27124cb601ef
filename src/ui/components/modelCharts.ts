// Chart.js drawings of the weighting/ROI model and its sensitivity analyses (curves, tornado, ranges, indices); loaded lazily.
import { Chart, type ChartConfiguration } from 'chart.js';
// Registers the controllers, scales and the white PNG background these charts use.
import './chartSetup';

const INK = '#14213d';
const BRAND = '#1d3557';
const ACCENT = '#0b6e4f';
const ORANGE = '#c05621';
const SOFT = '#8eaad3';
const DANGER = '#a4161a';
const FONT = { size: 14 };

/** Tick and tooltip numbers: the caller's formatter (money in the plan's currency, percent…). */
export type Formatter = (value: number) => string;

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export interface ShareCurveInput {
  sharePct: number[];
  value: number[];
  bestPct: number;
  bestValue: number;
  flatFromPct: number;
  flatToPct: number;
  currentPct: number | null;
  currentValue: number;
  /** What the current point is: "Scorecards today", or the one share set for every department. */
  currentLabel: string;
  yLabel: string;
  format: Formatter;
}

/** The outcome over collective shares 0..100 %: the curve, the flat range shaded, the best and current balances marked. */
export function createShareCurveChart(canvas: HTMLCanvasElement, input: ShareCurveInput): Chart {
  const curve = input.sharePct.map((x, k) => ({ x, y: finite(input.value[k] ?? Number.NaN) }));
  const flat = curve.filter((p) => p.x >= input.flatFromPct && p.x <= input.flatToPct);
  const datasets = [
    {
      type: 'line' as const,
      label: 'Value of the scorecard effort',
      data: curve,
      borderColor: BRAND,
      backgroundColor: BRAND,
      borderWidth: 3,
      pointRadius: 0,
      order: 2,
    },
    {
      type: 'line' as const,
      label: `Within 1 % of the best (${input.flatFromPct}–${input.flatToPct} %)`,
      data: flat,
      borderColor: ACCENT,
      backgroundColor: `${ACCENT}33`,
      borderWidth: 8,
      pointRadius: 0,
      order: 3,
    },
    {
      type: 'line' as const,
      label: `Best balance: ${input.bestPct} %`,
      data: [{ x: input.bestPct, y: input.bestValue }],
      borderColor: ACCENT,
      backgroundColor: ACCENT,
      pointRadius: 9,
      pointStyle: 'rectRot' as const,
      showLine: false,
      order: 0,
    },
    ...(input.currentPct === null
      ? []
      : [
          {
            type: 'line' as const,
            label: `${input.currentLabel}: ${Math.round(input.currentPct)} %`,
            data: [{ x: input.currentPct, y: input.currentValue }],
            borderColor: ORANGE,
            backgroundColor: ORANGE,
            pointRadius: 7,
            showLine: false,
            order: 1,
          },
        ]),
  ];
  return new Chart(canvas, {
    type: 'line',
    data: { datasets: datasets as never },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: 100,
          title: { display: true, text: 'Collective share of the scorecard weight (%)', font: FONT },
          ticks: { font: FONT, stepSize: 10 },
        },
        y: {
          title: { display: true, text: input.yLabel, font: FONT },
          ticks: { font: FONT, callback: (v) => input.format(Number(v)) },
        },
      },
      plugins: {
        legend: { labels: { font: FONT } },
        tooltip: {
          callbacks: {
            title: (items) => `${items[0]?.parsed.x ?? ''} % collective`,
            label: (item) => `${item.dataset.label ?? ''}: ${input.format(item.parsed.y ?? Number.NaN)}`,
          },
        },
      },
    },
  });
}

export interface TornadoInput {
  labels: string[];
  /** Output with the input at its low end and at its high end. */
  atLow: number[];
  atHigh: number[];
  base: number;
  xLabel: string;
  format: Formatter;
}

/**
 * Scales of horizontal bars that float far from zero (tornado swings, Monte Carlo ranges): a value axis that does
 * not begin at zero, which would squeeze the bars into a corner, and the row labels in ink.
 */
function floatingBarScales(xLabel: string, format: Formatter, maxTicksLimit?: number) {
  return {
    x: {
      beginAtZero: false,
      title: { display: true, text: xLabel, font: FONT },
      ticks: { font: FONT, ...(maxTicksLimit === undefined ? {} : { maxTicksLimit }), callback: (v: string | number) => format(Number(v)) },
    },
    y: { ticks: { font: FONT, color: INK } },
  };
}

/** Horizontal floating bars from the base case to each end of every input's range, largest swing on top. */
export function createTornadoChart(canvas: HTMLCanvasElement, input: TornadoInput): Chart {
  const bar = (ends: number[]) => ends.map((end) => [Math.min(input.base, end), Math.max(input.base, end)]);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: [
        { label: 'Input at its low end', data: bar(input.atLow) as never, backgroundColor: ORANGE, grouped: false },
        { label: 'Input at its high end', data: bar(input.atHigh) as never, backgroundColor: SOFT, grouped: false },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      scales: floatingBarScales(input.xLabel, input.format),
      plugins: {
        legend: { labels: { font: FONT } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const k = item.dataIndex;
              const value = item.datasetIndex === 0 ? input.atLow[k] : input.atHigh[k];
              return `${item.dataset.label ?? ''}: ${input.format(value ?? Number.NaN)}`;
            },
          },
        },
      },
    },
  });
}

export interface BenefitTimelineInput {
  months: number[];
  immediate: number[];
  delayed: number[];
  costs: number[];
  /** Running total of benefits − costs (undiscounted). */
  cumulativeNet: number[];
  format: Formatter;
}

/** Benefits by month, split into those that follow at once and those that follow months later, against the costs. */
export function createBenefitTimelineChart(canvas: HTMLCanvasElement, input: BenefitTimelineInput): Chart {
  const labels = input.months.map(String);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { type: 'bar', label: 'Immediate benefit', data: input.immediate.map(finite) as number[], backgroundColor: ACCENT, stack: 'benefit' },
        { type: 'bar', label: 'Delayed benefit', data: input.delayed.map(finite) as number[], backgroundColor: SOFT, stack: 'benefit' },
        { type: 'bar', label: 'Costs', data: input.costs.map((c) => finite(-c)) as number[], backgroundColor: DANGER, stack: 'cost' },
        {
          type: 'line',
          label: 'Cumulative net cash flow',
          data: input.cumulativeNet.map(finite) as number[],
          borderColor: INK,
          borderWidth: 2.5,
          pointRadius: 0,
          yAxisID: 'cumulative',
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, title: { display: true, text: 'Month', font: FONT }, ticks: { font: FONT, maxTicksLimit: 13 } },
        y: {
          stacked: true,
          title: { display: true, text: 'Per month', font: FONT },
          ticks: { font: FONT, callback: (v) => input.format(Number(v)) },
        },
        cumulative: {
          position: 'right',
          title: { display: true, text: 'Cumulative', font: FONT },
          ticks: { font: FONT, callback: (v) => input.format(Number(v)) },
          grid: { display: false },
        },
      },
      plugins: {
        legend: { labels: { font: FONT } },
        tooltip: {
          callbacks: {
            title: (items) => `Month ${items[0]?.label ?? ''}`,
            label: (item) => `${item.dataset.label ?? ''}: ${input.format(item.parsed.y ?? Number.NaN)}`,
          },
        },
      },
    },
  });
}

export interface GroupedBarsInput {
  labels: string[];
  series: { label: string; values: number[] }[];
  yLabel: string;
  format: Formatter;
}

const SERIES_COLOURS = [BRAND, ACCENT, ORANGE, SOFT, '#6b46c1', '#b83280'];

/** Bars per category and series: scenarios side by side on the outputs that matter. */
export function createGroupedBarsChart(canvas: HTMLCanvasElement, input: GroupedBarsInput): Chart {
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: input.series.map((s, i) => ({
        label: s.label,
        data: s.values.map(finite) as number[],
        backgroundColor: SERIES_COLOURS[i % SERIES_COLOURS.length],
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { ticks: { font: FONT, color: INK } },
        y: { title: { display: true, text: input.yLabel, font: FONT }, ticks: { font: FONT, callback: (v) => input.format(Number(v)) } },
      },
      plugins: {
        legend: { labels: { font: FONT } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${input.format(item.parsed.y ?? Number.NaN)}` } },
      },
    },
  });
}

export interface RangeChartInput {
  /** One row per scenario that ran (the scenario's name). */
  labels: string[];
  p10: number[];
  p50: number[];
  p90: number[];
  xLabel: string;
  format: Formatter;
}

/**
 * Monte Carlo spread of one outcome: a floating bar from P10 to P90 per scenario with the P50 marked, so two
 * scenarios run on the same draws can be compared by eye. Built apart from the canvas so it can be checked in tests.
 */
export function rangeChartConfig(input: RangeChartInput): ChartConfiguration {
  const ranges = input.labels.map((_, k) => {
    const low = finite(input.p10[k] ?? Number.NaN);
    const high = finite(input.p90[k] ?? Number.NaN);
    return low === null || high === null ? null : [Math.min(low, high), Math.max(low, high)];
  });
  // The median sits on the bar's row: y is the row's position on the category axis.
  const medians = input.labels.flatMap((_, k) => {
    const x = finite(input.p50[k] ?? Number.NaN);
    return x === null ? [] : [{ x, y: k }];
  });
  return {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: [
        {
          type: 'bar',
          label: 'P10 to P90 (8 draws in 10 fall here)',
          data: ranges as never,
          backgroundColor: SOFT,
          borderColor: BRAND,
          borderWidth: 1,
          borderSkipped: false,
          maxBarThickness: 44,
          pointStyle: 'rect',
          order: 1,
        },
        {
          type: 'line',
          label: 'P50 (median)',
          data: medians as never,
          parsing: false,
          showLine: false,
          borderColor: INK,
          backgroundColor: INK,
          pointBorderColor: INK,
          pointBorderWidth: 4,
          pointStyle: 'line',
          pointRotation: 90,
          pointRadius: 16,
          pointHoverRadius: 18,
          order: 0,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      scales: floatingBarScales(input.xLabel, input.format, 7),
      plugins: {
        // Point styles show the median as the same upright stroke as on the bars.
        legend: { labels: { font: FONT, usePointStyle: true, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
        tooltip: {
          callbacks: {
            // Both datasets carry their row as y; the medians skip rows without a number, so dataIndex may differ.
            title: (items) => input.labels[Number(items[0]?.parsed.y)] ?? '',
            label: (item) => {
              const k = Number(item.parsed.y);
              if (item.datasetIndex === 1) return `P50: ${input.format(input.p50[k] ?? Number.NaN)}`;
              return `P10 to P90: ${input.format(input.p10[k] ?? Number.NaN)} to ${input.format(input.p90[k] ?? Number.NaN)}`;
            },
          },
        },
      },
    },
  };
}

export function createRangeChart(canvas: HTMLCanvasElement, input: RangeChartInput): Chart {
  return new Chart(canvas, rangeChartConfig(input));
}

/** An index with its interval, as Sobol reports it. */
export interface IntervalValue {
  value: number;
  low: number;
  high: number;
}

export interface IndexBarsInput {
  /** The inputs, in the order drawn (top first). */
  labels: string[];
  total: IntervalValue[];
  first: IntervalValue[];
  format: Formatter;
}

/**
 * A long input name on two lines, broken at the space nearest its middle: Chart.js does not wrap axis labels, and
 * one long line takes the plot's width on a narrow screen.
 */
export function twoLines(label: string, longest = 24): string | string[] {
  if (label.length <= longest) return label;
  const middle = label.length / 2;
  let best = -1;
  for (let at = label.indexOf(' '); at >= 0; at = label.indexOf(' ', at + 1)) {
    if (best < 0 || Math.abs(at - middle) < Math.abs(best - middle)) best = at;
  }
  return best < 0 ? label : [label.slice(0, best), label.slice(best + 1)];
}

/** Position of the legend entry left out: both interval datasets look the same, one entry explains them. */
const SECOND_INTERVAL = 3;
/** Legend order by dataset: total, first order, then the interval (their `order`, which draws the intervals on top, would list them first). */
const INDEX_LEGEND_RANK = [0, 2, 1, 3];

/**
 * Sobol total and first-order index per input as bars, each crossed by a thin bar over its 95 % interval. An
 * interval shares its index's slot through a common `stack` on the index axis; the value axis is explicitly not
 * stacked, so the interval is drawn from its own low to high rather than on top of the bar.
 */
export function indexBarsConfig(input: IndexBarsInput): ChartConfiguration {
  const values = (xs: IntervalValue[]) => xs.map((x) => finite(x.value));
  const intervals = (xs: IntervalValue[]) =>
    xs.map((x) => (Number.isFinite(x.low) && Number.isFinite(x.high) ? [Math.min(x.low, x.high), Math.max(x.low, x.high)] : null));
  const interval = { backgroundColor: ORANGE, barPercentage: 0.14, borderSkipped: false as const, order: 0 };
  return {
    type: 'bar',
    data: {
      labels: input.labels.map((label) => twoLines(label)),
      datasets: [
        { label: 'Total (with interactions)', data: values(input.total) as never, backgroundColor: BRAND, stack: 'total', order: 1 },
        { label: '95 % interval', data: intervals(input.total) as never, stack: 'total', ...interval },
        { label: 'First order (alone)', data: values(input.first) as never, backgroundColor: SOFT, stack: 'first', order: 1 },
        { label: '95 % interval (first order)', data: intervals(input.first) as never, stack: 'first', ...interval },
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: {
          stacked: false,
          beginAtZero: true,
          title: { display: true, text: 'Share of the outcome’s variance', font: FONT },
          ticks: { font: FONT, callback: (v) => input.format(Number(v)) },
        },
        y: { ticks: { font: FONT, color: INK } },
      },
      plugins: {
        legend: {
          labels: {
            font: FONT,
            filter: (item) => item.datasetIndex !== SECOND_INTERVAL,
            sort: (a, b) => (INDEX_LEGEND_RANK[a.datasetIndex ?? 0] ?? 0) - (INDEX_LEGEND_RANK[b.datasetIndex ?? 0] ?? 0),
          },
        },
        tooltip: {
          callbacks: {
            title: (items) => input.labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (item) => {
              const k = item.dataIndex;
              const x = item.datasetIndex < 2 ? input.total[k] : input.first[k];
              if (!x) return '';
              const name = item.datasetIndex < 2 ? 'Total' : 'First order';
              return `${name}: ${input.format(x.value)} (95 % interval ${input.format(x.low)} to ${input.format(x.high)})`;
            },
          },
        },
      },
    },
  };
}

export function createIndexBarsChart(canvas: HTMLCanvasElement, input: IndexBarsInput): Chart {
  return new Chart(canvas, indexBarsConfig(input));
}

export interface ScreeningInput {
  /** Every screened input, largest μ* first. */
  points: { label: string; muStar: number; sigma: number }[];
  /** How many of the first points get their own colour, shape and legend entry. */
  named: number;
  /** The outcome and its unit, for the axis titles. */
  outcome: string;
  format: Formatter;
}

const MARKERS = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'] as const;
/** Dark enough to read on white as small shapes (the series palette's light blue is not). */
const MARKER_COLOURS = [BRAND, ORANGE, ACCENT, '#6b46c1', '#b83280', DANGER];

/**
 * Morris screening as μ* (importance, x) against σ (non-linearity or interaction, y). The leading inputs are named
 * in the legend, each with its own colour and shape so they read without colour too; the rest share one grey
 * series. Every point's tooltip names its input.
 */
export function screeningConfig(input: ScreeningInput): ChartConfiguration {
  const named = Math.max(0, Math.min(input.named, MARKERS.length, input.points.length));
  const series = [
    ...input.points.slice(0, named).map((p, i) => ({ label: p.label, points: [p], colour: MARKER_COLOURS[i] ?? INK, marker: MARKERS[i] ?? 'circle' })),
    ...(input.points.length > named ? [{ label: 'Other assumptions', points: input.points.slice(named), colour: '#7a8599', marker: 'circle' as const }] : []),
  ];
  const xy = (p: ScreeningInput['points'][number]) => {
    const x = finite(p.muStar);
    const y = finite(p.sigma);
    return x === null || y === null ? null : { x, y };
  };
  return {
    type: 'line',
    data: {
      datasets: series.map((s) => ({
        label: s.label,
        data: s.points.map(xy) as never,
        showLine: false,
        borderColor: s.colour,
        backgroundColor: `${s.colour}cc`,
        pointStyle: s.marker,
        pointRadius: s.label === 'Other assumptions' ? 5 : 9,
        pointHoverRadius: 11,
      })),
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          beginAtZero: true,
          title: { display: true, text: `μ*: importance (${input.outcome} per whole range)`, font: FONT },
          ticks: { font: FONT, maxTicksLimit: 8, callback: (v) => input.format(Number(v)) },
        },
        y: {
          beginAtZero: true,
          title: { display: true, text: 'σ: non-linearity or interaction', font: FONT },
          ticks: { font: FONT, callback: (v) => input.format(Number(v)) },
        },
      },
      plugins: {
        legend: { labels: { font: FONT, usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: (item) => {
              const p = series[item.datasetIndex]?.points[item.dataIndex];
              return p ? `${p.label}: μ* ${input.format(p.muStar)}, σ ${input.format(p.sigma)}` : '';
            },
          },
        },
      },
    },
  };
}

export function createScreeningChart(canvas: HTMLCanvasElement, input: ScreeningInput): Chart {
  return new Chart(canvas, screeningConfig(input));
}
