// Chart.js, registered with only the parts CX Align draws; imported lazily so charts never weigh on the first load.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Decimation,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  LinearScale,
  CategoryScale,
  Filler,
  Legend,
  Tooltip,
  Decimation,
);

/** Exported PNGs get a white background: Chart.js leaves the canvas transparent, which some viewers show as black. */
const whiteBackground = {
  id: 'whiteBackground',
  beforeDraw: (chart: Chart) => {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};
Chart.register(whiteBackground);

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export interface LineChartInput {
  labels: string[];
  datasets: ChartDataset<'line', { x: number; y: number }[]>[];
  yLabel: string;
}

/** Periods sit on a linear x axis (their index) so the decimation plugin can thin long daily series. */
export function createChart(canvas: HTMLCanvasElement, input: LineChartInput): Chart<'line', { x: number; y: number }[]> {
  const { labels } = input;
  return new Chart<'line', { x: number; y: number }[]>(canvas, {
    type: 'line',
    data: { datasets: input.datasets },
    options: {
      parsing: false,
      normalized: true,
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      font: { size: 15 },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          max: Math.max(0, labels.length - 1),
          ticks: {
            font: { size: 14 },
            maxTicksLimit: 12,
            callback: (value) => labels[Math.round(Number(value))] ?? '',
          },
          grid: { display: false },
        },
        y: {
          title: { display: input.yLabel !== '', text: input.yLabel, font: { size: 14 } },
          ticks: { font: { size: 14 }, callback: (value) => numberFormat.format(Number(value)) },
        },
      },
      plugins: {
        decimation: { enabled: labels.length > 500, algorithm: 'lttb', samples: 500 },
        legend: {
          labels: {
            font: { size: 14 },
            // Interval bands explain themselves through their shading; the legend lists the lines only.
            filter: (item) => !String(item.text).includes('(95 %'),
          },
        },
        tooltip: {
          callbacks: {
            title: (items) => labels[Math.round(items[0]?.parsed.x ?? 0)] ?? '',
            label: (item) => `${item.dataset.label ?? ''}: ${numberFormat.format(item.parsed.y ?? Number.NaN)}`,
          },
        },
      },
    },
  });
}

export interface LagProfileInput {
  lags: number[];
  /** Correlation at each lag; NaN where it could not be computed. */
  r: number[];
  /** Half-width of the significance band at each lag (z₀.₉₇₅/√n). */
  band: number[];
  best: number | null;
}

/** Cross-correlation bars by lag with the ±1.96/√n band: bars beyond the band are significant on their own. */
export function createLagProfileChart(canvas: HTMLCanvasElement, input: LagProfileInput): Chart {
  const labels = input.lags.map(String);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          type: 'bar',
          label: 'Correlation',
          data: input.r.map((r) => (Number.isFinite(r) ? r : null)) as number[],
          backgroundColor: input.lags.map((lag) => (lag === input.best ? '#0b6e4f' : '#8eaad3')),
        },
        {
          type: 'line',
          label: 'Significance band (+)',
          data: input.band,
          borderColor: '#a4161a',
          borderDash: [6, 4],
          borderWidth: 1.5,
          pointRadius: 0,
        },
        {
          type: 'line',
          label: 'Significance band (−)',
          data: input.band.map((b) => -b),
          borderColor: '#a4161a',
          borderDash: [6, 4],
          borderWidth: 1.5,
          pointRadius: 0,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: 'Lag (periods the metric leads the KPI)', font: { size: 14 } }, ticks: { font: { size: 14 } } },
        y: { min: -1, max: 1, title: { display: true, text: 'r', font: { size: 14 } }, ticks: { font: { size: 14 } } },
      },
      plugins: {
        legend: { labels: { font: { size: 14 }, filter: (item) => !String(item.text).includes('(−)') } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${numberFormat.format(item.parsed.y ?? Number.NaN)}` } },
      },
    },
  });
}
