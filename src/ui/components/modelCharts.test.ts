// Chart configurations of the sensitivity analyses, checked without a canvas: what is drawn where, and what a tooltip says.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ChartConfiguration } from 'chart.js';
import { indexBarsConfig, rangeChartConfig, screeningConfig, twoLines } from './modelCharts';

const euro = (v: number) => `€${Math.round(v)}`;

type Item = { datasetIndex: number; dataIndex: number; parsed: { x?: number; y?: number } };

/** The tooltip's label and title callbacks, called the way Chart.js calls them. */
function tooltip(config: ChartConfiguration) {
  const callbacks = config.options?.plugins?.tooltip?.callbacks as unknown as {
    label: (item: Item) => string;
    title?: (items: Item[]) => string;
  };
  return callbacks;
}

const datasets = (config: ChartConfiguration) => config.data.datasets as unknown as { label: string; data: unknown[]; stack?: string }[];

describe('Monte Carlo range chart', () => {
  const input = {
    labels: ['Collective-heavy', 'Individual-heavy'],
    p10: [100, 80],
    p50: [150, 90],
    p90: [220, 130],
    xLabel: 'NPV',
    format: euro,
  };

  it('draws one bar per scenario from its P10 to its P90 and marks its median on the same row', () => {
    const config = rangeChartConfig(input);
    const [bars, medians] = datasets(config);
    expect(config.data.labels).toEqual(['Collective-heavy', 'Individual-heavy']);
    expect(bars?.data).toEqual([
      [100, 220],
      [80, 130],
    ]);
    expect(medians?.data).toEqual([
      { x: 150, y: 0 },
      { x: 90, y: 1 },
    ]);
    expect(config.options?.indexAxis).toBe('y');
    const sort = config.options?.plugins?.legend?.labels?.sort as (a: { datasetIndex: number }, b: { datasetIndex: number }) => number;
    expect([{ datasetIndex: 1 }, { datasetIndex: 0 }].sort(sort).map((item) => item.datasetIndex)).toEqual([0, 1]);
  });

  it('leaves out a scenario whose numbers are not finite instead of drawing NaN', () => {
    const config = rangeChartConfig({ ...input, p10: [Number.NaN, 80], p50: [150, Number.POSITIVE_INFINITY] });
    const [bars, medians] = datasets(config);
    expect(bars?.data).toEqual([null, [80, 130]]);
    expect(medians?.data).toEqual([{ x: 150, y: 0 }]);
  });

  it('says the range and the median in the outcome’s unit when hovered', () => {
    const t = tooltip(rangeChartConfig(input));
    expect(t.title?.([{ datasetIndex: 1, dataIndex: 0, parsed: { x: 90, y: 1 } }])).toBe('Individual-heavy');
    expect(t.label({ datasetIndex: 0, dataIndex: 1, parsed: { y: 1 } })).toBe('P10 to P90: €80 to €130');
    expect(t.label({ datasetIndex: 1, dataIndex: 0, parsed: { x: 90, y: 1 } })).toBe('P50: €90');
  });

  it('draws every bar from its lower to its higher end, whatever the quantiles', () => {
    const finiteNumber = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(finiteNumber, finiteNumber, finiteNumber), { minLength: 1, maxLength: 4 }), (rows) => {
        const config = rangeChartConfig({
          labels: rows.map((_, k) => `S${k}`),
          p10: rows.map((r) => r[0]),
          p50: rows.map((r) => r[1]),
          p90: rows.map((r) => r[2]),
          xLabel: 'x',
          format: String,
        });
        const bars = datasets(config)[0]?.data as [number, number][];
        expect(bars).toHaveLength(rows.length);
        for (const [low, high] of bars) expect(low).toBeLessThanOrEqual(high);
      }),
    );
  });
});

describe('Sobol index bars', () => {
  const input = {
    labels: ['Curvature', 'Value of NPS'],
    total: [
      { value: 0.5, low: 0.42, high: 0.58 },
      { value: 0.3, low: 0.25, high: 0.36 },
    ],
    first: [
      { value: 0.45, low: 0.38, high: 0.52 },
      { value: 0, low: -0.02, high: 0.05 },
    ],
    format: (v: number) => v.toFixed(2),
  };

  it('crosses each index with its 95 % interval in the same slot, drawn from low to high rather than stacked', () => {
    const config = indexBarsConfig(input);
    const [total, totalInterval, first, firstInterval] = datasets(config);
    expect(config.data.labels).toEqual(['Curvature', 'Value of NPS']);
    expect(total?.data).toEqual([0.5, 0.3]);
    expect(totalInterval?.data).toEqual([
      [0.42, 0.58],
      [0.25, 0.36],
    ]);
    expect(first?.data).toEqual([0.45, 0]);
    expect(firstInterval?.data).toEqual([
      [0.38, 0.52],
      [-0.02, 0.05],
    ]);
    expect(total?.stack).toBe(totalInterval?.stack);
    expect(first?.stack).toBe(firstInterval?.stack);
    expect(total?.stack).not.toBe(first?.stack);
    const x = config.options?.scales?.x as { stacked?: boolean };
    expect(x.stacked).toBe(false);
  });

  it('lists one interval in the legend, since both look the same, after the two indices', () => {
    const labels = indexBarsConfig(input).options?.plugins?.legend?.labels;
    const filter = labels?.filter as (item: { datasetIndex: number }) => boolean;
    const sort = labels?.sort as (a: { datasetIndex: number }, b: { datasetIndex: number }) => number;
    const shown = [0, 1, 2, 3].map((datasetIndex) => ({ datasetIndex })).filter((item) => filter(item));
    expect(shown.sort(sort).map((item) => item.datasetIndex)).toEqual([0, 2, 1]);
  });

  it('names the index and its interval when hovered', () => {
    const t = tooltip(indexBarsConfig(input));
    expect(t.title?.([{ datasetIndex: 0, dataIndex: 1, parsed: {} }])).toBe('Value of NPS');
    expect(t.label({ datasetIndex: 0, dataIndex: 1, parsed: {} })).toBe('Total: 0.30 (95 % interval 0.25 to 0.36)');
    expect(t.label({ datasetIndex: 3, dataIndex: 0, parsed: {} })).toBe('First order: 0.45 (95 % interval 0.38 to 0.52)');
  });
});

describe('axis labels of long input names', () => {
  it('breaks a long name at the space nearest its middle and leaves a short one alone', () => {
    expect(twoLines('Value of NPS')).toBe('Value of NPS');
    expect(twoLines('Reach: Customer Experience on Churn')).toEqual(['Reach: Customer', 'Experience on Churn']);
    expect(twoLines('Supercalifragilisticexpialidocious-metric')).toBe('Supercalifragilisticexpialidocious-metric');
  });

  it('keeps every word of the name, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 8 }), (words) => {
        const label = words.join(' ');
        const lines = twoLines(label);
        expect(Array.isArray(lines) ? lines.join(' ') : lines).toBe(label);
      }),
    );
  });
});

describe('Morris screening chart', () => {
  const points = [
    { label: 'Curvature', muStar: 900, sigma: 400 },
    { label: 'Value of NPS', muStar: 700, sigma: 50 },
    { label: 'Free riding', muStar: 300, sigma: 120 },
    { label: 'Line of sight', muStar: 100, sigma: 10 },
  ];

  it('names the leading inputs in the legend and puts the rest in one grey series', () => {
    const config = screeningConfig({ points, named: 2, outcome: 'Total value', format: euro });
    const sets = datasets(config);
    expect(sets.map((s) => s.label)).toEqual(['Curvature', 'Value of NPS', 'Other assumptions']);
    expect(sets[0]?.data).toEqual([{ x: 900, y: 400 }]);
    expect(sets[2]?.data).toEqual([
      { x: 300, y: 120 },
      { x: 100, y: 10 },
    ]);
  });

  it('names the input under the pointer with its μ* and σ', () => {
    const t = tooltip(screeningConfig({ points, named: 2, outcome: 'Total value', format: euro }));
    expect(t.label({ datasetIndex: 2, dataIndex: 1, parsed: {} })).toBe('Line of sight: μ* €100, σ €10');
    expect(t.label({ datasetIndex: 1, dataIndex: 0, parsed: {} })).toBe('Value of NPS: μ* €700, σ €50');
  });

  it('puts the outcome in the importance axis title and starts both axes at zero', () => {
    const scales = screeningConfig({ points, named: 5, outcome: 'Total value', format: euro }).options?.scales as Record<
      string,
      { beginAtZero?: boolean; title?: { text?: string } }
    >;
    expect(scales.x?.title?.text).toBe('μ*: importance (Total value per whole range)');
    expect(scales.x?.beginAtZero).toBe(true);
    expect(scales.y?.beginAtZero).toBe(true);
  });

  it('draws every input exactly once, however many are named', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ muStar: fc.double({ min: 0, max: 1e6, noNaN: true }), sigma: fc.double({ min: 0, max: 1e6, noNaN: true }) }), {
          maxLength: 30,
        }),
        fc.integer({ min: 0, max: 10 }),
        (raw, named) => {
          const pts = raw.map((p, i) => ({ ...p, label: `input ${i}` }));
          const sets = datasets(screeningConfig({ points: pts, named, outcome: 'x', format: String }));
          const drawn = sets.flatMap((s) => s.data as { x: number; y: number }[]);
          expect(drawn).toEqual(pts.map((p) => ({ x: p.muStar, y: p.sigma })));
          expect(sets.filter((s) => s.label !== 'Other assumptions').length).toBe(Math.min(named, 6, pts.length));
        },
      ),
    );
  });
});
