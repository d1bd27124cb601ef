// Chart.js drawings of the weighting/ROI model (share curve, tornado, benefits over time, scenarios); loaded lazily.
import { Chart } from 'chart.js';
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
            label: `Scorecards today: ${Math.round(input.currentPct)} %`,
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
      scales: {
        x: {
          // The bars float around the base case; an axis from 0 would squeeze them into a corner.
          beginAtZero: false,
          title: { display: true, text: input.xLabel, font: FONT },
          ticks: { font: FONT, callback: (v) => input.format(Number(v)) },
        },
        y: { ticks: { font: FONT, color: INK } },
      },
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
