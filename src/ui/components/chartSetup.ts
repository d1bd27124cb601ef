// Chart.js, registered with only the parts CX Align draws; imported lazily so charts never weigh on the first load.
import {
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

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Legend, Tooltip, Decimation);

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
