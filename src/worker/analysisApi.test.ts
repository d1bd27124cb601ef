// The analysis API over datasets stored in a throw-away database: survey scores, correlation tests, conflicts, key drivers.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CxDatabase, createPlan, deleteDataset, saveDataset } from '../storage';
import { samplePlan, uniqueDbName } from '../storage/fixtures/testing';
import { createAnalysisApi } from './analysisApi';
import { johnsonRelativeWeights, shapleyR2 } from '../domain/stats/drivers';

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

  it('reads the columns once for the three readings of one KPI and answers each as a fresh start would', async () => {
    db = new CxDatabase(uniqueDbName());
    const dataset = await storeKpiColumns(db, ['revenue', 'nps', 'csat', 'fcr']);
    const api = createAnalysisApi(async () => db);
    const columnReads = vi.spyOn(db.chunks, 'where');
    const metrics = [{ column: 2, label: 'lagging' as const }, { column: 3 }, { column: 4, label: 'leading' as const }];
    const modes = ['levels', 'trendControlled', 'differences'] as const;
    const answers = [];
    for (const mode of modes) answers.push(await api.correlationTest({ datasetId: dataset.id, period: 0, kpi: 1, metrics, mode }));
    expect(columnReads).toHaveBeenCalledTimes(5);
    for (const [i, mode] of modes.entries()) {
      const fresh = await createAnalysisApi(async () => db).correlationTest({ datasetId: dataset.id, period: 0, kpi: 1, metrics, mode });
      expect(answers[i]).toEqual(fresh);
    }
  });

  it('reads only the metric columns it has not read yet, and starts over for another KPI', async () => {
    db = new CxDatabase(uniqueDbName());
    const dataset = await storeKpiColumns(db, ['revenue', 'nps', 'csat']);
    const api = createAnalysisApi(async () => db);
    const columnReads = vi.spyOn(db.chunks, 'where');
    const request = (kpi: number, columns: number[]) =>
      ({ datasetId: dataset.id, period: 0, kpi, metrics: columns.map((column) => ({ column })), mode: 'differences' as const });
    await api.correlationTest(request(1, [2]));
    expect(columnReads).toHaveBeenCalledTimes(3);
    await api.correlationTest(request(1, [2, 3]));
    expect(columnReads).toHaveBeenCalledTimes(4);
    const otherKpi = await api.correlationTest(request(2, [3]));
    expect(columnReads).toHaveBeenCalledTimes(7);
    expect(otherKpi).toEqual(await createAnalysisApi(async () => db).correlationTest(request(2, [3])));
  });

  it('says the dataset is gone when it was deleted after its columns were read', async () => {
    db = new CxDatabase(uniqueDbName());
    const dataset = await storeKpiColumns(db, ['revenue', 'nps']);
    const api = createAnalysisApi(async () => db);
    const request = { datasetId: dataset.id, period: 0, kpi: 1, metrics: [{ column: 2 }], mode: 'levels' as const };
    expect((await api.correlationTest(request)).ok).toBe(true);
    await deleteDataset(db, dataset.id);
    expect(await api.correlationTest(request)).toEqual({ ok: false, reason: 'This dataset is no longer stored.' });
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

describe('key drivers over stored datasets', () => {
  let db: CxDatabase;
  afterEach(async () => db.delete());

  const DRIVERS = ['nps', 'csat', 'ces', 'fcr', 'aht_seconds', 'churn_rate', 'conversion_rate'];

  it('reproduces R’s Johnson weights and Shapley shares of revenue from the stored monthly series', async () => {
    db = new CxDatabase(uniqueDbName());
    const dataset = await storeKpiColumns(db, ['revenue', ...DRIVERS]);
    const { fixture } = await import('../domain/correlation/fixturesForTests');
    const reference = fixture('reference_drivers_revenue.csv');
    const api = createAnalysisApi(async () => db);
    const summary = await api.keyDrivers({
      level: 'series',
      datasetId: dataset.id,
      period: 0,
      outcome: { column: 1, name: 'revenue' },
      drivers: DRIVERS.map((name, j) => ({ column: j + 2, name })),
    });
    if (!summary.ok) throw new Error(summary.reason);
    expect(summary).toMatchObject({ level: 'series', rows: 60, n: 57, granularity: 'month', shapleyNote: null });
    expect(Math.abs(summary.rSquared / 0.2731906824 - 1)).toBeLessThan(1e-9);
    summary.drivers.forEach((driver, j) => {
      expect(Math.abs(driver.johnson.raw / reference.numbers('johnson_raw')[j]! - 1)).toBeLessThan(1e-9);
      expect(Math.abs(driver.shapley!.pct / reference.numbers('shapley_pct')[j]! - 1)).toBeLessThan(1e-9);
    });
  });

  it('pairs each driver with the outcome its lag later, as the whole-column method does on shifted series', async () => {
    db = new CxDatabase(uniqueDbName());
    const dataset = await storeKpiColumns(db, ['revenue', 'nps', 'csat']);
    const api = createAnalysisApi(async () => db);
    const summary = await api.keyDrivers({
      level: 'series',
      datasetId: dataset.id,
      period: 0,
      outcome: { column: 1, name: 'revenue' },
      drivers: [
        { column: 2, name: 'NPS', lag: 3, scale: { min: -100, max: 100 } },
        { column: 3, name: 'CSAT', scale: { min: 0, max: 100 } },
      ],
    });
    if (!summary.ok) throw new Error(summary.reason);
    const { kpis } = await import('../domain/correlation/fixturesForTests');
    const revenue = kpis.numbers('revenue');
    const nps = kpis.numbers('nps');
    const shifted = Float64Array.from(revenue, (_, t) => (t >= 3 ? nps[t - 3]! : Number.NaN));
    const expected = johnsonRelativeWeights([shifted, kpis.numbers('csat')], revenue);
    if (!expected.ok) throw new Error(expected.reason);
    expect(summary.n).toBe(expected.n);
    expect(summary.rSquared).toBeCloseTo(expected.rSquared, 12);
    expect(summary.drivers[0]!.johnson.raw).toBeCloseTo(expected.weights[0]!.raw, 12);
    expect(summary.drivers[0]!.lag).toBe(3);
    // NPS leads revenue by 3 months in the fixture: lagged, it explains more than CSAT does.
    expect(summary.drivers[0]!.johnson.pct).toBeGreaterThan(summary.drivers[1]!.johnson.pct);
    expect(summary.drivers[0]!.performance).toMatchObject({ basis: 'scale', low: -100, high: 100 });
  });

  async function storeResponses(columns: { ltr: Float64Array; csat: Float64Array; effort: Float64Array }, chunkRows: number) {
    const plan = samplePlan();
    await createPlan(db, plan);
    return saveDataset(
      db,
      {
        planId: plan.id,
        name: 'Survey',
        kind: 'survey',
        fileName: 'survey.csv',
        sizeBytes: 1,
        contentHash: 'h',
        chunkRows,
        columns: [
          { name: 'likelihood_to_recommend', type: 'number' },
          { name: 'csat', type: 'number' },
          { name: 'effort', type: 'number' },
          { name: 'region', type: 'category', dictionary: ['North'] },
        ],
      },
      [columns.ltr, columns.csat, columns.effort, new Int32Array(columns.ltr.length)],
    );
  }

  const surveyRequest = (datasetId: string) => ({
    level: 'respondent' as const,
    datasetId,
    outcome: { column: 0, name: 'likelihood to recommend', scale: { min: 0, max: 10 } },
    drivers: [
      { column: 1, name: 'CSAT', scale: { min: 1, max: 5 }, direction: 'higher' as const },
      { column: 2, name: 'effort', scale: { min: 1, max: 7 }, direction: 'lower' as const },
    ],
  });

  it('streams the survey fixture’s responses chunk by chunk to the same weights as the whole columns', async () => {
    db = new CxDatabase(uniqueDbName());
    const { responses } = await import('../domain/survey/surveyFixturesForTests');
    const columns = { ltr: responses.numbers('likelihood_to_recommend'), csat: responses.numbers('csat'), effort: responses.numbers('effort') };
    const dataset = await storeResponses(columns, 300);
    const api = createAnalysisApi(async () => db);
    const summary = await api.keyDrivers(surveyRequest(dataset.id));
    if (!summary.ok) throw new Error(summary.reason);
    const johnson = johnsonRelativeWeights([columns.csat, columns.effort], columns.ltr);
    const shapley = shapleyR2([columns.csat, columns.effort], columns.ltr);
    if (!johnson.ok || !shapley.ok) throw new Error('reference failed');
    expect(summary).toMatchObject({ level: 'respondent', rows: 4000, n: johnson.n, granularity: null, outcomeOutOfRange: 0 });
    expect(summary.rSquared).toBeCloseTo(johnson.rSquared, 12);
    summary.drivers.forEach((driver, j) => {
      expect(driver.johnson.raw).toBeCloseTo(johnson.weights[j]!.raw, 12);
      expect(driver.shapley!.r2).toBeCloseTo(shapley.shares[j]!.r2, 12);
    });
    // Easier contacts go with more willingness to recommend.
    expect(summary.drivers[1]!.r).toBeLessThan(0);
    const csat = summary.drivers[0]!.performance!;
    expect(csat).toMatchObject({ basis: 'scale', low: 1, high: 5, direction: 'higher' });
    expect(csat.score).toBeCloseTo((csat.mean - 1) / 4, 15);
    expect(summary.drivers[1]!.performance!.score).toBeCloseTo(1 - (summary.drivers[1]!.performance!.mean - 1) / 6, 15);
  });

  it('leaves "don’t know" codes outside the answer scale out, and counts them', async () => {
    db = new CxDatabase(uniqueDbName());
    const ltr = Float64Array.of(10, 9, 99, 6, 3, 8, 7, 2);
    const csat = Float64Array.of(5, 4, 5, 3, 1, 4, 9, 2);
    const effort = Float64Array.of(1, 2, 1, 4, 6, 2, 3, 6.5);
    const dataset = await storeResponses({ ltr, csat, effort }, 3);
    const summary = await createAnalysisApi(async () => db).keyDrivers(surveyRequest(dataset.id));
    if (!summary.ok) throw new Error(summary.reason);
    expect(summary.n).toBe(6);
    expect(summary.outcomeOutOfRange).toBe(1);
    expect(summary.drivers.map((d) => d.outOfRange)).toEqual([1, 0]);
  });

  it('says why in words when the analysis cannot run', async () => {
    db = new CxDatabase(uniqueDbName());
    const ltr = Float64Array.of(10, 9, 6, 3, 8, 2);
    const dataset = await storeResponses({ ltr, csat: new Float64Array(6).fill(4), effort: Float64Array.of(1, 2, 4, 6, 2, 7) }, 4);
    const api = createAnalysisApi(async () => db);
    expect(await api.keyDrivers(surveyRequest(dataset.id))).toEqual({
      ok: false,
      reason: 'CSAT has the same value in every complete response, so its importance cannot be measured. Untick it.',
    });
    const onCategory = { ...surveyRequest(dataset.id), drivers: [{ column: 3, name: 'region' }] };
    expect(await api.keyDrivers(onCategory)).toEqual({ ok: false, reason: 'the outcome and every driver must be number columns.' });
    expect(await api.keyDrivers({ ...surveyRequest('gone'), datasetId: 'gone' })).toEqual({ ok: false, reason: 'this dataset is no longer stored.' });
    const series = { level: 'series' as const, datasetId: dataset.id, period: 0, outcome: { column: 0, name: 'x' }, drivers: [{ column: 2, name: 'effort', lag: -1 }] };
    expect(await api.keyDrivers(series)).toEqual({ ok: false, reason: 'a lag must be a whole number of periods, 0 or more.' });
  });

  it('analyses one segment’s series of a segmented KPI file', async () => {
    db = new CxDatabase(uniqueDbName());
    const plan = samplePlan();
    await createPlan(db, plan);
    const months = Array.from({ length: 12 }, (_, m) => Date.UTC(2024, m, 1));
    const kpi = (region: number, m: number) => 100 + 3 * m + (region === 0 ? (m % 3) * 5 : (m % 4) * 2);
    const driver = (region: number, m: number) => (region === 0 ? (m % 3) : (m % 4) + (m % 2));
    const rows = [0, 1].flatMap((region) => months.map((t, m) => ({ t, region, y: kpi(region, m), x: driver(region, m), z: (m * 7) % 5 })));
    const dataset = await saveDataset(
      db,
      {
        planId: plan.id,
        name: 'By region',
        kind: 'timeseries',
        fileName: 'r.csv',
        sizeBytes: 1,
        contentHash: 'h',
        columns: [
          { name: 'month', type: 'date' },
          { name: 'region', type: 'category', dictionary: ['North', 'South'] },
          { name: 'revenue', type: 'number' },
          { name: 'nps', type: 'number' },
          { name: 'fcr', type: 'number' },
        ],
      },
      [
        Float64Array.from(rows, (r) => r.t),
        Int32Array.from(rows, (r) => r.region),
        Float64Array.from(rows, (r) => r.y),
        Float64Array.from(rows, (r) => r.x),
        Float64Array.from(rows, (r) => r.z),
      ],
    );
    const summary = await createAnalysisApi(async () => db).keyDrivers({
      level: 'series',
      datasetId: dataset.id,
      period: 0,
      segment: { column: 1, label: 'South' },
      outcome: { column: 2, name: 'revenue' },
      drivers: [
        { column: 3, name: 'NPS' },
        { column: 4, name: 'FCR' },
      ],
    });
    if (!summary.ok) throw new Error(summary.reason);
    const south = rows.filter((r) => r.region === 1);
    const expected = johnsonRelativeWeights(
      [Float64Array.from(south, (r) => r.x), Float64Array.from(south, (r) => r.z)],
      Float64Array.from(south, (r) => r.y),
    );
    if (!expected.ok) throw new Error(expected.reason);
    expect(summary.n).toBe(12);
    expect(summary.rSquared).toBeCloseTo(expected.rSquared, 12);
  });
});
