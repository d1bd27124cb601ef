import { afterEach, describe, expect, it } from 'vitest';
import { CxDatabase, createPlan, saveDataset } from '../storage';
import { samplePlan, uniqueDbName } from '../storage/fixtures/testing';
import { createAnalysisApi } from './analysisApi';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe('analysis API over stored datasets', () => {
  let db: CxDatabase;
  afterEach(async () => db.delete());

  async function storeSurvey() {
    db = new CxDatabase(uniqueDbName());
    const plan = samplePlan();
    await createPlan(db, plan);
    return saveDataset(
      db,
      {
        planId: plan.id,
        name: 'Survey',
        kind: 'survey',
        fileName: 's.csv',
        sizeBytes: 1,
        contentHash: 'h',
        columns: [
          { name: 'submitted', type: 'date' },
          { name: 'region', type: 'category', dictionary: ['North', 'South'] },
          { name: 'ltr', type: 'number' },
        ],
      },
      [
        Float64Array.from(['2024-01-05', '2024-01-20', '2024-02-03', '2024-02-10'], day),
        Int32Array.from([0, 1, 0, 1]),
        Float64Array.from([10, 3, 9, Number.NaN]),
      ],
    );
  }

  it('pools NPS by month and region from the stored columns, a blank answer being missing', async () => {
    const dataset = await storeSurvey();
    const api = createAnalysisApi(async () => db);
    const summary = await api.surveySummary({ datasetId: dataset.id, period: 0, granularity: 'month', segment: 1, nps: 2, csat: null, ces: null });
    if (!summary.ok) throw new Error(summary.reason);
    const cells = summary.aggregate.rows.map((r) => [r.period, r.segment, r.nps?.ok ? r.nps.nps : null]);
    expect(cells).toEqual([
      ['2024-01', null, 0],
      ['2024-01', 'North', 100],
      ['2024-01', 'South', -100],
      ['2024-02', null, 100],
      ['2024-02', 'North', 100],
      ['2024-02', 'South', null],
    ]);
  });

  it('says what to choose when no answer column is named', async () => {
    const dataset = await storeSurvey();
    const api = createAnalysisApi(async () => db);
    const summary = await api.surveySummary({ datasetId: dataset.id, period: 0, granularity: 'all', segment: null, nps: null, csat: null, ces: null });
    expect(summary).toEqual({ ok: false, reason: 'Choose which columns hold the NPS, CSAT or CES answers.' });
  });
});

/** Stores the R fixture's month column and the named number columns as one time-series dataset. */
async function storeKpiColumns(db: CxDatabase, names: string[]) {
  const { fixture } = await import('../domain/correlation/fixturesForTests');
  const kpis = fixture('monthly_kpis.csv');
  const plan = samplePlan();
  await createPlan(db, plan);
  return saveDataset(
    db,
    {
      planId: plan.id,
      name: 'KPIs',
      kind: 'timeseries',
      fileName: 'monthly_kpis.csv',
      sizeBytes: 1,
      contentHash: 'h',
      columns: [{ name: 'month', type: 'date' }, ...names.map((name) => ({ name, type: 'number' as const }))],
    },
    [
      Float64Array.from(kpis.text('month'), (m) => Date.parse(`${m}-01T00:00:00Z`)),
      ...names.map((name) => Float64Array.from(kpis.numbers(name))),
    ],
  );
}

describe('correlation test over a stored KPI dataset', () => {
  let db: CxDatabase;
  afterEach(async () => db.delete());

  it('finds NPS leading revenue by 3 months at about $4,030 a point on the R fixture, trend controlled', async () => {
    db = new CxDatabase(uniqueDbName());
    const dataset = await storeKpiColumns(db, ['revenue', 'nps']);
    const api = createAnalysisApi(async () => db);
    const summary = await api.correlationTest({ datasetId: dataset.id, period: 0, kpi: 1, metrics: [{ column: 2, label: 'lagging' }], mode: 'trendControlled' });
    if (!summary.ok) throw new Error(summary.reason);
    const entry = summary.entries[0]!;
    if (!entry.result.ok) throw new Error(entry.result.reason);
    expect(entry.result.best.lag).toBe(3);
    expect(summary.ranking.ranked[0]?.slope.slope).toBeCloseTo(4030.12956626882, 6);
    expect(entry.leadLag.ok && entry.leadLag.direction).toBe('leads');
  });
});

describe('KPI conflicts over a stored dataset', () => {
  let db: CxDatabase;
  afterEach(async () => db.delete());

  it('flags shorter handle times going with lower CSAT on the R fixture as a conflict', async () => {
    db = new CxDatabase(uniqueDbName());
    const dataset = await storeKpiColumns(db, ['csat', 'aht_seconds']);
    const api = createAnalysisApi(async () => db);
    const summary = await api.conflictMatrix({
      datasetId: dataset.id,
      period: 0,
      columns: [
        { column: 1, direction: 'higher' },
        { column: 2, direction: 'lower' },
      ],
    });
    if (!summary.ok) throw new Error(summary.reason);
    expect(summary.pairs).toHaveLength(1);
    const pair = summary.pairs[0]!;
    expect(pair.levels.ok && pair.levels.r).toBeCloseTo(0.32, 2);
    expect(pair.relation).toBe('conflict');
  });
});
